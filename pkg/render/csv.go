package render

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// CSV is the format name of comma-separated output.
const CSV Format = "csv"

type csvRenderer struct{ opts Options }

// Findings writes one row per finding.
func (r csvRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	t := view.Table{Columns: []view.Column{{Key: "file"}, {Key: "line"}, {Key: "column"},
		{Key: "cell"}, {Key: "code"}, {Key: "severity"}, {Key: "message"}}}
	for _, f := range fs {
		t.Rows = append(t.Rows, findingRow(f, r.opts.Lang))
	}
	return r.Table(w, t)
}

// Table writes a header row of column headers and the rows. For Russian
// Excel (Options.CSVExcel) it writes a UTF-8 byte order mark, ";" between
// fields and decimal commas, which is what Excel opens correctly by
// double-click; otherwise "," and decimal points. A text cell that a
// spreadsheet would take for a formula (=, +, -, @, tab, CR first) is
// prefixed with an apostrophe.
func (r csvRenderer) Table(w io.Writer, t view.Table) error { return r.drawRows(w, view.RowsOf(t)) }

// drawRows writes the table as Table does, a row at a time.
func (r csvRenderer) drawRows(w io.Writer, t view.Rows) error {
	if r.opts.CSVExcel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if r.opts.CSVExcel {
		cw.Comma = ';'
		cw.UseCRLF = true
	}
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = safeText(c.Header)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	walk := &headingWalk{hs: t.Headings}
	rec := make([]string, len(t.Columns))
	for n := range t.Len {
		// A section heading is a record of its own, its text in the first
		// field, as a spreadsheet shows a heading line.
		for _, h := range walk.above(n) {
			rec := make([]string, max(len(t.Columns), 1))
			rec[0] = safeText(h.Text())
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		row := t.Row(n)
		for i := range rec {
			rec[i] = r.cell(cellAt(row, i))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell writes a number with a decimal comma for Russian Excel, else a
// point; text and statuses in words, kept from being formulas.
func (r csvRenderer) cell(c view.Cell) string {
	switch c.Kind {
	case view.CellInt, view.CellNumber, view.CellPercent:
		if r.opts.CSVExcel {
			return view.Number(c.Num)
		}
		return strconv.FormatFloat(c.Num, 'f', -1, 64)
	case view.CellEmpty:
		return ""
	}
	return safeText(cellText(c, r.opts.Lang))
}

// safeText keeps a text cell from being run as a formula by a spreadsheet
// (CSV injection).
func safeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
