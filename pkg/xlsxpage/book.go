package xlsxpage

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// Book is a workbook of table sheets written without excelize, part for
// part the bytes that excelize and WriteRows write of the same sheets
// (TestBookAsExcelize in pkg/render holds it to that): a small workbook
// was mostly excelize's fixed cost (a new file, its styles, marshalling
// and compressing the same parts again), paid by each of the site's
// 2,300 district workbooks. The parts every workbook shares come once per
// process from Fixed, already compressed; the rest is written here.
//
// Each sheet is set up as Print sets one up, frozen below its header as
// the summary's sheets are, with a table over the header and rows that
// gives the autofilter (no table style).
type Book struct {
	Fixed          *Fixed
	Title, Subject string
	Lang           i18n.Lang
	Sheets         []BookSheet
}

// BookSheet is a sheet of a Book.
type BookSheet struct {
	Name    string    // as Sheets.Name gives it
	Header  int       // the table's header row (1-based): frozen below, printed on each page
	LastRow int       // the table's last row
	Widths  []float64 // the columns' widths
	Merges  []string  // merged ranges ("A3:B3"), in order
	Columns []string  // the header's texts, as Head has them
	Head    *Rows     // the rows down to the header (NewHead)
	Rows    Fill      // the table's rows, below the header, made as the sheet is written
}

// Fixed are the parts of a workbook that do not change between
// workbooks of the same styles, kept compressed: the package's
// relationships, the application's properties, the styles and the theme.
type Fixed struct {
	parts []fixedPart
}

type fixedPart struct {
	h   zip.FileHeader
	raw []byte
}

// fixedNames are the parts Fixed keeps, in the order Write writes them.
var fixedNames = []string{"_rels/.rels", "docProps/app.xml", "xl/styles.xml", "xl/theme/theme1.xml"}

// NewFixed keeps the fixed parts of f, a new workbook (excelize.NewFile)
// given the styles that the sheets use and nothing else.
func NewFixed(f *excelize.File) (*Fixed, error) {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	fx := &Fixed{}
	for _, name := range fixedNames {
		i := slices.IndexFunc(zr.File, func(p *zip.File) bool { return p.Name == name })
		if i < 0 {
			return nil, fmt.Errorf("xlsxpage: no %s in a new workbook", name)
		}
		p := zr.File[i]
		r, err := p.OpenRaw()
		if err != nil {
			return nil, err
		}
		raw, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		fx.parts = append(fx.parts, fixedPart{h: p.FileHeader, raw: raw})
	}
	return fx, nil
}

// Add adds a sheet.
func (b *Book) Add(s BookSheet) { b.Sheets = append(b.Sheets, s) }

// NewHead starts the rows of a sheet above its table's rows: they are
// kept as XML, to be written with the sheet's beginning.
func NewHead() *Rows { return &Rows{} }

// Write writes the workbook.
func (b *Book) Write(w io.Writer) error {
	if len(b.Sheets) == 0 || b.Fixed == nil {
		return errNoSheets
	}
	for i := range b.Sheets {
		if err := b.Sheets[i].check(); err != nil {
			return fmt.Errorf("%s: %w", b.Sheets[i].Name, err) // as render's names excelize's
		}
	}
	bw := bookWriter{zw: zip.NewWriter(w)}
	n := len(b.Sheets)
	// Names as WriteRows orders excelize's parts: the content types, the
	// package's relationships, then by name (table10 before table2).
	bw.contentTypes(n)
	bw.raw(b.Fixed.parts[0])
	bw.raw(b.Fixed.parts[1])
	bw.part("docProps/core.xml", b.core(bw.buf[:0]))
	bw.part("xl/_rels/workbook.xml.rels", workbookRels(bw.buf[:0], n))
	bw.raw(b.Fixed.parts[2])
	order := byName(n)
	for _, i := range order {
		bw.part("xl/tables/table"+strconv.Itoa(i+1)+".xml", b.Sheets[i].table(bw.buf[:0], i+1))
	}
	bw.raw(b.Fixed.parts[3])
	bw.part("xl/workbook.xml", b.workbook(bw.buf[:0]))
	for _, i := range order {
		bw.part("xl/worksheets/_rels/sheet"+strconv.Itoa(i+1)+".xml.rels", sheetRels(bw.buf[:0], i+1))
	}
	footer := appendXML(nil, footerText(b.Lang), true)
	for _, i := range order {
		bw.sheet(i, &b.Sheets[i], footer)
	}
	if bw.err != nil {
		return bw.err
	}
	return bw.zw.Close()
}

