package roadmap

import (
	"reflect"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
)

// A deadline or an indicator is written either as the document's phrase
// ("Ежегодно август") or as a mapping with the phrase in text and explicit
// structure beside it; what the mapping states wins over what the phrase
// parser read.

// DueSpec is the mapping form of a deadline.
type DueSpec struct {
	Text       string     `yaml:"text" rm:"required"`
	Every      *bool      `yaml:"every"`
	Years      []int      `yaml:"years"`
	Months     []int      `yaml:"months"`
	Day        *int       `yaml:"day"`
	Quarters   []int      `yaml:"quarters"`
	SchoolYear *bool      `yaml:"school_year"`
	Throughout *bool      `yaml:"throughout"`
	Plan       *string    `yaml:"plan"`
	From       *YearMonth `yaml:"from"`
	To         *YearMonth `yaml:"to"`
	// The kinds and recurrences of docs/phrases.md.
	Kind        *string   `yaml:"kind" rm:"enum=dated|continuous|on_demand|plan|event|after_order"`
	Since       *int      `yaml:"since"`
	Step        *int      `yaml:"step"`
	SchoolYears []int     `yaml:"school_years"`
	Halves      []int     `yaml:"halves"`
	Recur       *string   `yaml:"recur" rm:"enum=month|quarter|half"`
	RecurDay    *int      `yaml:"recur_day"`
	NextMonth   *bool     `yaml:"next_month"`
	NextYear    *bool     `yaml:"next_year"`
	SchoolStart *bool     `yaml:"school_start"`
	After       *Interval `yaml:"after"`
	Event       *string   `yaml:"event"`
}

// YearMonth is the mapping form of a month of a year, and of a day of it.
type YearMonth struct {
	Year  int `yaml:"year" rm:"required"`
	Month int `yaml:"month" rm:"required"`
	Day   int `yaml:"day"`
}

// Interval is the mapping form of a term from the approving order:
// {n: 3, unit: month}.
type Interval struct {
	N       int    `yaml:"n" rm:"required"`
	Unit    string `yaml:"unit" rm:"required,enum=day|week|month"`
	Working bool   `yaml:"working"`
}

// IndicatorSpec is the mapping form of an indicator.
type IndicatorSpec struct {
	Text      string          `yaml:"text" rm:"required"`
	Kind      *string         `yaml:"kind" rm:"enum=document|count|percent|targets|growth|text"`
	Min       *float64        `yaml:"min"`
	Max       *float64        `yaml:"max"`
	Unit      *string         `yaml:"unit"`
	Per       *string         `yaml:"per" rm:"enum=year|quarter|total"`
	Of        *string         `yaml:"of"`
	Targets   map[int]float64 `yaml:"targets"`
	Documents []string        `yaml:"documents"`
}

// hookFor returns the decode hook of a type read in more than one form,
// or nil. A switch rather than a map: the hooks decode through decode,
// which looks them up, and a map variable would be an initialisation cycle.
func hookFor(t reflect.Type) decodeHook {
	switch t {
	case reflect.TypeFor[phrase.Due]():
		return decodeDue
	case reflect.TypeFor[phrase.Indicator]():
		return decodeIndicator
	case reflect.TypeFor[Number]():
		return decodeNumber
	}
	return nil
}

func decodeDue(d *decoder, n *yaml.Node, v reflect.Value, path string) {
	switch {
	case n.Kind == yaml.ScalarNode && !isNull(n):
		v.Set(reflect.ValueOf(parseDue(n.Value)))
	case n.Kind == yaml.MappingNode:
		var spec DueSpec
		d.decodeStruct(n, reflect.ValueOf(&spec).Elem(), path)
		v.Set(reflect.ValueOf(spec.Due()))
	case !isNull(n):
		d.add(n, diag.WrongType, keyName(path), i18n.M("type.string"), typeName(n))
	}
}

