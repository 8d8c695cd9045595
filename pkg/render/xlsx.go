package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// XLSX is the format name of Excel workbooks.
const XLSX Format = "xlsx"

// WorkbookMeta describes a workbook as a document.
type WorkbookMeta struct {
	Title   string
	Subject string
	Lang    i18n.Lang
}

// statusColours fill status cells: green met, red not met, grey not due,
// yellow no data, as officials read them.
var statusColours = map[string]string{
	"met":          "C6EFCE",
	"met_late":     "E2EFDA",
	"not_met":      "FFC7CE",
	"partial":      "FCE4D6",
	"no_data":      "FFEB9C",
	"not_due":      "D9D9D9",
	"needs_review": "DDEBF7",
}

// statusOrder is the order of the legend.
var statusOrder = []string{"met", "met_late", "partial", "not_met", "no_data", "not_due", "needs_review"}

// Layout of a sheet: title, "as of" line, legend, blank, header, data.
const (
	xlsxTitleRow    = 1
	xlsxSubtitleRow = 2
	xlsxLegendRow   = 3
	xlsxHeaderRow   = 5
)

// WriteXLSX writes tables as a workbook, one sheet per table: Times New
// Roman 12, a bold wrapped header with an autofilter, frozen below the
// header, column widths that fit, statuses coloured with a legend, numbers
// as numbers and percents as percent-formatted numbers, A4 landscape one
// page wide with the header repeated on every page and page numbers in the
// footer. Text is always written as text, never as a formula. Rows are
// streamed, so large tables do not build up in memory.
func WriteXLSX(w io.Writer, tables []view.Table, meta WorkbookMeta) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for i, t := range tables {
		name := uniqueSheetName(t.Name, i, used)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeSheet(f, name, i+1, t, st, meta.Lang); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: meta.Title, Subject: meta.Subject, Creator: "roadmap", Language: string(meta.Lang),
	}); err != nil {
		return err
	}
	return f.Write(w)
}

func uniqueSheetName(name string, i int, used map[string]bool) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return ' '
		}
		return r
	}, name)
	if name == "" {
		name = fmt.Sprintf("Sheet%d", i+1)
	}
	if utf8.RuneCountInString(name) > 28 {
		name = string([]rune(name)[:28])
	}
	base := name
	for n := 2; used[name]; n++ {
		name = fmt.Sprintf("%s %d", base, n)
	}
	used[name] = true
	return name
}

type xlsxStyles struct {
	title, subtitle, header, text, number, integer, percent int
	status                                                  map[string]int
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	font := &excelize.Font{Family: "Times New Roman", Size: 12}
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	top := &excelize.Alignment{WrapText: true, Vertical: "top"}
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	percentFmt := "0.0%"
	st := xlsxStyles{status: map[string]int{}}
	st.title = mk(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 14, Bold: true}})
	st.subtitle = mk(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12, Italic: true}})
	st.header = mk(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center", Vertical: "center"}})
	st.text = mk(&excelize.Style{Font: font, Border: border, Alignment: top})
	st.number = mk(&excelize.Style{Font: font, Border: border, Alignment: top, NumFmt: 2})
	st.integer = mk(&excelize.Style{Font: font, Border: border, Alignment: top, NumFmt: 1})
	st.percent = mk(&excelize.Style{Font: font, Border: border, Alignment: top, CustomNumFmt: &percentFmt})
	for _, s := range statusOrder {
		st.status[s] = mk(&excelize.Style{Font: font, Border: border, Alignment: top,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{statusColours[s]}}})
	}
	return st, err
}