var errNoSheets = errors.New("xlsxpage: a book with no sheets or no fixed parts")

// check returns the error excelize gives of what the sheet asks.
func (s *BookSheet) check() error {
	for _, w := range s.Widths {
		if w > excelize.MaxColumnWidth {
			return excelize.ErrColumnWidth
		}
	}
	if len(s.Widths) > excelize.MaxColumns {
		return excelize.ErrColumnNumber
	}
	if s.Head == nil || s.Rows == nil {
		return fmt.Errorf("xlsxpage: sheet %q without its rows", s.Name)
	}
	if s.Head.err != nil {
		return s.Head.err
	}
	return nil
}

// byName are the indexes 0..n-1 in the order of their parts' names:
// "sheet1.xml", "sheet10.xml", "sheet2.xml".
func byName(n int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return strings.Compare(strconv.Itoa(a+1)+".", strconv.Itoa(b+1)+".")
	})
	return order
}

// bookWriter writes parts, keeping the first error.
type bookWriter struct {
	zw  *zip.Writer
	err error
	buf []byte
}

// part writes a part as excelize does: compressed as the zip writer
// compresses it (level 5), with no time.
func (bw *bookWriter) part(name string, body []byte) {
	bw.buf = body // kept for the next part
	if bw.err != nil {
		return
	}
	h := zip.FileHeader{Name: name, CreatorVersion: 20, ReaderVersion: 20, Flags: 0x8, Method: zip.Deflate}
	bw.err = writeDeflated(bw.zw, &h, body, zipLevel)
}

// writeDeflated writes a part of body compressed at level, as the zip
// writer's CreateHeader and Write of it would under h.
func writeDeflated(zw *zip.Writer, h *zip.FileHeader, body []byte, level int) error {
	d, err := deflated(body, level)
	if err != nil {
		return err
	}
	h.CRC32, h.CompressedSize64, h.UncompressedSize64 = d.crc, uint64(len(d.raw)), uint64(len(body))
	dst, err := zw.CreateRaw(h)
	if err == nil {
		_, err = dst.Write(d.raw)
	}
	return err
}

// raw copies a fixed part's compressed bytes.
func (bw *bookWriter) raw(p fixedPart) {
	if bw.err != nil {
		return
	}
	h := p.h
	dst, err := bw.zw.CreateRaw(&h)
	if err == nil {
		_, err = dst.Write(p.raw)
	}
	bw.err = err
}

// readBack is the header of a part excelize wrote as zip.Reader reads it
// back, which WriteRows passes on: no time in MS-DOS form is 30 November
// 1979.
func readBack(name string) zip.FileHeader {
	return zip.FileHeader{Name: name, CreatorVersion: 20, ReaderVersion: 20, Flags: 0x8, Method: zip.Deflate,
		Modified: time.Date(1980, 0, 0, 0, 0, 0, 0, time.UTC)}
}

const xmlHeader = xml.Header // `<?xml version="1.0" encoding="UTF-8"?>` and a new line

