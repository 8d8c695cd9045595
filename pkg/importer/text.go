package importer

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// ReadText reads text copied out of a document (.txt, UTF-8). Lines holding
// a tab belong to tables; other non-blank lines are paragraphs.
//
// Two table layouts occur in copies of Word documents, and both seeds show
// one:
//   - tab-separated: one row per line, cells separated by tabs ("1.\tТекст\t
//     ежегодно\t..."); a row continued after a page break is a line of its
//     own whose number cell is empty ("\tжизни (...)»\t\t\t");
//   - one cell per line: each line starting with a tab begins a cell, a line
//     without a tab right after one continues that cell ("\tСроки" +
//     "реализации"), and blank lines separate rows. A blank line may also
//     fall inside a row (the Nikolsky seed has two such rows), so segments
//     shorter than the widest row are joined to the next one while they fit.
//
// In the tab-separated layout a line without tabs between rows continues
// the last cell, unless it heads a section («I. Нормативное обеспечение»):
// then it is a row of its own, of one cell, as a merged cell over the
// table is.
//
// A "table" of a single line is taken as a paragraph: a signature line
// "Начальник\t\tС. Н. Назарова" is not a table.
func ReadText(data []byte) (*Document, error) {
	if int64(len(data)) > MaxFileSize {
		return nil, tooLarge(int64(len(data)))
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, errorf(ErrEncoding, "UTF-16")
	}
	if !utf8.Valid(data) {
		return nil, errorf(ErrEncoding, "%s", roadmap.GuessEncoding(data))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{Kind: ErrEmpty}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.Count(text, "\n") >= MaxParagraphs {
		return nil, tooMany(BoundParagraphs, MaxParagraphs)
	}
	lines := strings.Split(text, "\n")

	doc := &Document{}
	kind := make([]lineKind, len(lines))
	for i, l := range lines {
		kind[i] = classify(l)
	}
	var region []int // indices of the lines of the table being read
	flush := func() {
		if len(region) > 0 {
			doc.addRegion(lines, kind, region)
			region = nil
		}
	}
	for i, l := range lines {
		switch kind[i] {
		case tabLine:
			region = append(region, i)
		case blankLine:
			if len(region) > 0 {
				region = append(region, i)
			}
		case textLine:
			if len(region) > 0 && i > 0 && kind[i-1] == tabLine && nextNonBlank(kind, i+1) == tabLine {
				kind[i] = contLine
				region = append(region, i)
				continue
			}
			flush()
			doc.Blocks = append(doc.Blocks, Block{Para: &Paragraph{Text: l, Loc: Loc{Line: i + 1}}})
		}
	}
	flush()
	return doc, nil
}

type lineKind uint8

const (
	blankLine lineKind = iota
	textLine
	tabLine
	contLine // a text line continuing a cell
)

func classify(l string) lineKind {
	switch {
	case strings.ContainsRune(l, '\t'):
		return tabLine
	case strings.TrimSpace(l) == "":
		return blankLine
	}
	return textLine
}

func nextNonBlank(kind []lineKind, i int) lineKind {
	for ; i < len(kind); i++ {
		if kind[i] != blankLine {
			return kind[i]
		}
	}
	return blankLine
}

// addRegion turns the lines of a table region into a table, or into
// paragraphs when it has a single row.
func (d *Document) addRegion(lines []string, kind []lineKind, region []int) {
	// Trailing blank lines are not part of the table.
	for len(region) > 0 && kind[region[len(region)-1]] == blankLine {
		region = region[:len(region)-1]
	}
	cellular := true
	for _, i := range region {
		if kind[i] == tabLine && strings.ContainsRune(strings.TrimRight(strings.TrimLeft(lines[i], "\t "), " \t"), '\t') {
			cellular = false
			break
		}
	}
	var t *Table
	if cellular {
		t = cellularTable(lines, kind, region)
	} else {
		t = tsvTable(lines, kind, region)
	}
	if len(t.Rows) < 2 {
		for _, i := range region {
			if kind[i] != blankLine {
				d.Blocks = append(d.Blocks, Block{Para: &Paragraph{Text: lines[i], Loc: Loc{Line: i + 1}}})
			}
		}
		return
	}
	t.Loc = t.Rows[0].Loc
	d.Blocks = append(d.Blocks, Block{Table: t})
}

// tsvTable reads one row per tab line.
func tsvTable(lines []string, kind []lineKind, region []int) *Table {
	t := &Table{}
	for _, i := range region {
		switch kind[i] {
		case tabLine:
			parts := strings.Split(lines[i], "\t")
			for len(parts) > 1 && strings.TrimSpace(parts[len(parts)-1]) == "" {
				parts = parts[:len(parts)-1]
			}
			row := Row{Loc: Loc{Line: i + 1}}
			for _, p := range parts {
				row.Cells = append(row.Cells, Cell{Text: p, Loc: Loc{Line: i + 1}})
			}
			t.Rows = append(t.Rows, row)
		case contLine:
			if sectionLine.MatchString(lines[i]) {
				// A section heading between rows: a row of one cell.
				t.Rows = append(t.Rows, Row{Cells: []Cell{{Text: lines[i], Loc: Loc{Line: i + 1}}}, Loc: Loc{Line: i + 1}})
				continue
			}
			if n := len(t.Rows); n > 0 {
				cells := t.Rows[n-1].Cells
				cells[len(cells)-1].Text += "\n" + lines[i]
			}
		}
	}
	return t
}

// sectionLine is a line without tabs inside a tab-separated table that
// heads a section: «I. Анализ работы …», «1. Организационное обеспечение».
var sectionLine = regexp.MustCompile(`^\s*(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*)\.\s+\p{Lu}`)

var rowNumber = regexp.MustCompile(`^\s*\d{1,4}\s*[.)]?\s*$`)

// cellularTable reads one cell per tab line; blank lines end segments,
// which are joined into rows of the widest segment's width.
func cellularTable(lines []string, kind []lineKind, region []int) *Table {
	var segs [][]Cell
	var cur []Cell
	for _, i := range region {
		switch kind[i] {
		case tabLine:
			cur = append(cur, Cell{Text: strings.TrimLeft(lines[i], "\t"), Loc: Loc{Line: i + 1}})
		case contLine:
			if len(cur) > 0 {
				cur[len(cur)-1].Text += "\n" + lines[i]
			}
		case blankLine:
			if len(cur) > 0 {
				segs = append(segs, cur)
				cur = nil
			}
		}
	}
	if len(cur) > 0 {
		segs = append(segs, cur)
	}
	width := 0
	for _, s := range segs {
		width = max(width, len(s))
	}
	t := &Table{}
	for k := 0; k < len(segs); k++ {
		row := segs[k]
		for k+1 < len(segs) && len(row)+len(segs[k+1]) <= width &&
			!(rowNumber.MatchString(segs[k+1][0].Text) && rowNumber.MatchString(row[0].Text)) {
			k++
			row = append(row, segs[k]...)
		}
		t.Rows = append(t.Rows, Row{Cells: row, Loc: row[0].Loc})
	}
	return t
}
