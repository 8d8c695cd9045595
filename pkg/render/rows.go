package render

import (
	"io"

	"github.com/roadmap-edu/roadmap/pkg/view"
)

// Rows is a table whose rows are made when drawn, row by row, for tables
// too large to hold as cells (the status table of a million-row report is
// 450 MB of view.Cell).
type Rows struct {
	Title, Subtitle string
	Columns         []view.Column
	Len             int
	// Row makes row i; it may be called more than once for a row.
	Row func(i int) []view.Cell
	// headings are the section headings above row i (Table's own).
	headings func(i int) []view.Heading
}

// DrawRows writes the table in r's format: the text format streams it;
// the others are given it as a view.Table.
func DrawRows(r Renderer, w io.Writer, rows Rows) error {
	if tr, ok := r.(textRenderer); ok {
		return tr.draw(w, rows)
	}
	t := view.Table{Title: rows.Title, Subtitle: rows.Subtitle, Columns: rows.Columns, Rows: make([][]view.Cell, rows.Len)}
	for i := range rows.Len {
		t.Rows[i] = rows.Row(i)
	}
	return r.Table(w, t)
}
