package importer

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestBounds: documents past the bounds of a roadmap (the bombs of issue
// 16: a 139 KB .docx of a million paragraphs, 100,000 vertically merged
// rows) are refused with ErrTooLarge naming the bound, fast and without
// building what they would unpack to; one just within the bounds is read.
func TestBounds(t *testing.T) {
	cell := func(s string) string { return `<w:tc><w:p><w:r><w:t>` + s + `</w:t></w:r></w:p></w:tc>` }
	header := `<w:tr>` + cell("№") + cell("Наименование мероприятия") + cell("Срок") + cell("Ответственные") + `</w:tr>`
	merged := `<w:tr>` + cell("1") + `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>` + cell("2021") + cell("Управление") + `</w:tr>`
	first := `<w:tr>` + cell("1") + `<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Семинар</w:t></w:r></w:p></w:tc>` + cell("2021") + cell("Управление") + `</w:tr>`
	para := `<w:p><w:r><w:t>Мероприятие</w:t></w:r></w:p>`
	for _, tc := range []struct {
		name  string
		read  func() (*Document, error)
		bound Bound
		ok    bool
	}{
		{"800,000 paragraphs (45 MB unpacked)", docx(t, strings.Repeat(para, 800_000)), BoundParagraphs, false},
		{"paragraphs in cells count too", docx(t, `<w:tbl><w:tr><w:tc>`+strings.Repeat(para, MaxParagraphs+1)+`</w:tc></w:tr></w:tbl>`), BoundParagraphs, false},
		{"100,000 vertically merged rows", docx(t, `<w:tbl>`+header+first+strings.Repeat(merged, 100_000)+`</w:tbl>`), BoundRows, false},
		{"rows of all tables together", docx(t, strings.Repeat(`<w:tbl>`+header+strings.Repeat(merged, 999)+`</w:tbl>`, 11)), BoundRows, false},
		{"a .txt of a million lines", func() (*Document, error) { return ReadText([]byte(strings.Repeat("строка\n", 1_000_000))) }, BoundParagraphs, false},
		{"just within", docx(t, `<w:tbl>`+header+first+strings.Repeat(merged, MaxRows-2)+`</w:tbl>`), 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := tc.read()
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			if alloc := (after.TotalAlloc - before.TotalAlloc) >> 20; alloc > 400 {
				t.Errorf("allocated %d MiB", alloc)
			}
			if took > 5*time.Second {
				t.Errorf("took %v", took)
			}
			if tc.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var ie *Error
			if !errors.As(err, &ie) || !errors.Is(err, ErrTooLarge) || ie.Bound != tc.bound || ie.Limit == 0 {
				t.Fatalf("err = %v, want ErrTooLarge of bound %d with its limit", err, tc.bound)
			}
		})
	}
}

// docx reads a .docx of body when called.
func docx(t *testing.T, body string) func() (*Document, error) {
	data := makeDocx(t, body)
	return func() (*Document, error) { return ReadDocx(data) }
}
