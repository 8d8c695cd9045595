package schema

import (
	"strconv"
	"strings"
	"unicode"
)

// The rules of `roadmap check` that are about shape, not meaning, mirrored
// as JSON Schema keywords, so that an editor flags what check flags
// (docs/ci.md, «Редактор: JSON Schema», lists the rules that stay with
// check). They are copied here, not imported: package check keeps them as
// code. TestDifferential proves the copy right: it judges hundreds of
// variants of the shipped roadmaps by the loader and check and by the
// schema, and requires the same verdict.

// spaces are the characters strings.TrimSpace removes (unicode.IsSpace),
// written out: the loader trims every text, and `\s` means less in Go's
// regexp than in an editor's JavaScript one, so no pattern here uses it.
var spaces = func() string {
	var b strings.Builder
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}()

// trimmed is a pattern matching what pattern p matches once trimmed, as
// the loader reads a text.
func trimmed(p string) string {
	return "^[" + spaces + "]*(?:" + p + ")[" + spaces + "]*$"
}

// NonBlankPattern is a text with a character other than spaces: the loader
// counts a blank required text as missing (RM004).
var NonBlankPattern = "[^" + spaces + "]"

// BlankPattern is an empty or blank text, which the loader reads as no
// value where an enumeration's value is optional.
var BlankPattern = "^[" + spaces + "]*$"

// IDPattern is check's idPattern (RM007): a Latin slug.
var IDPattern = trimmed(`[a-z][a-z0-9]*(?:-[a-z0-9]+)*`)

// NumberPattern is an activity number as roadmap.ParseNumber reads it: 3,
// 3., 2.3, 2.3.; each part one to four digits, not zero.
var NumberPattern = trimmed(numberPart + `(?:\.` + numberPart + `)*\.?`)

const numberPart = `(?:[1-9][0-9]{0,3}|0[1-9][0-9]{0,2}|00[1-9][0-9]?|000[1-9])`

// MaxNumber bounds an activity number written as a YAML number: four
// digits before the point, as roadmap.ParseNumber allows.
const MaxNumber = 10000

// DatePattern is a date that roadmap.ParseDate accepts: 2020-07-14 or
// 14.07.2020 (month and day may have one digit), a day that exists, in
// the years 1900–2200 (RM006).
var DatePattern = trimmed(datePattern())

func datePattern() string {
	const (
		year   = `19[0-9]{2}|2[01][0-9]{2}|2200`
		leap   = `(?:19|21)(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26])`
		m31    = `0?[13578]|1[02]`
		m30    = `0?[469]|11`
		feb    = `0?2`
		d31    = `0?[1-9]|[12][0-9]|3[01]`
		d30    = `0?[1-9]|[12][0-9]|30`
		d28    = `0?[1-9]|1[0-9]|2[0-8]`
		day29  = `29`
		sep    = `-`
		dotSep = `\.`
	)
	g := func(s string) string { return "(?:" + s + ")" }
	// month-day pairs of an ordinary year, and 29 February of a leap one.
	pairs := []struct{ m, d string }{{m31, d31}, {m30, d30}, {feb, d28}}
	var iso, dotted []string
	for _, p := range pairs {
		iso = append(iso, g(year)+sep+g(p.m)+sep+g(p.d))
		dotted = append(dotted, g(p.d)+dotSep+g(p.m)+dotSep+g(year))
	}
	iso = append(iso, g(leap)+sep+feb+sep+day29)
	dotted = append(dotted, day29+dotSep+feb+dotSep+g(leap))
	return strings.Join(append(iso, dotted...), "|")
}

// YearPattern is a year key of by_year and targets that some period may
// hold: check's years (minYear–maxYear). A year outside them is outside
// every period a roadmap may name (RM013).
var YearPattern = "^(?:" + yearRange(minYear, maxYear) + ")$"

// The years a period may name (check's minYear, maxYear: RM023).
const minYear, maxYear = 1990, 2100

// yearRange is a pattern of the four-digit years from..to.
func yearRange(from, to int) string {
	var alts []string
	for y := from; y <= to; {
		// Whole decades where they fit, single years at the edges.
		if y%10 == 0 && y+9 <= to {
			alts = append(alts, strconv.Itoa(y/10)+"[0-9]")
			y += 10
			continue
		}
		alts = append(alts, strconv.Itoa(y))
		y++
	}
	return strings.Join(alts, "|")
}

// yearKeys is the schema of the keys of a mapping by year that check
// compares with the period (RM013).
func yearKeys(g *generator) *Schema {
	return &Schema{Pattern: YearPattern, ErrorMessage: g.describe("$error.year_key")}
}

// checkedYears are the mappings by year whose keys check always compares
// with the period; an indicator's targets only where it measures the
// activity (bounds).
var checkedYears = map[string]bool{"ExpectedResult.by_year": true}

