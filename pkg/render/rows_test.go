package render

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"
	"weak"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// lazy is t as rows made anew at each call, as a summary's records make
// them.
func lazy(t view.Table) view.Rows {
	r := view.RowsOf(t)
	held := t.Rows
	r.Row = func(i int) []view.Cell { return append([]view.Cell(nil), held[i]...) }
	return r
}

// TestDrawRowsAsTable: every format draws a table given as rows made on
// demand as it draws the table held, headings and all: before the first
// row, two in a row, above the last, past the end (not drawn), and a
// table of no rows.
func TestDrawRowsAsTable(t *testing.T) {
	t.Parallel()
	edge := benchTable(9)
	edge.Headings = []view.Heading{{Before: 0, N: "I", Title: "Первый"}, {Before: 4, Title: "Второй"}, {Before: 4, N: "3", Title: "Третий"},
		{Before: 8, N: "IV", Title: "Последний"}, {Before: 9, Title: "За концом"}}
	empty := benchTable(0)
	tables := map[string]view.Table{"bench": benchTable(130), "edge": edge, "empty": empty}
	formats := []struct {
		name string
		opts Options
		f    Format
	}{{"text", Options{Lang: i18n.RU}, Text}, {"text-en", Options{Lang: i18n.EN, Width: 90}, Text}, {"markdown", Options{Lang: i18n.RU}, Markdown},
		{"csv", Options{Lang: i18n.RU}, CSV}, {"csv-excel", Options{Lang: i18n.RU, CSVExcel: true}, CSV}, {"json", Options{Lang: i18n.RU}, JSON}}
	for name, tb := range tables {
		for _, f := range formats {
			r, err := New(f.f, f.opts)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := r.(rowsDrawer); !ok {
				t.Errorf("%s: does not draw rows as they come", f.name)
			}
			var want, got bytes.Buffer
			if err := r.Table(&want, tb); err != nil {
				t.Fatal(err)
			}
			if err := DrawRows(r, &got, lazy(tb)); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, %s: rows drawn otherwise than the table:\n%s\nwant:\n%s", name, f.name, got.String(), want.String())
			}
		}
		var want, got bytes.Buffer
		meta := WorkbookMeta{Title: "Сводка", Lang: i18n.RU}
		if err := WriteXLSX(&want, []view.Table{tb, tb}, meta); err != nil {
			t.Fatal(err)
		}
		if err := WriteXLSXEach(&got, 2, func(int) view.Rows { return lazy(tb) }, meta); err != nil {
			t.Fatal(err)
		}
		SameWorkbook(t, name+" workbook", got.Bytes(), want.Bytes())
	}
}

// TestRowsNotHeld: drawing a table of rows made on demand holds no row
// it has drawn, in any format: by the 3,000th row the first is gone (a
// weak pointer to its cells cleared).
func TestRowsNotHeld(t *testing.T) {
	t.Parallel()
	tb := benchTable(4000)
	check := func(name string, draw func(view.Rows) error) {
		var first weak.Pointer[view.Cell]
		gone := false
		rows := lazy(tb)
		made := rows.Row
		rows.Row = func(i int) []view.Cell {
			row := made(i)
			switch i {
			case 0:
				first = weak.Make(&row[0])
			case 3000:
				if !gone {
					runtime.GC()
					gone = first.Value() == nil
				}
			}
			return row
		}
		if err := draw(rows); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !gone {
			t.Errorf("%s: the first row is still held at the 3,000th", name)
		}
	}
	for _, f := range []Format{Text, Markdown, CSV, JSON} {
		r, err := New(f, Options{Lang: i18n.RU})
		if err != nil {
			t.Fatal(err)
		}
		check(string(f), func(rows view.Rows) error { return DrawRows(r, io.Discard, rows) })
	}
	for _, extra := range []bool{false, true} {
		meta := WorkbookMeta{Lang: i18n.RU}
		if extra {
			meta.Extra = func(*excelize.File) error { return nil }
		}
		check(fmt.Sprint("xlsx, extra sheet ", extra), func(rows view.Rows) error {
			return WriteXLSXEach(io.Discard, 1, func(int) view.Rows { return rows }, meta)
		})
	}
}

// TestHeldRowsNotRetained guards the test above: a drawer that held its
// rows would fail it.
func TestHeldRowsNotRetained(t *testing.T) {
	t.Parallel()
	tb := benchTable(4000)
	var first weak.Pointer[view.Cell]
	var kept [][]view.Cell
	rows := lazy(tb)
	made := rows.Row
	gone := false
	for i := range rows.Len {
		row := made(i)
		kept = append(kept, row)
		if i == 0 {
			first = weak.Make(&row[0])
		}
		if i == 3000 {
			runtime.GC()
			gone = first.Value() == nil
		}
	}
	runtime.KeepAlive(kept)
	if gone {
		t.Error("a row held was taken for gone: the check cannot fail")
	}
}
