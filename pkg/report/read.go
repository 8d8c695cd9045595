package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// Limits for untrusted workbooks. excelize's own default unzip limit is
// about 16 GB; a report is kilobytes, a million-row export some hundred
// megabytes.
const (
	UnzipSizeLimit    = 1 << 30
	UnzipXMLSizeLimit = 16 << 20
	// headerScanRows is how far down a sheet the header row is looked for.
	headerScanRows = 40
)

// Cell is one cell of a data row: its address and what it holds.
type Cell struct {
	Addr    string // "G14"
	Display string // as the spreadsheet shows it
	Raw     string // the stored value
}

// Value reads the cell.
func (c Cell) Value() Value { return ParseValue(c.Display, c.Raw) }

// Row is one data row of a report sheet.
type Row struct {
	File  string
	Sheet string
	Line  int
	Cells [numFields]Cell
	// Has tells which columns the sheet has.
	Has [numFields]bool
	// Context is what the sheet says outside the table: its name and the
	// title rows above the header, to tell the roadmap or year of rows
	// without such a column.
	Context *SheetContext
}

// Get returns the cell of column f (empty if the sheet has no such column).
func (r *Row) Get(f Field) Cell { return r.Cells[f] }

// Text returns the displayed text of column f.
func (r *Row) Text(f Field) string { return strings.TrimSpace(r.Cells[f].Display) }

// Where names a cell of the row for findings: "Лист1!G14".
func (r *Row) Where(f Field) string {
	addr := r.Cells[f].Addr
	if addr == "" {
		addr, _ = excelize.CoordinatesToCellName(1, r.Line)
	}
	return r.Sheet + "!" + addr
}

// SheetContext describes a sheet.
type SheetContext struct {
	Name string
	// Titles are the texts of the rows above the header.
	Titles []string
	// HeaderYear is a year written in the header ("Факт 2021").
	HeaderYear int
}

// ErrStop may be returned by a row callback to end reading early.
var ErrStop = errors.New("stop")

// Read streams the data rows of every sheet of the workbook at file to fn.
// Problems with the workbook itself (not an xlsx, damaged, encrypted, too
// large to unzip, no sheet with a header) are findings; the error is for
// I/O and for fn's own errors.
func Read(file string, fn func(*Row) error) ([]diag.Finding, error) {
	if _, err := os.Stat(file); err != nil {
		return nil, err
	}
	if reason := sniff(file); reason != "" {
		return []diag.Finding{{File: file, Code: diag.ReportUnreadable, Severity: diag.ReportUnreadable.Rule().Severity,
			Args: []any{i18n.M(reason)}}}, nil
	}
	// A big sheet is unpacked to temporary files: in a directory of the
	// tool's own, removed when done, and swept on the next run if a killed
	// one left it.
	tmp, err := tempDir()
	if err != nil {
		return nil, err
	}
	safefile.Track(tmp)
	defer safefile.Untrack(tmp)
	defer os.RemoveAll(tmp)
	f, err := excelize.OpenFile(file, excelize.Options{
		UnzipSizeLimit:    UnzipSizeLimit,
		UnzipXMLSizeLimit: UnzipXMLSizeLimit,
		TmpDir:            tmp,
	})
	if err != nil {
		return []diag.Finding{openFinding(file, err)}, nil
	}
	defer f.Close()
	merges := mergedRanges(file)
	var findings []diag.Finding
	for _, sheet := range slices.Sorted(maps.Keys(merges)) {
		if n := len(merges[sheet]); n > MaxMerges {
			// More merged ranges than any form has: a hostile or broken file.
			// Those past the limit are not read, and the reader says so.
			merges[sheet] = merges[sheet][:MaxMerges]
			findings = append(findings, diag.Finding{File: file, Code: diag.TooManyMerges,
				Severity: diag.TooManyMerges.Rule().Severity, Args: []any{sheet, n, MaxMerges}})
		}
	}
	found := false
	for _, sheet := range f.GetSheetList() {
		ok, err := readSheet(f, file, sheet, merges[sheet], fn)
		if err != nil {
			if errors.Is(err, ErrStop) {
				return findings, nil
			}
			var rerr readError
			if errors.As(err, &rerr) {
				findings = append(findings, rerr.finding)
				continue
			}
			return findings, err
		}
		found = found || ok
	}
	if !found {
		sheet := "?"
		if list := f.GetSheetList(); len(list) > 0 {
			sheet = list[0]
		}
		findings = append(findings, diag.Finding{File: file, Cell: sheet + "!A1", Code: diag.ReportNoHeader,
			Severity: diag.ReportNoHeader.Rule().Severity})
	}
	return findings, nil
}