func (bw *bookWriter) contentTypes(n int) {
	b := append(bw.buf[:0], xmlHeader+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"></Default>`+
		`<Default Extension="xml" ContentType="application/xml"></Default>`+
		`<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"></Override>`+
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"></Override>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"></Override>`+
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"></Override>`+
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"></Override>`+
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"></Override>`...)
	for i := 1; i <= n; i++ {
		if i > 1 {
			b = append(b, `<Override PartName="/xl/worksheets/sheet`...)
			b = strconv.AppendInt(b, int64(i), 10)
			b = append(b, `.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"></Override>`...)
		}
		b = append(b, `<Override PartName="/xl/tables/table`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"></Override>`...)
	}
	b = append(b, `</Types>`...)
	bw.buf = b
	if bw.err != nil {
		return
	}
	h, err := contentTypesHeader()
	if err != nil {
		bw.err = err
		return
	}
	bw.err = writeDeflated(bw.zw, &h, b, zipLevel)
}

// contentTypesHeader is the header WriteRows gives the content types,
// which it compresses again under the header read back: CreateHeader
// makes of its time an MS-DOS date and time and an extended timestamp.
// Written once and read back, it is what CreateRaw needs to write the
// same.
var contentTypesHeader = sync.OnceValues(func() (zip.FileHeader, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	h := readBack(contentTypes)
	if _, err := zw.CreateHeader(&h); err != nil {
		return zip.FileHeader{}, err
	}
	if err := zw.Close(); err != nil {
		return zip.FileHeader{}, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return zip.FileHeader{}, err
	}
	return zr.File[0].FileHeader, nil
})

// zipLevel is the zip writer's deflate level, at which excelize's parts
// are compressed.
const zipLevel = 5

// partCache holds small parts compressed, by level and bytes: the site's
// 2,300 district workbooks share most of their small parts (properties,
// relationships, the sheets' ends...), and a compressor costs more to
// reset (clearing 640 KB of tables) than to compress one.
var partCache struct {
	sync.Mutex
	byLevel map[int]map[string]deflatedPart
	size    int
}

type deflatedPart struct {
	raw []byte
	crc uint32
}

// Only parts up to maxCached bytes are kept, up to cacheSize bytes in
// all; then the cache starts again.
const (
	maxCached = 8 << 10
	cacheSize = 8 << 20
)

// deflated is body compressed at level, a complete deflate stream.
func deflated(body []byte, level int) (deflatedPart, error) {
	cache := len(body) <= maxCached
	if cache {
		partCache.Lock()
		d, ok := partCache.byLevel[level][string(body)]
		partCache.Unlock()
		if ok {
			return d, nil
		}
	}
	var z bytes.Buffer
	fw := getFlateAt(level, &z)
	_, err := fw.Write(body)
	if err == nil {
		err = fw.Close()
	}
	putFlateAt(level, fw)
	if err != nil {
		return deflatedPart{}, err
	}
	d := deflatedPart{raw: z.Bytes(), crc: crc32.ChecksumIEEE(body)}
	if cache {
		partCache.Lock()
		if partCache.byLevel == nil || partCache.size > cacheSize {
			partCache.byLevel, partCache.size = map[int]map[string]deflatedPart{}, 0
		}
		m := partCache.byLevel[level]
		if m == nil {
			m = map[string]deflatedPart{}
			partCache.byLevel[level] = m
		}
		m[string(body)] = d
		partCache.size += len(body) + len(d.raw)
		partCache.Unlock()
	}
	return d, nil
}

// sheet writes a sheet: its beginning and the head's rows, the table's
// rows, its end, as WriteRows splices them.
func (bw *bookWriter) sheet(i int, s *BookSheet, footer []byte) {
	if bw.err != nil {
		return
	}
	head := append(bw.buf[:0], xmlHeader+`<worksheet`+worksheetNamespaces+
		`<sheetPr><pageSetUpPr fitToPage="true"></pageSetUpPr></sheetPr><dimension ref="A1"></dimension><sheetViews><sheetView `...)
	if i == 0 {
		head = append(head, `tabSelected="true" `...) // the first sheet of excelize's new file
	}
	head = append(head, `workbookViewId="0"><pane activePane="bottomLeft" state="frozen" topLeftCell="A`...)
	head = strconv.AppendInt(head, int64(s.Header+1), 10)
	head = append(head, `" ySplit="`...)
	head = strconv.AppendInt(head, int64(s.Header), 10)
	head = append(head, `"></pane></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"></sheetFormatPr>`...)
	head = appendCols(head, s.Widths)
	head = append(head, `<sheetData>`...)
	s.Head.end()
	head = append(head, s.Head.buf...)
	tailAt := len(head)
	tail := append(head, `</sheetData>`...)
	if len(s.Merges) > 0 {
		tail = append(tail, `<mergeCells count="`...)
		tail = strconv.AppendInt(tail, int64(len(s.Merges)), 10)
		tail = append(tail, `">`...)
		for _, m := range s.Merges {
			tail = append(tail, `<mergeCell ref="`...)
			tail = append(tail, m...)
			tail = append(tail, `"/>`...)
		}
		tail = append(tail, `</mergeCells>`...)
	}
	tail = append(tail, `<pageSetup fitToHeight="0" fitToWidth="1" orientation="landscape" paperSize="9"></pageSetup><headerFooter><oddFooter>`...)
	tail = append(tail, footer...)
	tail = append(tail, `</oddFooter></headerFooter><tableParts count="1"><tablePart r:id="rId1"></tablePart></tableParts></worksheet>`...)
	bw.buf = tail
	h := readBack("xl/worksheets/sheet" + strconv.Itoa(i+1) + ".xml")
	bw.err = writeSheetPart(bw.zw, &h, tail[:tailAt], s.Rows, tail[tailAt:])
}

// appendCols appends the columns' widths as excelize's StreamWriter
// writes those set by a SetColWidth per run of equal widths: one run
// stays a range; more are put one column each, the last run first (its
// SetColWidth flattens the columns set before it after its own).
func appendCols(dst []byte, widths []float64) []byte {
	if len(widths) == 0 {
		return dst
	}
	var runs [][2]int
	for from := 0; from < len(widths); {
		to := from
		for to+1 < len(widths) && widths[to+1] == widths[from] {
			to++
		}
		runs = append(runs, [2]int{from, to})
		from = to + 1
	}
	col := func(dst []byte, from, to int) []byte {
		dst = append(dst, `<col min="`...)
		dst = strconv.AppendInt(dst, int64(from+1), 10)
		dst = append(dst, `" max="`...)
		dst = strconv.AppendInt(dst, int64(to+1), 10)
		dst = append(dst, `" width="`...)
		dst = strconv.AppendFloat(dst, widths[from], 'f', -1, 64)
		return append(dst, `" customWidth="1"/>`...)
	}
	dst = append(dst, `<cols>`...)
	if len(runs) == 1 {
		dst = col(dst, runs[0][0], runs[0][1])
	} else {
		for j := len(runs) - 1; j >= 0; j-- {
			for c := runs[j][0]; c <= runs[j][1]; c++ {
				dst = col(dst, c, c)
			}
		}
	}
	return append(dst, `</cols>`...)
}

// core is the document's properties, as DocProps sets them.
func (b *Book) core(dst []byte) []byte {
	dst = append(dst, xmlHeader+`<coreProperties xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`...)
	if b.Title != "" {
		dst = append(dst, `<dc:title>`...)
		dst = appendXML(dst, b.Title, true)
		dst = append(dst, `</dc:title>`...)
	}
	if b.Subject != "" {
		dst = append(dst, `<dc:subject>`...)
		dst = appendXML(dst, b.Subject, true)
		dst = append(dst, `</dc:subject>`...)
	}
	dst = append(dst, `<dc:creator>`+creator+`</dc:creator><lastModifiedBy></lastModifiedBy>`...)
	if b.Lang != "" {
		dst = append(dst, `<dc:language>`...)
		dst = appendXML(dst, string(b.Lang), true)
		dst = append(dst, `</dc:language>`...)
	}
	return append(dst, `<dcterms:created xsi:type="dcterms:W3CDTF">2006-09-16T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2006-09-16T00:00:00Z</dcterms:modified></coreProperties>`...)
}

// workbook lists the sheets, each with its header printed on every page.
func (b *Book) workbook(dst []byte) []byte {
	dst = append(dst, xmlHeader+`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="6" lowestEdited="6" rupBuild="14420"></fileVersion><workbookPr filterPrivacy="true" defaultThemeVersion="164011"></workbookPr><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="14805" windowHeight="8010"></workbookView></bookViews><sheets>`...)
	for i, s := range b.Sheets {
		dst = append(dst, `<sheet name="`...)
		dst = appendXML(dst, s.Name, true)
		dst = append(dst, `" sheetId="`...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, `" r:id="rId`...)
		dst = strconv.AppendInt(dst, int64(sheetRel(i)), 10)
		dst = append(dst, `"></sheet>`...)
	}
	dst = append(dst, `</sheets><definedNames>`...)
	for i, s := range b.Sheets {
		dst = append(dst, `<definedName localSheetId="`...)
		dst = strconv.AppendInt(dst, int64(i), 10)
		dst = append(dst, `" name="_xlnm.Print_Titles">`...)
		dst = appendXML(dst, printTitles(s.Name, s.Header, s.Header), true)
		dst = append(dst, `</definedName>`...)
	}
	return append(dst, `</definedNames><calcPr calcId="122211"></calcPr></workbook>`...)
}

// sheetRel is the relationship id of sheet i (0-based) in the workbook:
// a new file's first sheet is rId1, its styles and theme rId2 and rId3.
func sheetRel(i int) int {
	if i == 0 {
		return 1
	}
	return i + 3
}

const relsHead = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`

func workbookRels(dst []byte, n int) []byte {
	dst = append(dst, relsHead...)
	for i := range n {
		if i == 1 {
			dst = append(dst, `<Relationship Id="rId2" Target="styles.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"></Relationship><Relationship Id="rId3" Target="theme/theme1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"></Relationship>`...)
		}
		dst = append(dst, `<Relationship Id="rId`...)
		dst = strconv.AppendInt(dst, int64(sheetRel(i)), 10)
		dst = append(dst, `" Target="worksheets/sheet`...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, `.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"></Relationship>`...)
	}
	if n == 1 {
		dst = append(dst, `<Relationship Id="rId2" Target="styles.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"></Relationship><Relationship Id="rId3" Target="theme/theme1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"></Relationship>`...)
	}
	return append(dst, `</Relationships>`...)
}

