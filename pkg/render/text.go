package render

import (
	"fmt"
	"io"
	"strings"

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
	maxes := map[int]int{}
	headers := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		headers[i] = c.Header
		if c.Max > 0 {
			maxes[i] = c.Max
		}
	}
	// Options apply in order and WithConfig replaces the whole config, so
	// the column limits go first and the formatting switches after them.
	table := tablewriter.NewTable(w,
		tablewriter.WithConfig(tablewriter.Config{
			Row: tw.CellConfig{ColMaxWidths: tw.CellWidth{PerColumn: maxes}},
		}),
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithHeaderAutoWrap(tw.WrapNormal),
		tablewriter.WithMaxWidth(width),
	)
	table.Header(headers)
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = strings.TrimSpace(c)
		}
		if err := table.Append(cells); err != nil {
			return err
		}
	}
	return table.Render()
}
