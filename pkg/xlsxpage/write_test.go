package xlsxpage

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWriteFixedPartOrder: excelize writes sheets in the order of its
// maps, which changes between processes; Write gives one order, so two
// runs of the same workbook are byte-identical.
func TestWriteFixedPartOrder(t *testing.T) {
	t.Parallel()
	book := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		for i := range 12 {
			name := fmt.Sprintf("Лист %d", i)
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellValue(name, "A1", i); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, f); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := book()
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range zr.File {
		names = append(names, p.Name)
	}
	if names[0] != "[Content_Types].xml" || names[1] != "_rels/.rels" || !slices.IsSorted(names[2:]) {
		t.Errorf("parts not in the fixed order: %q", names)
	}
	// The workbook still opens, with every sheet.
	f, err := excelize.OpenReader(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Лист 11", "A1"); v != "11" {
		t.Errorf("Лист 11!A1 = %q after rewriting", v)
	}
	for range 5 {
		if !bytes.Equal(book(), first) {
			t.Fatal("the same workbook gave different bytes")
		}
	}
}