// ExtensionPattern is the pattern of the top-level keys the loader skips
// (they hold YAML anchors).
const ExtensionPattern = `^x-`

func intp(i int) *int { return &i }

// ranges are check's bounds on numbers, by definition and key: for a list,
// of its items; for a mapping by year, of its values.
var ranges = map[string]struct {
	min, max *int
	msg      string
}{
	"DueSpec.months":   {intp(1), intp(12), "$error.months"},
	"DueSpec.day":      {intp(0), intp(31), "$error.day"},
	"DueSpec.quarters": {intp(1), intp(4), "$error.quarters"},
}

// Thresholds are the keys of an indicator's mapping that check bounds:
// by 0 (RM015), and by 100 where the mapping says it is a percent (kind:
// percent, or unit: "%"; RM014). A percent read from the phrase alone is
// check's.
var Thresholds = []string{"min", "max", "targets"}

// bounds is the schema of the thresholds of an indicator's mapping; a
// phrase passes.
func bounds(g *generator) *Schema {
	limit := func(min, max *int, msg string) Properties {
		var ps Properties
		for _, k := range Thresholds {
			s := &Schema{Minimum: min, Maximum: max, ErrorMessage: g.describe(msg)}
			if k == "targets" {
				s = &Schema{AdditionalProperties: s}
				if min != nil {
					s.PropertyNames = yearKeys(g)
				}
			}
			ps = append(ps, Property{Name: k, Schema: s})
		}
		return ps
	}
	percent := &Schema{AnyOf: []*Schema{
		{Required: []string{"kind"}, Properties: Properties{{Name: "kind", Schema: &Schema{Const: "percent"}}}},
		{Required: []string{"unit"}, Properties: Properties{{Name: "unit", Schema: &Schema{Const: "%"}}}},
	}}
	return &Schema{
		Properties: limit(intp(0), nil, "$error.negative"),
		If:         percent,
		Then:       &Schema{Properties: limit(nil, intp(100), "$error.percent")},
	}
}

// periodYears are period.from and period.to: minYear–maxYear (RM023; a 0
// written out is refused too).
var periodYears = map[string]bool{"Period.from": true, "Period.to": true}

// idKeys are the ids check requires to be slugs (RM007).
var idKeys = map[string]bool{"Roadmap.id": true, "Activity.id": true}

// nonEmpty are the lists check requires a text in (RM016).
var nonEmpty = map[string]bool{"Activity.executors": true}

// conditions are the rules of a definition that depend on another of its
// keys, as if/then: whose roadmap it is names the key that says so, an
// order has a number and a date, a percent is at most 100.
var conditions = map[string]func(g *generator) []*Schema{
	"Roadmap": func(g *generator) []*Schema {
		// RM004: the owner of the roadmap (check's level rule): the key
		// must be there, whatever its value.
		owner := func(level, key string) *Schema {
			return &Schema{
				If:   &Schema{Required: []string{"level"}, Properties: Properties{{Name: "level", Schema: &Schema{Const: level}}}},
				Then: &Schema{Required: []string{key}, ErrorMessage: g.describe("$error.level." + level)},
			}
		}
		return []*Schema{
			owner("region", "region"),
			owner("school", "organisation"),
			{
				If:   &Schema{Required: []string{"level"}, Properties: Properties{{Name: "level", Schema: &Schema{Enum: []any{"region", "school"}}}}},
				Else: &Schema{Required: []string{"district"}, ErrorMessage: g.describe("$error.level.district")},
			},
		}
	},
	"Document": func(g *generator) []*Schema {
		// RM004: an order has a number and a date (check's document rule;
		// a date left empty counts as given).
		return []*Schema{{
			If: &Schema{Required: []string{"kind"}, Properties: Properties{{Name: "kind", Schema: &Schema{Const: "order"}}}},
			Then: &Schema{
				Required:     []string{"number", "date"},
				Properties:   Properties{{Name: "number", Schema: &Schema{Type: scalar, Pattern: NonBlankPattern}}},
				ErrorMessage: g.describe("$error.order"),
			},
		}}
	},
	"Activity": func(g *generator) []*Schema {
		// The indicator's thresholds, and the expected result's when there
		// is no indicator: then the result measures the activity and
		// check bounds it (RM014, RM015).
		noIndicator := &Schema{AnyOf: []*Schema{{Type: "null"}, {Type: "string", Pattern: BlankPattern}}}
		return []*Schema{
			{Properties: Properties{{Name: "indicator", Schema: bounds(g)}}},
			{
				If:   &Schema{Properties: Properties{{Name: "indicator", Schema: noIndicator}}},
				Then: &Schema{Properties: Properties{{Name: "result", Schema: bounds(g)}}},
			},
		}
	},
}
