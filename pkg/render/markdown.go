package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

type markdownRenderer struct{ opts Options }

// Findings writes a Markdown list, for a pull-request comment.
func (r markdownRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintf(w, "- `%s` **%s** %s: %s\n", f.Where(), f.Code, f.Severity, mdCell(f.Message(r.opts.Lang))); err != nil {
			return err
		}
	}
	return nil
}

// Table writes a GitHub-flavoured Markdown table.
func (r markdownRenderer) Table(w io.Writer, t view.Table) error {
	return r.drawRows(w, view.RowsOf(t))
}

// drawRows writes the table as Table does, a row at a time.
func (r markdownRenderer) drawRows(out io.Writer, t view.Rows) error {
	b := bufio.NewWriterSize(out, 64<<10)
	if t.Title != "" {
		fmt.Fprintf(b, "**%s**\n\n", mdCell(t.Title))
	}
	if t.Subtitle != "" {
		fmt.Fprintf(b, "_%s_\n\n", mdCell(t.Subtitle))
	}
	b.WriteString("|")
	for _, c := range t.Columns {
		b.WriteString(" " + mdCell(c.Header) + " |")
	}
	b.WriteString("\n|")
	for range t.Columns {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	walk := &headingWalk{hs: t.Headings}
	for n := range t.Len {
		// A section heading is a row of its own, bold in the first column.
		for _, h := range walk.above(n) {
			b.WriteString("| **" + mdCell(h.Text()) + "** |" + strings.Repeat(" |", max(len(t.Columns)-1, 0)) + "\n")
		}
		b.WriteString("|")
		for _, text := range rowTexts(t.Row(n), len(t.Columns), r.opts.Lang) {
			b.WriteString(" " + mdCell(text) + " |")
		}
		b.WriteString("\n")
	}
	return b.Flush()
}

// mdCell keeps a cell on one line and its pipes literal.
func mdCell(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", "<br>")
}
