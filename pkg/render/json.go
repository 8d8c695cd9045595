package render

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

type jsonRenderer struct{ opts Options }

// FindingJSON is the documented JSON form of a finding.
type FindingJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Cell     string `json:"cell,omitempty"`
	Code     string `json:"code"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// Findings writes a JSON array (empty, not null, when clean).
func (r jsonRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	out := make([]FindingJSON, len(fs))
	for i, f := range fs {
		out[i] = FindingJSON{
			File: f.File, Line: f.Line, Column: f.Col, Cell: f.Cell,
			Code: string(f.Code), Rule: f.Code.Rule().Name,
			Severity: f.Severity.String(), Message: f.Message(r.opts.Lang),
		}
	}
	return WriteJSON(w, out)
}

// Table writes the rows as an array of objects keyed by column key, with
// numbers as JSON numbers (percents on the 0..100 scale), an absent number
// as null and a status in words. The bytes are what encoding/json's
// indented encoder gives (TestTableJSONAsEncoder), written directly: a
// site writes tens of thousands of tables, where the encoder's
// reflection, compaction and indentation were a seventh of its build.
func (r jsonRenderer) Table(w io.Writer, t view.Table) error {
	var buf []byte
	bb, ok := w.(*bytes.Buffer)
	if ok {
		// Appended in the buffer's room, when there is enough: no copy.
		buf = bb.AvailableBuffer()
	}
	buf, err := AppendTableJSON(buf, t, r.opts.Lang)
	if err != nil {
		return err
	}
	_, err = w.Write(buf)
	return err
}

// AppendTableJSON appends t as Table writes it in lang.
func AppendTableJSON(buf []byte, t view.Table, lang i18n.Lang) ([]byte, error) {
	if len(t.Rows) == 0 {
		return append(buf, "[]\n"...), nil
	}
	var err error
	for i, row := range t.Rows {
		if buf, err = appendRowJSON(buf, i, row, t.Columns, lang); err != nil {
			return buf, err
		}
	}
	return append(buf, "\n]\n"...), nil
}

// drawRows writes the table as Table does, a row at a time.
func (r jsonRenderer) drawRows(w io.Writer, t view.Rows) error {
	if t.Len == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	const flushAt = 64 << 10
	buf := make([]byte, 0, flushAt+4096)
	var err error
	for i := range t.Len {
		if buf, err = appendRowJSON(buf, i, t.Row(i), t.Columns, r.opts.Lang); err != nil {
			return err
		}
		if len(buf) >= flushAt {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	_, err = w.Write(append(buf, "\n]\n"...))
	return err
}

// appendRowJSON appends row i of a table as an object: the array's "["
// before the first, a comma before the others.
func appendRowJSON(buf []byte, i int, row []view.Cell, columns []view.Column, lang i18n.Lang) ([]byte, error) {
	if i > 0 {
		buf = append(buf, ',')
	} else {
		buf = append(buf, '[')
	}
	buf = append(buf, "\n  {"...)
	for j, c := range columns {
		if j > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, "\n    "...)
		buf = appendJSONString(buf, c.Key)
		buf = append(buf, ": "...)
		switch cell := cellAt(row, j); cell.Kind {
		case view.CellInt, view.CellNumber, view.CellPercent:
			if math.IsNaN(cell.Num) || math.IsInf(cell.Num, 0) {
				// Not a JSON number; encoding/json refused it too.
				return buf, fmt.Errorf("json: column %q: %v is not a number JSON can hold", c.Key, cell.Num)
			}
			buf = strconv.AppendFloat(buf, cell.Num, 'f', -1, 64)
		case view.CellEmpty:
			buf = append(buf, "null"...)
		default:
			buf = appendJSONString(buf, cellText(cell, lang))
		}
	}
	if len(columns) > 0 {
		buf = append(buf, "\n  "...)
	}
	return append(buf, '}'), nil
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string as encoding/json writes it
// with HTML characters unescaped (WriteJSON): quotes, backslashes and
// control characters escaped, invalid UTF-8 as U+FFFD, and U+2028 and
// U+2029 escaped.
func appendJSONString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch b {
			case '\\', '"':
				buf = append(buf, '\\', b)
			case '\b':
				buf = append(buf, '\\', 'b')
			case '\f':
				buf = append(buf, '\\', 'f')
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			buf = append(buf, s[start:i]...)
			buf = append(buf, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}
