package merge

import (
	"bytes"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/eol"
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
	style   eol.Style
	noFinal bool // the file did not end with a line end
}

func newText(data []byte) *text {
	t := &text{}
	body, style := eol.Split(data)
	t.style = style
	s := string(body)
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

// bytes writes the text back in the style it came in (pkg/eol).
func (t *text) bytes() []byte {
	var b bytes.Buffer
	for i, l := range t.lines {
		b.WriteString(l)
		if i < len(t.lines)-1 || !t.noFinal {
			b.WriteByte('\n')
		}
	}
	return t.style.Apply(b.Bytes())
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
	// In place: a copy of every line per edit was a tenth of merging a
	// 100-change amendment into 5,000 activities.
	t.lines = slices.Replace(t.lines, from-1, to, repl...)
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
		newV.Style = 0
		if old.Style&yaml.FlowStyle != 0 {
			amendment.Flow(newV)
		}
	}
	newV.LineComment = old.LineComment
	return newV
}
