// Package view builds what the commands show, as localized tables of
// typed cells and JSON-ready values, from the model: which rows and
// columns, in which words (readings, plans, status labels, from the
// catalogue). How a table is drawn (terminal, Markdown, CSV, xlsx) is
// package render's business.
package view

import (
	"fmt"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Table is a localized table.
type Table struct {
	// Name is a short name: the sheet name in a workbook.
	Name     string
	Title    string
	Subtitle string
	Columns  []Column
	// Rows hold typed cells, one per column.
	Rows [][]Cell
}

// Column is one column: Key names it in JSON and CSV, Header is what
// people read. What its cells hold is each cell's Kind.
type Column struct {
	Key    string
	Header string
	// Max is the widest the column may be drawn in a terminal (0: no
	// limit); longer text wraps.
	Max int
}

// Show is the table of how the tool understood each activity of r: its
// deadlines per year and its indicator.
func Show(r *roadmap.Roadmap, lang i18n.Lang) Table {
	t := Table{
		Title: i18n.T(lang, "show.title", r.ID, r.District, r.Period.From, r.Period.To),
		Columns: []Column{
			{Key: "n", Header: i18n.T(lang, "col.n")},
			{Key: "id", Header: i18n.T(lang, "col.id")},
			{Key: "title", Header: i18n.T(lang, "col.title"), Max: 36},
			{Key: "due", Header: i18n.T(lang, "col.due"), Max: 24},
			{Key: "deadlines", Header: i18n.T(lang, "col.deadlines"), Max: 24},
			{Key: "indicator", Header: i18n.T(lang, "col.indicator"), Max: 36},
			{Key: "reading", Header: i18n.T(lang, "col.reading"), Max: 40},
		},
	}
	for _, a := range r.Activities {
		t.Rows = append(t.Rows, []Cell{
			NumberOf(a.N),
			TextCell(a.ID),
			TextCell(a.Title),
			TextCell(a.Due.Text),
			TextCell(Deadlines(a.Due, r.Period, lang)),
			TextCell(a.Measure().Text),
			TextCell(Reading(a, r.Period, lang)),
		})
	}
	return t
}

// Deadlines lists when the activity falls due, one line per year.
func Deadlines(d phrase.Due, p roadmap.Period, lang i18n.Lang) string {
	if !d.Parsed {
		return i18n.T(lang, "reading.unparsed")
	}
	var lines []string
	for _, dl := range d.Schedule(p.From, p.To) {
		lines = append(lines, i18n.T(lang, "reading.deadline", dl.Year, dl.By.Format("02.01.2006")))
	}
	if d.Plan != "" {
		lines = append(lines, i18n.T(lang, "reading.plan", d.Plan))
	}
	return strings.Join(lines, "\n")
}

// Reading says in words how the indicator was understood: "процент ≥ 55 %
// (обучающихся ...), в каждый год".
func Reading(a roadmap.Activity, p roadmap.Period, lang i18n.Lang) string {
	ind := a.Measure()
	if !ind.Parsed {
		return i18n.T(lang, "reading.unparsed")
	}
	per := i18n.T(lang, "per."+a.Per(p))
	switch ind.Kind {
	case phrase.KindDocument:
		docs := make([]string, len(ind.Documents))
		for i, d := range ind.Documents {
			docs[i] = "«" + d + "»"
		}
		return i18n.T(lang, "reading.document", len(ind.Documents), strings.Join(docs, "; "))
	case phrase.KindCount, phrase.KindPercent:
		s := i18n.T(lang, "kind."+string(ind.Kind)) + " " + Threshold(ind)
		if ind.Of != "" {
			s += " (" + ind.Of + ")"
		}
		return s + ", " + per
	case phrase.KindTargets:
		return i18n.T(lang, "kind.targets") + ": " + Targets(ind)
	case phrase.KindGrowth:
		s := i18n.T(lang, "reading.growth")
		if ind.Of != "" {
			s += " (" + ind.Of + ")"
		}
		return s
	}
	return i18n.T(lang, "reading.text")
}

// Threshold formats the bounds of an indicator: "≥ 55 %", "≤ 5 обращений".
func Threshold(ind phrase.Indicator) string {
	return roadmap.Plan{Min: ind.Min, Max: ind.Max, Unit: ind.Unit}.Bounds()
}

// Targets formats per-year targets: "2020 – 20 %, 2021 – 35 %".
func Targets(ind phrase.Indicator) string {
	parts := make([]string, len(ind.Targets))
	for i, t := range ind.Targets {
		parts[i] = fmt.Sprintf("%d – %s", t.Year, roadmap.Amount(t.Value, ind.Unit))
	}
	return strings.Join(parts, ", ")
}

// Number formats a value as Russian documents do: 57,5 (not 57.5).
func Number(v float64) string { return roadmap.Amount(v, "") }
