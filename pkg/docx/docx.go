// Package docx owns writing the Word documents officials sign: the order
// approving a roadmap with its annex table (Order) and the draft order
// amending it (Amending), laid out per ГОСТ Р 7.0.97-2025 — A4, margins
// 20/10/20/20 mm, Times New Roman 14 pt in text and 12 pt in tables,
// dates ДД.ММ.ГГГГ. The Office Open XML is written with the standard
// library's zip and XML escaping, in the shape pkg/importer reads back:
// text stays as the roadmap holds it (capitals are a run property, not
// retyped letters), so `roadmap import` of the file gives the roadmap again.
// Output is deterministic: fixed part order and zip timestamps.
package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// Page geometry in twentieths of a point: A4 and the margins of ГОСТ Р
// 7.0.97-2025 (left 20 mm, right 10 mm, top and bottom 20 mm).
const (
	pageWidth   = 11906
	pageHeight  = 16838
	marginLeft  = 1134
	marginRight = 567
	marginTop   = 1134
	marginBot   = 1134
	// textWidth is the width between the margins, wideWidth on a
	// landscape page.
	textWidth = pageWidth - marginLeft - marginRight
	wideWidth = pageHeight - marginLeft - marginRight
	// indent is the first-line indent of body paragraphs, 1.25 cm.
	indent = 709
)

// Font sizes in half-points.
const (
	sizeText  = 28 // 14 pt
	sizeTable = 24 // 12 pt
)

// Align is a paragraph's alignment.
type Align string

// The alignments used.
const (
	Left    Align = "left"
	Center  Align = "center"
	Right   Align = "right"
	Justify Align = "both"
)

// Paragraph is one paragraph of text.
type Paragraph struct {
	Text  string
	Align Align
	Bold  bool
	// Caps shows the text in capitals without changing its letters.
	Caps bool
	// Spaced widens the letters («П Р И К А З» as type, not as text).
	Spaced bool
	// Indent is the first-line indent; Left the left indent (twips).
	Indent, LeftIndent int
	// Tab is a right tab stop at the text's right edge: "date\tnumber".
	Tab bool
	// PageBreak starts the paragraph on a new page.
	PageBreak bool
	// KeepNext keeps the paragraph on the page of what follows (a caption
	// with its table).
	KeepNext bool
	// EndsPortrait closes the portrait pages: what follows is on
	// landscape pages (Document.Landscape).
	EndsPortrait bool
	// Before is the space above the paragraph (twips).
	Before int
	size   int
}

// Cell is a table cell: its paragraphs' texts (split at "\n").
type Cell struct {
	Text string
	Bold bool
	// Span is the number of grid columns the cell covers (1 when 0).
	Span  int
	Align Align
}

// Row is a table row.
type Row struct {
	Cells []Cell
	// Header rows repeat at the top of each page.
	Header bool
}

// Table is a bordered table of fixed column widths (twips).
type Table struct {
	Widths []int
	Rows   []Row
}

// Block is a paragraph or a table.
type Block struct {
	Para  *Paragraph
	Table *Table
}

// Document is a Word document: blocks on A4 pages.
type Document struct {
	Title  string // the document's title in its properties
	Blocks []Block
	// Landscape turns the pages after the paragraph that EndsPortrait.
	Landscape bool
}

// Add appends paragraphs.
func (d *Document) Add(ps ...Paragraph) {
	for i := range ps {
		d.Blocks = append(d.Blocks, Block{Para: &ps[i]})
	}
}

// AddTable appends a table.
func (d *Document) AddTable(t *Table) { d.Blocks = append(d.Blocks, Block{Table: t}) }

// WriteFile writes the document to path atomically.
func WriteFile(path string, d *Document) error {
	return safefile.Write(path, d.Write)
}

// modified is the fixed time of every zip entry: the same roadmap gives
// the same bytes.
var modified = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// A part of the package: its name and body.
type part struct{ name, body string }

// fixedParts are the parts every document has alike, in their order
// of the package; core.xml (the title) goes after the first two, the
// document last.
var fixedParts = []part{
	{"[Content_Types].xml", contentTypes},
	{"_rels/.rels", rootRels},
	{"word/_rels/document.xml.rels", documentRels},
	{"word/styles.xml", styles},
	{"word/settings.xml", settings},
}

