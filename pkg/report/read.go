package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
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

// Cell is one cell of a data row: where it is and what it holds.
type Cell struct {
	// Col and Line place the cell (1-based); 0 for a cell of a column the
	// sheet does not have. Its address is made only when a finding names
	// it: a million rows must not make a string per cell.
	Col, Line int
	Display   string // as the spreadsheet shows it
	Raw       string // the stored value
}

// Addr is the cell's address ("G14"), "" for a cell of no column.
func (c Cell) Addr() string {
	if c.Col <= 0 || c.Line <= 0 {
		return ""
	}
	addr, _ := excelize.CoordinatesToCellName(c.Col, c.Line)
	return addr
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
	addr := r.Cells[f].Addr()
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
	st, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	reason := "report.err.not_file" // a FIFO or a device: opening one could wait for ever
	if st.Mode().IsRegular() {
		reason = sniff(file)
	}
	if reason != "" {
		return []diag.Finding{{File: file, Code: diag.ReportUnreadable, Severity: diag.ReportUnreadable.Rule().Severity,
			Args: []any{i18n.M(reason)}}}, nil
	}
	// Killed runs of earlier versions may have left unpacked sheets.
	sweep.Do(func() { sweepStale(os.TempDir()) })
	b, err := openBook(file)
	if err != nil {
		if f, ok := bookFinding(file, err); ok {
			return []diag.Finding{f}, nil
		}
		return nil, err
	}
	defer b.Close()
	var findings []diag.Finding
	found, broken := false, false
	for _, ref := range b.sheets {
		ok, err := readSheet(b, file, ref, fn, &findings)
		if err != nil {
			if errors.Is(err, ErrStop) {
				return findings, nil
			}
			var rerr readError
			if errors.As(err, &rerr) {
				findings = append(findings, rerr.finding)
				broken = true
				continue
			}
			return findings, err
		}
		found = found || ok
	}
	// A broken sheet is said already; no header is then no news.
	if !found && !broken {
		sheet := "?"
		if len(b.sheets) > 0 {
			sheet = b.sheets[0].name
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

// bookFinding is the finding of a workbook that cannot be opened: damaged
// (a broken zip or XML), or holding more shared strings than the limit.
// ok is false for an I/O error.
func bookFinding(file string, err error) (diag.Finding, bool) {
	var reason i18n.Msg
	switch {
	case errors.Is(err, errTooManyStrings):
		reason = i18n.M("report.err.shared_strings", MaxSharedStrings>>20, MaxSharedStringCount)
	case errors.Is(err, errDamaged):
		reason = i18n.M("report.err.damaged")
	default:
		return diag.Finding{}, false
	}
	return diag.Finding{File: file, Code: diag.ReportUnreadable, Severity: diag.ReportUnreadable.Rule().Severity,
		Args: []any{reason}}, true
}

// readSheet streams one sheet, each cell with what it shows and what it
// stores (0.575 behind "57,5%", a date serial behind "01.09.2020"): neither
// alone tells both the exact value and that it is a percent or a date.
// Findings about the sheet that do not end it go to findings.
func readSheet(b *book, file string, ref sheetRef, fn func(*Row) error, findings *[]diag.Finding) (bool, error) {
	sheet := ref.name
	merges, err := b.mergedRanges(ref)
	if err != nil {
		return false, readError{sheetFinding(file, sheet, "A1", err)}
	}
	if n := len(merges); n > MaxMerges {
		// More merged ranges than any form has: a hostile or broken file.
		// Those past the limit are not read, and the reader says so.
		merges = merges[:MaxMerges]
		*findings = append(*findings, diag.Finding{File: file, Code: diag.TooManyMerges,
			Severity: diag.TooManyMerges.Rule().Severity, Args: []any{sheet, n, MaxMerges}})
	}
	rows, ok, err := b.openSheet(ref)
	if !ok || err != nil {
		if err != nil {
			return false, readError{sheetFinding(file, sheet, "A1", err)}
		}
		return false, nil // a chart sheet or similar: nothing to read
	}
	defer rows.Close()

	ctx := &SheetContext{Name: sheet}
	mergeValues := map[mergeKey]Cell{}
	covering := newMergeIndex(merges)
	var (
		top     [][]Cell // rows before the header is found
		header  *headerInfo
		skipped int
		row     = &Row{File: file, Sheet: sheet, Context: ctx}
	)
	for {
		line, cells, ok := rows.Next()
		if !ok {
			break
		}
		if header == nil {
			if line > headerScanRows {
				break
			}
			cells = fillMerged(slices.Clone(cells), line, covering.at(line), top)
			top = append(top, cells)
			if h := findHeader(top); h != nil {
				header = h
				ctx.Titles = titles(top[:h.firstLine-1])
				ctx.HeaderYear = h.year
				skipped = h.lastLine
			}
			continue
		}
		if line <= skipped || len(cells) == 0 {
			covering.at(line)
			continue
		}
		if ms := covering.at(line); len(ms) > 0 {
			cells = fillMergedData(cells, line, ms, header, mergeValues)
		}
		// The row is reused: the callback keeps what it needs.
		*row = Row{File: file, Sheet: sheet, Line: line, Context: ctx}
		empty := true
		for field, col := range header.cols {
			if col < 0 {
				continue
			}
			row.Has[field] = true
			if col < len(cells) {
				row.Cells[field] = cells[col]
			}
			row.Cells[field].Col, row.Cells[field].Line = col+1, line
			if empty && strings.TrimSpace(row.Cells[field].Display) != "" {
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
	if rows.err != nil {
		at := rows.errorCell
		if at == "" {
			at = fmt.Sprintf("A%d", max(rows.line, 1))
		}
		return header != nil, readError{sheetFinding(file, sheet, at, rows.err)}
	}
	return header != nil, nil
}

// sheetFinding is a sheet that cannot be read on from cell at: its XML or
// its zip entry is broken, or it unpacks past the limit. The finding says
// so in the user's words, never the XML library's.
func sheetFinding(file, sheet, at string, err error) diag.Finding {
	var reason i18n.Msg
	var synErr *xml.SyntaxError
	switch {
	case errors.Is(err, errUnzipLimit) || errors.Is(err, errTooManyStrings):
		reason = i18n.M("report.err.too_large")
	case errors.Is(err, errRowOrder):
		reason = i18n.M("report.err.sheet_end", sheet)
	case errors.As(err, &synErr) && strings.Contains(synErr.Msg, "entity"):
		reason = i18n.M("report.err.entity", sheet, at, entityName(synErr.Msg))
	case errors.As(err, &synErr):
		reason = i18n.M("report.err.damaged_sheet", sheet, at)
	default:
		// The zip entry itself: truncated, lying about its size, a bad checksum.
		reason = i18n.M("report.err.damaged")
	}
	return diag.Finding{File: file, Cell: sheet + "!" + at, Code: diag.ReportUnreadable,
		Severity: diag.ReportUnreadable.Rule().Severity, Args: []any{reason}}
}

// entityName takes the entity out of encoding/xml's message ("invalid
// character entity &foo;").
func entityName(msg string) string {
	if i := strings.IndexByte(msg, '&'); i >= 0 {
		name := msg[i:]
		if j := strings.IndexAny(name, "; "); j >= 0 {
			name = name[:j+1]
		}
		return strings.TrimSuffix(strings.TrimSuffix(name, " "), ";") + ";"
	}
	return "&…;"
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
				cells = append(cells, Cell{})
			}
			if c == m.col1 && m.row1 == line {
				continue
			}
			cells[c-1] = Cell{Display: src.Display, Raw: src.Raw}
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
				cells = append(cells, Cell{})
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

// mergedRanges reads the merged cells of a sheet. They come after the
// rows in the sheet's XML, and the header rows need them first: the
// unpacked XML is searched for <mergeCell ref="…"/> as bytes, not parsed
// (a tenth of the cost; "<" is markup only, text escapes it).
func (b *book) mergedRanges(ref sheetRef) ([]mergeRange, error) {
	zf := b.parts[strings.ToLower(ref.part)]
	if zf == nil {
		return nil, nil
	}
	if zf.UncompressedSize64 > UnzipSizeLimit {
		return nil, errUnzipLimit
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, errors.Join(errDamaged, err)
	}
	defer rc.Close()
	return scanMerges(&limitedReader{r: rc, n: UnzipSizeLimit})
}

// scanMerges collects the ref of every mergeCell element.
func scanMerges(r io.Reader) ([]mergeRange, error) {
	const tag = "mergeCell"
	var out []mergeRange
	buf := make([]byte, 256<<10)
	keep := 0 // bytes of an element cut by the end of the buffer
	for {
		n, err := io.ReadFull(r, buf[keep:])
		data := buf[:keep+n]
		end := len(data)
		if err == nil {
			// Leave a possibly cut element for the next round.
			if i := bytes.LastIndexByte(data, '<'); i >= 0 && len(data)-i < 512 {
				end = i
			}
		}
		for pos := 0; pos < end; {
			i := bytes.Index(data[pos:end], []byte(tag))
			if i < 0 {
				break
			}
			i += pos
			pos = i + len(tag)
			// <mergeCell or <x:mergeCell, followed by a space.
			if i == 0 || (data[i-1] != '<' && data[i-1] != ':') || pos >= len(data) || data[pos] != ' ' && data[pos] != '\t' && data[pos] != '\n' && data[pos] != '\r' {
				continue
			}
			close := bytes.IndexByte(data[pos:], '>')
			if close < 0 {
				break
			}
			if m, ok := mergeRef(data[pos : pos+close]); ok && len(out) < 100_000 {
				out = append(out, m)
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return out, nil
		}
		if err != nil {
			return out, errors.Join(errDamaged, err)
		}
		keep = copy(buf, data[end:])
	}
}

// mergeRef reads the ref attribute of a mergeCell element's attributes.
func mergeRef(attrs []byte) (mergeRange, bool) {
	i := bytes.Index(attrs, []byte("ref="))
	if i < 0 || i+5 > len(attrs) {
		return mergeRange{}, false
	}
	q := attrs[i+4]
	rest := attrs[i+5:]
	j := bytes.IndexByte(rest, q)
	if j < 0 {
		return mergeRange{}, false
	}
	from, to, ok := strings.Cut(string(rest[:j]), ":")
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil {
		return mergeRange{}, false
	}
	return mergeRange{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}

// MaxMerges bounds the merged ranges read on a sheet: a report form has a
// few hundred; a sheet with more is read without those past the limit.
const MaxMerges = 10_000

// tempPrefix names the directories earlier versions unpacked big sheets
// into; Read now reads them from the zip as a stream.
const tempPrefix = "roadmap-xlsx-"

// staleAge is how old such a directory must be to be the leftover of a
// killed run: reading a report never takes that long.
const staleAge = time.Hour

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
