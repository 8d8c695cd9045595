package report

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"
)

// TestSniff: files excelize would only call a bad format are named.
func TestSniff(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ods := filepath.Join(dir, "отчёт.xlsx")
	f, err := os.Create(ods)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	// An OpenDocument's first entry, stored, is its mimetype.
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet")); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	text := filepath.Join(dir, "a.xlsx")
	if err := os.WriteFile(text, []byte("Район;Факт\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	xls := filepath.Join(dir, "b.xls")
	if err := os.WriteFile(xls, append(append([]byte(nil), oleMagic...), make([]byte, 512)...), 0o644); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{ods: "report.err.ods", text: "report.err.not_xlsx", xls: "report.err.xls"} {
		if got := sniff(file); got != want {
			t.Errorf("sniff(%s) = %q, want %q", filepath.Base(file), got, want)
		}
	}
}
