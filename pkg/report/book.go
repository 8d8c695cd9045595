package report

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The workbook is read straight from its zip, one pass over each sheet's
// XML that yields both what a cell shows and what it stores: excelize's
// row iterator decodes every cell through reflection, once per kind of
// value asked for, and unpacks big sheets to temporary files first, which
// made a million-row report take five times the bare iteration. excelize
// is used only to apply number formats (a percent, a date) the way it
// always has.

// Limits of what a workbook may hold before it is refused: a report form
// has a few thousand different texts.
const (
	// MaxSharedStrings is the largest shared-strings part read, in bytes
	// unpacked (a million-row report needs some tens of megabytes).
	MaxSharedStrings = 128 << 20
	// MaxSharedStringCount is the most shared strings read.
	MaxSharedStringCount = 2_000_000
	// maxRow is the last row a sheet may have (Excel's).
	maxRow = excelize.TotalRows
	// maxCol is the last column (XFD).
	maxCol = excelize.MaxColumns
)

// errTooManyStrings and errDamaged end reading a workbook; Read makes
// findings of them.
var (
	errTooManyStrings = errors.New("shared strings over the limit")
	errDamaged        = errors.New("damaged")
)

// book is an open workbook: its sheets, shared strings and number formats.
type book struct {
	zr     *zip.ReadCloser
	parts  map[string]*zip.File
	sheets []sheetRef
	sst    []string
	// numFmt is the number format of each cell style (xf), and codes the
	// workbook's own format codes by id.
	numFmt   []int
	codes    map[int]string
	date1904 bool
	fmt      *formatter
}

type sheetRef struct{ name, part string }

