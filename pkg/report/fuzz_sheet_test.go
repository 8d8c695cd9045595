package report

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadSheet fuzzes what a workbook holds, not its zip: the sheet's XML
// and the shared strings inside an otherwise valid package of the
// hand-made report. Mutating the zip's bytes (FuzzRead) almost always
// breaks a checksum, so the reader's header, merge and value code is
// reached here, at thousands of inputs a second.
func FuzzReadSheet(f *testing.F) {
	zr, err := zip.OpenReader(filepath.Join("..", "..", "testdata", "reports", "handmade-2021.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	defer zr.Close()
	parts := map[string][]byte{}
	var names []string
	for _, p := range zr.File {
		rc, err := p.Open()
		if err != nil {
			f.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(rc); err != nil {
			f.Fatal(err)
		}
		rc.Close()
		parts[p.Name] = buf.Bytes()
		names = append(names, p.Name)
	}
	const sheet, strings = "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"
	f.Add(parts[sheet], parts[strings])
	// A merged header and an undefined entity in a cell.
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
		`<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Год</t></is></c><c r="C1" t="inlineStr"><is><t>Факт</t></is></c></row>`+
		`<row r="2"><c r="A2" t="inlineStr"><is><t>proektoria</t></is></c><c r="B2"><v>2021</v></c><c r="C2" t="inlineStr"><is><t>&nbsp;55 %</t></is></c></row>`+
		`</sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>`), parts[strings])
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, sheetXML, stringsXML []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range names {
			data := parts[name]
			switch name {
			case sheet:
				data = sheetXML
			case strings:
				data = stringsXML
			}
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(data)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "r.xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(path, func(r *Row) error {
			for f := range r.Cells {
				_ = r.Get(Field(f)).Value()
			}
			return nil
		}); err != nil {
			t.Fatalf("a workbook's content gave an I/O error: %v", err)
		}
	})
}