// Write writes the .docx. The fixed parts are copied as compressed
// once, and the compressors reused: the same bytes as compressing anew
// (TestSameBytesAsFresh), where a site's 23,000 orders spent a quarter
// of its build making compressors.
func (d *Document) Write(w io.Writer) error {
	zw := zip.NewWriter(w)
	// The fastest deflate: an order is kilobytes either way, and a site
	// writes one per roadmap (23,000 for a country), where the default
	// level was an eighth of the build.
	zw.RegisterCompressor(zip.Deflate, newCompressor)
	fixed, err := compressedParts()
	if err != nil {
		return err
	}
	fixedPart := func(i int) error { return copyPart(zw, fixed[i]) }
	for _, step := range []func() error{
		func() error { return fixedPart(0) },
		func() error { return fixedPart(1) },
		func() error { return writePart(zw, part{"docProps/core.xml", fmt.Sprintf(coreProps, esc(d.Title))}) },
		func() error { return fixedPart(2) },
		func() error { return fixedPart(3) },
		func() error { return fixedPart(4) },
		func() error {
			b := xmlBuffers.Get().(*bytes.Buffer)
			defer xmlBuffers.Put(b)
			b.Reset()
			d.documentXML(b)
			return writePartBytes(zw, "word/document.xml", b.Bytes())
		},
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writePart(zw *zip.Writer, p part) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, p.body)
	return err
}

func writePartBytes(zw *zip.Writer, name string, body []byte) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
	if err != nil {
		return err
	}
	_, err = f.Write(body)
	return err
}

// compressedPart is a fixed part as written into a package once: its
// header (sizes and checksum filled in) and its compressed bytes.
type compressedPart struct {
	header zip.FileHeader
	data   []byte
}

// compressedParts are fixedParts compressed once.
var compressedParts = sync.OnceValues(func() ([]compressedPart, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, newCompressor)
	for _, p := range fixedParts {
		if err := writePart(zw, p); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	out := make([]compressedPart, len(zr.File))
	for i, f := range zr.File {
		r, err := f.OpenRaw()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		out[i] = compressedPart{header: f.FileHeader, data: data}
	}
	return out, nil
})

// copyPart writes a part compressed before (zip.Writer.Copy's way,
// without its buffer for each copy).
func copyPart(zw *zip.Writer, p compressedPart) error {
	h := p.header
	w, err := zw.CreateRaw(&h)
	if err != nil {
		return err
	}
	_, err = w.Write(p.data)
	return err
}

// compressors keeps deflate writers for reuse: each is hundreds of
// kilobytes of tables to allocate and clear.
var compressors sync.Pool

type pooledCompressor struct{ *flate.Writer }

func (c pooledCompressor) Close() error {
	err := c.Writer.Close()
	compressors.Put(c.Writer)
	return err
}