// sheetRels relates sheet i (1-based) to its table.
func sheetRels(dst []byte, i int) []byte {
	dst = append(dst, relsHead+`<Relationship Id="rId1" Target="../tables/table`...)
	dst = strconv.AppendInt(dst, int64(i), 10)
	return append(dst, `.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table"></Relationship></Relationships>`...)
}

// table is the sheet's table, number i (1-based), as excelize's
// StreamWriter.AddTable makes it: over the header and the rows, columns
// named by the header, no style.
func (s *BookSheet) table(dst []byte, i int) []byte {
	cols := max(len(s.Columns), 1)
	last, _ := excelize.ColumnNumberToName(cols)
	ref := func(dst []byte) []byte {
		dst = append(dst, 'A')
		dst = strconv.AppendInt(dst, int64(s.Header), 10)
		dst = append(dst, ':')
		dst = append(dst, last...)
		return strconv.AppendInt(dst, int64(max(s.LastRow, s.Header+1)), 10)
	}
	dst = append(dst, xmlHeader+`<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="`...)
	dst = strconv.AppendInt(dst, int64(i), 10)
	dst = append(dst, `" name="Table`...)
	dst = strconv.AppendInt(dst, int64(i), 10)
	dst = append(dst, `" displayName="Table`...)
	dst = strconv.AppendInt(dst, int64(i), 10)
	dst = append(dst, `" ref="`...)
	dst = ref(dst)
	dst = append(dst, `"><autoFilter ref="`...)
	dst = ref(dst)
	dst = append(dst, `"></autoFilter><tableColumns count="`...)
	dst = strconv.AppendInt(dst, int64(cols), 10)
	dst = append(dst, `">`...)
	for c := range cols {
		name := ""
		if c < len(s.Columns) {
			name = tableColumn(s.Columns[c])
		}
		dst = append(dst, `<tableColumn id="`...)
		dst = strconv.AppendInt(dst, int64(c+1), 10)
		dst = append(dst, `" name="`...)
		dst = appendXML(dst, name, true)
		dst = append(dst, `"></tableColumn>`...)
	}
	return append(dst, `</tableColumns><tableStyleInfo showFirstColumn="false" showLastColumn="false" showRowStripes="false" showColumnStripes="false"></tableStyleInfo></table>`...)
}