func writeSheet(f *excelize.File, sheet string, index int, t view.Table, st xlsxStyles, lang i18n.Lang) error {
	cols := len(t.Columns)
	last, _ := excelize.ColumnNumberToName(max(cols, 1))
	// Page set-up is set before streaming: the stream writer keeps the
	// sheet's settings and replaces only its rows.
	orientation, size, fitWidth, fitHeight := "landscape", 9, 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation, Size: &size, FitToWidth: &fitWidth, FitToHeight: &fitHeight}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&C&\"Times New Roman\"&10" + i18n.T(lang, "xlsx.page", "&P", "&N"),
	}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), xlsxHeaderRow, xlsxHeaderRow)}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := make([]float64, cols)
	for i, c := range t.Columns {
		widths[i] = columnWidth(c, t.Rows, i)
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: xlsxHeaderRow, TopLeftCell: fmt.Sprintf("A%d", xlsxHeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	text := func(s string, style int) excelize.Cell { return excelize.Cell{StyleID: style, Value: s} }
	if err := sw.SetRow(fmt.Sprintf("A%d", xlsxTitleRow), []any{text(t.Title, st.title)}); err != nil {
		return err
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", xlsxSubtitleRow), []any{text(t.Subtitle, st.subtitle)}); err != nil {
		return err
	}
	if hasStatus(t) {
		legend := []any{text(i18n.T(lang, "summary.legend"), st.subtitle)}
		for _, s := range statusOrder {
			for label, key := range t.StatusOf {
				if key == s {
					legend = append(legend, text(label, st.status[s]))
				}
			}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", xlsxLegendRow), legend); err != nil {
			return err
		}
	}
	header := make([]any, cols)
	for i, c := range t.Columns {
		header[i] = text(c.Header, st.header)
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", xlsxHeaderRow), header, excelize.RowOpts{Height: 48}); err != nil {
		return err
	}
	for r, row := range t.Rows {
		cells := make([]any, cols)
		for i, c := range t.Columns {
			v := ""
			if i < len(row) {
				v = row[i]
			}
			cells[i] = cell(c, v, t, st)
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", xlsxHeaderRow+1+r), cells, excelize.RowOpts{Height: rowHeight(row, widths)}); err != nil {
			return err
		}
	}
	lastRow := xlsxHeaderRow + max(len(t.Rows), 1)
	// A table over the header and rows gives the autofilter; no table style,
	// so that the cells keep theirs.
	if err := sw.AddTable(&excelize.Table{
		Range: fmt.Sprintf("A%d:%s%d", xlsxHeaderRow, last, lastRow), Name: fmt.Sprintf("Table%d", index),
		StyleName: "", ShowRowStripes: boolPtr(false),
	}); err != nil {
		return err
	}
	return sw.Flush()
}

func boolPtr(b bool) *bool { return &b }

func hasStatus(t view.Table) bool {
	for _, c := range t.Columns {
		if c.Type == view.TypeStatus {
			return true
		}
	}
	return false
}

// cell turns a table cell into a typed, styled workbook cell. Text is a
// string value: excelize writes it as a string, never a formula.
func cell(c view.Column, v string, t view.Table, st xlsxStyles) excelize.Cell {
	switch c.Type {
	case view.TypeInt:
		if n, ok := view.ParseNumber(v); ok {
			return excelize.Cell{StyleID: st.integer, Value: int64(n)}
		}
	case view.TypeNumber:
		if n, ok := view.ParseNumber(v); ok {
			return excelize.Cell{StyleID: st.number, Value: n}
		}
	case view.TypePercent:
		if n, ok := view.ParseNumber(v); ok {
			return excelize.Cell{StyleID: st.percent, Value: n / 100}
		}
		return excelize.Cell{StyleID: st.percent}
	case view.TypeStatus:
		if key, ok := t.StatusOf[v]; ok {
			return excelize.Cell{StyleID: st.status[key], Value: v}
		}
	}
	return excelize.Cell{StyleID: st.text, Value: v}
}

// columnWidth fits the longest line of the header and cells, within
// limits; longer text wraps.
func columnWidth(c view.Column, rows [][]string, i int) float64 {
	longest := 0
	for _, w := range strings.Fields(c.Header) {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	for _, row := range rows {
		if i < len(row) {
			for _, line := range strings.Split(row[i], "\n") {
				longest = max(longest, utf8.RuneCountInString(line))
			}
		}
	}
	limit := 50
	if c.Max > 0 {
		limit = max(c.Max+10, 12)
	}
	// Widths are in characters of the default font; Times New Roman 12,
	// bold in the header, runs about a quarter wider.
	return float64(min(max(longest+2, 8), limit)) * 1.25
}

type xlsxRenderer struct{ opts Options }

// Findings writes the findings as a one-sheet workbook.
func (r xlsxRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	t := view.Table{Name: "Findings", Columns: []view.Column{{Key: "file", Header: "file"}, {Key: "line", Header: "line", Type: view.TypeInt},
		{Key: "column", Header: "column", Type: view.TypeInt}, {Key: "cell", Header: "cell"}, {Key: "code", Header: "code"},
		{Key: "severity", Header: "severity"}, {Key: "message", Header: "message", Max: 60}}}
	for _, f := range fs {
		t.Rows = append(t.Rows, []string{f.File, itoa(f.Line), itoa(f.Col), f.Cell, string(f.Code), f.Severity.String(), f.Message(r.opts.Lang)})
	}
	return r.Table(w, t)
}

// Table writes a one-sheet workbook.
func (r xlsxRenderer) Table(w io.Writer, t view.Table) error {
	return WriteXLSX(w, []view.Table{t}, WorkbookMeta{Title: t.Title, Lang: r.opts.Lang})
}

// rowHeight estimates the height a row needs for its wrapped text: office
// programs do not grow the rows of a streamed sheet by themselves.
func rowHeight(row []string, widths []float64) float64 {
	lines := 1
	for i, v := range row {
		if i >= len(widths) || v == "" {
			continue
		}
		perLine := max(int(widths[i]/1.25)-1, 1)
		n := 0
		for _, para := range strings.Split(v, "\n") {
			n += max(1, (utf8.RuneCountInString(para)+perLine-1)/perLine)
		}
		lines = max(lines, n)
	}
	return float64(min(lines, 25)) * 16
}
