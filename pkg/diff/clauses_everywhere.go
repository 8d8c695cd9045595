package diff

import (
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// replacements finds the words replaced in the cells of two rows or more
// and everywhere else in the annex alike (an executor renamed throughout):
// one clause each, and the cells it covers, which get no clause of their
// own. A replacement that would also change a text the new version keeps
// is no replacement throughout: its cells keep their clauses.
func replacements(res *Result, changed []*Change) ([]Clause, map[Cell]bool) {
	type pair struct{ old, new string }
	cells := map[pair][]Cell{}
	var order []pair
	for _, c := range changed {
		for _, f := range c.Fields {
			if !isColumn(f.Field) {
				continue
			}
			o, n := CellText(f.Field, f.Old), CellText(f.Field, f.New)
			x, y, ok := minimalChange(o, n)
			if f.Field == FieldExecutors && len(f.Removed) == 1 && len(f.Added) == 1 {
				// One executor renamed: named whole, as the cell lists it.
				x, y, ok = f.Removed[0], f.Added[0], true
			}
			if !ok || strings.ReplaceAll(o, x, y) != n {
				continue
			}
			p := pair{x, y}
			if _, seen := cells[p]; !seen {
				order = append(order, p)
			}
			cells[p] = append(cells[p], Cell{ID: c.ID, N: c.OldN, Field: f.Field})
		}
	}
	var out []Clause
	covered := map[Cell]bool{}
	for _, p := range order {
		cs := cells[p]
		rows := map[string]bool{}
		for _, c := range cs {
			rows[c.ID] = true
		}
		if len(rows) < 2 || !throughout(res, p.old, p.new) {
			continue
		}
		out = append(out, Clause{Kind: ClauseEverywhere, Old: p.old, New: p.new,
			Digits: isNumber(p.old) && isNumber(p.new), Cells: cs})
		for _, c := range cs {
			covered[Cell{ID: c.ID, Field: c.Field}] = true
		}
	}
	return out, covered
}

func isColumn(f Field) bool {
	for _, c := range Columns {
		if c == f {
			return true
		}
	}
	return false
}

// throughout reports whether replacing x by y throughout the old annex
// (the cells of the rows both versions have, the roadmap's title,
// description and goals, the section headings) gives the new one.
func throughout(res *Result, x, y string) bool {
	if res.Old == nil || res.New == nil {
		return false
	}
	ok := func(o, n string) bool { return !strings.Contains(o, x) || strings.ReplaceAll(o, x, y) == n }
	o, n := res.Old, res.New
	if !ok(o.Title, n.Title) || !ok(o.Description, n.Description) ||
		!ok(strings.Join(o.Goals, "\n"), strings.Join(n.Goals, "\n")) || !ok(sectionTitles(o), sectionTitles(n)) {
		return false
	}
	newByID := make(map[string]*roadmap.Activity, len(n.Activities))
	for i := range n.Activities {
		newByID[n.Activities[i].ID] = &n.Activities[i]
	}
	for _, c := range res.Changes {
		if c.Kind == KindRenamed && c.New != nil {
			newByID[c.OldID] = c.New
		}
	}
	for i := range o.Activities {
		oa := &o.Activities[i]
		na := newByID[oa.ID]
		if na == nil {
			continue // deleted: its clause says so
		}
		for _, f := range Columns {
			if !ok(CellText(f, ColumnValue(f, oa)), CellText(f, ColumnValue(f, na))) {
				return false
			}
		}
	}
	return true
}

func sectionTitles(r *roadmap.Roadmap) string {
	var b strings.Builder
	for _, s := range r.Sections {
		b.WriteString(s.Title + "\n")
	}
	return b.String()
}
