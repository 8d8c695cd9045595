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
	// Headings are section headings between rows, in order of Before.
	Headings []Heading
}

// Heading is a section heading drawn above data row Before («I.
// Нормативно-правовое обеспечение»). It is kept apart from Rows, not made
// a row of its own, because it is no data: JSON, which keeps rows typed,
// leaves it out, and each renderer that draws for people (text, Markdown,
// CSV, xlsx) draws it its own way, above the rows of its section.
type Heading struct {
	Before int
	// N is the section's number as printed («I», «2»), "" if it has none.
	N     string
	Title string
}

// Text is the heading on one line: «I. Нормативно-правовое обеспечение».
func (h Heading) Text() string {
	if h.N == "" {
		return h.Title
	}
	return strings.TrimSuffix(h.N, ".") + ". " + h.Title
}

// HeadingsBefore are the headings above row i.
func (t Table) HeadingsBefore(i int) []Heading {
	var out []Heading
	for _, h := range t.Headings {
		if h.Before == i {
			out = append(out, h)
		}
	}
	return out
}

// SectionHeading is the heading of section s above row before.
func SectionHeading(s roadmap.Section, before int) Heading {
	return Heading{Before: before, N: s.N, Title: s.Title}
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
// deadlines per year, its indicator and how the indicator (else the
// expected result) was read, the activities under their section headings.
// The expected result has a column of its own when some activity has one.
func Show(r *roadmap.Roadmap, lang i18n.Lang) Table {
	t := Table{
		Title: i18n.T(lang, "show.title", r.ID, Owner(r, lang), r.Period.From, r.Period.To),
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
	results := false
	for _, a := range r.Activities {
		results = results || a.Result.Text != ""
	}
	if results {
		t.Columns = append(t.Columns, Column{Key: "result", Header: i18n.T(lang, "col.result"), Max: 36})
	}
	var section *roadmap.Section
	for i, a := range r.Activities {
		if s := r.SectionOf(a); s != nil && s != section {
			t.Headings = append(t.Headings, SectionHeading(*s, i))
		}
		section = r.SectionOf(a)
		row := []Cell{
			NumberOf(a.N),
			TextCell(a.ID),
			TextCell(a.Title),
			TextCell(a.Due.Text),
			TextCell(Deadlines(r, a, lang)),
			TextCell(a.Indicator.Text),
			TextCell(Reading(a, r.Period, lang)),
		}
		if results {
			row = append(row, TextCell(a.Result.Text))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Owner names whose roadmap r is, for a title line: the district of a
// district roadmap, else the region or school with the level in words
// («Пензенская область, региональная»).
func Owner(r *roadmap.Roadmap, lang i18n.Lang) string {
	switch r.LevelOf() {
	case roadmap.LevelRegion:
		return i18n.T(lang, "show.owner.region", r.Owner())
	case roadmap.LevelSchool:
		return i18n.T(lang, "show.owner.school", r.Owner())
	}
	return r.District
}

// Deadlines lists when the activity falls due, one line per occurrence
// ("2023: до 31.03.2023", "2023: с 06.02.2023 до 30.05.2023"); a deadline
// with no date says its kind ("постоянно").
func Deadlines(r *roadmap.Roadmap, a roadmap.Activity, lang i18n.Lang) string {
	d := a.Due
	if !d.Parsed {
		return i18n.T(lang, "reading.unparsed")
	}
	var lines []string
	if d.Kind != phrase.DueDated {
		lines = append(lines, i18n.T(lang, "reading.kind."+string(d.Kind)))
	}
	for _, dl := range r.Occurrences(a) {
		switch {
		case dl.By.IsZero():
		case !dl.From.IsZero():
			lines = append(lines, i18n.T(lang, "reading.range", dl.Year, dl.From.Format("02.01.2006"), dl.By.Format("02.01.2006")))
		default:
			lines = append(lines, i18n.T(lang, "reading.deadline", dl.Year, dl.By.Format("02.01.2006")))
		}
	}
	if d.Plan != "" {
		lines = append(lines, i18n.T(lang, "reading.plan", d.Plan))
	}
	if d.Event != "" {
		lines = append(lines, i18n.T(lang, "reading.event", d.Event))
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
		switch {
		case ind.From != nil && ind.To != nil && *ind.To < *ind.From:
			s = i18n.T(lang, "reading.fall_to", Number(*ind.From), Number(*ind.To), ind.Unit)
		case ind.To != nil && ind.From != nil:
			s = i18n.T(lang, "reading.growth_to", Number(*ind.From), Number(*ind.To), ind.Unit)
		}
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