// oleMagic starts a Compound File: an encrypted xlsx or an old binary .xls.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniff recognises what excelize would only call a bad format: a file
// that is no zip at all, a workbook encrypted with a password (a Compound
// File holding an EncryptionInfo stream), an old .xls and a LibreOffice
// .ods. It returns a message key, or "" for a zip that excelize should
// open.
func sniff(file string) string {
	f, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if !bytes.HasPrefix(head, oleMagic) {
		if !bytes.HasPrefix(head, []byte("PK")) {
			return "report.err.not_xlsx" // not a zip at all: text, HTML, CSV renamed
		}
		if bytes.Contains(head[:min(len(head), 128)], []byte("application/vnd.oasis.opendocument")) {
			return "report.err.ods" // an OpenDocument's first entry, mimetype, is stored
		}
		return ""
	}
	if bytes.Contains(head, utf16le("EncryptionInfo")) || bytes.Contains(head, utf16le("EncryptedPackage")) {
		return "report.err.password"
	}
	return "report.err.xls"
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// readError is a problem inside one sheet that ends its reading.
type readError struct{ finding diag.Finding }

func (e readError) Error() string { return string(e.finding.Code) }

func openFinding(file string, err error) diag.Finding {
	reason := "report.err.damaged"
	msg := err.Error()
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword), errors.Is(err, excelize.ErrUnsupportedEncryptMechanism),
		errors.Is(err, excelize.ErrUnknownEncryptMechanism):
		reason = "report.err.password"
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		reason = "report.err.not_xlsx"
	case strings.Contains(msg, "unzip size"):
		reason = "report.err.too_large"
	}
	return diag.Finding{File: file, Code: diag.ReportUnreadable, Severity: diag.ReportUnreadable.Rule().Severity,
		Args: []any{i18n.M(reason)}}
}

// readSheet streams one sheet. It reads the rows twice in step: once as
// displayed (number formats applied: "57,5%", dates as text) and once as
// stored (0.575, date serials), since neither alone tells both the exact
// value and that it is a percent or a date.
func readSheet(f *excelize.File, file, sheet string, merges []mergeRange, fn func(*Row) error) (bool, error) {
	display, err := f.Rows(sheet)
	if err != nil {
		return false, nil // a chart sheet or similar: nothing to read
	}
	defer display.Close()
	raw, err := f.Rows(sheet)
	if err != nil {
		return false, nil
	}
	defer raw.Close()

	ctx := &SheetContext{Name: sheet}
	mergeValues := map[mergeKey]Cell{}
	covering := newMergeIndex(merges)
	var (
		top     [][]Cell // rows before the header is found
		header  *headerInfo
		line    int
		skipped int
	)
	for display.Next() {
		raw.Next()
		line++
		d, err := display.Columns()
		if err != nil {
			return false, readError{sheetFinding(file, sheet, line, err)}
		}
		r, err := raw.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return false, readError{sheetFinding(file, sheet, line, err)}
		}
		cells := make([]Cell, max(len(d), len(r)))
		for i := range cells {
			addr, _ := excelize.CoordinatesToCellName(i+1, line)
			cells[i].Addr = addr
			if i < len(d) {
				cells[i].Display = d[i]
			}
			if i < len(r) {
				cells[i].Raw = r[i]
			}
		}
		if header == nil {
			if line > headerScanRows {
				break
			}
			top = append(top, fillMerged(cells, line, covering.at(line), top))
			if h := findHeader(top); h != nil {
				header = h
				ctx.Titles = titles(top[:h.firstLine-1])
				ctx.HeaderYear = h.year
				skipped = h.lastLine
			}
			continue
		}
		if line <= skipped {
			continue
		}
		cells = fillMergedData(cells, line, covering.at(line), header, mergeValues)
		row := &Row{File: file, Sheet: sheet, Line: line, Context: ctx}
		empty := true
		for field, col := range header.cols {
			if col < 0 {
				continue
			}
			row.Has[field] = true
			if col < len(cells) {
				row.Cells[field] = cells[col]
			} else {
				row.Cells[field].Addr, _ = excelize.CoordinatesToCellName(col+1, line)
			}
			if strings.TrimSpace(row.Cells[field].Display) != "" {
				empty = false
			}
		}
		if empty || isHeaderRepeat(row) || isColumnNumbers(cells) || isSectionHeading(row) {
			continue
		}
		if err := fn(row); err != nil {
			return true, err
		}
	}
	if err := display.Error(); err != nil {
		return header != nil, readError{sheetFinding(file, sheet, line, err)}
	}
	return header != nil, nil
}

