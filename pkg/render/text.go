package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

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

// Table draws a boxed table. Headers keep their case and Cyrillic counts
// one cell wide: tablewriter upper-cases headers and may count Cyrillic as
// double width in East-Asian mode, so both are switched off.
func (r textRenderer) Table(w io.Writer, t view.Table) error {
	for _, line := range []string{t.Title, t.Subtitle} {
		if line == "" {
			continue
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	width := r.opts.Width
	if width <= 0 {
		width = 160
	}
	headers := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		headers[i] = c.Header
	}
	rows := make([][]string, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = rowTexts(row, len(t.Columns), r.opts.Lang)
	}
	maxes := fitWidths(t.Columns, rows, width)
	// Cells are wrapped here, to the widths that fit the terminal, and
	// tablewriter only draws them: its own wrapping does not narrow the
	// columns. It must not upper-case the headers or count Cyrillic as
	// double width.
	table := tablewriter.NewTable(w,
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
	)
	wrapped := make([]string, len(headers))
	for i, h := range headers {
		wrapped[i] = wrap(h, maxes[i])
	}
	table.Header(wrapped)
	for r, row := range rows {
		for _, h := range t.HeadingsBefore(r) {
			if err := table.Append(headingCells(h, t.Columns, maxes)); err != nil {
				return err
			}
		}
		cells := make([]string, len(row))
		for i, text := range row {
			cells[i] = wrap(strings.TrimSpace(text), maxes[i])
		}
		if err := table.Append(cells); err != nil {
			return err
		}
	}
	return table.Render()
}

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
func fitWidths(columns []view.Column, rows [][]string, width int) map[int]int {
	n := len(columns)
	widths := make([]int, n)
	for i, c := range columns {
		w := 1
		for _, word := range strings.Fields(c.Header) {
			w = max(w, utf8.RuneCountInString(word))
		}
		for _, row := range rows {
			for _, line := range strings.Split(row[i], "\n") {
				w = max(w, utf8.RuneCountInString(strings.TrimSpace(line)))
			}
		}
		if c.Max > 0 {
			w = min(w, c.Max)
		}
		widths[i] = w
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
