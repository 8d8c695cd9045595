package render

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
	"github.com/roadmap-edu/roadmap/pkg/xlsxpage"
)

// XLSX is the format name of Excel workbooks.
const XLSX Format = "xlsx"

// WorkbookMeta describes a workbook as a document.
type WorkbookMeta struct {
	Title   string
	Subject string
	Lang    i18n.Lang
	// Extra, if set, adds to the workbook after the tables' sheets (the
	// summary's chart sheet).
	Extra func(*excelize.File) error
}

// StatusColours fill status cells, and the charts of the site and the
// summary's chart sheet, so that all agree: green met, red not met, grey
// not due, yellow no data, as officials read them.
var StatusColours = map[string]string{
	"met":          "C6EFCE",
	"met_late":     "E2EFDA",
	"not_met":      "FFC7CE",
	"partial":      "FCE4D6",
	"no_data":      "FFEB9C",
	"not_due":      "D9D9D9",
	"needs_review": "DDEBF7",
}

// StatusOrder is the order of the legend, in workbooks and charts.
var StatusOrder = []string{"met", "met_late", "partial", "not_met", "no_data", "not_due", "needs_review"}

// Layout of a sheet: title, the subtitle's lines ("as of", or the
// roadmap and orders of a before / after table), legend, blank, header,
// data.
const (
	xlsxTitleRow    = 1
	xlsxSubtitleRow = 2
)

// WriteXLSX writes tables as a workbook, one sheet per table, set up
// for printing by package xlsxpage: a bold wrapped header with an
// autofilter, frozen below the header, column widths that fit, statuses
// coloured with a legend, numbers as numbers and percents as
// percent-formatted numbers, section headings as shaded bold rows. Text
// is always written as text, never as a formula.
func WriteXLSX(w io.Writer, tables []view.Table, meta WorkbookMeta) error {
	return WriteXLSXEach(w, len(tables), func(i int) view.Rows { return view.RowsOf(tables[i]) }, meta)
}

// WriteXLSXEach is WriteXLSX of n tables given as rows made on demand
// by table(i): each sheet's rows are gone over twice, to lay the sheet
// out (widths, legend) and to write them into the file as its part is
// written, and none is held, so that a country's views (millions of
// rows) cost the rows' source, not their cells.
//
// The workbook is written by xlsxpage.Book, the parts every workbook
// shares made once per process; one with an extra sheet (a chart, by
// excelize) is made by excelize, as the same bytes.
func WriteXLSXEach(w io.Writer, n int, table func(i int) view.Rows, meta WorkbookMeta) error {
	if meta.Extra != nil || n == 0 {
		return writeXLSXExcelize(w, n, table, meta)
	}
	return writeXLSXBook(w, n, table, meta)
}

// writeXLSXBook writes the workbook with xlsxpage.Book.
func writeXLSXBook(w io.Writer, n int, table func(i int) view.Rows, meta WorkbookMeta) error {
	fixed := bookFixed()
	if fixed.err != nil {
		return fixed.err
	}
	st := fixed.st
	book := xlsxpage.Book{Fixed: fixed.parts, Title: meta.Title, Subject: meta.Subject, Lang: meta.Lang}
	sheets := xlsxpage.NewSheets(nil)
	for i := range n {
		whole := table(i)
		for part, t := range splitRows(whole, MaxSheetRows) {
			if part > 0 {
				t.Name = fmt.Sprintf("%s (%d)", whole.Name, part+1)
			}
			index := len(book.Sheets) + 1
			name := sheets.Name(t.Name, fmt.Sprintf("Sheet%d", index))
			l := layOut(t, st, meta.Lang)
			s := xlsxpage.BookSheet{Name: name, Header: l.header, Widths: l.widths, Columns: make([]string, len(t.Columns)), LastRow: l.lastRow}
			for c, col := range t.Columns {
				s.Columns[c] = col.Header
			}
			s.Head, s.Merges = headRows(t, l, st)
			s.Rows = func(rows *xlsxpage.Rows) { tableRows(rows, t, l, st, meta.Lang) }
			book.Add(s)
		}
	}
	return book.Write(w)
}

