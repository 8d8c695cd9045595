package importer

import (
	"bytes"
	"cmp"
	"maps"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/schema"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// EncodeOptions tune Encode.
type EncodeOptions struct {
	// Source names the imported document in the file's head comment.
	Source string
	// Lang of the comments saying how deadlines and indicators were read.
	Lang i18n.Lang
	// Schema is the $schema of the editor modeline, relative to the file
	// written; "" is roadmap.schema.json, beside it (schema.Ref).
	Schema string
}

// Encode writes a roadmap as roadmap/v1 YAML, keys in the order of
// docs/format.md. Deadlines and indicators are written as the document's
// phrase, with a line comment saying how the program read them; an
// indicator the phrase parser cannot read is written {text: ..., kind:
// text}, to be judged by a person, as the hand-encoded files do.
func Encode(r *roadmap.Roadmap, opt EncodeOptions) ([]byte, error) {
	root := mapping()
	// The modeline first, as roadmaps/*.yaml have it.
	ref := cmp.Or(opt.Schema, schema.File)
	root.HeadComment = "# yaml-language-server: $schema=" + ref + "\n" + i18n.T(opt.Lang, "import.yaml.head", opt.Source)
	root.add("format", str(roadmap.FormatV1))
	root.add("id", str(r.ID))
	root.add("level", str(r.Level))
	root.add("region", str(r.Region))
	root.add("district", str(r.District))
	root.add("organisation", str(r.Organisation))
	root.add("authority", str(r.Authority))
	root.add("direction", str(r.Direction))
	root.add("title", str(r.Title))
	if r.Period != (roadmap.Period{}) {
		p := mapping()
		p.Style = yaml.FlowStyle
		p.add("from", integer(r.Period.From))
		p.add("to", integer(r.Period.To))
		root.add("period", p)
	}
	root.add("document", document(r.Document))
	root.add("section", str(r.Section))
	root.add("description", str(r.Description))
	if len(r.Goals) > 0 {
		root.add("goals", strList(r.Goals, false))
	}
	if len(r.ExpectedResults) > 0 {
		seq := &node{Node: yaml.Node{Kind: yaml.SequenceNode}}
		for _, e := range r.ExpectedResults {
			m := mapping()
			m.add("title", str(e.Title))
			by := mapping()
			for _, y := range slices.Sorted(maps.Keys(e.ByYear)) {
				by.add(strconv.Itoa(y), str(e.ByYear[y]))
			}
			m.add("by_year", by)
			seq.Content = append(seq.Content, &m.Node)
		}
		root.add("expected_results", seq)
	}
	if len(r.Sections) > 0 {
		seq := &node{Node: yaml.Node{Kind: yaml.SequenceNode}}
		for _, sec := range r.Sections {
			m := mapping()
			m.Style = yaml.FlowStyle
			m.add("id", str(sec.ID))
			n := str(sec.N)
			if n != nil {
				n.Style = yaml.DoubleQuotedStyle
			}
			m.add("n", n)
			m.add("title", str(sec.Title))
			seq.Content = append(seq.Content, &m.Node)
		}
		root.add("sections", seq)
	}
	acts := &node{Node: yaml.Node{Kind: yaml.SequenceNode}}
	for _, a := range r.Activities {
		acts.Content = append(acts.Content, &activity(a, r.Period, opt.Lang).Node)
	}
	root.add("activities", acts)

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&root.Node); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func document(d roadmap.Document) *node {
	m := mapping()
	m.add("kind", str(d.Kind))
	m.add("number", str(d.Number))
	if !d.Date.IsZero() {
		m.add("date", date(d.Date))
	}
	m.add("place", str(d.Place))
	m.add("title", str(d.Title))
	m.add("preamble", str(d.Preamble))
	for _, p := range []struct {
		key string
		p   *roadmap.Person
	}{{"signed_by", d.SignedBy}, {"responsible", d.Responsible}, {"control", d.Control}} {
		if p.p == nil {
			continue
		}
		pm := mapping()
		pm.Style = yaml.FlowStyle
		pm.add("position", str(p.p.Position))
		pm.add("name", str(p.p.Name))
		m.add(p.key, pm)
	}
	if len(d.Clauses) > 0 {
		m.add("clauses", strList(d.Clauses, false))
	}
	m.add("annex", str(d.Annex))
	if a := d.ApprovedBy; a != nil {
		am := mapping()
		am.add("kind", str(a.Kind))
		am.add("number", str(a.Number))
		if !a.Date.IsZero() {
			am.add("date", date(a.Date))
		}
		am.add("authority", str(a.Authority))
		am.add("title", str(a.Title))
		am.add("text", str(a.Text))
		m.add("approved_by", am)
	}
	return m
}

func activity(a roadmap.Activity, p roadmap.Period, lang i18n.Lang) *node {
	m := mapping()
	m.add("id", str(a.ID))
	if n, ok := a.N.Int(); ok {
		m.add("n", integer(n))
	} else {
		n := str(a.N.String())
		n.Style = yaml.DoubleQuotedStyle
		m.add("n", n)
	}
	m.add("section", str(a.Section))
	m.add("title", str(a.Title))
	due := str(a.Due.Text)
	if due != nil {
		if a.Due.Parsed {
			due.LineComment = dueReading(a.Due, lang)
		} else {
			due.LineComment = i18n.T(lang, "import.yaml.unparsed_due")
		}
	}
	m.add("due", due)
	m.add("indicator", indicator(a.Indicator, a, a.Indicator.Text == a.Measure().Text, p, lang))
	m.add("result", indicator(a.Result, a, a.Indicator.Text == "", p, lang))
	if len(a.Executors) > 0 {
		m.add("executors", strList(a.Executors, true))
	}
	m.add("note", str(a.Note))
	return m
}

// indicator writes an indicator or an expected result as its phrase, or
// {text, kind} when the phrase parser cannot read it; measured says it is
// what fulfilment measures, and gets the comment saying how it was read.
func indicator(ind phrase.Indicator, a roadmap.Activity, measured bool, p roadmap.Period, lang i18n.Lang) *node {
	var n *node
	if reparsed := phrase.ParseIndicator(ind.Text); ind.Text != "" && !reparsed.Parsed {
		n = mapping()
		n.Style = yaml.FlowStyle
		n.add("text", str(ind.Text))
		n.add("kind", str(string(ind.Kind)))
	} else {
		n = str(ind.Text)
	}
	if n != nil && measured {
		n.LineComment = view.Reading(a, p, lang)
	}
	return n
}

// node wraps yaml.Node with a helper to build mappings in order.
type node struct{ yaml.Node }

func mapping() *node { return &node{yaml.Node{Kind: yaml.MappingNode}} }

// add appends key: v, leaving out empty values (nil).
func (m *node) add(key string, v *node) {
	if v == nil {
		return
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	if _, err := strconv.Atoi(key); err == nil {
		k.Tag = "!!int"
	}
	m.Content = append(m.Content, k, &v.Node)
}

// str is a string scalar, nil when empty; a text of several lines is a
// literal block.
func str(s string) *node {
	if s == "" {
		return nil
	}
	n := &node{yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}}
	if bytes.ContainsRune([]byte(s), '\n') {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func integer(v int) *node {
	return &node{yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}}
}

func date(d roadmap.Date) *node {
	return &node{yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: d.String()}}
}

func strList(ss []string, flow bool) *node {
	seq := &node{yaml.Node{Kind: yaml.SequenceNode}}
	if flow {
		seq.Style = yaml.FlowStyle
	}
	for _, s := range ss {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
		seq.Content = append(seq.Content, n)
	}
	return seq
}
