package report

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead reads arbitrary bytes as a report workbook (seeded with the
// fixtures of testdata/reports): never a panic; broken files are findings.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"handmade-2021.xlsx", "seeds-2020-2022.xlsx", "bad/truncated.xlsx", "bad/not-xlsx.xlsx"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reports", name))
		if err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "r.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		rows := 0
		if _, err := Read(path, func(r *Row) error {
			rows++
			for f := range r.Cells {
				_ = r.Get(Field(f)).Value()
			}
			return nil
		}); err != nil {
			t.Fatalf("a workbook's content gave an I/O error: %v", err)
		}
	})
}
