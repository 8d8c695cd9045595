package render

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// encoderRow is how Table wrote a row before it wrote JSON directly: an
// object marshalled by encoding/json, which WriteJSON indents.
type encoderRow struct {
	cols  []view.Column
	cells []view.Cell
	lang  i18n.Lang
}

func (o encoderRow) MarshalJSON() ([]byte, error) {
	buf := []byte{'{'}
	for i, c := range o.cols {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = encoderString(buf, c.Key)
		buf = append(buf, ':')
		switch cell := cellAt(o.cells, i); cell.Kind {
		case view.CellInt, view.CellNumber, view.CellPercent:
			buf = strconv.AppendFloat(buf, cell.Num, 'f', -1, 64)
		case view.CellEmpty:
			buf = append(buf, "null"...)
		default:
			buf = encoderString(buf, cellText(cell, o.lang))
		}
	}
	return append(buf, '}'), nil
}

func encoderString(buf []byte, s string) []byte {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return append(buf, strings.TrimSuffix(b.String(), "\n")...)
}

// encoderTable is Table through encoding/json.
func encoderTable(t view.Table, lang i18n.Lang) ([]byte, error) {
	out := make([]encoderRow, len(t.Rows))
	for i, row := range t.Rows {
		out[i] = encoderRow{cols: t.Columns, cells: row, lang: lang}
	}
	var buf bytes.Buffer
	err := WriteJSON(&buf, out)
	return buf.Bytes(), err
}

// oddText is text JSON must escape or replace.
const oddText = "a\"b\\c\x00\x01\x08\x0c\n\r\t\x1f\x7f <>&' \u2028\u2029 \xff\xfe end é ж 😀 \xe2\x80"

// TestTableJSONAsEncoder: Table writes the bytes encoding/json's indented
// encoder did, for every kind of cell, short rows, no rows, no columns
// and text to escape.
func TestTableJSONAsEncoder(t *testing.T) {
	t.Parallel()
	tables := map[string]view.Table{
		"table": table, "kinds": kinds,
		"empty":      {Columns: kinds.Columns},
		"no columns": {Rows: [][]view.Cell{{view.IntCell(1)}, {}}},
		"short rows": {Columns: kinds.Columns, Rows: [][]view.Cell{{view.IntCell(1)}, nil, {view.TextCell("x"), view.NumberCell(2)}}},
		"odd": {Columns: []view.Column{{Key: oddText}, {Key: "n"}, {Key: "s"}},
			Rows: [][]view.Cell{
				{view.TextCell(oddText), view.NumberCell(math.Copysign(0, -1)), view.StatusCell("met")},
				{view.TextCell(""), view.NumberCell(1e21), view.StatusCell("no_data")},
				{view.TextCell("\u2028"), view.PercentCell(12.345678901234567), view.EmptyCell()},
				{view.TextCell("\xff"), view.NumberCell(-1e-7), view.TextCell("=1+2")},
			}},
	}
	for name, tb := range tables {
		for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
			want, err := encoderTable(tb, lang)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var got bytes.Buffer
			if err := (jsonRenderer{Options{Lang: lang}}).Table(&got, tb); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s, %s:\n got %q\nwant %q", name, lang, got.Bytes(), want)
			}
		}
	}
}

// TestTableJSONNotANumber: a NaN or an infinity is an error, as it was
// from encoding/json, not a file no JSON reader reads.
func TestTableJSONNotANumber(t *testing.T) {
	t.Parallel()
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		tb := view.Table{Columns: []view.Column{{Key: "n"}}, Rows: [][]view.Cell{{view.NumberCell(v)}}}
		if _, err := encoderTable(tb, i18n.EN); err == nil {
			t.Fatalf("%v: encoding/json took it", v)
		}
		if err := (jsonRenderer{}).Table(&bytes.Buffer{}, tb); err == nil {
			t.Errorf("%v: no error", v)
		}
	}
}

// FuzzTableJSON: any text and number gives the encoder's bytes.
func FuzzTableJSON(f *testing.F) {
	f.Add(oddText, "key", 1.5)
	f.Add("", "", math.Copysign(0, -1))
	f.Fuzz(func(t *testing.T, text, key string, n float64) {
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return
		}
		tb := view.Table{Columns: []view.Column{{Key: key}, {Key: "n"}},
			Rows: [][]view.Cell{{view.TextCell(text), view.NumberCell(n)}, {view.TextCell(key)}}}
		want, err := encoderTable(tb, i18n.EN)
		if err != nil {
			t.Fatal(err)
		}
		got, err := AppendTableJSON(nil, tb, i18n.EN)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
}

// BenchmarkTableJSON writes a table of 200 rows; BenchmarkTableJSONEncoder
// as encoding/json did.
func BenchmarkTableJSON(b *testing.B) {
	tb := benchJSONTable()
	b.ReportAllocs()
	for b.Loop() {
		if err := (jsonRenderer{}).Table(&bytes.Buffer{}, tb); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTableJSONEncoder(b *testing.B) {
	tb := benchJSONTable()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := encoderTable(tb, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func benchJSONTable() view.Table {
	tb := view.Table{Columns: kinds.Columns}
	for range 200 {
		tb.Rows = append(tb.Rows, kinds.Rows[0])
	}
	return tb
}
