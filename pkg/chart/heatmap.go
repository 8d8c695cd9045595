package chart

import (
	"fmt"

	"github.com/roadmap-edu/roadmap/pkg/render"
)

// Axis is a row or a column of a heat map: a short label drawn on the
// chart and the full name in its tooltip.
type Axis struct {
	Label, Title string
}

// Layout of the heat map, in px.
const (
	cell      = 22
	rowLabel  = 210
	colHeader = 70
)

// HeatMap draws rows (districts) by columns (activities), each cell the
// status of that district's activity, in its colour and pattern with the
// status's letter in it; an empty key leaves the cell blank (the
// district has no such activity). Cells are <rect data-row data-col
// data-status>.
func HeatMap(id string, rows, cols []Axis, cells [][]string, words Words) []byte {
	used := map[string]bool{}
	for _, r := range cells {
		for _, k := range r {
			used[k] = true
		}
	}
	var keys []string
	for _, k := range render.StatusOrder {
		if used[k] {
			keys = append(keys, k)
		}
	}
	width := max(rowLabel+len(cols)*cell+8, 420)
	legendY := colHeader + len(rows)*cell + 12
	legendH := legendHeight(width, words, keys)
	s := open(id, width, legendY+legendH, words.Title)
	for j, c := range cols {
		x := rowLabel + j*cell + cell/2
		fmt.Fprintf(s, `<text transform="translate(%d %d) rotate(-60)" fill="%s">%s<title>%s</title></text>`,
			x+4, colHeader-6, ink, esc(clip(c.Label, 10)), esc(c.Title))
	}
	for i, r := range rows {
		y := colHeader + i*cell
		fmt.Fprintf(s, `<text x="%d" y="%d" text-anchor="end" fill="%s">%s<title>%s</title></text>`,
			rowLabel-8, y+cell-7, ink, esc(clip(r.Label, 28)), esc(r.Title))
		for j := range cols {
			k := ""
			if i < len(cells) && j < len(cells[i]) {
				k = cells[i][j]
			}
			if k == "" {
				continue
			}
			x := rowLabel + j*cell
			fmt.Fprintf(s, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="%s" data-row="%d" data-col="%d" data-status="%s"><title>%s, %s: %s</title></rect>`,
				x, y, cell, cell, s.fill(k), stroke, i, j, k, esc(r.Title), esc(cols[j].Title), esc(words.Status[k]))
			s.mark(x+cell/2, y+cell-6, k, words)
		}
	}
	s.legend(legendY, width, words, keys)
	return s.close()
}