// tableColumn is the name AddTable gives a column: its header cell's
// text as excelize reads it back, which is the text itself but for one
// that excelize cuts or escapes (characters XML forbids, _xHHHH_).
func tableColumn(h string) string {
	if plainText(h) {
		return h
	}
	var r Rows
	r.Text(0, 0, h)
	var c struct {
		T string `xml:"is>t"`
	}
	if err := xml.Unmarshal(r.buf, &c); err != nil {
		return h
	}
	return bstrUnmarshal(c.T)
}

// plainText reports whether a cell's text reads back as it is.
func plainText(s string) bool {
	if len(s) > excelize.TotalCellChars || strings.Contains(s, "_x") || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}

// writeSheetPart writes a sheet part under h: head, the rows fill makes,
// tail, compressed at Compression as they come, nothing of it held. The
// part is headed for a data descriptor (h.Flags 0x8, as the zip writer's
// own parts are), whose CRC and sizes are filled in h once the part is
// written: CreateRaw keeps h and writes them from it when the part is
// closed, at the next part or at Close.
func writeSheetPart(zw *zip.Writer, h *zip.FileHeader, head []byte, fill Fill, tail []byte) error {
	h.Method, h.Flags = zip.Deflate, h.Flags|0x8
	h.CRC32, h.CompressedSize64, h.UncompressedSize64 = 0, 0, 0
	dst, err := zw.CreateRaw(h)
	if err != nil {
		return err
	}
	z := &counter{w: dst}
	fw := getFlate(z)
	defer flatePool.Put(fw)
	x := &checksum{w: fw}
	if _, err := x.Write(head); err != nil {
		return err
	}
	if fill != nil {
		rows := newRows(x)
		fill(rows)
		if err := rows.finish(); err != nil {
			return err
		}
	}
	if _, err := x.Write(tail); err != nil {
		return err
	}
	if err := fw.Close(); err != nil {
		return err
	}
	h.CRC32, h.CompressedSize64, h.UncompressedSize64 = x.crc, uint64(z.n), uint64(x.n)
	// The data descriptor of a part under 4 GiB is written from the 32-bit
	// sizes, which CreateRaw set from the 64-bit ones (then 0).
	//lint:ignore SA1019 archive/zip writes these, not the 64-bit ones, into the data descriptor
	h.CompressedSize, h.UncompressedSize = uint32(min(z.n, uint32max)), uint32(min(x.n, uint32max))
	return nil
}

