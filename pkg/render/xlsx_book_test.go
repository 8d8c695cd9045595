package render

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// WriteXLSXExcelize is the workbook written by excelize, as every one was
// before xlsxpage.Book: the reference of the tests of workbooks.
var WriteXLSXExcelize = func(w io.Writer, tables []view.Table, meta WorkbookMeta) error {
	return writeXLSXExcelize(w, len(tables), func(i int) view.Rows { return view.RowsOf(tables[i]) }, meta)
}

// SameWorkbook fails t unless the workbooks are the same bytes, naming
// the first part that differs and where.
func SameWorkbook(t *testing.T, name string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	open := func(b []byte) *zip.Reader {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return zr
	}
	g, w := open(got), open(want)
	if len(g.File) != len(w.File) {
		t.Errorf("%s: %d parts, excelize's %d", name, len(g.File), len(w.File))
	}
	for i := range min(len(g.File), len(w.File)) {
		gp, wp := g.File[i], w.File[i]
		if gp.Name != wp.Name {
			t.Errorf("%s: part %d is %s, excelize's %s", name, i, gp.Name, wp.Name)
			return
		}
		gb, wb := unzipped(t, gp), unzipped(t, wp)
		if !bytes.Equal(gb, wb) {
			at := 0
			for at < len(gb) && at < len(wb) && gb[at] == wb[at] {
				at++
			}
			t.Errorf("%s: %s differs at byte %d of %d (excelize's %d):\nours:     %.300q\nexcelize: %.300q",
				name, gp.Name, at, len(gb), len(wb), gb[max(at-80, 0):], wb[max(at-80, 0):])
			return
		}
		if gp.FileHeader.CRC32 != wp.FileHeader.CRC32 || gp.CompressedSize64 != wp.CompressedSize64 ||
			!bytes.Equal(gp.Extra, wp.Extra) || gp.Flags != wp.Flags || gp.ModifiedDate != wp.ModifiedDate {
			t.Errorf("%s: %s compressed or headed otherwise: %+v, excelize's %+v", name, gp.Name, gp.FileHeader, wp.FileHeader)
			return
		}
	}
	t.Errorf("%s: %d bytes, excelize's %d, with the same parts", name, len(got), len(want))
}

func unzipped(t *testing.T, p *zip.File) []byte {
	t.Helper()
	r, err := p.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", p.Name, err)
	}
	return b
}

