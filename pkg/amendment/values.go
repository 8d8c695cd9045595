package amendment

import (
	"cmp"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The value builders of Field.Value: each writes a roadmap value the way a
// person would in an amendment file, and the way package merge writes it
// into the roadmap.

// NullValue is null: as a field's value it removes an optional field.
func NullValue() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"} }

// IDValue is s as a string, even when empty: ids, and the text of a field
// that cannot be removed (title). The encoder quotes it where YAML needs
// it; a multi-line text is written as a literal block.
func IDValue(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// StringValue is s as a string, or null when s is "": an optional text
// field (note, region, description) set or removed.
func StringValue(s string) *yaml.Node {
	if s == "" {
		return NullValue()
	}
	return IDValue(s)
}

// ListValue is a list of strings, in flow style ([a, b]) when flow is set
// and the items allow it.
func ListValue(xs []string, flow bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, x := range xs {
		n.Content = append(n.Content, IDValue(x))
	}
	if flow {
		Flow(n)
	}
	return n
}

// PeriodValue is a roadmap's period: {from: 2020, to: 2022}.
func PeriodValue(p roadmap.Period) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{
		Key("from"), intNode(p.From), Key("to"), intNode(p.To)}}
	if p.SchoolYear {
		n.Content = append(n.Content, Key("school_year"), boolNode(true))
	}
	return n
}

// DocumentValue is the amending document as an item of a roadmap's
// amendments (and the document of an amendment file): the number always
// quoted, since "94/01-09" must stay text.
func DocumentValue(d Document) *yaml.Node {
	number := IDValue(d.Number)
	number.Style = yaml.DoubleQuotedStyle
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		Key("kind"), IDValue(d.Kind),
		Key("number"), number,
		Key("date"), plainNode(d.Date.String()),
	}}
	if d.Title != "" {
		m.Content = append(m.Content, Key("title"), IDValue(d.Title))
	}
	if len(d.Changes) > 0 {
		m.Content = append(m.Content, Key("changes"), ListValue(d.Changes, true))
	}
	return Flow(m)
}

// DueValue writes a deadline as its text, or as a mapping with the fields
// that the text alone would not give.
func DueValue(d phrase.Due) *yaml.Node {
	p := phrase.ParseDue(d.Text)
	return textOr(d.Text, reflect.DeepEqual(d, p), func(add func(string, *yaml.Node)) {
		if d.Every != p.Every {
			add("every", boolNode(d.Every))
		}
		if !slices.Equal(d.Years, p.Years) {
			add("years", intList(d.Years))
		}
		// Occurrences stated as months (not the text's) are written as the
		// months, quarters and day they come from.
		stated := !reflect.DeepEqual(d.Points, p.Points)
		if !slices.Equal(d.Months, p.Months) || stated && d.Months != nil {
			add("months", intList(d.Months))
		}
		if d.Day != p.Day || stated && d.Day != 0 {
			add("day", intNode(d.Day))
		}
		if !slices.Equal(d.Quarters, p.Quarters) || stated && d.Quarters != nil {
			add("quarters", intList(d.Quarters))
		}
		if d.SchoolYear != p.SchoolYear {
			add("school_year", boolNode(d.SchoolYear))
		}
		if d.Throughout != p.Throughout {
			add("throughout", boolNode(d.Throughout))
		}
		if d.Plan != p.Plan {
			add("plan", IDValue(d.Plan))
		}
		if d.From != nil && !reflect.DeepEqual(d.From, p.From) {
			add("from", ymNode(d.From))
		}
		if d.To != nil && !reflect.DeepEqual(d.To, p.To) {
			add("to", ymNode(d.To))
		}
		if d.Kind != p.Kind {
			add("kind", IDValue(cmp.Or(string(d.Kind), "dated")))
		}
		if d.Since != p.Since {
			add("since", intNode(d.Since))
		}
		if d.Step != p.Step {
			add("step", intNode(d.Step))
		}
		if !slices.Equal(d.SchoolYears, p.SchoolYears) {
			add("school_years", intList(d.SchoolYears))
		}
		if !slices.Equal(d.Halves, p.Halves) {
			add("halves", intList(d.Halves))
		}
		if d.Recur != p.Recur && d.Recur != "" {
			add("recur", IDValue(string(d.Recur)))
		}
		if d.RecurDay != p.RecurDay {
			add("recur_day", intNode(d.RecurDay))
		}
		if d.NextMonth != p.NextMonth {
			add("next_month", boolNode(d.NextMonth))
		}
		if d.NextYear != p.NextYear {
			add("next_year", boolNode(d.NextYear))
		}
		if d.SchoolStart != p.SchoolStart {
			add("school_start", boolNode(d.SchoolStart))
		}
		if d.After != nil && !reflect.DeepEqual(d.After, p.After) {
			iv := mapNode(true, Key("n"), intNode(d.After.N), Key("unit"), IDValue(d.After.Unit))
			if d.After.Working {
				iv.Content = append(iv.Content, Key("working"), boolNode(true))
			}
			add("after", iv)
		}
		if d.Event != p.Event {
			add("event", IDValue(d.Event))
		}
	})
}