func sheetFinding(file, sheet string, line int, err error) diag.Finding {
	return diag.Finding{File: file, Cell: fmt.Sprintf("%s!A%d", sheet, max(line, 1)), Code: diag.ReportUnreadable,
		Severity: diag.ReportUnreadable.Rule().Severity, Args: []any{err.Error()}}
}

// headerInfo is a found header: the column of each field (-1: absent).
type headerInfo struct {
	cols                [numFields]int
	firstLine, lastLine int
	year                int
}

// findHeader looks at the rows read so far for the header: the last row,
// alone or with the row above it (a merged "Индикативный показатель" over
// "План" and "Факт"). A header names at least the fact and something that
// identifies the activity.
func findHeader(rows [][]Cell) *headerInfo {
	n := len(rows)
	if h := matchHeader(rows[n-1:], n); h != nil {
		return h
	}
	if n >= 2 {
		return matchHeader(rows[n-2:], n-1)
	}
	return nil
}

func matchHeader(rows [][]Cell, firstLine int) *headerInfo {
	h := &headerInfo{firstLine: firstLine, lastLine: firstLine + len(rows) - 1}
	for i := range h.cols {
		h.cols[i] = -1
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	matched := 0
	for col := 0; col < width; col++ {
		// The lower row names the column more exactly ("Факт" under
		// "Индикативный показатель"); the upper one names the rest.
		for i := len(rows) - 1; i >= 0; i-- {
			if col >= len(rows[i]) {
				continue
			}
			text := rows[i][col].Display
			field, ok := MatchHeader(text)
			if !ok {
				continue
			}
			if h.cols[field] < 0 {
				h.cols[field] = col
				matched++
				if y := yearIn(text); y > 0 {
					h.year = y
				}
			}
			break
		}
	}
	identifies := h.cols[FieldID] >= 0 || h.cols[FieldN] >= 0 || h.cols[FieldTitle] >= 0
	if matched < 3 || h.cols[FieldFact] < 0 || !identifies {
		return nil
	}
	return h
}

var yearRe = regexp.MustCompile(`(?:19|20)\d\d`)

func yearIn(s string) int {
	if m := yearRe.FindString(s); m != "" {
		y, _ := strconv.Atoi(m)
		return y
	}
	return 0
}

func titles(rows [][]Cell) []string {
	var out []string
	for _, r := range rows {
		var parts []string
		for _, c := range r {
			if t := strings.TrimSpace(c.Display); t != "" {
				parts = append(parts, t)
			}
		}
		if len(parts) > 0 {
			out = append(out, strings.Join(parts, " "))
		}
	}
	return out
}

// isHeaderRepeat skips a header repeated further down (a printed form
// pasted page by page).
func isHeaderRepeat(r *Row) bool {
	f, ok := MatchHeader(r.Text(FieldFact))
	return ok && f == FieldFact
}

// isSectionHeading skips a section's heading row («I. Нормативно-правовое
// обеспечение», merged over the table as the form writes it, or typed in
// one cell): a row that names no activity, year or value (no ID, year,
// plan, fact, date, document or reason) and holds text in at most one
// column besides the number. Such a row has nothing to evaluate.
func isSectionHeading(r *Row) bool {
	for _, f := range []Field{FieldID, FieldYear, FieldPlan, FieldFact, FieldDate, FieldDocument, FieldReason} {
		if r.Text(f) != "" {
			return false
		}
	}
	texts := 0
	for _, f := range []Field{FieldRoadmap, FieldDistrict, FieldTitle, FieldIndicator} {
		if r.Text(f) != "" {
			texts++
		}
	}
	return texts <= 1
}

// isColumnNumbers skips the "1 2 3 4 ..." row Russian forms put under the
// header.
func isColumnNumbers(cells []Cell) bool {
	n := 0
	for i, c := range cells {
		t := strings.TrimSpace(c.Display)
		if t == "" {
			continue
		}
		if t != strconv.Itoa(i+1) {
			return false
		}
		n++
	}
	return n >= 3
}

// mergeRange is a merged block of cells, 1-based inclusive.
type mergeRange struct {
	col1, row1, col2, row2 int
}

// mergeIndex hands out the merged ranges covering each row, rows asked
// for in increasing order: sorted once, with the ranges that cover the
// current row kept, the work is linear in rows and ranges, not their
// product (100,000 merged ranges made reading a small workbook take
// minutes).
type mergeIndex struct {
	sorted []mergeRange // by first row
	next   int          // the first of sorted not yet active
	active []mergeRange // the ranges covering the last row asked for
}

func newMergeIndex(ms []mergeRange) *mergeIndex {
	sorted := slices.Clone(ms)
	slices.SortStableFunc(sorted, func(a, b mergeRange) int { return a.row1 - b.row1 })
	return &mergeIndex{sorted: sorted}
}

// at returns the ranges covering line, in their order in the sheet's XML
// by first row; line must not decrease between calls.
func (x *mergeIndex) at(line int) []mergeRange {
	kept := x.active[:0]
	for _, m := range x.active {
		if m.row2 >= line {
			kept = append(kept, m)
		}
	}
	x.active = kept
	for x.next < len(x.sorted) && x.sorted[x.next].row1 <= line {
		if m := x.sorted[x.next]; m.row2 >= line {
			x.active = append(x.active, m)
		}
		x.next++
	}
	return x.active
}

// fillMerged gives every cell of a merged block the value of its top-left
// cell (where spreadsheets keep it), for header rows.
func fillMerged(cells []Cell, line int, merges []mergeRange, above [][]Cell) []Cell {
	// A range overlapping one already filled (valid workbooks have none) is
	// skipped, so that a row costs at most its width.
	var filled []bool // by column, from 1
	for _, m := range merges {
		if line < m.row1 || line > m.row2 || m.col1 < len(filled) && filled[m.col1] {
			continue
		}
		for len(filled) <= m.col2 {
			filled = append(filled, false)
		}
		for c := m.col1; c <= m.col2; c++ {
			filled[c] = true
		}
		var src Cell
		if m.row1 == line {
			if m.col1-1 < len(cells) {
				src = cells[m.col1-1]
			}
		} else if m.row1-1 < len(above) && m.col1-1 < len(above[m.row1-1]) {
			src = above[m.row1-1][m.col1-1]
		}
		for c := m.col1; c <= m.col2; c++ {
			for len(cells) < c {
				addr, _ := excelize.CoordinatesToCellName(len(cells)+1, line)
				cells = append(cells, Cell{Addr: addr})
			}
			if c == m.col1 && m.row1 == line {
				continue
			}
			addr := cells[c-1].Addr
			cells[c-1] = Cell{Addr: addr, Display: src.Display, Raw: src.Raw}
		}
	}
	return cells
}

// fillMergedData repeats, down a merged block of data rows, the
// identifying cells (roadmap, activity, title) that a person merged over
// the years of one activity; values (fact, date) are never repeated.
func fillMergedData(cells []Cell, line int, merges []mergeRange, h *headerInfo, mergeValues map[mergeKey]Cell) []Cell {
	for _, m := range merges {
		if line <= m.row1 || line > m.row2 {
			continue
		}
		for _, f := range []Field{FieldRoadmap, FieldDistrict, FieldID, FieldN, FieldTitle, FieldIndicator, FieldPlan} {
			col := h.cols[f] + 1
			if col <= 0 || col < m.col1 || col > m.col2 {
				continue
			}
			for len(cells) < col {
				addr, _ := excelize.CoordinatesToCellName(len(cells)+1, line)
				cells = append(cells, Cell{Addr: addr})
			}
			if v, ok := mergeValues[mergeKey{m, f}]; ok {
				cells[col-1].Display, cells[col-1].Raw = v.Display, v.Raw
			}
		}
	}
	for _, m := range merges {
		if line != m.row1 {
			continue
		}
		for _, f := range []Field{FieldRoadmap, FieldDistrict, FieldID, FieldN, FieldTitle, FieldIndicator, FieldPlan} {
			col := h.cols[f] + 1
			if col > 0 && col >= m.col1 && col <= m.col2 && m.col1-1 < len(cells) {
				mergeValues[mergeKey{m, f}] = cells[m.col1-1]
			}
		}
	}
	return cells
}

// mergeKey names the top-left value of a merged block in one column.
type mergeKey struct {
	m mergeRange
	f Field
}

// mergedRanges reads the merged cells of every sheet from the workbook's
// XML as a stream: excelize's GetMergeCells loads a whole sheet into
// memory, which a million-row report must not do. Sheets are keyed by
// name; a workbook it cannot read has no merges (excelize reports it).
func mergedRanges(file string) map[string][]mergeRange {
	out := map[string][]mergeRange{}
	zr, err := zip.OpenReader(file)
	if err != nil {
		return out
	}
	defer zr.Close()
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	sheets := sheetParts(parts)
	for name, part := range sheets {
		zf, ok := parts[strings.ToLower(part)]
		if !ok || zf.UncompressedSize64 > UnzipSizeLimit {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			continue
		}
		ms := scanMerges(rc)
		rc.Close()
		out[name] = ms
	}
	return out
}

// sheetParts maps sheet names to their XML part paths, from
// xl/workbook.xml and its relationships.
func sheetParts(parts map[string]*zip.File) map[string]string {
	type sheet struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	}
	var wb struct {
		Sheets []sheet `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if readXML(parts["xl/workbook.xml"], &wb) != nil || readXML(parts["xl/_rels/workbook.xml.rels"], &rels) != nil {
		return nil
	}
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
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			out[s.Name] = t
		}
	}
	return out
}

func readXML(f *zip.File, v any) error {
	if f == nil || f.UncompressedSize64 > 64<<20 {
		return errors.New("missing or too large")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// scanMerges collects <mergeCell ref="A1:B2"/> elements of a sheet.
func scanMerges(r io.Reader) []mergeRange {
	dec := xml.NewDecoder(r)
	var out []mergeRange
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return out
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "mergeCell" {
			continue
		}
		for _, a := range se.Attr {
			if a.Name.Local != "ref" {
				continue
			}
			from, to, ok := strings.Cut(a.Value, ":")
			if !ok {
				continue
			}
			c1, r1, err1 := excelize.CellNameToCoordinates(from)
			c2, r2, err2 := excelize.CellNameToCoordinates(to)
			if err1 == nil && err2 == nil && len(out) < 100_000 {
				out = append(out, mergeRange{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)})
			}
		}
	}
}

// MaxMerges bounds the merged ranges read on a sheet: a report form has a
// few hundred; a sheet with more is read without those past the limit.
const MaxMerges = 10_000

// tempPrefix names the directories Read unpacks sheets into.
const tempPrefix = "roadmap-xlsx-"

// staleAge is how old such a directory must be to be the leftover of a
// killed run: reading a report never takes that long.
const staleAge = time.Hour

// tempDir makes the directory for one Read, first removing those killed
// runs left in the system's temporary directory.
func tempDir() (string, error) {
	root := os.TempDir()
	sweep.Do(func() { sweepStale(root) })
	return os.MkdirTemp(root, tempPrefix+"*")
}

// sweep runs sweepStale once a run.
var sweep sync.Once

// sweepStale removes the unpacking directories killed runs left in root.
func sweepStale(root string) {
	if entries, err := os.ReadDir(root); err == nil {
		for _, e := range entries {
			if !e.IsDir() || !strings.HasPrefix(e.Name(), tempPrefix) {
				continue
			}
			if st, err := e.Info(); err == nil && time.Since(st.ModTime()) > staleAge {
				os.RemoveAll(filepath.Join(root, e.Name()))
			}
		}
	}
}
