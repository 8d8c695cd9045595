package xlsxpage

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Rows are the rows of a big sheet written without excelize: its
// StreamWriter takes about a microsecond and several allocations a cell
// (reflection, a cell name, a regular expression over every string).
// Rows writes the XML the StreamWriter writes, byte for byte (inline
// strings, numbers as excelize formats them), straight into the sheet's
// part as the part is written: WriteRows puts it at the end of the
// <sheetData> of the sheet excelize made (styles, widths, panes, merges,
// the table, print set-up), Book after the sheet's head. A sheet's rows
// are made when its part is written (a Fill), so that no sheet is held:
// a country's summary is 200 MB of compressed rows.
//
// A row is begun by Row and its cells follow in column order; the row
// numbers must grow and follow those excelize wrote.
type Rows struct {
	buf  []byte // XML not yet written out
	out  io.Writer
	row  []byte // the current row's number, for cell names
	open bool
	err  error
	cols [][]byte // column letters by 0-based index
	// pooled is buf's, from bufPool.
	pooled *[]byte
}

// Fill writes a sheet's rows below what is above them, when the sheet's
// part is written.
type Fill func(*Rows)

// Compression is the deflate level of the sheets, the most of a big
// workbook and of its time. Measured on a summary of 900 roadmaps (84 MB
// of sheet XML): level 2 compresses as fast as BestSpeed, to 8.4 MB
// against its 9.9 MB; zip's default (5) takes 2.5 times as long for 6.7 MB.
const Compression = 2

// newRows starts rows written out to w (nil: kept, as a head's are).
func newRows(w io.Writer) *Rows {
	p := bufPool.Get().(*[]byte)
	return &Rows{buf: (*p)[:0], pooled: p, out: w}
}

const flushAt = 64 << 10

// The compressors and buffers of Rows are pooled: a small workbook's
// sheets took more time making them (a flate writer is about 600 KB) than
// writing their rows. flate.Writer.Reset makes it as new, so the bytes
// are the same.
var (
	flatePool = sync.Pool{New: func() any {
		fw, err := flate.NewWriter(io.Discard, Compression)
		if err != nil {
			panic(err) // only for a level out of range
		}
		return fw
	}}
	bufPool = sync.Pool{New: func() any {
		b := make([]byte, 0, flushAt+4096)
		return &b
	}}
)

// getFlate is a compressor at Compression writing to w.
func getFlate(w io.Writer) *flate.Writer {
	fw := flatePool.Get().(*flate.Writer)
	fw.Reset(w)
	return fw
}

// zipPool are compressors at the zip writer's level.
var zipPool = sync.Pool{New: func() any {
	fw, err := flate.NewWriter(io.Discard, zipLevel)
	if err != nil {
		panic(err) // only for a level out of range
	}
	return fw
}}

// getFlateAt is a compressor at level (Compression or zipLevel) writing to w.
func getFlateAt(level int, w io.Writer) *flate.Writer {
	if level == Compression {
		return getFlate(w)
	}
	fw := zipPool.Get().(*flate.Writer)
	fw.Reset(w)
	return fw
}

func putFlateAt(level int, fw *flate.Writer) {
	if level == Compression {
		flatePool.Put(fw)
	} else {
		zipPool.Put(fw)
	}
}

// Row begins row n (1-based), height points tall (0: excelize's default
// height, no attribute).
func (r *Rows) Row(n int, height float64) {
	if r.err != nil {
		return
	}
	if height > excelize.MaxRowHeight {
		r.err = excelize.ErrMaxRowHeight
		return
	}
	r.end()
	r.row = strconv.AppendInt(r.row[:0], int64(n), 10)
	r.buf = append(r.buf, `<row r="`...)
	r.buf = append(r.buf, r.row...)
	r.buf = append(r.buf, '"')
	if height > 0 {
		r.buf = append(r.buf, ` ht="`...)
		r.buf = strconv.AppendFloat(r.buf, height, 'f', -1, 64)
		r.buf = append(r.buf, `" customHeight="1"`...)
	}
	r.buf = append(r.buf, '>')
	r.open = true
}

// end closes the open row.
func (r *Rows) end() {
	if r.open {
		r.buf = append(r.buf, `</row>`...)
		r.open = false
		if len(r.buf) >= flushAt {
			r.flush()
		}
	}
}

// cell begins cell col (0-based) of the row: `<c r="B7" s="3"`.
func (r *Rows) cell(col, style int) {
	for len(r.cols) <= col {
		name, _ := excelize.ColumnNumberToName(len(r.cols) + 1)
		r.cols = append(r.cols, []byte(name))
	}
	r.buf = append(r.buf, `<c r="`...)
	r.buf = append(r.buf, r.cols[col]...)
	r.buf = append(r.buf, r.row...)
	r.buf = append(r.buf, '"')
	if style != 0 {
		r.buf = append(r.buf, ` s="`...)
		r.buf = strconv.AppendInt(r.buf, int64(style), 10)
		r.buf = append(r.buf, '"')
	}
}

// Blank is a cell of a style and no value.
func (r *Rows) Blank(col, style int) {
	if r.err != nil {
		return
	}
	r.cell(col, style)
	r.buf = append(r.buf, `></c>`...)
}

// Int is a whole number.
func (r *Rows) Int(col, style int, v int64) {
	if r.err != nil {
		return
	}
	r.cell(col, style)
	r.buf = append(r.buf, `><v>`...)
	r.buf = strconv.AppendInt(r.buf, v, 10)
	r.buf = append(r.buf, `</v></c>`...)
}