// IndicatorValue writes an indicator as its text, or as a mapping with the
// fields that the text alone would not give.
func IndicatorValue(ind phrase.Indicator) *yaml.Node {
	p := phrase.ParseIndicator(ind.Text)
	return textOr(ind.Text, reflect.DeepEqual(ind, p), func(add func(string, *yaml.Node)) {
		if ind.Kind != "" && (ind.Kind != p.Kind || ind.Parsed != p.Parsed) {
			add("kind", IDValue(string(ind.Kind)))
		}
		if ind.Min != nil && !reflect.DeepEqual(ind.Min, p.Min) {
			add("min", floatNode(*ind.Min))
		}
		if ind.Max != nil && !reflect.DeepEqual(ind.Max, p.Max) {
			add("max", floatNode(*ind.Max))
		}
		if ind.Unit != p.Unit {
			add("unit", IDValue(ind.Unit))
		}
		if ind.Per != p.Per && ind.Per != "" {
			add("per", IDValue(ind.Per))
		}
		if ind.Of != p.Of {
			add("of", IDValue(ind.Of))
		}
		if !reflect.DeepEqual(ind.Targets, p.Targets) {
			t := mapNode(true)
			for _, x := range ind.Targets {
				t.Content = append(t.Content, intNode(x.Year), floatNode(x.Value))
			}
			add("targets", t)
		}
		if !slices.Equal(ind.Documents, p.Documents) {
			add("documents", ListValue(ind.Documents, true))
		}
	})
}

// textOr is text alone when it is all there is to say (same: the text
// parses to the value), else a mapping of text and the fields that extra
// adds, in flow style when it fits.
func textOr(text string, same bool, extra func(add func(key string, v *yaml.Node))) *yaml.Node {
	if same {
		return IDValue(text)
	}
	m := mapNode(false, Key("text"), IDValue(text))
	extra(func(k string, v *yaml.Node) { m.Content = append(m.Content, Key(k), v) })
	return Flow(m)
}

// plainNode makes an untagged scalar written as is (numbers, dates).
func plainNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
}

func intNode(i int) *yaml.Node { return plainNode(strconv.Itoa(i)) }

func floatNode(f float64) *yaml.Node {
	return plainNode(strconv.FormatFloat(f, 'f', -1, 64))
}

func boolNode(b bool) *yaml.Node { return plainNode(strconv.FormatBool(b)) }

func intList(xs []int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, x := range xs {
		n.Content = append(n.Content, intNode(x))
	}
	return n
}

func mapNode(flow bool, kv ...*yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Content: kv}
	if flow {
		Flow(n)
	}
	return n
}

func ymNode(ym *phrase.YearMonth) *yaml.Node {
	n := mapNode(true, Key("year"), intNode(ym.Year), Key("month"), intNode(ym.Month))
	if ym.Day > 0 {
		n.Content = append(n.Content, Key("day"), intNode(ym.Day))
	}
	return n
}

// NumberValue is a document number, always quoted: "94/01-09" and "30"
// must stay text.
func NumberValue(s string) *yaml.Node {
	n := IDValue(s)
	n.Style = yaml.DoubleQuotedStyle
	return n
}

// DateValue is a date as the file format writes it: 2020-07-14.
func DateValue(d roadmap.Date) *yaml.Node { return plainNode(d.String()) }

// PersonValue is an official: {position: ..., name: ...}.
func PersonValue(p roadmap.Person) *yaml.Node {
	m := mapNode(false)
	if p.Position != "" {
		m.Content = append(m.Content, Key("position"), IDValue(p.Position))
	}
	m.Content = append(m.Content, Key("name"), IDValue(p.Name))
	return Flow(m)
}

// RefValue names another document: {kind, number, date, ...}.
func RefValue(r roadmap.DocumentRef) *yaml.Node {
	m := mapNode(false, Key("kind"), IDValue(r.Kind), Key("number"), NumberValue(r.Number), Key("date"), DateValue(r.Date))
	for _, kv := range [][2]string{{"authority", r.Authority}, {"title", r.Title}, {"text", r.Text}} {
		if kv[1] != "" {
			m.Content = append(m.Content, Key(kv[0]), IDValue(kv[1]))
		}
	}
	return Flow(m)
}

// ExpectedResultsValue is the table of expected results, rows by title,
// texts by year ascending; null when there is none.
func ExpectedResultsValue(rs []roadmap.ExpectedResult) *yaml.Node {
	if len(rs) == 0 {
		return NullValue()
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, r := range rs {
		item := mapNode(false, Key("title"), IDValue(r.Title))
		if len(r.ByYear) > 0 {
			by := mapNode(false)
			for _, y := range slices.Sorted(maps.Keys(r.ByYear)) {
				by.Content = append(by.Content, intNode(y), IDValue(r.ByYear[y]))
			}
			item.Content = append(item.Content, Key("by_year"), by)
		}
		seq.Content = append(seq.Content, item)
	}
	return seq
}

// MappingValue is a block mapping of fields, in their order.
func MappingValue(fs []Field) *yaml.Node {
	m := mapNode(false)
	for _, f := range fs {
		m.Content = append(m.Content, Key(f.Key), f.Value)
	}
	return m
}

// SectionsValue is the list of a table's sections; null when there is
// none.
func SectionsValue(ss []roadmap.Section) *yaml.Node {
	if len(ss) == 0 {
		return NullValue()
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range ss {
		m := mapNode(false, Key("id"), IDValue(s.ID))
		if s.N != "" {
			m.Content = append(m.Content, Key("n"), NumberValue(s.N))
		}
		m.Content = append(m.Content, Key("title"), IDValue(s.Title))
		seq.Content = append(seq.Content, Flow(m))
	}
	return seq
}

// ActivityNumberValue is an activity's number: plain, or quoted when
// dotted (an unquoted 2.3 would read as a decimal).
func ActivityNumberValue(n roadmap.Number) *yaml.Node {
	if _, plain := n.Int(); plain {
		return plainNode(n.String())
	}
	return NumberValue(n.String())
}