// bookFixed are the parts of every workbook of the tables' styles, and
// the styles' ids, made once.
var bookFixed = sync.OnceValue(func() (fixed struct {
	parts *xlsxpage.Fixed
	st    xlsxStyles
	err   error
}) {
	f := excelize.NewFile()
	defer f.Close()
	if fixed.st, fixed.err = newXLSXStyles(f); fixed.err == nil {
		fixed.parts, fixed.err = xlsxpage.NewFixed(f)
	}
	return fixed
})

// writeXLSXExcelize writes the workbook with excelize, which makes the
// extra sheet; the rows are written by xlsxpage.WriteRows.
func writeXLSXExcelize(w io.Writer, n int, table func(i int) view.Rows, meta WorkbookMeta) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	sheets := xlsxpage.NewSheets(f)
	rows := map[string]xlsxpage.Fill{}
	index := 0
	for i := range n {
		whole := table(i)
		for part, t := range splitRows(whole, MaxSheetRows) {
			index++
			if part > 0 {
				t.Name = fmt.Sprintf("%s (%d)", whole.Name, part+1)
			}
			name, err := sheets.Add(t.Name, fmt.Sprintf("Sheet%d", index))
			if err != nil {
				return err
			}
			fill, err := writeSheet(f, name, index, t, st, meta.Lang)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			rows[name] = fill
		}
	}
	if meta.Extra != nil {
		if err := meta.Extra(f); err != nil {
			return err
		}
	}
	if err := xlsxpage.DocProps(f, meta.Title, meta.Subject, meta.Lang); err != nil {
		return err
	}
	return xlsxpage.WriteRows(w, f, rows)
}

// MaxSheetRows is the most rows (data and section headings) a sheet gets:
// a sheet holds 1,048,576 rows, less the title, legend and header above
// the table. A longer table goes on over sheets «Name (2)», «Name (3)»…,
// each with its own header.
const MaxSheetRows = excelize.TotalRows - 100

// splitRows cuts t into parts of at most max rows and headings each.
func splitRows(t view.Rows, max int) []view.Rows {
	if t.Len+len(t.Headings) <= max {
		return []view.Rows{t}
	}
	var parts []view.Rows
	next := 0 // the first heading not yet placed
	for from := 0; from < t.Len; {
		lines := 0
		to := from
		for to < t.Len {
			n := 1
			h := next
			for ; h < len(t.Headings) && t.Headings[h].Before <= to; h++ {
				n++
			}
			if lines+n > max && to > from {
				break
			}
			next = h
			lines += n
			to++
		}
		parts = append(parts, t.Part(from, to))
		from = to
	}
	return parts
}

type xlsxStyles struct {
	title, subtitle, legend, header, heading, text, number, integer, percent int
	status                                                                   map[string]int
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	top := &excelize.Alignment{WrapText: true, Vertical: "top"}
	styles := xlsxpage.NewStyles(f)
	body := func(s excelize.Style) int {
		s.Font, s.Border, s.Alignment = xlsxpage.Font(), border, top
		return styles.Add(&s)
	}
	percentFmt := "0.0%"
	st := xlsxStyles{status: map[string]int{}}
	st.title = styles.Add(&excelize.Style{Font: xlsxpage.Title()})
	st.subtitle = styles.Add(&excelize.Style{Font: xlsxpage.Italic()})
	st.legend = styles.Add(&excelize.Style{Font: xlsxpage.Italic(), Alignment: top})
	st.header = styles.Add(&excelize.Style{Font: xlsxpage.Bold(), Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center", Vertical: "center"}})
	st.text = body(excelize.Style{})
	st.number = body(excelize.Style{NumFmt: 2})
	st.integer = body(excelize.Style{NumFmt: 1})
	st.percent = body(excelize.Style{CustomNumFmt: &percentFmt})
	for _, s := range StatusOrder {
		st.status[s] = body(excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{StatusColours[s]}}})
	}
	st.heading = styles.Add(&excelize.Style{Font: xlsxpage.Bold(), Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Alignment: &excelize.Alignment{Vertical: "top"}})
	return st, styles.Err
}

// sheetLayout is a table's sheet laid out: the lines of the subtitle, the
// legend's rows, where the legend, the header and the table's last row
// go, and the columns' widths.
type sheetLayout struct {
	subtitle                   []string
	legend                     [][]legendCell
	legendRow, header, lastRow int
	widths                     []float64
}

