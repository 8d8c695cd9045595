package roadmap

import (
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
)

// Plan is what an activity's indicator requires in one year, as data:
// fulfilment judges a reported fact against it, and the report form,
// status tables and findings word it (Msg).
type Plan struct {
	Kind phrase.IndicatorKind
	Year int
	// Min and Max bound a count or a percent; for targets Min is the
	// year's target, nil when the year has none.
	Min, Max *float64
	// Unit of the bounds: "%", the counted noun, or "".
	Unit string
	// Total: the bounds hold for the sum over the period, not each year.
	Total bool
	// Quarterly: the bounds hold for each quarter (per: quarter).
	Quarterly bool
	// Documents is how many documents a document indicator names.
	Documents int
	// Base: a growth indicator's first year, the base later years grow from.
	Base bool
}

// PlanIn is what the activity requires in year of period p.
func (a Activity) PlanIn(p Period, year int) Plan {
	ind := a.Measure()
	plan := Plan{Kind: ind.Kind, Year: year, Unit: ind.Unit}
	switch ind.Kind {
	case phrase.KindDocument:
		plan.Documents = len(ind.Documents)
	case phrase.KindCount, phrase.KindPercent:
		plan.Min, plan.Max = ind.Min, ind.Max
		plan.Total = a.Per(p) == phrase.PerTotal
		plan.Quarterly = ind.Per == phrase.PerQuarter
	case phrase.KindTargets:
		for _, t := range ind.Targets {
			if t.Year == year {
				v := t.Value
				plan.Min = &v
			}
		}
	case phrase.KindGrowth:
		plan.Base = year <= p.From
	}
	return plan
}

// Msg is the plan as a catalogue message, so that a finding carries it
// and it is worded in the reader's language when rendered: "≥ 55 %",
// "наличие документа", "≥ 20 участников за период", "больше, чем в 2020".
func (p Plan) Msg() i18n.Msg {
	switch p.Kind {
	case phrase.KindDocument:
		if p.Documents > 1 {
			return i18n.M("plan.documents", p.Documents)
		}
		return i18n.M("plan.document")
	case phrase.KindCount, phrase.KindPercent:
		if p.Total {
			return i18n.M("plan.bounds_total", p.Bounds(), i18n.M("plan.total"))
		}
		if p.Quarterly {
			return i18n.M("plan.bounds_total", p.Bounds(), i18n.M("per.quarter"))
		}
		return i18n.M("plan.bounds", p.Bounds())
	case phrase.KindTargets:
		if p.Min == nil {
			return i18n.M("plan.no_target", p.Year)
		}
		return i18n.M("plan.bounds", p.Bounds())
	case phrase.KindGrowth:
		if p.Base {
			return i18n.M("plan.growth_base")
		}
		return i18n.M("plan.growth", p.Year-1)
	}
	return i18n.M("plan.text")
}

// Bounds writes Min and Max as documents do, the same in every language:
// "≥ 55 %", "≤ 5,5 %", "≥ 1 обращений, ≤ 5 обращений".
func (p Plan) Bounds() string {
	var parts []string
	if p.Min != nil {
		parts = append(parts, "≥ "+Amount(*p.Min, p.Unit))
	}
	if p.Max != nil {
		parts = append(parts, "≤ "+Amount(*p.Max, p.Unit))
	}
	return strings.Join(parts, ", ")
}

// Amount writes a value as Russian documents do, with a decimal comma
// (57,5, not 57.5), and its unit if any: "57,5 %", "20 участников".
func Amount(v float64, unit string) string {
	s := strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
	if unit != "" {
		s += " " + unit
	}
	return s
}

// Occurrences lists when activity a falls due in r, ascending: the
// occurrences of its deadline, or, for a deadline with no date of its own
// («постоянно», «по мере необходимости», a term from an order of unknown
// date), one undated occurrence (zero By) in each year of the period,
// for which a fact is asked and that is never overdue.
func (r *Roadmap) Occurrences(a Activity) []phrase.Deadline {
	c := r.DueContext()
	if s := a.Due.Schedule(c); len(s) > 0 || !a.Due.Parsed {
		return s
	}
	if c.From > c.To || c.To-c.From > 1000 {
		return nil
	}
	var out []phrase.Deadline
	for y := c.From; y <= c.To; y++ {
		if c.SchoolYear && y > c.From {
			break // one school year
		}
		out = append(out, phrase.Deadline{Year: y})
	}
	return out
}
