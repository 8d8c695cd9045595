package render

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
	"github.com/roadmap-edu/roadmap/pkg/xlsxpage"
)

// TestXLSXRowsReadBack: the rows xlsxpage.Rows writes land on the sheet
// of their table (names XML must escape, one that Excel's rules change),
// under the header, each cell's raw value what the table holds, each
// row's height what RowHeight gives, and the workbook's bytes are the same
// in every run.
func TestXLSXRowsReadBack(t *testing.T) {
	t.Parallel()
	names := []string{"A & <B>", "Кавычки «»", "It's \"x\"", "a/b:c"}
	tables := make([]view.Table, len(names))
	for i, name := range names {
		tables[i] = benchTable(50 + i)
		tables[i].Name = name
	}
	write := func() []byte {
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, tables, WorkbookMeta{Lang: i18n.RU}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	book := write()
	if !bytes.Equal(write(), book) {
		t.Error("the same tables gave different bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != len(tables) {
		t.Fatalf("sheets %q, want %d", sheets, len(tables))
	}
	for i, tb := range tables {
		sheet := sheets[i]
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		header := 0
		for r, row := range rows {
			if len(row) > 0 && row[0] == tb.Columns[0].Header {
				header = r + 1 // 1-based
			}
		}
		if header == 0 {
			t.Fatalf("%s: no header row", sheet)
		}
		line, next := header, 0
		for r, row := range tb.Rows {
			for ; next < len(tb.Headings) && tb.Headings[next].Before <= r; next++ {
				line++
				if got := rows[line-1][0]; got != tb.Headings[next].Text() {
					t.Errorf("%s!A%d = %q, want the heading %q", sheet, line, got, tb.Headings[next].Text())
				}
			}
			line++
			got := rows[line-1]
			texts := rowTexts(row, len(tb.Columns), i18n.RU)
			for c, cell := range row {
				want := texts[c]
				switch cell.Kind {
				case view.CellInt:
					want = strconv.Itoa(int(cell.Num))
				case view.CellEmpty:
					want = ""
				}
				value := ""
				if c < len(got) {
					value = got[c]
				}
				if cell.Kind == view.CellPercent || cell.Kind == view.CellNumber {
					// Excel keeps 15 significant digits, and so excelize writes.
					v, err := strconv.ParseFloat(value, 64)
					num := cell.Num
					if cell.Kind == view.CellPercent {
						num /= 100
					}
					if err != nil || math.Abs(v-num) > 1e-14*max(1, math.Abs(num)) {
						t.Errorf("%s row %d col %d = %q, want %v", sheet, line, c+1, value, num)
					}
					continue
				}
				if value != want {
					t.Errorf("%s row %d col %d = %q, want %q", sheet, line, c+1, value, want)
				}
			}
			height, err := f.GetRowHeight(sheet, line)
			if err != nil {
				t.Fatal(err)
			}
			if widths := sheetWidths(t, f, sheet, len(tb.Columns)); height != xlsxpage.RowHeight(texts, widths) {
				t.Errorf("%s row %d is %v points tall, want %v", sheet, line, height, xlsxpage.RowHeight(texts, widths))
			}
		}
		if len(rows) != line {
			t.Errorf("%s: %d rows, want %d", sheet, len(rows), line)
		}
	}
}

func sheetWidths(t *testing.T, f *excelize.File, sheet string, cols int) []float64 {
	t.Helper()
	widths := make([]float64, cols)
	for i := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			t.Fatal(fmt.Errorf("%s: %w", name, err))
		}
		widths[i] = w
	}
	return widths
}
