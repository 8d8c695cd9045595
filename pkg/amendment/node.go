package amendment

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// The YAML node helpers an amendment is read and written with. Package
// merge edits roadmap files with the same ones, so they are exported.

// Key makes a plain mapping key.
func Key(k string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}
}

// Lookup returns the key and value nodes of key in mapping m, or nils
// when m is not a mapping or has no such key.
func Lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// IsNull reports a null scalar: as a field's value it removes the field.
func IsNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// Scalars lists the trimmed texts of a scalar or of the scalars of a list
// (an executors value); null gives none.
func Scalars(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if IsNull(n) {
			return nil
		}
		return []string{strings.TrimSpace(n.Value)}
	}
	var out []string
	for _, c := range n.Content {
		for c.Kind == yaml.AliasNode && c.Alias != nil {
			c = c.Alias
		}
		if c.Kind == yaml.ScalarNode {
			out = append(out, strings.TrimSpace(c.Value))
		}
	}
	return out
}

// Copy deep-copies n, expanding aliases (within budget, checked by the
// loader) and merge keys and dropping anchors, comments and positions, so
// that it can be placed into another file.
func Copy(n *yaml.Node) *yaml.Node {
	return copyDepth(n, 0)
}

func copyDepth(n *yaml.Node, depth int) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || depth > 200 {
		return NullValue()
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return copyDepth(n.Content[0], depth+1)
	}
	c := &yaml.Node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value}
	if n.Kind == yaml.MappingNode {
		// Expand merge keys: the other file gets the plain result.
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
				continue
			}
			c.Content = append(c.Content, copyDepth(k, depth+1), copyDepth(v, depth+1))
		}
		return c
	}
	for _, sub := range n.Content {
		c.Content = append(c.Content, copyDepth(sub, depth+1))
	}
	return c
}

// Flow gives the list or mapping n flow style ([a, b], {k: v}), or block
// style when something in it cannot be written in flow style (a
// multi-line text), and returns n.
func Flow(n *yaml.Node) *yaml.Node {
	n.Style = 0
	if flowable(n) {
		n.Style = yaml.FlowStyle
	}
	return n
}

func flowable(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode {
		return !strings.Contains(n.Value, "\n")
	}
	for _, c := range n.Content {
		if !flowable(c) {
			return false
		}
	}
	return true
}
