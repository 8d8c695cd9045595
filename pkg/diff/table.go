package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// writeTable draws the "Было / Стало" table of each file.
func writeTable(w io.Writer, rs []*Result, opts WriteOptions) error {
	r, err := render.New(render.Text, render.Options{Lang: opts.Lang, Width: opts.Width})
	if err != nil {
		return err
	}
	for i, res := range rs {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		t := BeforeAfter(res, opts.Lang)
		if len(t.Rows) == 0 {
			if _, err := fmt.Fprintln(w, t.Title+"\n"+noRows(res, opts.Lang)); err != nil {
				return err
			}
			continue
		}
		if err := r.Table(w, t); err != nil {
			return err
		}
	}
	return nil
}

func noRows(res *Result, lang i18n.Lang) string {
	if h := fileHead(res, lang); h != "" {
		return h
	}
	return i18n.T(lang, "diff.no_changes")
}

// BeforeAfter builds the "Было / Стало" (before / after) table of a
// result, as officials compare versions: one block of rows per changed
// activity (the first row names it), a row per changed field.
func BeforeAfter(res *Result, lang i18n.Lang) view.Table {
	old, new := fileNames(res)
	t := view.Table{
		Title: i18n.T(lang, "diff.table.title", old, new),
		Columns: []view.Column{
			{Key: "activity", Header: i18n.T(lang, "diff.col.activity"), Max: 30},
			{Key: "field", Header: i18n.T(lang, "diff.col.field"), Max: 24},
			{Key: "before", Header: i18n.T(lang, "diff.col.before"), Max: 50},
			{Key: "after", Header: i18n.T(lang, "diff.col.after"), Max: 50},
		},
	}
	block := func(name string, rows [][3]string) {
		for i, r := range rows {
			if i > 0 {
				name = ""
			}
			t.Rows = append(t.Rows, []view.Cell{view.TextCell(name), view.TextCell(r[0]), view.TextCell(r[1]), view.TextCell(r[2])})
		}
	}
	fieldRows := func(c *Change) [][3]string {
		var rows [][3]string
		if c.Kind == KindRenamed {
			rows = append(rows, [3]string{i18n.T(lang, "diff.field.id"), c.OldID, c.ID})
		}
		for _, f := range c.Fields {
			before, after := value(lang, f.Field, f.Old), value(lang, f.Field, f.New)
			if d := f.Deadlines; d != nil && !f.SameMeaning {
				before += "\n(" + deadlinesText(lang, d.Old, d.OldParsed) + ")"
				after += "\n(" + deadlinesText(lang, d.New, d.NewParsed) + ")"
			}
			if f.SameMeaning {
				after += "\n(" + i18n.T(lang, "diff.same_meaning") + ")"
			}
			rows = append(rows, [3]string{label(lang, c, f), before, after})
		}
		return rows
	}
	row := func(a *roadmap.Activity, added bool) [][3]string {
		vals := [][2]string{
			{"title", a.Title}, {"due", a.Due.Text}, {"indicator", a.Indicator.Text},
			{"executors", strings.Join(a.Executors, ", ")},
		}
		if a.Note != "" {
			vals = append(vals, [2]string{"note", a.Note})
		}
		rows := make([][3]string, len(vals))
		for i, v := range vals {
			rows[i] = [3]string{i18n.T(lang, "diff.field."+v[0]), v[1], ""}
			if added {
				rows[i][1], rows[i][2] = "", v[1]
			}
		}
		return rows
	}
	for ci := range res.Changes {
		c := &res.Changes[ci]
		switch c.Kind {
		case KindRoadmap:
			block(i18n.T(lang, "diff.table.roadmap"), fieldRows(c))
		case KindReordered:
			var rows [][3]string
			for _, m := range c.Moved {
				rows = append(rows, [3]string{m.ID, fmt.Sprint(m.OldN), fmt.Sprint(m.NewN)})
			}
			block(i18n.T(lang, "diff.table.order"), rows)
		case KindChanged, KindRenamed:
			block(fmt.Sprintf("%s. %s", numLabel(c), c.ID), fieldRows(c))
		case KindAdded:
			block(i18n.T(lang, "diff.table.added", c.NewN, c.ID), row(c.New, true))
		case KindRemoved:
			block(i18n.T(lang, "diff.table.removed", c.OldN, c.ID), row(c.Old, false))
		}
	}
	return t
}
