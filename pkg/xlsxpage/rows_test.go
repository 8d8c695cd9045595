package xlsxpage

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// cellValue is a cell of the comparison: nil a blank.
type cellValue struct {
	style int
	v     any
}

// rowsTexts are texts that excelize escapes or cuts in one way or another.
var rowsTexts = []string{
	"", "plain", "Никольский район", "a & b < c > d", `"quoted" 'apos'`, "tab\there", "line\nbreak\r\n",
	" leading", "trailing ", "\ttab", "ctrl\x01\x02\x1f", "bad utf8 \xff\xfe end", "\uFFFE\uFFFF", "\uFFFD literal",
	"emoji 😀 ok", "_x0041_", "_x005F_x0041_", "_x005F_", "a_xD800_b", "_x12", "x_x00e9_y_x005F_zz", "100%", "=SUM(A1)",
	strings.Repeat("я", 40000), strings.Repeat("😀", 20000), "\r",
}

// TestRowsAsStreamWriter: the sheet that Rows gives is byte for byte the
// one excelize's StreamWriter writes of the same cells, and reads back so.
func TestRowsAsStreamWriter(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 400} { // none, one, over several flushes
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			t.Parallel()
			rowsAsStreamWriter(t, n)
		})
	}
}

func rowsAsStreamWriter(t *testing.T, n int) {
	rng := rand.New(rand.NewPCG(3, 4))
	floats := []float64{0, -0.5, 1.0 / 3, 0.1 + 0.2, 123456789.123456789, 1e20, 1.2345678901234567e21, 5e-324, -1e-7,
		math.MaxFloat64, -math.MaxFloat64, math.NaN(), math.Inf(1), math.Inf(-1), 12345678901234567890}
	var rows [][]cellValue
	var heights []float64
	for r := range n {
		var row []cellValue
		for c := range 1 + r%12 {
			style := (r + c) % 5
			switch rng.IntN(6) {
			case 0:
				row = append(row, cellValue{style, rowsTexts[rng.IntN(len(rowsTexts))]})
			case 1:
				row = append(row, cellValue{style, int64(rng.Int64N(1e12) - 5e11)})
			case 2:
				row = append(row, cellValue{style, floats[rng.IntN(len(floats))]})
			case 3:
				row = append(row, cellValue{style, rng.NormFloat64() * 1e3})
			case 4:
				row = append(row, cellValue{style, nil})
			default:
				b := make([]byte, rng.IntN(20))
				for i := range b {
					b[i] = byte(rng.Uint32())
				}
				row = append(row, cellValue{style, string(b)})
			}
		}
		rows = append(rows, row)
		heights = append(heights, []float64{0, 16, 32.5, 400}[r%4])
	}
	book := func(ours bool) []byte {
		f := excelize.NewFile()
		defer f.Close()
		for range 4 {
			if _, err := f.NewStyle(&excelize.Style{Font: Font()}); err != nil {
				t.Fatal(err)
			}
		}
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		if err := sw.SetColWidth(1, 3, 20); err != nil {
			t.Fatal(err)
		}
		if err := sw.SetRow("A1", []any{"title"}); err != nil {
			t.Fatal(err)
		}
		if err := sw.MergeCell("A1", "C1"); err != nil {
			t.Fatal(err)
		}
		fill := func(rs *Rows) {
			for i, row := range rows {
				rs.Row(i+2, heights[i])
				for c, cell := range row {
					switch v := cell.v.(type) {
					case nil:
						rs.Blank(c, cell.style)
					case string:
						rs.Text(c, cell.style, v)
					case int64:
						rs.Int(c, cell.style, v)
					case float64:
						rs.Float(c, cell.style, v)
					}
				}
			}
		}
		for i, row := range rows {
			if ours {
				break
			}
			cells := make([]any, len(row))
			for c, v := range row {
				cells[c] = excelize.Cell{StyleID: v.style, Value: v.v}
			}
			name, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := sw.SetRow(name, cells, excelize.RowOpts{Height: heights[i]}); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		var err2 error
		if ours {
			err2 = WriteRows(&buf, f, map[string]Fill{"Sheet1": fill})
		} else {
			err2 = Write(&buf, f)
		}
		if err2 != nil {
			t.Fatal(err2)
		}
		return buf.Bytes()
	}
	want, got := book(false), book(true)
	for _, name := range []string{"xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml"} {
		w, g := part(t, want, name), part(t, got, name)
		if !bytes.Equal(w, g) {
			i := 0
			for i < len(w) && i < len(g) && w[i] == g[i] {
				i++
			}
			t.Errorf("%s differs at byte %d:\nStreamWriter: %.200q\nRows:         %.200q", name, i, w[max(i-60, 0):], g[max(i-60, 0):])
		}
	}
	if !bytes.Equal(book(true), got) {
		t.Error("the same rows gave different bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Sheet1", "A1"); v != "title" {
		t.Errorf("A1 = %q", v)
	}
	all, err := f.GetRows("Sheet1")
	if err != nil || len(all) != len(rows)+1 {
		t.Fatalf("%d rows read back (%v), want %d", len(all), err, len(rows)+1)
	}
}

// part is a part of a workbook, uncompressed (the zip checks its CRC).
func part(t *testing.T, book []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return data
}

// FuzzAppendXML: appendXML escapes as xml.EscapeText, and appendEscaped
// so but for a new line, kept.
func FuzzAppendXML(f *testing.F) {
	for _, s := range rowsTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		_ = xml.EscapeText(&want, []byte(s))
		if got := string(appendXML(nil, s, true)); got != want.String() {
			t.Errorf("%q: got %q, want %q", s, got, want.String())
		}
		if got, want := string(appendEscaped(nil, s)), strings.ReplaceAll(want.String(), "&#xA;", "\n"); got != want {
			t.Errorf("%q: got %q, want %q (new lines kept)", s, got, want)
		}
	})
}

// TestDeflatedAsFresh: a part compressed through the cache, the first
// time and again, is what a new compressor makes of it.
func TestDeflatedAsFresh(t *testing.T) {
	t.Parallel()
	for _, level := range []int{Compression, zipLevel} {
		for _, body := range []string{"", "x", strings.Repeat("<row r=\"1\"></row>", 300), strings.Repeat("я", maxCached)} {
			var want bytes.Buffer
			fw, _ := flate.NewWriter(&want, level)
			fw.Write([]byte(body))
			fw.Close()
			for range 2 {
				d, err := deflated([]byte(body), level)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(d.raw, want.Bytes()) || d.crc != crc32.ChecksumIEEE([]byte(body)) {
					t.Errorf("level %d, %d bytes: not as compressed anew", level, len(body))
				}
			}
		}
	}
}
