package report_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/report"
)

// zipWith writes an xlsx-shaped zip whose worksheet is the given entry.
func zipWith(t *testing.T, path string, sheet func(w *zip.Writer)) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := zip.NewWriter(f)
	for name, body := range map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"xl/workbook.xml":            `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	} {
		fw, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(body))
	}
	sheet(w)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestZipBombs: a workbook that declares a huge worksheet is refused before
// unzipping (our limit, not excelize's 16 GB default), and one that lies
// about its size is stopped by the zip reader; both are findings.
func TestZipBombs(t *testing.T) {
	dir := t.TempDir()
	declared := filepath.Join(dir, "declared.xlsx")
	zipWith(t, declared, func(w *zip.Writer) {
		var buf bytes.Buffer
		fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
		fw.Write([]byte("<worksheet/>"))
		fw.Close()
		hdr := &zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
			CRC32: crc32.ChecksumIEEE([]byte("<worksheet/>")), CompressedSize64: uint64(buf.Len()),
			UncompressedSize64: 8 << 30}
		raw, err := w.CreateRaw(hdr)
		if err != nil {
			t.Fatal(err)
		}
		raw.Write(buf.Bytes())
	})
	lying := filepath.Join(dir, "lying.xlsx")
	zipWith(t, lying, func(w *zip.Writer) {
		// 256 MB of spaces, declared as 1 KB.
		var buf bytes.Buffer
		fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for range 256 {
			fw.Write(chunk)
		}
		fw.Close()
		hdr := &zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
			CompressedSize64: uint64(buf.Len()), UncompressedSize64: 1024}
		raw, err := w.CreateRaw(hdr)
		if err != nil {
			t.Fatal(err)
		}
		raw.Write(buf.Bytes())
	})
	for _, file := range []string{declared, lying} {
		start := time.Now()
		fs, err := report.Read(file, func(*report.Row) error { return nil })
		if err != nil {
			t.Fatalf("%s: I/O error instead of a finding: %v", file, err)
		}
		if len(fs) != 1 || (fs[0].Code != diag.ReportUnreadable && fs[0].Code != diag.ReportNoHeader) {
			t.Errorf("%s: findings %v", filepath.Base(file), fs)
		}
		if strings.HasSuffix(file, "declared.xlsx") && !strings.Contains(fs[0].Message(i18n.RU), "zip-бомба") {
			t.Errorf("declared bomb: %s", fs[0].Message(i18n.RU))
		}
		t.Logf("%s: %s in %v", filepath.Base(file), fs[0].Message(i18n.RU), time.Since(start).Round(time.Millisecond))
	}
}
