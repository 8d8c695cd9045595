package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// makeDocx builds a minimal .docx whose body is body (WordprocessingML).
func makeDocx(t testing.TB, body string) []byte {
	t.Helper()
	return makeZip(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
	})
}

func makeZip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func p(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func tc(inner string, props string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + inner + `</w:tc>`
}

func TestReadDocx(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"runs tabs breaks",
			`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Начальник</w:t></w:r><w:r><w:tab/><w:t>С. Н.</w:t></w:r><w:r><w:t xml:space="preserve"> Назарова</w:t><w:br/><w:t>вторая строка</w:t></w:r></w:p>`,
			"P Начальник С. Н. Назарова\nP вторая строка\n"},
		{"deleted text and field codes left out",
			`<w:p><w:r><w:t>есть</w:t></w:r><w:del><w:r><w:delText>удалено</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:ins><w:r><w:t xml:space="preserve"> вставлено</w:t></w:r></w:ins></w:p>`,
			"P есть вставлено\n"},
		{"empty paragraphs dropped", `<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>` + p("текст"), "P текст\n"},
		{"table with spans and merges",
			`<w:tbl><w:tr>` + tc(p("№"), "") + tc(p("Мероприятие"), `<w:gridSpan w:val="2"/>`) + tc(p("Исполнители"), "") + `</w:tr>` +
				`<w:tr>` + tc(p("1."), "") + tc(p("План"), "") + tc(p("август"), "") + tc(p("МКУ")+p("Школы"), `<w:vMerge w:val="restart"/>`) + `</w:tr>` +
				`<w:tr>` + tc(p("2."), "") + tc(p("Отчёт"), "") + tc(p("май"), "") + tc(`<w:p/>`, `<w:vMerge/>`) + `</w:tr></w:tbl>`,
			"T 3 rows\nR № | Мероприятие |  | Исполнители\nR 1. | План | август | МКУ⏎Школы\nR 2. | Отчёт | май | МКУ⏎Школы\n"},
		{"nested table flattened",
			`<w:tbl><w:tr>` + tc(p("a")+`<w:tbl><w:tr>`+tc(p("x"), "")+tc(p("y"), "")+`</w:tr></w:tbl>`, "") + tc(p("b"), "") + `</w:tr></w:tbl>` + p("после"),
			"T 1 rows\nR a⏎x y | b\nP после\n"},
		{"fallback copies skipped",
			`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>рамка</w:t></mc:Choice><mc:Fallback><w:t>рамка</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
			"P рамка\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocx(makeDocx(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Dump(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestReadDocxLocations(t *testing.T) {
	body := p("первый") + `<w:p/>` + p("третий") + `<w:tbl><w:tr>` + tc(p("a"), "") + tc(p("b"), "") + `</w:tr><w:tr>` + tc(p("c"), "") + tc(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr></w:p>`, "") + `</w:tr></w:tbl>`
	doc, err := ReadDocx(makeDocx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if l := doc.Blocks[1].Para.Loc; l.Para != 3 {
		t.Errorf("third paragraph at %+v", l)
	}
	c := doc.Blocks[2].Table.Rows[1].Cells[1]
	if c.Loc != (Loc{Table: 1, Row: 2, Col: 2}) || !c.Numbered {
		t.Errorf("cell: %+v", c)
	}
}

func TestReadDocxErrors(t *testing.T) {
	valid := makeDocx(t, p("x"))
	big := makeZip(t, map[string]string{"word/document.xml": strings.Repeat(" ", MaxEntrySize+1)})
	tests := []struct {
		name string
		in   []byte
		kind error
	}{
		{"empty", nil, ErrEmpty},
		{"not a zip", []byte("PK\x03\x04 this is not a zip"), ErrDamaged},
		{"truncated", valid[:len(valid)/2], ErrDamaged},
		{"no document.xml", makeZip(t, map[string]string{"a.txt": "x"}), ErrDamaged},
		{"bad xml", makeZip(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}), ErrDamaged},
		{"no paragraphs", makeDocx(t, ""), ErrEmpty},
		{"entry too large", big, ErrTooLarge},
		{"file too large", append(valid, make([]byte, int(MaxFileSize))...), ErrTooLarge},
		{"legacy .doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), ErrLegacy},
	}
	for _, tt := range tests {
		if _, err := ReadDocx(tt.in); !errors.Is(err, tt.kind) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.kind)
		}
	}
}