// Float is a number, in excelize's form: at most 15 significant digits,
// as Excel keeps; NaN and infinities are text, as excelize writes them.
func (r *Rows) Float(col, style int, v float64) {
	if r.err != nil {
		return
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		r.Text(col, style, fmt.Sprint(v))
		return
	}
	r.cell(col, style)
	r.buf = append(r.buf, `><v>`...)
	r.buf = appendFloat(r.buf, v)
	r.buf = append(r.buf, `</v></c>`...)
}

// Text is an inline string, cut to the characters a cell holds, escaped
// as excelize escapes it: XML's five, tab and CR as character references,
// characters XML forbids (control characters, invalid UTF-8) as U+FFFD,
// a literal _xHHHH_ escaped so that Excel does not read it as a code.
func (r *Rows) Text(col, style int, s string) {
	if r.err != nil {
		return
	}
	if len(s) > excelize.TotalCellChars {
		s = cutUTF16(s, excelize.TotalCellChars)
	}
	r.cell(col, style)
	r.buf = append(r.buf, ` t="inlineStr"><is><t`...)
	if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		r.buf = append(r.buf, ` xml:space="preserve"`...)
	}
	r.buf = append(r.buf, '>')
	from := len(r.buf)
	r.buf = appendEscaped(r.buf, s)
	if bytes.Contains(r.buf[from:], []byte("_x")) {
		escaped := bstrMarshal(string(r.buf[from:]))
		r.buf = append(r.buf[:from], escaped...)
	}
	r.buf = append(r.buf, `</t></is></c>`...)
}

func isSpace(b byte) bool { return b == '\t' || b == '\n' || b == '\r' || b == ' ' }

// flush writes out what is written so far.
func (r *Rows) flush() {
	if r.err != nil || len(r.buf) == 0 || r.out == nil {
		return
	}
	_, r.err = r.out.Write(r.buf)
	r.buf = r.buf[:0]
}

// finish ends the last row and writes it out; the buffer goes back to
// the pool.
func (r *Rows) finish() error {
	r.end()
	r.flush()
	if r.pooled != nil {
		*r.pooled = r.buf[:0] // grown, maybe
		bufPool.Put(r.pooled)
		r.buf, r.pooled = nil, nil
	}
	return r.err
}

// errNoSheetData is a sheet part with nowhere to put the rows.
var errNoSheetData = errors.New("xlsxpage: sheet has no </sheetData>")

// appendEscaped appends s escaped as encoding/xml's EscapeText escapes
// it, but for a new line, kept as it is (as excelize keeps it in a cell).
func appendEscaped(dst []byte, s string) []byte { return appendXML(dst, s, false) }

// appendXML appends s escaped as encoding/xml's EscapeText (and Marshal)
// escape it; a new line only if newline.
func appendXML(dst []byte, s string, newline bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			var esc string
			switch b {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				if !newline {
					continue
				}
				esc = "&#xA;"
			case '\r':
				esc = "&#xD;"
			default:
				if b >= 0x20 {
					continue
				}
				esc = "\uFFFD"
			}
			dst = append(dst, s[last:i-1]...)
			dst = append(dst, esc...)
			last = i
			continue
		}
		c, width := utf8.DecodeRuneInString(s[i:])
		i += width
		if (c == utf8.RuneError && width == 1) || c == 0xFFFE || c == 0xFFFF {
			dst = append(dst, s[last:i-width]...)
			dst = append(dst, "\uFFFD"...)
			last = i
		}
	}
	return append(dst, s[last:]...)
}

// cutUTF16 keeps the first n UTF-16 units of s, as excelize cuts a cell.
func cutUTF16(s string, n int) string {
	count := 0
	for i, c := range s {
		if count += utf16.RuneLen(c); count > n {
			return s[:i]
		}
	}
	return s
}

// appendFloat appends v as excelize writes a number: its shortest form,
// cut to Excel's 15 significant digits.
func appendFloat(dst []byte, v float64) []byte {
	from := len(dst)
	dst = strconv.AppendFloat(dst, v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return dst
	}
	str := dst[from:]
	const maxPrec = 15
	decimal := bytes.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			cut := str[:idx]
			if len(cut) > 0 && cut[len(cut)-1] == '.' {
				cut = cut[:len(cut)-1]
			}
			return dst[:from+len(cut)]
		}
		if decimal < 0 {
			decimal = len(str)
		}
		for ; idx < decimal; idx++ {
			str[idx] = '0'
		}
		return dst[:from+decimal]
	}
	return dst
}

// bstrMarshal is excelize's escape of text that reads as an OOXML
// character code (_xHHHH_), copied so that the rows read back as
// excelize's would; it is reached only by text holding "_x".
func bstrMarshal(s string) (result string) {
	var b strings.Builder
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		b.WriteString(s[cursor:match[0]])
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					b.WriteString(subStr + "x005F" + subStr)
					continue
				}
			}
			b.WriteString(subStr + "x005F_")
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				b.WriteString("_x005F" + subStr)
				continue
			}
		}
	}
	if cursor < l {
		b.WriteString(s[cursor:])
	}
	return b.String()
}

// bstrUnmarshal is excelize's reading of _xHHHH_ codes, as its
// AddTable reads a header cell's text.
func bstrUnmarshal(s string) (result string) {
	if !strings.Contains(s, "_x") {
		return s
	}
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			result += "_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			v, _ := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`)
			result += v
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)
