package merge

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// A roadmap is edited as text, not re-encoded as a whole: yaml.v3 loses
// blank lines, moves some comments and re-indents what it writes. So the
// parsed yaml.Node tree is used to find where things are (lines), and only
// the lines of what changes are replaced by the encoding of the new nodes;
// every other byte of the file stays as it was. After each edit the text is
// parsed again, so positions are always those of the current text.

// text is a YAML file as lines, with what is needed to write it back as it
// came: a byte-order mark, CRLF line ends, a missing final line end.
type text struct {
	lines   []string // without line ends
	bom     bool
	crlf    bool
	noFinal bool // the file did not end with a line end
}

var bom = []byte("\xEF\xBB\xBF")

func newText(data []byte) *text {
	t := &text{}
	if bytes.HasPrefix(data, bom) {
		t.bom = true
		data = data[len(bom):]
	}
	s := string(data)
	t.crlf = strings.Contains(s, "\r\n")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if s == "" {
		return t
	}
	if !strings.HasSuffix(s, "\n") {
		t.noFinal = true
	} else {
		s = s[:len(s)-1]
	}
	t.lines = strings.Split(s, "\n")
	return t
}

// bytes writes the text back: LF line ends, unless the input had CRLF.
func (t *text) bytes() []byte {
	var b bytes.Buffer
	if t.bom {
		b.Write(bom)
	}
	eol := "\n"
	if t.crlf {
		eol = "\r\n"
	}
	for i, l := range t.lines {
		b.WriteString(l)
		if i < len(t.lines)-1 || !t.noFinal {
			b.WriteString(eol)
		}
	}
	return b.Bytes()
}

// body is the text as the YAML parser should see it (LF, no BOM).
func (t *text) body() []byte {
	if len(t.lines) == 0 {
		return nil
	}
	return []byte(strings.Join(t.lines, "\n") + "\n")
}

func (t *text) clone() *text {
	c := *t
	c.lines = append([]string(nil), t.lines...)
	return &c
}

// replace puts repl in place of lines from..to (1-based, inclusive); to =
// from-1 inserts before line from.
func (t *text) replace(from, to int, repl []string) {
	out := make([]string, 0, len(t.lines)-(to-from+1)+len(repl))
	out = append(out, t.lines[:from-1]...)
	out = append(out, repl...)
	out = append(out, t.lines[to:]...)
	t.lines = out
}

// line returns line n (1-based), or "" past the end.
func (t *text) line(n int) string {
	if n < 1 || n > len(t.lines) {
		return ""
	}
	return t.lines[n-1]
}

// parse parses the text into its root node.
func (t *text) parse(file string) (*yaml.Node, []diag.Finding) {
	return roadmap.ParseYAML(file, t.body())
}

// indentOf is the number of leading spaces of a line.
func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// isBlank reports an empty or whitespace-only line.
func isBlank(l string) bool { return strings.TrimSpace(l) == "" }

// isComment reports a line holding only a comment.
func isComment(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "#") }

// encodeNode encodes n as YAML with a 2-space indent, every line prefixed
// with indent spaces, comments kept.
func encodeNode(n *yaml.Node, indent int) []string {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		// Nodes are built by this package from parsed ones; an encoding
		// failure is a bug, not a user error.
		panic("merge: cannot encode node: " + err.Error())
	}
	enc.Close()
	s := strings.TrimSuffix(b.String(), "\n")
	lines := strings.Split(s, "\n")
	pad := strings.Repeat(" ", indent)
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return lines
}

// encodeEntry encodes "key: value" at indent.
func encodeEntry(key *yaml.Node, value *yaml.Node, indent int) []string {
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{key, value}}
	return encodeNode(m, indent)
}

// encodeItem encodes "- item" with the dash at indent.
func encodeItem(item *yaml.Node, indent int) []string {
	s := &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}}
	return encodeNode(s, indent)
}

// keyNode makes a plain key.
func keyNode(k string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}
}

// strNode makes a string scalar; the encoder quotes it when it must.
func strNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// plainNode makes an untagged scalar written as is (numbers, dates).
func plainNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
}

// copyNode deep-copies n, expanding aliases (within budget, checked by the
// loader) and dropping anchors, comments and positions, so that it can be
// placed into another file.
func copyNode(n *yaml.Node) *yaml.Node {
	return copyDepth(n, 0)
}

func copyDepth(n *yaml.Node, depth int) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || depth > 200 {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return copyDepth(n.Content[0], depth+1)
	}
	c := &yaml.Node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value}
	if n.Kind == yaml.MappingNode {
		// Expand merge keys: a roadmap gets the plain result.
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

// restyle gives a new value the look of the value it replaces when both
// are simple: a scalar keeps its quoting (unless the new text needs
// another), a list keeps flow or block style; the old line comment stays.
func restyle(newV, old *yaml.Node) *yaml.Node {
	if old == nil || newV == nil {
		return newV
	}
	switch {
	case newV.Kind == yaml.ScalarNode && old.Kind == yaml.ScalarNode:
		if !strings.Contains(newV.Value, "\n") && old.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
			newV.Style = old.Style &^ yaml.TaggedStyle
		}
	case newV.Kind == yaml.SequenceNode && old.Kind == yaml.SequenceNode,
		newV.Kind == yaml.MappingNode && old.Kind == yaml.MappingNode:
		newV.Style = old.Style & yaml.FlowStyle
		if newV.Style&yaml.FlowStyle != 0 && !flowable(newV) {
			newV.Style = 0
		}
	}
	newV.LineComment = old.LineComment
	return newV
}

// flowable reports whether n can be written in flow style: no multi-line
// scalars inside.
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