// Due combines the parsed text with the explicit fields.
func (s DueSpec) Due() phrase.Due {
	due := parseDue(s.Text)
	explicit := false
	set := func(dst *bool, src *bool) {
		if src != nil {
			*dst, explicit = *src, true
		}
	}
	set(&due.Every, s.Every)
	set(&due.SchoolYear, s.SchoolYear)
	set(&due.Throughout, s.Throughout)
	if s.Years != nil {
		due.Years, explicit = sortedUnique(s.Years), true
	}
	if s.Months != nil {
		due.Months, explicit = sortedUnique(s.Months), true
	}
	if s.Quarters != nil {
		due.Quarters, explicit = sortedUnique(s.Quarters), true
	}
	if s.Day != nil {
		due.Day, explicit = *s.Day, true
	}
	if s.Plan != nil {
		due.Plan, explicit = *s.Plan, true
	}
	if s.From != nil {
		due.From, explicit = &phrase.YearMonth{Year: s.From.Year, Month: s.From.Month, Day: s.From.Day}, true
	}
	if s.To != nil {
		due.To, explicit = &phrase.YearMonth{Year: s.To.Year, Month: s.To.Month, Day: s.To.Day}, true
	}
	if s.Months != nil || s.Quarters != nil || s.Day != nil {
		// The occurrences follow the months stated, not the text's.
		due.Points = phrase.MonthPoints(due.Months, due.Quarters, due.Day)
	}
	if s.Kind == nil && due.Kind.Undated() && (s.Years != nil || s.Months != nil || s.Quarters != nil || s.Day != nil ||
		s.Every != nil || s.From != nil || s.Since != nil || s.Step != nil || s.SchoolYears != nil || s.Halves != nil || s.Recur != nil) {
		// Dates stated: the deadline is dated whatever the text's words.
		due.Kind = phrase.DueDated
	}
	if s.Kind != nil {
		due.Kind, explicit = phrase.DueKind(*s.Kind), true
		if due.Kind == "dated" {
			due.Kind = phrase.DueDated
		}
	}
	setInt := func(dst *int, src *int) {
		if src != nil {
			*dst, explicit = *src, true
		}
	}
	setInt(&due.Since, s.Since)
	setInt(&due.Step, s.Step)
	setInt(&due.RecurDay, s.RecurDay)
	set(&due.NextMonth, s.NextMonth)
	set(&due.NextYear, s.NextYear)
	set(&due.SchoolStart, s.SchoolStart)
	if s.SchoolYears != nil {
		due.SchoolYears, explicit = sortedUnique(s.SchoolYears), true
	}
	if s.Halves != nil {
		due.Halves, explicit = sortedUnique(s.Halves), true
	}
	if s.Recur != nil {
		due.Recur, explicit = phrase.Recur(*s.Recur), true
		due.Every = true
	}
	if s.After != nil {
		due.After, explicit = &phrase.Interval{N: s.After.N, Unit: s.After.Unit, Working: s.After.Working}, true
		due.Kind = phrase.DueAfterOrder
	}
	if s.Event != nil {
		due.Event, explicit = *s.Event, true
	}
	if explicit {
		due.Parsed = true
		due.Ignored = "" // the mapping says what the words left out meant
	}
	return due
}

func sortedUnique(xs []int) []int {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

func decodeIndicator(d *decoder, n *yaml.Node, v reflect.Value, path string) {
	switch {
	case n.Kind == yaml.ScalarNode && !isNull(n):
		v.Set(reflect.ValueOf(parseIndicator(n.Value)))
	case n.Kind == yaml.MappingNode:
		var spec IndicatorSpec
		d.decodeStruct(n, reflect.ValueOf(&spec).Elem(), path)
		v.Set(reflect.ValueOf(spec.Indicator()))
	case !isNull(n):
		d.add(n, diag.WrongType, keyName(path), i18n.M("type.string"), typeName(n))
	}
}

// Indicator combines the parsed text with the explicit fields. Without an
// explicit kind, the kind follows from the fields given (targets, a
// threshold in percent or not, documents); explicit targets make it a
// targets indicator whatever the phrase says.
func (s IndicatorSpec) Indicator() phrase.Indicator {
	ind := parseIndicator(s.Text)
	if s.Kind != nil || s.Min != nil || s.Max != nil || s.Unit != nil || s.Per != nil || s.Of != nil || s.Targets != nil || s.Documents != nil {
		ind.Assumed = nil // the mapping states what the reading assumed
	}
	if s.Min != nil {
		ind.Min = s.Min
	}
	if s.Max != nil {
		ind.Max = s.Max
	}
	if s.Unit != nil {
		ind.Unit = *s.Unit
	}
	if s.Per != nil {
		ind.Per = *s.Per
	}
	if s.Of != nil {
		ind.Of = *s.Of
	}
	if s.Documents != nil {
		ind.Documents = s.Documents
	}
	if s.Targets != nil {
		ind.Targets = make([]phrase.Target, 0, len(s.Targets))
		for y, val := range s.Targets {
			ind.Targets = append(ind.Targets, phrase.Target{Year: y, Value: val})
		}
		slices.SortFunc(ind.Targets, func(a, b phrase.Target) int { return a.Year - b.Year })
	}
	switch {
	case s.Kind != nil && phrase.IndicatorKind(*s.Kind).Valid():
		ind.Kind = phrase.IndicatorKind(*s.Kind)
	case s.Targets != nil:
		ind.Kind = phrase.KindTargets
	case ind.Parsed:
		return ind
	case (s.Min != nil || s.Max != nil) && ind.Unit == "%":
		ind.Kind = phrase.KindPercent
	case s.Min != nil || s.Max != nil:
		ind.Kind = phrase.KindCount
	case s.Documents != nil:
		ind.Kind = phrase.KindDocument
	default:
		return ind
	}
	ind.Parsed = true
	return ind
}

// decodeNumber reads an activity's number: an integer (3) or the dotted
// number as printed ("2.3"; unquoted 2.3 is read as written, not as a
// float).
func decodeNumber(d *decoder, n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		d.add(n, diag.WrongType, keyName(path), i18n.M("type.number_printed"), typeName(n))
		return
	}
	num, ok := ParseNumber(n.Value)
	if !ok || n.ShortTag() == "!!bool" {
		d.add(n, diag.WrongType, keyName(path), i18n.M("type.number_printed"), typeName(n))
		return
	}
	v.Set(reflect.ValueOf(num))
}
