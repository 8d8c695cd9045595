// Package yamlfmt owns the canonical layout of roadmap and amendment
// files: keys in the order of the format (docs/format.md), two-space
// indentation, strings quoted only where YAML needs it (order numbers
// always quoted: "94/01-09" must stay text). Comments stay with the keys
// they annotate; flow or block style is the author's choice and is kept,
// and so are the file's line ends (CRLF) and byte-order mark (pkg/eol).
package yamlfmt

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/eol"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// ErrNotYAML is returned for input that is not a single YAML document;
// `roadmap check` says why.
var ErrNotYAML = errors.New("not a well-formed YAML document: run roadmap check")

// Format returns data in canonical layout. Formatting is applied until the
// text stops changing (at most three times): a few odd inputs, such as an
// empty key, settle only on the second pass.
func Format(data []byte) ([]byte, error) {
	body, style := eol.Split(data)
	if !utf8.Valid(body) {
		// UTF-16 or a Windows code page: check rejects it (RM020), so fmt
		// must not quietly convert it.
		return nil, ErrNotYAML
	}
	out, err := formatOnce(body)
	// A formatted file gives itself back, and then another pass would too
	// (formatOnce is a function of its input): the common case of fmt
	// --check costs one pass, not two.
	for i := 0; i < 2 && err == nil && !bytes.Equal(out, body); i++ {
		again, err2 := formatOnce(out)
		if err2 != nil || bytes.Equal(again, out) {
			break
		}
		out = again
	}
	if err != nil {
		return nil, err
	}
	return style.Apply(out), nil
}

func formatOnce(data []byte) (out []byte, err error) {
	defer func() {
		// yaml.v3 can panic on odd input; user input never crashes the tool.
		if p := recover(); p != nil {
			out, err = nil, ErrNotYAML
		}
	}()
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	var doc yaml.Node
	if !roadmap.MayHoldDocuments(data) {
		// One document at most: parsed from memory, not through a reader.
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, ErrNotYAML
		}
	} else {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		if err := dec.Decode(&doc); err != nil {
			return nil, ErrNotYAML
		}
		var extra yaml.Node
		if dec.Decode(&extra) == nil {
			return nil, ErrNotYAML // several documents: check reports it
		}
	}
	if len(doc.Content) == 0 {
		return nil, ErrNotYAML
	}
	root := doc.Content[0]
	// Roadmaps and amendments are mappings; anything else is for roadmap
	// check to explain, not for fmt to lay out.
	if root.Kind != yaml.MappingNode {
		return nil, ErrNotYAML
	}
	{
		if format := value(root, "format"); format != nil && strings.HasPrefix(format.Value, amendment.FormatPrefix) {
			orderKeys(root, amendment.KeyOrder)
		} else {
			arrange(root, reflect.TypeOf(roadmap.Roadmap{}), "")
		}
	}
	normalize(root, "", false)
	var buf bytes.Buffer
	buf.Grow(len(data) + len(data)/8) // the output is about the input's size
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

var (
	dueType       = reflect.TypeOf(phrase.Due{})
	indicatorType = reflect.TypeOf(phrase.Indicator{})
)

// arrange orders the keys of a mapping like the fields of t, recursively.
func arrange(n *yaml.Node, t reflect.Type, path string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == dueType:
		t = reflect.TypeOf(roadmap.DueSpec{})
	case t == indicatorType:
		t = reflect.TypeOf(roadmap.IndicatorSpec{})
	}
	switch n.Kind {
	case yaml.MappingNode:
		if t.Kind() == reflect.Map {
			for i := 1; i < len(n.Content); i += 2 {
				arrange(n.Content[i], t.Elem(), path)
			}
			return
		}
		if t.Kind() != reflect.Struct {
			return
		}
		fields := map[string]reflect.Type{}
		for _, f := range roadmap.Fields(t) {
			fields[f.Key] = t.Field(f.Index).Type
		}
		orderKeys(n, roadmap.Keys(t))
		for i := 0; i+1 < len(n.Content); i += 2 {
			if ft, ok := fields[n.Content[i].Value]; ok {
				arrange(n.Content[i+1], ft, n.Content[i].Value)
			}
		}
	case yaml.SequenceNode:
		if t.Kind() == reflect.Slice {
			for _, c := range n.Content {
				arrange(c, t.Elem(), path)
				liftFirstComment(c)
			}
		}
	}
}