const uint32max = 1<<32 - 1

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// checksum is the CRC-32 and length of what is written through it.
type checksum struct {
	w   io.Writer
	crc uint32
	n   int64
}

func (c *checksum) Write(p []byte) (int, error) {
	c.crc = crc32.Update(c.crc, crc32.IEEETable, p)
	c.n += int64(len(p))
	return c.w.Write(p)
}

// worksheetNamespaces are the namespaces of excelize's worksheets, with the
// closing ">" of the start tag (its templateNamespaceIDMap).
const worksheetNamespaces = ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:ap="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:op="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing" xmlns:comp="http://schemas.openxmlformats.org/drawingml/2006/compatibility" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:lc="http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:xne="http://schemas.microsoft.com/office/excel/2006/main" xmlns:mso="http://schemas.microsoft.com/office/2006/01/customui" xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" xmlns:cppr="http://schemas.microsoft.com/office/2006/coverPageProps" xmlns:cdip="http://schemas.microsoft.com/office/2006/customDocumentInformationPanel" xmlns:ct="http://schemas.microsoft.com/office/2006/metadata/contentType" xmlns:ntns="http://schemas.microsoft.com/office/2006/metadata/customXsn" xmlns:lp="http://schemas.microsoft.com/office/2006/metadata/longProperties" xmlns:ma="http://schemas.microsoft.com/office/2006/metadata/properties/metaAttributes" xmlns:msink="http://schemas.microsoft.com/ink/2010/main" xmlns:c14="http://schemas.microsoft.com/office/drawing/2007/8/2/chart" xmlns:cdr14="http://schemas.microsoft.com/office/drawing/2010/chartDrawing" xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" xmlns:pic14="http://schemas.microsoft.com/office/drawing/2010/picture" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xdr14="http://schemas.microsoft.com/office/excel/2010/spreadsheetDrawing" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" xmlns:mso14="http://schemas.microsoft.com/office/2009/07/customui" xmlns:dgm14="http://schemas.microsoft.com/office/drawing/2010/diagram" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x12ac="http://schemas.microsoft.com/office/spreadsheetml/2011/1/ac" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xmlns:xr4="http://schemas.microsoft.com/office/spreadsheetml/2016/revision4" xmlns:xr5="http://schemas.microsoft.com/office/spreadsheetml/2016/revision5" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr7="http://schemas.microsoft.com/office/spreadsheetml/2016/revision7" xmlns:xr8="http://schemas.microsoft.com/office/spreadsheetml/2016/revision8" xmlns:xr9="http://schemas.microsoft.com/office/spreadsheetml/2016/revision9" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr11="http://schemas.microsoft.com/office/spreadsheetml/2016/revision11" xmlns:xr12="http://schemas.microsoft.com/office/spreadsheetml/2016/revision12" xmlns:xr13="http://schemas.microsoft.com/office/spreadsheetml/2016/revision13" xmlns:xr14="http://schemas.microsoft.com/office/spreadsheetml/2016/revision14" xmlns:xr15="http://schemas.microsoft.com/office/spreadsheetml/2016/revision15" xmlns:x16="http://schemas.microsoft.com/office/spreadsheetml/2014/11/main" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" mc:Ignorable="c14 cdr14 a14 pic14 x14 xdr14 x14ac dsp mso14 dgm14 x15 x12ac x15ac xr xr2 xr3 xr4 xr5 xr6 xr7 xr8 xr9 xr10 xr11 xr12 xr13 xr14 xr15 x15 x16 x16r2 mo mx mv o v" xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xr:uid="{00000000-0001-0000-0000-000000000000}">`