// layOut lays a sheet out, going over its rows once: the widths their
// texts need, and whether a status among them asks for the legend.
func layOut(t view.Rows, st xlsxStyles, lang i18n.Lang) sheetLayout {
	cols := len(t.Columns)
	var l sheetLayout
	if t.Subtitle != "" {
		l.subtitle = strings.Split(t.Subtitle, "\n")
	}
	longest := make([]int, cols)
	for i, c := range t.Columns {
		for _, w := range strings.Fields(c.Header) {
			longest[i] = max(longest[i], utf8.RuneCountInString(w))
		}
	}
	status := false
	texts := make([]string, cols)
	for r := range t.Len {
		row := t.Row(r)
		for i := range cols {
			c := cellAt(row, i)
			status = status || c.Kind == view.CellStatus
			texts[i] = cellText(c, lang)
			longest[i] = longestLine(texts[i], longest[i])
		}
	}
	l.widths = make([]float64, cols)
	for i, c := range t.Columns {
		l.widths[i] = columnWidth(c, longest[i])
	}
	if status {
		labels, styles := []string{i18n.T(lang, "summary.legend")}, []int{st.legend}
		for _, s := range StatusOrder {
			labels, styles = append(labels, view.StatusLabel(s, lang)), append(styles, st.status[s])
		}
		l.legend = legendLayout(labels, styles, l.widths)
	}
	l.legendRow = xlsxSubtitleRow + max(len(l.subtitle), 1)
	l.header = l.legendRow + max(len(l.legend), 1) + 1
	placed := 0 // the headings drawn: those above a row
	for _, h := range t.Headings {
		if h.Before < t.Len {
			placed++
		}
	}
	l.lastRow = max(l.header+t.Len+placed, l.header+1)
	return l
}

// longestLine is the most characters of a line of text, or longest if
// more.
func longestLine(text string, longest int) int {
	if len(text) <= longest {
		return longest // no more characters than bytes: not the longest
	}
	for more := true; more; {
		var line string
		line, text, more = strings.Cut(text, "\n")
		longest = max(longest, utf8.RuneCountInString(line))
	}
	return longest
}

// headerHeight is the header row's height: its wrapped texts, at least
// three lines.
func headerHeight(columns []view.Column, widths []float64) float64 {
	headers := make([]string, len(columns))
	for i, c := range columns {
		headers[i] = c.Header
	}
	return max(48, xlsxpage.RowHeight(headers, widths))
}

// headRows are the rows of a sheet down to the table's header, for
// xlsxpage.Book, and the legend's merged ranges: what writeSheet writes
// with the StreamWriter.
func headRows(t view.Rows, l sheetLayout, st xlsxStyles) (*xlsxpage.Rows, []string) {
	head := xlsxpage.NewHead()
	head.Row(xlsxTitleRow, 0)
	head.Text(0, st.title, t.Title)
	for i, line := range l.subtitle {
		head.Row(xlsxSubtitleRow+i, 0)
		head.Text(0, st.subtitle, line)
	}
	var merges []string
	for i, cells := range l.legend {
		line := l.legendRow + i
		texts, spans := legendSpans(cells, l.widths)
		head.Row(line, xlsxpage.RowHeight(texts, spans))
		for _, c := range cells {
			head.Text(c.from, c.style, c.text)
			for col := c.from + 1; col <= c.to; col++ {
				head.Blank(col, c.style)
			}
		}
		for _, c := range cells {
			if c.to > c.from {
				from, _ := excelize.CoordinatesToCellName(c.from+1, line)
				to, _ := excelize.CoordinatesToCellName(c.to+1, line)
				merges = append(merges, from+":"+to)
			}
		}
	}
	head.Row(l.header, headerHeight(t.Columns, l.widths))
	for i, c := range t.Columns {
		head.Text(i, st.header, c.Header)
	}
	return head, merges
}

// tableRows writes the table's data rows and headings below the header,
// making each row again.
func tableRows(rows *xlsxpage.Rows, t view.Rows, l sheetLayout, st xlsxStyles, lang i18n.Lang) {
	cols := len(t.Columns)
	line := l.header
	next := 0 // the first heading not yet written: they come in row order
	texts := make([]string, cols)
	for r := range t.Len {
		for ; next < len(t.Headings) && t.Headings[next].Before <= r; next++ {
			line++
			headingRow(rows, line, t.Headings[next].Text(), cols, st)
		}
		line++
		row := t.Row(r)
		for i := range cols {
			texts[i] = cellText(cellAt(row, i), lang)
		}
		rows.Row(line, xlsxpage.RowHeight(texts, l.widths))
		for i := range cols {
			xlsxCell(rows, i, cellAt(row, i), texts[i], st)
		}
	}
}