// liftFirstComment moves the comment above the first key of a list item
// to above the item: yaml.v3 would print it after the "- ".
func liftFirstComment(item *yaml.Node) {
	if item.Kind != yaml.MappingNode || len(item.Content) == 0 || item.Style&yaml.FlowStyle != 0 {
		return
	}
	first := item.Content[0]
	if first.HeadComment == "" {
		return
	}
	if item.HeadComment != "" {
		item.HeadComment += "\n"
	}
	item.HeadComment += first.HeadComment
	first.HeadComment = ""
}

// orderKeys sorts a mapping's pairs: the merge key and "x-" keys first
// (they hold anchors that later keys use), then the known keys in order,
// then unknown keys as they were.
func orderKeys(n *yaml.Node, order []string) {
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
	}
	rank := func(p pair) int {
		switch {
		case p.k.ShortTag() == "!!merge" || strings.HasPrefix(p.k.Value, "x-"):
			return -1
		}
		if i := slices.Index(order, p.k.Value); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return rank(a) - rank(b) })
	n.Content = n.Content[:0]
	for _, p := range pairs {
		n.Content = append(n.Content, p.k, p.v)
	}
}

// numberKeys are keys whose values are document numbers: always quoted,
// since 42.6 or 70 must stay text.
var numberKeys = map[string]bool{"number": true}

// normalize sets the quoting of scalars: plain where the text reads back
// the same without quotes, double quotes where it does not (and always for
// document numbers), block styles kept for multi-line text.
func normalize(n *yaml.Node, key string, flow bool) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			normalize(c, key, flow || n.Style&yaml.FlowStyle != 0)
		}
	case yaml.MappingNode:
		flow = flow || n.Style&yaml.FlowStyle != 0
		for i := 0; i+1 < len(n.Content); i += 2 {
			normalize(n.Content[i], "", flow)
			normalize(n.Content[i+1], n.Content[i].Value, flow)
		}
	case yaml.ScalarNode:
		switch {
		case numberKeys[key] && (n.Tag == "!!str" || n.Tag == "!!int" || n.Tag == "!!float" || n.ShortTag() == "!!str"):
			n.Tag, n.Style = "!!str", yaml.DoubleQuotedStyle
		case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && strings.Contains(n.Value, "\n"):
			// multi-line text keeps its block style
		case n.ShortTag() == "!!str" && !strings.Contains(n.Value, "\n") && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
			if readsPlain(n.Value, flow) {
				n.Style &^= yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle
			} else {
				n.Style = n.Style&^yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle
			}
		}
	}
}

// readsPlain reports whether s, written without quotes in a block or flow
// context, reads back as the same string.
func readsPlain(s string, flow bool) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return false
	}
	if surelyPlain(s, flow) {
		return true
	}
	return parsesPlain(s, flow)
}

// surelyPlain recognises, without parsing, the usual text that reads plain
// («Не менее 30 участников», "ежегодно, до 1 сентября"): it starts with a
// letter that is not Latin (so no YAML keyword, number or date) and holds
// only letters, digits, spaces and punctuation that means nothing in a
// plain scalar (no ':' or '#'; in flow context no ",[]{}?"). It answers
// as parsesPlain would, or false to leave the question to it; a YAML
// parse per quoted scalar was most of fmt's time.
func surelyPlain(s string, flow bool) bool {
	for i, r := range s {
		switch {
		case i == 0:
			if r < 0x80 || !unicode.IsLetter(r) {
				return false
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) && r < 0x80 || r == ' ':
		case strings.ContainsRune(".;()«»№%/+-–—!", r):
		case strings.ContainsRune(",[]{}?", r):
			if flow {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// parsesPlain asks the YAML parser whether s reads back unquoted.
func parsesPlain(s string, flow bool) bool {
	doc := "k: " + s + "\n"
	if flow {
		doc = "{k: " + s + "}\n"
	}
	var out map[string]any
	if err := yaml.Unmarshal([]byte(doc), &out); err != nil {
		return false
	}
	got, ok := out["k"].(string)
	return ok && got == s && len(out) == 1
}
