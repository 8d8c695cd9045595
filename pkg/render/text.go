package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

type textRenderer struct{ opts Options }

// Findings writes one line per finding: "path:line:col: error RM012: message",
// the form editors and terminals turn into links.
func (r textRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintf(w, "%s: %s %s: %s\n", f.Where(), f.Severity, f.Code, f.Message(r.opts.Lang)); err != nil {
			return err
		}
	}
	return nil
}

// Table draws a boxed table.
func (r textRenderer) Table(w io.Writer, t view.Table) error { return r.drawRows(w, view.RowsOf(t)) }

// drawRows draws a boxed table as tablewriter drew it (its box characters,
// one space of padding, headers as written, Cyrillic one cell wide), a row
// at a time: the rows are gone over twice, for the widths and to draw
// them, and never held as text (a million-row status table was 160 MB of
// text in tablewriter).
func (r textRenderer) drawRows(out io.Writer, t view.Rows) error {
	w := bufio.NewWriterSize(out, 64<<10)
	for _, line := range []string{t.Title, t.Subtitle} {
		if line != "" {
			w.WriteString(line)
			w.WriteByte('\n')
		}
	}
	width := r.opts.Width
	if width <= 0 {
		width = 160
	}
	walk := &headingWalk{hs: t.Headings}
	headings := walk.above
	n := len(t.Columns)
	texts := func(i int) []string { return rowTexts(t.Row(i), n, r.opts.Lang) }
	maxes := fitWidths(t.Columns, t.Len, texts, width)
	// The drawn width of each column: its widest line, wrapped.
	cols := make([]int, n)
	cells := make([][]string, n)
	measure := func(row []string) {
		for i, text := range row {
			for _, line := range strings.Split(text, "\n") {
				cols[i] = max(cols[i], textWidth(line))
			}
		}
	}
	header := make([]string, n)
	for i, c := range t.Columns {
		header[i] = wrap(c.Header, maxes[i])
	}
	measure(header)
	wrapRow := func(row []string) []string {
		for i, text := range row {
			row[i] = wrap(strings.TrimSpace(text), maxes[i])
		}
		return row
	}
	for i := range t.Len {
		for _, h := range headings(i) {
			measure(headingCells(h, t.Columns, maxes))
		}
		measure(wrapRow(texts(i)))
	}
	rule := func(left, mid, right string) {
		w.WriteString(left)
		for i, c := range cols {
			if i > 0 {
				w.WriteString(mid)
			}
			for range c + 2 {
				w.WriteString("─")
			}
		}
		w.WriteString(right)
		w.WriteByte('\n')
	}
	line := func(row []string) {
		lines := 1
		for i, text := range row {
			cells[i] = strings.Split(text, "\n")
			lines = max(lines, len(cells[i]))
		}
		for l := range lines {
			w.WriteString("│")
			for i := range row {
				text := ""
				if l < len(cells[i]) {
					text = cells[i][l]
				}
				w.WriteByte(' ')
				w.WriteString(text)
				for range cols[i] - textWidth(text) {
					w.WriteByte(' ')
				}
				w.WriteString(" │")
			}
			w.WriteByte('\n')
		}
	}
	rule("┌", "┬", "┐")
	line(header)
	rule("├", "┼", "┤")
	for i := range t.Len {
		for _, h := range headings(i) {
			line(headingCells(h, t.Columns, maxes))
		}
		line(wrapRow(texts(i)))
		if w.Buffered() > 32<<10 {
			if err := w.Flush(); err != nil {
				return err
			}
		}
	}
	rule("└", "┴", "┘")
	return w.Flush()
}

// textWidth is how many terminal cells text takes, as tablewriter counts
// them with East-Asian widths off.
func textWidth(s string) int {
	eastAsianOff.Do(func() { twwidth.SetEastAsian(false) })
	return twwidth.Width(s)
}

var eastAsianOff sync.Once

// headingCells draws a section heading as a row of its own: the title in
// the activity column (key "title"; else the first column that wraps),
// wrapped there, the number in the first column, the other cells empty.
// tablewriter spans a cell over columns only by merging equal neighbours,
// which would merge equal cells of data rows too and widen columns to the
// span's text.
func headingCells(h view.Heading, columns []view.Column, widths map[int]int) []string {
	at := -1
	for i, c := range columns {
		if c.Key == "title" {
			at = i
			break
		}
		if at < 0 && c.Max > 0 {
			at = i
		}
	}
	cells := make([]string, len(columns))
	if at <= 0 {
		cells[0] = wrap(h.Text(), widths[0])
		return cells
	}
	cells[0] = wrap(h.N, widths[0])
	cells[at] = wrap(h.Title, widths[at])
	return cells
}

// fitWidths chooses each column's width so that the table fits the
// terminal: a column is as wide as its longest line (within its Max), and
// while the table is too wide the widest column gives up a character.
// tablewriter's own maximum width does not shrink columns that have a
// width of their own, so the fitting is done here.
func fitWidths(columns []view.Column, rows int, texts func(int) []string, width int) map[int]int {
	n := len(columns)
	widths := make([]int, n)
	for i, c := range columns {
		w := 1
		for _, word := range strings.Fields(c.Header) {
			w = max(w, utf8.RuneCountInString(word))
		}
		widths[i] = w
	}
	for r := range rows {
		for i, text := range texts(r) {
			for _, line := range strings.Split(text, "\n") {
				widths[i] = max(widths[i], utf8.RuneCountInString(strings.TrimSpace(line)))
			}
		}
	}
	for i, c := range columns {
		if c.Max > 0 {
			widths[i] = min(widths[i], c.Max)
		}
	}
	// Borders and padding: "│ " before each column, " │" at the end.
	total := func() int {
		sum := 1
		for _, w := range widths {
			sum += w + 3
		}
		return sum
	}
	for total() > width {
		widest := 0
		for i, w := range widths {
			if w > widths[widest] {
				widest = i
			}
		}
		if widths[widest] <= 4 {
			break
		}
		widths[widest]--
	}
	out := make(map[int]int, n)
	for i, w := range widths {
		out[i] = w
	}
	return out
}

// wrap breaks text into lines of at most width characters at spaces,
// cutting words longer than a line.
func wrap(text string, width int) string {
	if width <= 0 {
		return text
	}
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for utf8.RuneCountInString(word) > width {
				if line != "" {
					lines = append(lines, line)
					line = ""
				}
				r := []rune(word)
				lines = append(lines, string(r[:width]))
				word = string(r[width:])
			}
			switch {
			case line == "":
				line = word
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= width:
				line += " " + word
			default:
				lines = append(lines, line)
				line = word
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
