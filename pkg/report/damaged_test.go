package report_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/report"
)

// sheetXML is a worksheet whose second row holds cells.
func sheetXML(cells string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Год</t></is></c><c r="C1" t="inlineStr"><is><t>Факт</t></is></c></row>` +
		`<row r="2">` + cells + `</row></sheetData></worksheet>`
}

// entry adds a part; declared, when not 0, is the size its header claims.
func entry(t *testing.T, w *zip.Writer, name string, body func(write func(string)), declared uint64) {
	t.Helper()
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	size := uint64(0)
	body(func(s string) { fw.Write([]byte(s)); size += uint64(len(s)) })
	fw.Close()
	if declared == 0 {
		declared = size
	}
	raw, err := w.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: uint64(buf.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	raw.Write(buf.Bytes())
}

// sharedStrings writes n strings of text; the declared size, when not 0,
// is a lie.
func sharedStrings(n int, text string, declared uint64) func(t *testing.T, w *zip.Writer) {
	return func(t *testing.T, w *zip.Writer) {
		entry(t, w, "xl/sharedStrings.xml", func(write func(string)) {
			write(fmt.Sprintf(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="%d">`, n))
			chunk := strings.Repeat("<si><t>"+text+"</t></si>", 1000)
			for range n / 1000 {
				write(chunk)
			}
			write(`</sst>`)
		}, declared)
		entry(t, w, "xl/worksheets/sheet1.xml", func(write func(string)) {
			write(sheetXML(`<c r="A2" t="s"><v>0</v></c><c r="B2"><v>2021</v></c><c r="C2"><v>5</v></c>`))
		}, 0)
	}
}

// TestDamagedWorkbooks: a workbook whose XML or zip is broken, whose shared
// strings are over the limit, or a cell with an undefined XML entity, is a
// finding said in Russian with the sheet and cell and what to do, never the
// XML or zip library's English; it comes fast and in bounded memory.
func TestDamagedWorkbooks(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("текст ", 17) // 187 bytes: past the size limit before the count one
	sheet := func(cells string) func(t *testing.T, w *zip.Writer) {
		return func(t *testing.T, w *zip.Writer) {
			entry(t, w, "xl/worksheets/sheet1.xml", func(write func(string)) { write(sheetXML(cells)) }, 0)
		}
	}
	for _, tt := range []struct {
		name  string
		parts func(t *testing.T, w *zip.Writer)
		// truncate cuts the file to this share of its size.
		truncate float64
		want     []string // in the Russian message
		cell     string
	}{
		{name: "undefined entity", parts: sheet(`<c r="A2" t="inlineStr"><is><t>act-1</t></is></c><c r="B2"><v>2021</v></c><c r="C2" t="inlineStr"><is><t>&bogus;</t></is></c>`),
			want: []string{"файл повреждён", "C2", "неизвестная XML-сущность &bogus;"}, cell: "Лист1!C2"},
		{name: "broken xml", parts: sheet(`<c r="A2" t="inlineStr"><is><t>act-1</t></is></c><c r="B2" =2021></c>`),
			want: []string{"файл повреждён", "лист «Лист1»", "сохраните"}},
		{name: "row past the sheet", parts: sheet(`</row><row r="2000000"><c r="A1"><v>1</v></c>`),
			want: []string{"файл повреждён", "за пределами листа"}},
		{name: "shared strings over the size limit", parts: sharedStrings(report.MaxSharedStrings/200+1000, long, 0),
			want: []string{"таблице строк", "128 МиБ", "разделите"}},
		{name: "shared strings lying about their size", parts: sharedStrings(report.MaxSharedStrings/200+1000, long, 4096),
			want: []string{"файл повреждён"}},
		{name: "too many shared strings", parts: sharedStrings(report.MaxSharedStringCount+1000, "", 0),
			want: []string{"таблице строк", "2000000 строк"}},
		{name: "more shared strings than declared", parts: func(t *testing.T, w *zip.Writer) {
			entry(t, w, "xl/sharedStrings.xml", func(write func(string)) {
				write(`<sst uniqueCount="1">` + strings.Repeat("<si/>", report.MaxSharedStringCount+1) + `</sst>`)
			}, 0)
		},
			want: []string{"таблице строк", "2000000 строк"}},
		{name: "truncated", parts: sheet(`<c r="A2" t="inlineStr"><is><t>act-1</t></is></c><c r="B2"><v>2021</v></c><c r="C2"><v>1</v></c>`),
			truncate: 0.6, want: []string{"файл повреждён"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "r.xlsx")
			zipWith(t, path, func(w *zip.Writer) { tt.parts(t, w) })
			if tt.truncate > 0 {
				data, _ := os.ReadFile(path)
				os.WriteFile(path, data[:int(float64(len(data))*tt.truncate)], 0o644)
			}
			start := time.Now()
			fs, err := report.Read(path, func(*report.Row) error { return nil })
			took := time.Since(start)
			if err != nil {
				t.Fatalf("I/O error instead of a finding: %v", err)
			}
			if len(fs) != 1 || fs[0].Code != diag.ReportUnreadable {
				t.Fatalf("findings %v", fs)
			}
			msg := fs[0].Message(i18n.RU)
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
			for _, english := range []string{"xml:", "zip:", "XML syntax", "invalid", "unexpected", "EOF"} {
				if strings.Contains(msg, english) {
					t.Errorf("message %q has the library's %q", msg, english)
				}
			}
			if tt.cell != "" && fs[0].Cell != tt.cell {
				t.Errorf("cell %q, want %q", fs[0].Cell, tt.cell)
			}
			if took > slowdown*10*time.Second {
				t.Errorf("took %v", took)
			}
			t.Logf("%s in %v", msg, took.Round(time.Millisecond))
		})
	}
}