// TestBookAsExcelize: the workbooks xlsxpage.Book writes are the bytes
// excelize writes of the same tables (writeXLSXExcelize), over what
// changes a sheet: legends over merged cells in one row or several,
// headings, long and odd texts, odd sheet names, many columns and
// sheets (sheet10 comes before sheet2), no rows, no columns, the
// document's properties. Written twice, so that pooled compressors and
// buffers are reused.
func TestBookAsExcelize(t *testing.T) {
	t.Parallel()
	odd := []string{"", "plain", "a & b < c > d", `"quoted" 'apos'`, "tab\there", "line\nbreak\r\n", " leading", "trailing ",
		"ctrl\x01\x1f", "bad utf8 \xff end", "\uFFFE\uFFFF", "_x0041_", "_x005F_x0041_", "a_xD800_b", "2021", "1e5", "=SUM(A1)",
		strings.Repeat("я", 33000), "emoji 😀"}
	oddTable := view.Table{Name: "Odd", Title: "Odd headers & <texts>", Subtitle: "one\ntwo\nthree"}
	var oddRow []view.Cell
	for i, h := range odd {
		oddTable.Columns = append(oddTable.Columns, view.Column{Key: fmt.Sprint(i), Header: h})
		oddRow = append(oddRow, view.TextCell(h))
	}
	oddTable.Rows = [][]view.Cell{oddRow, oddRow}
	wide := view.Table{Name: "Wide", Title: "Many columns"}
	for c := range 60 {
		wide.Columns = append(wide.Columns, view.Column{Key: fmt.Sprint(c), Header: fmt.Sprintf("Колонка %d", c)})
	}
	for r := range 30 {
		var row []view.Cell
		for c := range 60 {
			row = append(row, []view.Cell{view.IntCell(r * c), view.StatusCell("met"), view.TextCell(strings.Repeat("текст ", c%9)), view.PercentCell(float64(c))}[(r+c)%4])
		}
		wide.Rows = append(wide.Rows, row)
	}
	same := view.Table{Name: "Same", Title: "Equal widths", Columns: []view.Column{{Key: "a", Header: "A"}, {Key: "b", Header: "B"}, {Key: "c", Header: "C"}},
		Rows: [][]view.Cell{{view.TextCell("x"), view.TextCell("y"), view.TextCell("z")}}}
	narrow := benchTable(45)
	narrow.Columns = narrow.Columns[:3] // the legend over several rows
	for i := range narrow.Rows {
		narrow.Rows[i] = []view.Cell{narrow.Rows[i][0], view.StatusCell("partial"), narrow.Rows[i][2]}
	}
	var many []view.Table
	for i := range 12 {
		tb := benchTable(3 + i)
		tb.Name = []string{"Лист", "лист", "A/B:C*?", "'quoted'", "", strings.Repeat("длинное имя листа ", 4)}[i%6]
		many = append(many, tb)
	}
	cases := []struct {
		name   string
		tables []view.Table
		meta   WorkbookMeta
	}{
		{"bench", []view.Table{benchTable(120)}, WorkbookMeta{Title: "Сводка", Subject: "Выполнение", Lang: i18n.RU}},
		{"district", []view.Table{benchTable(10), benchTable(120), benchTable(40)}, WorkbookMeta{Title: "Сводка по состоянию на 01.07.2022", Subject: "Выполнение дорожных карт", Lang: i18n.RU}},
		{"en", []view.Table{benchTable(50), narrow}, WorkbookMeta{Title: "Summary", Lang: i18n.EN}},
		{"odd", []view.Table{oddTable}, WorkbookMeta{Title: "<odd> & \"props\"\n\x01", Subject: "it's", Lang: i18n.RU}},
		{"wide", []view.Table{wide, same}, WorkbookMeta{Lang: i18n.RU}},
		{"many", many, WorkbookMeta{Title: "Много листов", Lang: i18n.RU}},
		{"empty", []view.Table{{Name: "Empty", Title: "", Columns: []view.Column{{Key: "a", Header: "A"}}}, {Name: "No columns"}}, WorkbookMeta{}},
		{"long", []view.Table{{Name: "Long", Title: "Long texts", Columns: []view.Column{{Key: "a", Header: "Текст", Max: 60}, {Key: "b", Header: "Число"}},
			Rows: [][]view.Cell{{view.TextCell(strings.Repeat("длинный текст ", 3000)), view.NumberCell(1.0 / 3)}, {view.TextCell(strings.Repeat("строка\n", 40)), view.EmptyCell()}}}},
			WorkbookMeta{Title: "Long", Lang: i18n.RU}},
	}
	for round := range 2 {
		for _, c := range cases {
			var got, want bytes.Buffer
			errGot := WriteXLSX(&got, c.tables, c.meta)
			errWant := WriteXLSXExcelize(&want, c.tables, c.meta)
			if errGot != nil || errWant != nil {
				t.Fatalf("%s: %v, excelize: %v", c.name, errGot, errWant)
			}
			SameWorkbook(t, fmt.Sprintf("%s (round %d)", c.name, round), got.Bytes(), want.Bytes())
		}
	}
}

// TestBookErrorsAsExcelize: what excelize refuses, the book refuses too.
func TestBookErrorsAsExcelize(t *testing.T) {
	t.Parallel()
	tooWide := view.Table{Name: "W", Columns: []view.Column{{Key: "a", Header: "A", Max: 300}},
		Rows: [][]view.Cell{{view.TextCell(strings.Repeat("x", 400))}}}
	got := WriteXLSX(io.Discard, []view.Table{tooWide}, WorkbookMeta{Lang: i18n.RU})
	want := WriteXLSXExcelize(io.Discard, []view.Table{tooWide}, WorkbookMeta{Lang: i18n.RU})
	if got == nil || want == nil || got.Error() != want.Error() {
		t.Errorf("a column too wide: %v, excelize: %v", got, want)
	}
}
