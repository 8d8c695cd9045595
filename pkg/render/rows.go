package render

import (
	"io"

	"github.com/roadmap-edu/roadmap/pkg/view"
)

// rowsDrawer is a renderer that draws a table row by row as it is made,
// holding none of it: the text, Markdown, CSV and JSON formats.
type rowsDrawer interface {
	drawRows(w io.Writer, t view.Rows) error
}

// DrawRows writes the table in r's format: streamed, in the formats that
// draw rows as they come; the others are given it as a view.Table.
func DrawRows(r Renderer, w io.Writer, t view.Rows) error {
	if d, ok := r.(rowsDrawer); ok {
		return d.drawRows(w, t)
	}
	return r.Table(w, t.Table())
}

// headingWalk gives the section headings above each row as the rows are
// gone over in order: they come in order of Before.
type headingWalk struct {
	hs   []view.Heading
	next int
}

// above are the headings above row i, for i rising from 0 (a walk starts
// again at 0).
func (w *headingWalk) above(i int) []view.Heading {
	if i == 0 {
		w.next = 0
	}
	start := w.next
	for w.next < len(w.hs) && w.hs[w.next].Before <= i {
		w.next++
	}
	return w.hs[start:w.next]
}