// openBook opens the workbook's zip and reads its parts but the sheets.
// An error wrapping errDamaged or errTooManyStrings is the workbook's
// fault; others are I/O.
func openBook(file string) (*book, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, errors.Join(errDamaged, err)
	}
	b := &book{zr: zr, parts: map[string]*zip.File{}, codes: map[int]string{}}
	for _, f := range zr.File {
		b.parts[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	if err := b.readWorkbook(); err != nil {
		zr.Close()
		return nil, err
	}
	if err := b.readStyles(); err != nil {
		zr.Close()
		return nil, err
	}
	if err := b.readSharedStrings(); err != nil {
		zr.Close()
		return nil, err
	}
	b.fmt = newFormatter(b.date1904)
	return b, nil
}

func (b *book) Close() error {
	b.fmt.close()
	return b.zr.Close()
}

func (b *book) readWorkbook() error {
	var wb struct {
		Pr struct {
			Date1904 bool `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	wbPart, relsPart := b.parts["xl/workbook.xml"], b.parts["xl/_rels/workbook.xml.rels"]
	if wbPart == nil || relsPart == nil {
		return errors.Join(errDamaged, errors.New("no workbook part"))
	}
	if err := readXML(wbPart, &wb); err != nil {
		return errors.Join(errDamaged, err)
	}
	if err := readXML(relsPart, &rels); err != nil {
		return errors.Join(errDamaged, err)
	}
	b.date1904 = wb.Pr.Date1904
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	for _, s := range wb.Sheets {
		b.sheets = append(b.sheets, sheetRef{name: s.Name, part: targets[s.RID]})
	}
	return nil
}

// readXML decodes a small part (the workbook, its relationships, styles).
func readXML(f *zip.File, v any) error {
	if f == nil {
		return errors.New("missing part")
	}
	if f.UncompressedSize64 > UnzipXMLSizeLimit {
		return errors.New("part too large")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, UnzipXMLSizeLimit)).Decode(v)
}

func (b *book) readStyles() error {
	f := b.parts["xl/styles.xml"]
	if f == nil {
		return nil
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := readXML(f, &st); err != nil {
		return errors.Join(errDamaged, err)
	}
	for _, n := range st.NumFmts {
		b.codes[n.ID] = n.Code
	}
	for _, x := range st.Xfs {
		b.numFmt = append(b.numFmt, x.NumFmt)
	}
	return nil
}

// readSharedStrings reads the shared-strings table within its limits,
// counting what is unpacked, not what the zip declares.
func (b *book) readSharedStrings() error {
	f := b.parts["xl/sharedstrings.xml"]
	if f == nil {
		return nil
	}
	if f.UncompressedSize64 > MaxSharedStrings {
		return errTooManyStrings
	}
	rc, err := f.Open()
	if err != nil {
		return errors.Join(errDamaged, err)
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: MaxSharedStrings}
	dec := xml.NewDecoder(lr)
	var (
		text  strings.Builder
		inSI  bool
		inT   bool
		phon  int // inside <rPh>: a phonetic reading, not the text
		count int
	)
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if lr.over {
				return errTooManyStrings
			}
			return errors.Join(errDamaged, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sst":
				// The count the table declares: refused before reading it.
				for _, a := range t.Attr {
					if n, err := strconv.Atoi(a.Value); err == nil && a.Name.Local == "uniqueCount" && n > MaxSharedStringCount {
						return errTooManyStrings
					}
				}
			case "si":
				inSI = true
				text.Reset()
			case "rPh":
				phon++
			case "t":
				inT = inSI && phon == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if count++; count > MaxSharedStringCount {
					return errTooManyStrings
				}
				b.sst = append(b.sst, unescapeBstr(text.String()))
				inSI = false
			case "rPh":
				phon--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				text.Write(t)
			}
		}
	}
	if lr.over {
		return errTooManyStrings
	}
	return nil
}

// limitedReader reads at most n bytes and remembers whether there was more.
type limitedReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			l.over = true
			return 0, errTooManyStrings
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// unescapeBstr undoes the _xHHHH_ escapes of characters XML cannot hold
// (_x000D_ a carriage return, _x005F_ an underscore), as excelize does.
func unescapeBstr(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				out.WriteRune(rune(v))
				i += 7
				continue
			}
		}
		out.WriteByte(s[i])
		i++
	}
	return out.String()
}

// rawCell is a cell as the sheet's XML has it.
type rawCell struct {
	col   int
	style int
	typ   string
	v     string
	is    string // an inline string's text
	hasIS bool
	hasF  bool
}

// values are what excelize's row iterator gives for the cell: displayed
// (number formats applied) and stored (RawCellValue); "" for a cell it
// would not list.
func (b *book) values(c *rawCell) (display, raw string) {
	switch c.typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(c.v))
		if c.v == "" || err != nil || i < 0 || i >= len(b.sst) {
			return "", ""
		}
		s := b.sst[i]
		return b.formatText(c.style, s), s
	case "inlineStr":
		s := c.v
		if c.hasIS {
			s = unescapeBstr(c.is)
		}
		return b.formatText(c.style, s), s
	case "str":
		return c.v, c.v
	case "b":
		switch c.v {
		case "1":
			return "TRUE", c.v
		case "0":
			return "FALSE", c.v
		}
		return b.formatText(c.style, c.v), c.v
	case "d":
		if t, ok := isoDate(c.v); ok {
			serial := strconv.FormatFloat(excelSerial(t, b.date1904), 'G', 15, 64)
			return b.formatNumber(c.style, serial), c.v
		}
		return b.formatNumber(c.style, c.v), c.v
	}
	return b.formatNumber(c.style, normalNumber(c.v)), c.v
}

// normalNumber is excelize's reading of a stored number for display:
// without exponent, at most 15 significant digits.
func normalNumber(v string) string {
	if strings.Contains(v, "_") {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	if precision(f) > 15 && !withinPrecision(v) {
		return strconv.FormatFloat(f, 'G', 15, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// precision counts the digits of f written without exponent.
func precision(f float64) int {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	return len(s) - strings.Count(s, ".")
}

func withinPrecision(s string) bool {
	if strings.ContainsAny(s, ".Ee") {
		return false
	}
	s = strings.TrimLeft(s, "+-0")
	return len(strings.TrimRight(s, "0")) <= 15
}

// general reports whether style xf shows values as they are: no style,
// or the General format (id 0) with no code of the workbook's own.
func (b *book) general(xf int) bool {
	if xf <= 0 || xf >= len(b.numFmt) {
		return true
	}
	id := b.numFmt[xf]
	_, own := b.codes[id]
	return id == 0 && !own
}

// formatText is text as style xf shows it: as it is under General or Text
// (@); otherwise excelize applies the format's text section.
func (b *book) formatText(xf int, s string) string {
	if s == "" || b.general(xf) {
		return s
	}
	id := b.numFmt[xf]
	if code, own := b.codes[id]; id == 49 && !own || own && code == "@" {
		return s
	}
	return b.fmt.format(b.codeOf(xf), s, true)
}

// formatNumber is a stored number as style xf shows it.
func (b *book) formatNumber(xf int, v string) string {
	if v == "" {
		return ""
	}
	if b.general(xf) {
		if xf <= 0 || xf >= len(b.numFmt) {
			return v
		}
		// General shows long numbers to ten digits.
		if f, err := strconv.ParseFloat(v, 64); err != nil || precision(f) <= 11 || strings.Contains(v, "_") {
			return v
		}
	}
	return b.fmt.format(b.codeOf(xf), v, false)
}

// numCode names a number format: a built-in id, or a code of the
// workbook's own.
type numCode struct {
	id   int
	code string
	own  bool
}

func (b *book) codeOf(xf int) numCode {
	id := b.numFmt[xf]
	if code, ok := b.codes[id]; ok {
		return numCode{id: id, code: code, own: true}
	}
	return numCode{id: id}
}

// isoDate reads the value of a date cell (t="d") as excelize does.
func isoDate(v string) (time.Time, bool) {
	layout := "20060102T150405.999"
	if strings.HasSuffix(v, "Z") {
		layout = "20060102T150405Z"
		if strings.Contains(v, "-") {
			layout = "2006-01-02T15:04:05Z"
		}
	} else if strings.Contains(v, "-") {
		layout = "2006-01-02 15:04:05Z"
	}
	t, err := time.Parse(layout, strings.ReplaceAll(v, ",", "."))
	return t, err == nil
}

// excelSerial is t as a spreadsheet date serial.
func excelSerial(t time.Time, date1904 bool) float64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	d := t.Sub(epoch).Hours() / 24
	if !date1904 && d < 61 {
		d-- // the 1900 leap-year bug: serials before 1 March 1900
	}
	return math.Round(d*1e9) / 1e9
}

// formatter applies number formats with excelize, on a one-cell scratch
// workbook, remembering what it gave: a report repeats its values (years,
// plans, "да") down a million rows.
type formatter struct {
	date1904 bool
	f        *excelize.File
	styles   map[numCode]int
	cache    map[fmtKey]string
}

type fmtKey struct {
	code numCode
	v    string
	text bool
}

// maxFormatCache bounds the remembered values; the scratch workbook is
// made again as often, so that its shared strings do not grow either.
const maxFormatCache = 1 << 16

func newFormatter(date1904 bool) *formatter {
	return &formatter{date1904: date1904, cache: map[fmtKey]string{}}
}

func (x *formatter) close() {
	if x.f != nil {
		x.f.Close()
	}
}

func (x *formatter) format(code numCode, v string, text bool) string {
	k := fmtKey{code, v, text}
	if s, ok := x.cache[k]; ok {
		return s
	}
	if len(x.cache) >= maxFormatCache {
		clear(x.cache)
		x.close()
		x.f = nil
	}
	s := x.apply(code, v, text)
	x.cache[k] = s
	return s
}

func (x *formatter) apply(code numCode, v string, text bool) string {
	if x.f == nil {
		x.f = excelize.NewFile()
		x.styles = map[numCode]int{}
		if x.date1904 {
			d := true
			_ = x.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &d})
		}
	}
	style, ok := x.styles[code]
	if !ok {
		var err error
		if code.own {
			c := code.code
			style, err = x.f.NewStyle(&excelize.Style{CustomNumFmt: &c})
		} else {
			style, err = x.f.NewStyle(&excelize.Style{NumFmt: code.id})
		}
		if err != nil {
			style = 0
		}
		x.styles[code] = style
	}
	const sheet, cell = "Sheet1", "A1"
	var err error
	if text {
		err = x.f.SetCellStr(sheet, cell, v)
	} else {
		err = x.f.SetCellDefault(sheet, cell, v)
	}
	if err == nil {
		err = x.f.SetCellStyle(sheet, cell, cell, style)
	}
	if err != nil {
		return v
	}
	s, err := x.f.GetCellValue(sheet, cell)
	if err != nil {
		return v
	}
	return s
}

// sheetRows streams the rows of one sheet's XML.
type sheetRows struct {
	b    *book
	rc   io.ReadCloser
	dec  *xml.Decoder
	line int // the last row given out
	// next is a row read ahead, given out once the empty rows before it
	// have been.
	next      []Cell
	nextLine  int
	cells     []Cell
	done      bool
	err       error
	errorCell string // the cell being read when err came
}

// openSheet starts reading a sheet; ok is false for a sheet with no
// worksheet part (a chart sheet).
func (b *book) openSheet(ref sheetRef) (*sheetRows, bool, error) {
	zf := b.parts[strings.ToLower(ref.part)]
	if zf == nil || strings.Contains(strings.ToLower(ref.part), "chartsheets/") {
		return nil, false, nil
	}
	if zf.UncompressedSize64 > UnzipSizeLimit {
		return nil, false, errUnzipLimit
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, false, errors.Join(errDamaged, err)
	}
	lr := &limitedReader{r: rc, n: UnzipSizeLimit}
	return &sheetRows{b: b, rc: rc, dec: xml.NewDecoder(lr)}, true, nil
}

// errUnzipLimit: a sheet larger than UnzipSizeLimit unpacked.
var errUnzipLimit = errors.New("unzip size limit")

func (s *sheetRows) Close() error { return s.rc.Close() }

// Next gives the next row and its number: every row from the first, an
// empty one for each the XML leaves out, as excelize's iterator does.
// Cells are reused by the following call.
func (s *sheetRows) Next() (int, []Cell, bool) {
	if s.next == nil && !s.done {
		s.next, s.nextLine = s.readRow()
	}
	if s.next == nil {
		return 0, nil, false
	}
	s.line++
	if s.line < s.nextLine {
		return s.line, nil, true
	}
	row := s.next
	s.next = nil
	return s.line, row, true
}

// readRow reads the next <row>; nil at the end of the sheet or on error.
func (s *sheetRows) readRow() ([]Cell, int) {
	var (
		line        = -1
		c           rawCell
		inCell      bool
		inV, inT    bool
		inIS        bool
		phon        int
		v, is       []byte
		cells       = s.cells[:0]
		lastCol     int
		lastRowLine = s.line
	)
	if s.nextLine > lastRowLine {
		lastRowLine = s.nextLine
	}
	for {
		tok, err := s.dec.RawToken()
		if err != nil {
			s.done = true
			if err != io.EOF {
				s.err = err
				if inCell {
					s.errorCell, _ = excelize.CoordinatesToCellName(max(c.col, 1), max(line, 1))
				}
			}
			return nil, 0
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				line = lastRowLine + 1
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						if n, err := strconv.Atoi(a.Value); err == nil && n > 0 {
							line = n
						}
					}
				}
				if line <= lastRowLine {
					line = lastRowLine + 1 // out of order: the next, as excelize reads it
				}
				if line > maxRow {
					s.done, s.err = true, errRowOrder
					return nil, 0
				}
				lastCol = 0
			case "c":
				c = rawCell{col: lastCol + 1}
				inCell, v, is = true, v[:0], is[:0]
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						if col := columnOf(a.Value); col > 0 {
							c.col = col
						}
					case "s":
						c.style, _ = strconv.Atoi(a.Value)
					case "t":
						c.typ = a.Value
					}
				}
				if c.col > maxCol {
					s.done, s.err = true, errRowOrder
					return nil, 0
				}
			case "v":
				inV = inCell
			case "f":
				c.hasF = inCell
			case "is":
				inIS, c.hasIS = inCell, inCell
			case "rPh":
				phon++
			case "t":
				inT = inIS && phon == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "is":
				inIS = false
			case "rPh":
				phon--
			case "c":
				inCell = false
				lastCol = c.col
				c.v, c.is = string(v), string(is)
				display, raw := s.b.values(&c)
				if display != "" || raw != "" || c.hasF {
					for len(cells) < c.col-1 {
						cells = append(cells, Cell{})
					}
					if len(cells) >= c.col {
						// A column given twice: the later one stands.
						cells = cells[:c.col-1]
					}
					cells = append(cells, Cell{Display: display, Raw: raw})
				}
			case "row":
				s.cells = cells
				if cells == nil {
					cells = []Cell{}
				}
				return cells, line
			case "sheetData":
				s.done = true
				return nil, 0
			}
		case xml.CharData:
			if inV {
				v = append(v, t...)
			} else if inT {
				is = append(is, t...)
			}
		}
	}
}

// errRowOrder: a row or column past the sheet's end.
var errRowOrder = errors.New("rows out of order")

// columnOf is the column of a cell reference ("AB12" is 28), 0 if none.
func columnOf(ref string) int {
	col := 0
	for i := 0; i < len(ref); i++ {
		ch := ref[i]
		switch {
		case ch >= 'A' && ch <= 'Z':
			col = col*26 + int(ch-'A'+1)
		case ch >= 'a' && ch <= 'z':
			col = col*26 + int(ch-'a'+1)
		default:
			return col
		}
		if col > maxCol {
			return maxCol + 1
		}
	}
	return col
}
