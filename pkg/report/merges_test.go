package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/diag"
)

// TestManyMergedRanges: a small workbook with 100,000 merged ranges (many
// of them covering the header rows and every data row) reads in bounded
// time, the ranges past MaxMerges not followed, with a warning.
func TestManyMergedRanges(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := excelize.NewFile()
	for i, h := range []string{"Дорожная карта", "ID", "Год", "Факт"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellStr("Sheet1", cell, h)
	}
	for r := 2; r <= 2000; r++ {
		f.SetCellStr("Sheet1", fmt.Sprintf("A%d", r), "q")
		f.SetCellStr("Sheet1", fmt.Sprintf("B%d", r), "a")
		f.SetCellInt("Sheet1", fmt.Sprintf("C%d", r), 2023)
	}
	plain := filepath.Join(dir, "plain.xlsx")
	if err := f.SaveAs(plain); err != nil {
		t.Fatal(err)
	}
	// Overlapping ranges over the whole width and down every row: the
	// worst case for following merges row by row.
	var merges strings.Builder
	const n = 100_000
	fmt.Fprintf(&merges, `<mergeCells count="%d">`, n)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&merges, `<mergeCell ref="E%d:XFD%d"/>`, 1+i%5, 2000)
	}
	merges.WriteString(`</mergeCells>`)
	book := filepath.Join(dir, "merges.xlsx")
	rewriteSheet(t, plain, book, func(xml string) string {
		return strings.Replace(xml, "</sheetData>", "</sheetData>"+merges.String(), 1)
	})
	start := time.Now()
	rows := 0
	fs, err := Read(book, func(*Row) error { rows++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("reading took %v", took)
	}
	found := false
	for _, f := range fs {
		found = found || f.Code == diag.TooManyMerges
	}
	if !found || rows != 1999 {
		t.Errorf("%d rows, findings %v; want 1999 rows and RM117", rows, fs)
	}
	t.Logf("100,000 merged ranges, 2,000 rows: read in %v", time.Since(start))
}

// rewriteSheet copies the workbook src to dst with its first sheet's XML
// changed by edit.
func rewriteSheet(t *testing.T, src, dst string, edit func(string) string) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "xl/worksheets/sheet1.xml" {
			data = []byte(edit(string(data)))
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