// writeSheet writes a table's sheet: excelize's stream writer the page
// set-up, widths, panes, title, legend, header and table; the data rows
// and headings, nearly all its cells, are written by the Fill returned,
// which xlsxpage.WriteRows puts after the header.
func writeSheet(f *excelize.File, sheet string, index int, t view.Rows, st xlsxStyles, lang i18n.Lang) (xlsxpage.Fill, error) {
	cols := len(t.Columns)
	last, _ := excelize.ColumnNumberToName(max(cols, 1))
	l := layOut(t, st, lang)
	widths := l.widths
	// The stream writer keeps the sheet's settings and replaces only its
	// rows, so the page is set up first.
	if err := xlsxpage.Print(f, sheet, l.header, l.header, lang); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	// One call per run of equal widths: each call re-flattens every column
	// set before it inside excelize, so a call per column was cubic.
	for from := 0; from < len(widths); {
		to := from
		for to+1 < len(widths) && widths[to+1] == widths[from] {
			to++
		}
		if err := sw.SetColWidth(from+1, to+1, widths[from]); err != nil {
			return nil, err
		}
		from = to + 1
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: l.header, TopLeftCell: fmt.Sprintf("A%d", l.header+1), ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	text := func(s string, style int) excelize.Cell { return excelize.Cell{StyleID: style, Value: s} }
	if err := sw.SetRow(fmt.Sprintf("A%d", xlsxTitleRow), []any{text(t.Title, st.title)}); err != nil {
		return nil, err
	}
	for i, line := range l.subtitle {
		if err := sw.SetRow(fmt.Sprintf("A%d", xlsxSubtitleRow+i), []any{text(line, st.subtitle)}); err != nil {
			return nil, err
		}
	}
	for i, cells := range l.legend {
		if err := writeLegendRow(sw, l.legendRow+i, cells, widths); err != nil {
			return nil, err
		}
	}
	header := make([]any, cols)
	for i, c := range t.Columns {
		header[i] = text(c.Header, st.header)
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", l.header), header, excelize.RowOpts{Height: headerHeight(t.Columns, widths)}); err != nil {
		return nil, err
	}
	lastRow := l.lastRow
	// A table over the header and rows gives the autofilter; no table style,
	// so that the cells keep theirs.
	if err := sw.AddTable(&excelize.Table{
		Range: fmt.Sprintf("A%d:%s%d", l.header, last, lastRow), Name: fmt.Sprintf("Table%d", index),
		StyleName: "", ShowRowStripes: boolPtr(false),
	}); err != nil {
		return nil, err
	}
	return func(rows *xlsxpage.Rows) { tableRows(rows, t, l, st, lang) }, sw.Flush()
}

func boolPtr(b bool) *bool { return &b }

// legendCell is a label of the legend over columns from..to (0-based).
type legendCell struct {
	text            string
	style, from, to int
}

// legendLayout lays the legend's labels out over the table's columns, each
// over as many as hold it on one line («выполнено с нарушением срока» is
// not squeezed into the year column), in as many rows as it takes.
func legendLayout(labels []string, styles []int, widths []float64) [][]legendCell {
	if len(widths) == 0 {
		return nil
	}
	var rows [][]legendCell
	var row []legendCell
	col := 0
	for i, label := range labels {
		need := xlsxpage.Width(utf8.RuneCountInString(label) + 2)
		from, w := col, 0.0
		for col < len(widths) && w < need {
			w += widths[col]
			col++
		}
		if w < need && from > 0 {
			// Not enough columns left: the label starts the next row.
			rows, row, col = append(rows, row), nil, 0
			from, w = 0, 0
			for col < len(widths) && w < need {
				w += widths[col]
				col++
			}
		}
		row = append(row, legendCell{text: label, style: styles[i], from: from, to: col - 1})
		if col == len(widths) {
			rows, row, col = append(rows, row), nil, 0
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// writeLegendRow writes a row of the legend, each label merged over its
// columns, the row as tall as its labels need.
func writeLegendRow(sw *excelize.StreamWriter, line int, cells []legendCell, widths []float64) error {
	values := make([]any, cells[len(cells)-1].to+1)
	for _, c := range cells {
		for col := c.from; col <= c.to; col++ {
			values[col] = excelize.Cell{StyleID: c.style}
		}
		values[c.from] = excelize.Cell{StyleID: c.style, Value: c.text}
	}
	texts, spans := legendSpans(cells, widths)
	if err := sw.SetRow(fmt.Sprintf("A%d", line), values, excelize.RowOpts{Height: xlsxpage.RowHeight(texts, spans)}); err != nil {
		return err
	}
	for _, c := range cells {
		if c.to > c.from {
			from, _ := excelize.CoordinatesToCellName(c.from+1, line)
			to, _ := excelize.CoordinatesToCellName(c.to+1, line)
			if err := sw.MergeCell(from, to); err != nil {
				return err
			}
		}
	}
	return nil
}

// legendSpans are a legend row's labels and the widths they span.
func legendSpans(cells []legendCell, widths []float64) ([]string, []float64) {
	var texts []string
	var spans []float64
	for _, c := range cells {
		span := 0.0
		for col := c.from; col <= c.to; col++ {
			span += widths[col]
		}
		texts, spans = append(texts, c.text), append(spans, span)
	}
	return texts, spans
}

// headingRow is a section heading: bold text in the first cell, running
// over the empty cells beside it, the row shaded. It is not merged: Excel
// allows no merged cells inside the table that gives the autofilter.
func headingRow(rows *xlsxpage.Rows, line int, text string, cols int, st xlsxStyles) {
	rows.Row(line, 0)
	rows.Text(0, st.heading, text)
	for i := 1; i < max(cols, 1); i++ {
		rows.Blank(i, st.heading)
	}
}

// xlsxCell writes a table cell as a typed, styled workbook cell in column
// col; text is the cell as people read it. Text is a string value, never a
// formula.
func xlsxCell(rows *xlsxpage.Rows, col int, c view.Cell, text string, st xlsxStyles) {
	switch c.Kind {
	case view.CellInt:
		rows.Int(col, st.integer, int64(c.Num))
		return
	case view.CellNumber:
		rows.Float(col, st.number, c.Num)
		return
	case view.CellPercent:
		rows.Float(col, st.percent, c.Num/100)
		return
	case view.CellStatus:
		if style, ok := st.status[c.Status]; ok {
			rows.Text(col, style, text)
			return
		}
	case view.CellEmpty:
		rows.Blank(col, st.text)
		return
	}
	rows.Text(col, st.text, fitCell(text))
}

// fitCell cuts a text longer than a cell holds (Excel's 32,767 UTF-16
// units) and ends it with "…", so that the cut shows: excelize would cut
// it silently.
func fitCell(text string) string {
	if len(text) <= excelize.TotalCellChars || utf16Len(text) <= excelize.TotalCellChars {
		return text
	}
	n := 0
	for i, r := range text {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if n+w > excelize.TotalCellChars-1 {
			return text[:i] + "…"
		}
		n += w
	}
	return text
}

// utf16Len is the length of s in UTF-16 units, as Excel counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if n++; r > 0xFFFF {
			n++
		}
	}
	return n
}

// columnWidth fits the longest line of the header and cells (longest
// characters), within limits; longer text wraps.
func columnWidth(c view.Column, longest int) float64 {
	limit := 50
	if c.Max > 0 {
		limit = max(c.Max+10, 12)
	}
	return xlsxpage.Width(min(max(longest+2, 8), limit))
}

type xlsxRenderer struct{ opts Options }

// Findings writes the findings as a one-sheet workbook.
func (r xlsxRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	t := view.Table{Name: "Findings", Columns: []view.Column{{Key: "file", Header: "file"}, {Key: "line", Header: "line"},
		{Key: "column", Header: "column"}, {Key: "cell", Header: "cell"}, {Key: "code", Header: "code"},
		{Key: "severity", Header: "severity"}, {Key: "message", Header: "message", Max: 60}}}
	for _, f := range fs {
		t.Rows = append(t.Rows, findingRow(f, r.opts.Lang))
	}
	return r.Table(w, t)
}

// Table writes a one-sheet workbook.
func (r xlsxRenderer) Table(w io.Writer, t view.Table) error {
	return WriteXLSX(w, []view.Table{t}, WorkbookMeta{Title: t.Title, Lang: r.opts.Lang})
}
