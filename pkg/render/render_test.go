package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

var table = view.Table{
	Title: "Т", Subtitle: "по состоянию на 01.07.2022",
	Columns: []view.Column{{Key: "name", Header: "Название"}, {Key: "pct", Header: "Выполнено, %"}},
	Rows: [][]view.Cell{
		{view.TextCell("=HYPERLINK(\"x\")"), view.PercentCell(72.7)},
		{view.TextCell("a | b\nc"), view.EmptyCell()},
	},
}

func render(t *testing.T, f Format, opts Options, write func(Renderer, *bytes.Buffer) error) string {
	t.Helper()
	r, err := New(f, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := write(r, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// kinds has a cell of every kind.
var kinds = view.Table{
	Columns: []view.Column{{Key: "n", Header: "n"}, {Key: "v", Header: "v"}, {Key: "p", Header: "p"},
		{Key: "s", Header: "s"}, {Key: "e", Header: "e"}, {Key: "t", Header: "t"}},
	Rows: [][]view.Cell{{view.IntCell(12), view.NumberCell(-0.5), view.PercentCell(100),
		view.StatusCell("not_met"), view.EmptyCell(), view.TextCell("-1")}},
}

// TestTableFormats: every renderer writes each kind of cell its own way, a
// status in the asked language, text never as a formula.
func TestTableFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		table  view.Table
		format Format
		opts   Options
		want   string
	}{
		{table, CSV, Options{}, "Название,\"Выполнено, %\"\n\"'=HYPERLINK(\"\"x\"\")\",72.7\n\"a | b\nc\",\n"},
		{table, CSV, Options{CSVExcel: true}, "\uFEFFНазвание;Выполнено, %\r\n\"'=HYPERLINK(\"\"x\"\")\";72,7\r\n\"a | b\r\nc\";\r\n"},
		{table, JSON, Options{}, "[\n  {\n    \"name\": \"=HYPERLINK(\\\"x\\\")\",\n    \"pct\": 72.7\n  },\n  {\n    \"name\": \"a | b\\nc\",\n    \"pct\": null\n  }\n]\n"},
		{table, Markdown, Options{}, "**Т**\n\n_по состоянию на 01.07.2022_\n\n| Название | Выполнено, % |\n| --- | --- |\n| =HYPERLINK(\"x\") | 72,7 |\n| a \\| b<br>c |  |\n"},
		{kinds, CSV, Options{}, "n,v,p,s,e,t\n12,-0.5,100,не выполнено,,'-1\n"},
		{kinds, CSV, Options{CSVExcel: true, Lang: i18n.EN}, "\uFEFFn;v;p;s;e;t\r\n12;-0,5;100;not met;;'-1\r\n"},
		{kinds, JSON, Options{Lang: i18n.EN}, "[\n  {\n    \"n\": 12,\n    \"v\": -0.5,\n    \"p\": 100,\n    \"s\": \"not met\",\n    \"e\": null,\n    \"t\": \"-1\"\n  }\n]\n"},
		{kinds, Markdown, Options{}, "| n | v | p | s | e | t |\n| --- | --- | --- | --- | --- | --- |\n| 12 | -0,5 | 100 | не выполнено |  | -1 |\n"},
	}
	for _, tt := range tests {
		got := render(t, tt.format, tt.opts, func(r Renderer, b *bytes.Buffer) error { return r.Table(b, tt.table) })
		if got != tt.want {
			t.Errorf("%s %+v:\n got %q\nwant %q", tt.format, tt.opts, got, tt.want)
		}
	}
	text := render(t, Text, Options{Lang: i18n.EN}, func(r Renderer, b *bytes.Buffer) error { return r.Table(b, kinds) })
	if !strings.Contains(text, "│ 12 │ -0,5 │ 100 │ not met │   │ -1 │") {
		t.Errorf("text:\n%s", text)
	}
	r, err := New(GitHub, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Table(&bytes.Buffer{}, table); err != ErrUnsupported {
		t.Errorf("github table: %v", err)
	}
}

// TestXLSXCellKinds: numbers are workbook numbers in their formats, a
// status is its label on its colour, explained by the legend.
func TestXLSXCellKinds(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, []view.Table{kinds}, WorkbookMeta{Lang: i18n.EN}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	// The data row is under the header, which is under the legend: its
	// labels take as many rows as the columns' widths make them.
	data := 0
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 0 && r[0] == "n" {
			data = i + 2
		}
	}
	at := func(col string) string { return fmt.Sprintf("%s%d", col, data) }
	for cell, want := range map[string]struct {
		value, numFmt, fill string
		typ                 excelize.CellType
	}{
		at("A"):                      {"12", "1", "", excelize.CellTypeUnset}, // a number: no type attribute
		at("B"):                      {"-0.5", "2", "", excelize.CellTypeUnset},
		at("C"):                      {"1", "0.0%", "", excelize.CellTypeUnset},
		at("D"):                      {"not met", "0", "FFC7CE", excelize.CellTypeInlineString},
		at("E"):                      {"", "0", "", excelize.CellTypeUnset},
		at("F"):                      {"-1", "0", "", excelize.CellTypeInlineString},
		legendAt(t, rows, "not met"): {"not met", "0", "FFC7CE", excelize.CellTypeInlineString}, // the legend
	} {
		v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType(sheet, cell)
		id, _ := f.GetCellStyle(sheet, cell)
		st, _ := f.GetStyle(id)
		numFmt := fmt.Sprint(st.NumFmt)
		if st.CustomNumFmt != nil {
			numFmt = *st.CustomNumFmt
		}
		fill := ""
		if len(st.Fill.Color) > 0 {
			fill = st.Fill.Color[0]
		}
		if v != want.value || numFmt != want.numFmt || fill != want.fill || typ != want.typ {
			t.Errorf("%s: %q fmt %s fill %q type %d, want %+v", cell, v, numFmt, fill, typ, want)
		}
	}
}

func TestTextTableFitsWidth(t *testing.T) {
	long := view.Table{Columns: []view.Column{{Header: "Мероприятие"}, {Header: "Показатель"}}}
	for range 3 {
		long.Rows = append(long.Rows, []view.Cell{view.TextCell(strings.Repeat("Проведение мониторинга эффективности работы ", 4)),
			view.TextCell("Не менее 55% обучающихся общеобразовательных организаций")})
	}
	out := render(t, Text, Options{Width: 60}, func(r Renderer, b *bytes.Buffer) error { return r.Table(b, long) })
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if n := len([]rune(line)); n > 60 {
			t.Errorf("line of %d characters: %s", n, line)
		}
	}
	if !strings.Contains(out, "│ Мероприятие") || strings.Contains(out, "МЕРОПРИЯТИЕ") {
		t.Errorf("headers must keep their case:\n%s", out)
	}
}

func TestGitHubEscaping(t *testing.T) {
	fs := []diag.Finding{{File: "a,b:c.yaml", Pos: diag.Pos{Line: 2, Col: 3}, Code: diag.UnparsedDue, Severity: diag.Warning, Args: []any{"50%\nx"}}}
	out := render(t, GitHub, Options{Lang: i18n.EN}, func(r Renderer, b *bytes.Buffer) error { return r.Findings(b, fs) })
	want := "::warning file=a%2Cb%3Ac.yaml,line=2,col=3,title=RM017::cannot read the deadline \"50%25\\nx\": give it as a structure {text, years, months, …}; examples in docs/format.md, «Сроки реализации»\n"
	if out != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
}

// legendAt is the cell of the legend, from row 3, that says label.
func legendAt(t *testing.T, rows [][]string, label string) string {
	t.Helper()
	for r := 2; r < len(rows); r++ {
		for c, v := range rows[r] {
			if v == label {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				return cell
			}
		}
	}
	t.Errorf("no legend cell %q", label)
	return "A3"
}
