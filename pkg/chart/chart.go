// Package chart owns the site's charts: inline SVG drawn from typed data
// (status counts, plans and facts, statuses by district and activity) by
// pure functions that return the SVG's bytes. The charts need no script
// to be seen and print in black and white: each status has the colour of
// the workbooks (render.StatusColours) and a pattern of its own, bars and
// cells carry their numbers or a letter, and every chart has a legend.
// Words (the legend, the title) come from the caller; the package makes
// none.
package chart

import (
	"bytes"
	"html"
	"strconv"
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/render"
)

// Words are what a chart says, in the reader's language.
type Words struct {
	// Title names the chart for screen readers (its <title>).
	Title string
	// Status words each status key ("met": "выполнено") and Mark gives
	// its one-letter mark in a heat map cell ("met": "В").
	Status, Mark map[string]string
}

// pattern is the black-and-white overlay of a status: what tells it
// from the others on a grey printout.
var pattern = map[string]string{
	"met":          "",
	"met_late":     `<path d="M0 6L6 0" stroke="#333" stroke-width="1"/>`,
	"partial":      `<circle cx="3" cy="3" r="1.1" fill="#333"/>`,
	"not_met":      `<path d="M0 0L6 6M0 6L6 0" stroke="#333" stroke-width="1"/>`,
	"no_data":      `<path d="M0 3H6" stroke="#333" stroke-width="1"/>`,
	"not_due":      "",
	"needs_review": `<path d="M3 0V6" stroke="#333" stroke-width="1"/>`,
}

// Text colours: near black on the light fills, grey for axes.
const (
	ink    = "#1a1a1a"
	stroke = "#595959"
	font   = `font-family="DejaVu Sans, Arial, sans-serif"`
)

// svg is a chart being written.
type svg struct {
	bytes.Buffer
	id string
}

// open starts an SVG of the given size, named by title for assistive
// technology; id makes its pattern ids unique on a page.
func open(id string, w, h int, title string) *svg {
	// Written piece by piece, not by fmt: a site draws 300,000 charts.
	s := &svg{id: id}
	ws, hs := strconv.Itoa(w), strconv.Itoa(h)
	s.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ` + ws + " " + hs + `" width="` + ws + `" height="` + hs +
		`" aria-labelledby="` + id + `-t" ` + font + ` font-size="12">`)
	s.WriteString(`<title id="` + id + `-t">` + esc(title) + `</title>`)
	s.WriteString("<defs>")
	for _, k := range render.StatusOrder {
		if pattern[k] == "" {
			continue
		}
		s.WriteString(`<pattern id="` + id + "-" + k + `" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#` +
			render.StatusColours[k] + `"/>` + pattern[k] + `</pattern>`)
	}
	s.WriteString("</defs>")
	return s
}

func (s *svg) close() []byte {
	s.WriteString("</svg>")
	return s.Bytes()
}

// fill is the paint of a status: its pattern, or its plain colour.
func (s *svg) fill(status string) string {
	if pattern[status] != "" {
		return "url(#" + s.id + "-" + status + ")"
	}
	if c, ok := render.StatusColours[status]; ok {
		return "#" + c
	}
	return "#ffffff"
}

// legend draws a swatch and the words of each status at y, wrapping at
// width; it returns the height used.
func (s *svg) legend(y, width int, words Words, keys []string) int {
	return legendLayout(width, words, keys, func(x, yy int, k, label string) {
		s.WriteString(`<rect x="` + strconv.Itoa(x) + `" y="` + strconv.Itoa(y+yy) + `" width="14" height="14" fill="` + s.fill(k) + `" stroke="` + stroke + `"/>`)
		s.WriteString(`<text x="` + strconv.Itoa(x+20) + `" y="` + strconv.Itoa(y+yy+11) + `" fill="` + ink + `">` + esc(label) + `</text>`)
	})
}

// legendHeight is the height legend would use.
func legendHeight(width int, words Words, keys []string) int {
	return legendLayout(width, words, keys, func(int, int, string, string) {})
}

// legendLayout places the legend's entries, each at x and y below the
// legend's top; it returns the height used.
func legendLayout(width int, words Words, keys []string, entry func(x, y int, key, label string)) int {
	x, line := 0, 0
	for _, k := range keys {
		label := words.Status[k]
		if m := words.Mark[k]; m != "" {
			label = m + " — " + label
		}
		w := 22 + textWidth(label) + 16
		if x > 0 && x+w > width {
			x, line = 0, line+1
		}
		entry(x, line*20, k, label)
		x += w
	}
	return (line + 1) * 20
}

// mark writes a status's letter centred at x on baseline y, on a white
// ground so that it reads over any pattern.
func (s *svg) mark(x, y int, status string, words Words) {
	m := words.Mark[status]
	if m == "" {
		return
	}
	s.WriteString(`<rect x="` + strconv.Itoa(x-6) + `" y="` + strconv.Itoa(y-11) + `" width="12" height="14" fill="#ffffff" aria-hidden="true"/>`)
	s.WriteString(`<text x="` + strconv.Itoa(x) + `" y="` + strconv.Itoa(y) + `" text-anchor="middle" fill="` + ink + `" font-weight="bold" aria-hidden="true">` + esc(m) + `</text>`)
}

// textWidth estimates the width of s in 12 px text.
func textWidth(s string) int { return utf8.RuneCountInString(s) * 7 }

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func esc(s string) string { return html.EscapeString(s) }

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
