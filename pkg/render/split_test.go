package render

import (
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/view"
)

// TestSplitRows: a table longer than a sheet goes on over several, each
// within the limit counting its section headings, every row once and in
// order, each heading above the same row as before.
func TestSplitRows(t *testing.T) {
	t.Parallel()
	tbl := view.Table{Name: "Сведения", Headings: []view.Heading{{Before: 0, Title: "I"}, {Before: 3, Title: "II"}, {Before: 4, Title: "III"}}}
	for i := range 10 {
		tbl.Rows = append(tbl.Rows, []view.Cell{view.IntCell(i)})
	}
	for _, max := range []int{2, 3, 4, 13, 100} {
		parts := splitRows(view.RowsOf(tbl), max)
		row := 0
		var headings []int // the row each heading stands above
		for _, p := range parts {
			if n := p.Len + len(p.Headings); n > max || p.Len == 0 {
				t.Errorf("max %d: a part of %d rows and %d headings", max, p.Len, len(p.Headings))
			}
			for _, h := range p.Headings {
				headings = append(headings, row+h.Before)
			}
			for i := range p.Len {
				r := p.Row(i)
				if int(r[0].Num) != row {
					t.Fatalf("max %d: row %v where %d was due", max, r[0].Num, row)
				}
				row++
			}
		}
		if row != 10 || len(headings) != 3 || headings[0] != 0 || headings[1] != 3 || headings[2] != 4 {
			t.Errorf("max %d: %d rows, headings above %v", max, row, headings)
		}
		if want := max >= 13; (len(parts) == 1) != want {
			t.Errorf("max %d: %d parts", max, len(parts))
		}
	}
}