func newCompressor(out io.Writer) (io.WriteCloser, error) {
	if fw, ok := compressors.Get().(*flate.Writer); ok {
		fw.Reset(out)
		return pooledCompressor{fw}, nil
	}
	fw, err := flate.NewWriter(out, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return pooledCompressor{fw}, nil
}

// Bytes is the .docx as bytes.
func (d *Document) Bytes() []byte {
	var b bytes.Buffer
	_ = d.Write(&b) // a bytes.Buffer does not fail
	return b.Bytes()
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// escTo writes s escaped as xml.EscapeText does (FuzzEscTo), without its
// copy of s and buffer for each text.
func escTo(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\'' && c != '&' && c != '<' && c != '>' {
			i++
			continue
		}
		r, width := utf8.DecodeRuneInString(s[i:])
		var e string
		switch r {
		case '"':
			e = "&#34;"
		case '\'':
			e = "&#39;"
		case '&':
			e = "&amp;"
		case '<':
			e = "&lt;"
		case '>':
			e = "&gt;"
		case '\t':
			e = "&#x9;"
		case '\n':
			e = "&#xA;"
		case '\r':
			e = "&#xD;"
		default:
			if !inCharacterRange(r) || (r == utf8.RuneError && width == 1) {
				e = "\uFFFD"
			}
		}
		i += width
		if e == "" {
			continue
		}
		b.WriteString(s[last : i-width])
		b.WriteString(e)
		last = i
	}
	b.WriteString(s[last:])
}

// inCharacterRange is XML's Char production.
func inCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// xmlBuffers keep the document parts' buffers for reuse (an order's is
// a hundred kilobytes).
var xmlBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// documentXML writes word/document.xml into b.
func (d *Document) documentXML(b *bytes.Buffer) {
	b.WriteString(xml.Header)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for i, bl := range d.Blocks {
		switch {
		case bl.Para != nil:
			writePara(b, *bl.Para)
		case i == len(d.Blocks)-1:
			writeTable(b, bl.Table)
			// A document must end in a paragraph. After a table that
			// ends at the foot of a page, a paragraph of the text's size
			// goes onto a page of its own, printed blank; this one takes
			// a point.
			b.WriteString(endParagraph)
		default:
			writeTable(b, bl.Table)
			// Word needs a paragraph between a table and what follows.
			writePara(b, Paragraph{size: sizeTable})
		}
	}
	b.WriteString(sectPr(d.Landscape))
	b.WriteString(`</w:body></w:document>`)
}

// endParagraph closes a document that ends in a table: one point high,
// its mark one point.
const endParagraph = `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`

// sectPr is the page of a section: A4, the margins of the standard; on a
// landscape page the left margin stays at the binding edge.
func sectPr(landscape bool) string {
	if landscape {
		return fmt.Sprintf(`<w:sectPr><w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`,
			pageHeight, pageWidth, marginTop, marginRight, marginBot, marginLeft)
	}
	return fmt.Sprintf(`<w:sectPr><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`,
		pageWidth, pageHeight, marginTop, marginRight, marginBot, marginLeft)
}

func writePara(b *bytes.Buffer, p Paragraph) {
	lines := strings.Split(p.Text, "\n")
	b.WriteString(`<w:p><w:pPr>`)
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.PageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if p.Tab {
		fmt.Fprintf(b, `<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, textWidth)
	}
	fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="0" w:line="240" w:lineRule="auto"/>`, p.Before)
	if p.Indent > 0 || p.LeftIndent > 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d" w:firstLine="%d"/>`, p.LeftIndent, p.Indent)
	}
	if p.Align != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, p.Align)
	}
	if p.EndsPortrait {
		b.WriteString(sectPr(false))
	}
	b.WriteString(`</w:pPr>`)
	rpr := runProps(p)
	for i, line := range lines {
		if i > 0 {
			b.WriteString(`<w:r>` + rpr + `<w:br/></w:r>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:r>` + rpr + `<w:tab/></w:r>`)
			}
			if part != "" {
				b.WriteString(`<w:r>` + rpr + `<w:t xml:space="preserve">`)
				escTo(b, part)
				b.WriteString(`</w:t></w:r>`)
			}
		}
	}
	b.WriteString(`</w:p>`)
}

func runProps(p Paragraph) string {
	var b strings.Builder
	b.WriteString(`<w:rPr>`)
	if p.Bold {
		b.WriteString(`<w:b/>`)
	}
	if p.Caps {
		b.WriteString(`<w:caps/>`)
	}
	if p.Spaced {
		b.WriteString(`<w:spacing w:val="60"/>`)
	}
	size := p.size
	if size == 0 {
		size = sizeText
	}
	fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, size, size)
	return b.String()
}

func writeTable(b *bytes.Buffer, t *Table) {
	total := 0
	for _, w := range t.Widths {
		total += w
	}
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>`, total)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if r.Header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		col := 0
		for _, c := range r.Cells {
			span := max(c.Span, 1)
			w := 0
			for k := col; k < col+span && k < len(t.Widths); k++ {
				w += t.Widths[k]
			}
			col += span
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			b.WriteString(`</w:tcPr>`)
			align := c.Align
			if align == "" {
				align = Left
			}
			for _, line := range strings.Split(c.Text, "\n") {
				writePara(b, Paragraph{Text: line, Align: align, Bold: c.Bold, size: sizeTable})
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`</Relationships>`

// coreProps has the title; no dates, so the bytes do not change.
const coreProps = xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
	`<dc:title>%s</dc:title><dc:language>ru-RU</dc:language></cp:coreProperties>`

// styles sets Times New Roman 14 pt, Russian, single spacing as the
// default of every paragraph.
const styles = xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
	`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

const settings = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
