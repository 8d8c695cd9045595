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
	"sync"
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
	out, _, err := format(data, false)
	return out, err
}

// IsCanonical reports whether data is in canonical layout: whether Format
// would give it back unchanged (fmt --check). For a file that is, it
// usually costs a parse and no encoding (emitsAs).
func IsCanonical(data []byte) (bool, error) {
	_, same, err := Formatted(data)
	return same, err
}

// Formatted is Format, and whether its result is data unchanged (fmt -w
// then leaves the file alone); like IsCanonical, a formatted file usually
// costs no encoding.
func Formatted(data []byte) (out []byte, same bool, err error) {
	out, same, err = format(data, true)
	if err != nil {
		return nil, false, err
	}
	return out, same || bytes.Equal(out, data), nil
}

// format is Format; with check, it first asks emitsAs whether the first
// pass would give the text back, and if so says same and returns the
// input as Format would, without encoding it.
func format(data []byte, check bool) (out []byte, same bool, err error) {
	body, style := eol.Split(data)
	if !utf8.Valid(body) {
		// UTF-16 or a Windows code page: check rejects it (RM020), so fmt
		// must not quietly convert it.
		return nil, false, ErrNotYAML
	}
	doc, err := prepare(body)
	if err != nil {
		return nil, false, err
	}
	if check && safeEmitsAs(doc, body) {
		// The first pass gives body back, so Format returns it as is.
		out = style.Apply(body)
		return out, bytes.Equal(out, data), nil
	}
	out, err = encode(doc, len(body))
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
		return nil, false, err
	}
	return style.Apply(out), false, nil
}

// safeEmitsAs is emitsAs, false should it panic (it should not: a bug
// there costs an encoding, never a crash).
func safeEmitsAs(doc *yaml.Node, body []byte) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return emitsAs(doc, body)
}

func formatOnce(data []byte) ([]byte, error) {
	doc, err := prepare(data)
	if err != nil {
		return nil, err
	}
	return encode(doc, len(data))
}

// prepare parses data and puts the tree in canonical order and quoting:
// what is left is to encode it.
func prepare(data []byte) (doc *yaml.Node, err error) {
	defer func() {
		// yaml.v3 can panic on odd input; user input never crashes the tool.
		if p := recover(); p != nil {
			doc, err = nil, ErrNotYAML
		}
	}()
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	doc = &yaml.Node{}
	if !roadmap.MayHoldDocuments(data) {
		// One document at most: parsed from memory, not through a reader.
		if err := yaml.Unmarshal(data, doc); err != nil {
			return nil, ErrNotYAML
		}
	} else {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		if err := dec.Decode(doc); err != nil {
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
	if format := value(root, "format"); format != nil && strings.HasPrefix(format.Value, amendment.FormatPrefix) {
		orderKeys(root, amendment.KeyOrder)
	} else {
		arrange(root, reflect.TypeOf(roadmap.Roadmap{}), "")
	}
	normalize(root, "", false)
	return doc, nil
}

// encode writes the tree as yaml.v3 does, indented by two; size is the
// input's, about the output's.
func encode(doc *yaml.Node, size int) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, ErrNotYAML
		}
	}()
	var buf bytes.Buffer
	buf.Grow(size + size/8)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
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
		l := layoutOf(t)
		orderKeys(n, l.keys)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if ft, ok := l.fields[n.Content[i].Value]; ok {
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

// layout is what arrange needs of a struct type: its keys in order and
// the type of each field.
type layout struct {
	keys   []string
	fields map[string]reflect.Type
}

// layouts holds the layout of each type met (a handful), which were
// built again for every mapping (a tenth of fmt --check's time).
var layouts sync.Map // reflect.Type -> *layout

func layoutOf(t reflect.Type) *layout {
	if l, ok := layouts.Load(t); ok {
		return l.(*layout)
	}
	l := &layout{keys: roadmap.Keys(t), fields: map[string]reflect.Type{}}
	for _, f := range roadmap.Fields(t) {
		l.fields[f.Key] = t.Field(f.Index).Type
	}
	layouts.Store(t, l)
	return l
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
	rank := func(k *yaml.Node) int {
		switch {
		case k.ShortTag() == "!!merge" || strings.HasPrefix(k.Value, "x-"):
			return -1
		}
		if i := slices.Index(order, k.Value); i >= 0 {
			return i
		}
		return len(order)
	}
	sorted := true
	for i := 2; i+1 < len(n.Content) && sorted; i += 2 {
		sorted = rank(n.Content[i-2]) <= rank(n.Content[i])
	}
	if sorted {
		return // the usual case: nothing to move
	}
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return rank(a.k) - rank(b.k) })
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
