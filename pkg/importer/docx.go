package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// ReadDocx reads a Word document (.docx: Office Open XML). Only the main
// part, word/document.xml, is read, with the standard library's zip and
// XML readers: paragraphs (w:p) with their text runs (w:t), tabs (w:tab)
// and line breaks (w:br, w:cr, which split a paragraph into several), and
// tables (w:tbl, w:tr, w:tc) with horizontally (w:gridSpan) and vertically
// (w:vMerge) merged cells. A table nested in a cell becomes lines of that
// cell's text. Deleted text of tracked changes, field codes and the
// fallback copies of drawings are left out.
//
// The file may be at most MaxFileSize bytes and its document.xml at most
// MaxEntrySize bytes unpacked, whatever the zip headers claim.
func ReadDocx(data []byte) (*Document, error) {
	if len(data) == 0 {
		return nil, &Error{Kind: ErrEmpty}
	}
	if int64(len(data)) > MaxFileSize {
		return nil, tooLarge(int64(len(data)))
	}
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		// A compound file: a Word 97-2003 .doc, or an encrypted .docx.
		return nil, &Error{Kind: ErrLegacy}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errorf(ErrDamaged, "%v", err)
	}
	name := mainPart(zr)
	var f *zip.File
	for _, zf := range zr.File {
		if zf.Name == name {
			f = zf
			break
		}
	}
	if f == nil {
		return nil, errorf(ErrDamaged, "no %s in the archive", name)
	}
	if f.UncompressedSize64 > MaxEntrySize {
		return nil, tooMany(BoundText, MaxEntrySize)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, errorf(ErrDamaged, "%v", err)
	}
	defer rc.Close()
	xmlData, err := safefile.ReadAll(rc, name, MaxEntrySize)
	switch {
	case errors.Is(err, safefile.ErrTooLarge):
		return nil, tooMany(BoundText, MaxEntrySize)
	case err != nil:
		return nil, errorf(ErrDamaged, "%s: %v", name, err)
	}
	doc, err := parseDocumentXML(xmlData)
	switch {
	case errors.Is(err, ErrTooLarge):
		return nil, err
	case err != nil:
		return nil, errorf(ErrDamaged, "%s: %v", name, err)
	}
	if len(doc.Blocks) == 0 {
		return nil, &Error{Kind: ErrEmpty}
	}
	return doc, nil
}

// mainPart finds the main document part through _rels/.rels, falling back
// to the usual word/document.xml.
func mainPart(zr *zip.Reader) string {
	const def = "word/document.xml"
	for _, f := range zr.File {
		if f.Name != "_rels/.rels" || f.UncompressedSize64 > 1<<20 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return def
		}
		defer rc.Close()
		var rels struct {
			Rel []struct {
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&rels) != nil {
			return def
		}
		for _, r := range rels.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") && r.Target != "" {
				return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
			}
		}
	}
	return def
}

// docxParser holds the state of the walk over document.xml.
type docxParser struct {
	doc    *Document
	stack  []string // local names of the open elements
	para   strings.Builder
	pDepth int
	list   bool // the paragraph being read is a numbered list item
	tables []*tableBuilder
	nPara  int // top-level paragraphs seen
	nTable int // top-level tables seen
	nCellP int // paragraphs seen inside tables
	nRows  int // table rows seen, all tables
	over   error
}

type tableBuilder struct {
	t       *Table
	row     *Row
	cell    *cellBuilder
	col     int            // grid column of the next cell
	above   map[int]string // text of the last cell starting at each grid column
	rowNo   int
	pending int // w:gridBefore of the current row
}

type cellBuilder struct {
	paras    []string
	span     int
	vMerge   string // "", "restart" or "continue"
	numbered bool
}

const maxSpan = 64

func parseDocumentXML(data []byte) (doc *Document, err error) {
	p := &docxParser{doc: &Document{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip(t.Name.Local) {
				if err := dec.Skip(); err != nil {
					return nil, err
				}
				continue
			}
			p.start(t)
			if p.over != nil {
				return nil, p.over
			}
			p.stack = append(p.stack, t.Name.Local)
		case xml.EndElement:
			if len(p.stack) > 0 {
				p.stack = p.stack[:len(p.stack)-1]
			}
			p.end(t.Name.Local)
			if p.over != nil {
				return nil, p.over
			}
		case xml.CharData:
			if len(p.stack) > 0 && p.stack[len(p.stack)-1] == "t" && p.pDepth > 0 {
				p.para.Write(t)
			}
		}
	}
	if len(p.stack) != 0 {
		return nil, errors.New("unexpected end of XML")
	}
	return p.doc, nil
}

// skip names elements whose content is not document text.
func skip(local string) bool {
	switch local {
	case "delText", "instrText", "Fallback", "del", "moveFrom", "pict", "object":
		return true
	}
	return false
}

func (p *docxParser) parent() string {
	if len(p.stack) == 0 {
		return ""
	}
	return p.stack[len(p.stack)-1]
}

func attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (p *docxParser) top() *tableBuilder {
	if len(p.tables) == 0 {
		return nil
	}
	return p.tables[len(p.tables)-1]
}

func (p *docxParser) start(t xml.StartElement) {
	tb := p.top()
	switch t.Name.Local {
	case "tbl":
		tbl := &tableBuilder{t: &Table{}, above: map[int]string{}}
		if len(p.tables) == 0 {
			p.nTable++
			tbl.t.Loc = Loc{Table: p.nTable}
		}
		p.tables = append(p.tables, tbl)
	case "tr":
		if tb != nil {
			tb.rowNo++
			tb.row = &Row{Loc: Loc{Table: tb.t.Loc.Table, Row: tb.rowNo}}
			tb.col = 0
			tb.pending = 0
		}
	case "gridBefore":
		if tb != nil && tb.row != nil {
			if v, ok := attr(t, "val"); ok {
				n, _ := strconv.Atoi(v)
				tb.pending = min(max(n, 0), maxSpan)
			}
		}
	case "tc":
		if tb != nil {
			if tb.row == nil { // a cell outside a row: damaged, but readable
				tb.rowNo++
				tb.row = &Row{Loc: Loc{Table: tb.t.Loc.Table, Row: tb.rowNo}}
			}
			for ; tb.pending > 0; tb.pending-- {
				tb.row.Cells = append(tb.row.Cells, Cell{Loc: tb.cellLoc()})
				tb.col++
			}
			tb.cell = &cellBuilder{span: 1}
		}
	case "gridSpan":
		if tb != nil && tb.cell != nil {
			if v, ok := attr(t, "val"); ok {
				if n, err := strconv.Atoi(v); err == nil {
					tb.cell.span = min(max(n, 1), maxSpan)
				}
			}
		}
	case "vMerge":
		if tb != nil && tb.cell != nil {
			if v, _ := attr(t, "val"); v == "restart" {
				tb.cell.vMerge = "restart"
			} else {
				tb.cell.vMerge = "continue"
			}
		}
	case "numPr":
		if p.pDepth > 0 {
			p.list = true
		}
	case "p":
		if p.pDepth == 0 {
			p.para.Reset()
			p.list = false
		} else {
			p.para.WriteByte('\n') // a paragraph in a text box inside a paragraph
		}
		p.pDepth++
	case "tab":
		if p.pDepth > 0 && p.parent() == "r" {
			p.para.WriteByte('\t')
		}
	case "br", "cr":
		if p.pDepth > 0 && p.parent() == "r" {
			p.para.WriteByte('\n')
		}
	case "noBreakHyphen":
		if p.pDepth > 0 && p.parent() == "r" {
			p.para.WriteByte('-')
		}
	}
}

func (tb *tableBuilder) cellLoc() Loc {
	return Loc{Table: tb.t.Loc.Table, Row: tb.rowNo, Col: tb.col + 1}
}

func (p *docxParser) end(local string) {
	tb := p.top()
	switch local {
	case "p":
		if p.pDepth == 0 {
			return
		}
		p.pDepth--
		if p.pDepth > 0 {
			return
		}
		text := p.para.String()
		if p.nPara+p.nCellP >= MaxParagraphs {
			p.over = tooMany(BoundParagraphs, MaxParagraphs)
			return
		}
		if tb != nil && tb.cell != nil {
			p.nCellP++
			tb.cell.paras = append(tb.cell.paras, text)
			if p.list {
				tb.cell.numbered = true
			}
			return
		}
		if tb != nil {
			return // a paragraph of a table outside any cell: ignore
		}
		p.nPara++
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			p.doc.Blocks = append(p.doc.Blocks, Block{Para: &Paragraph{Text: line, Loc: Loc{Para: p.nPara}, List: p.list}})
		}
	case "tc":
		if tb == nil || tb.cell == nil || tb.row == nil {
			return
		}
		c := tb.cell
		text := strings.Join(c.paras, "\n")
		cell := Cell{Text: text, Loc: tb.cellLoc(), Numbered: c.numbered}
		switch c.vMerge {
		case "continue":
			cell.Text, cell.Merged = tb.above[tb.col], true
		default:
			tb.above[tb.col] = text
		}
		tb.row.Cells = append(tb.row.Cells, cell)
		tb.col++
		for i := 1; i < c.span; i++ {
			tb.row.Cells = append(tb.row.Cells, Cell{Loc: tb.cellLoc()})
			delete(tb.above, tb.col)
			tb.col++
		}
		tb.cell = nil
	case "tr":
		if tb != nil && tb.row != nil {
			if p.nRows++; p.nRows > MaxRows {
				p.over = tooMany(BoundRows, MaxRows)
				return
			}
			tb.t.Rows = append(tb.t.Rows, *tb.row)
			tb.row = nil
		}
	case "tbl":
		if tb == nil {
			return
		}
		p.tables = p.tables[:len(p.tables)-1]
		outer := p.top()
		if outer == nil {
			if len(tb.t.Rows) > 0 {
				p.doc.Blocks = append(p.doc.Blocks, Block{Table: tb.t})
			}
			return
		}
		if outer.cell != nil {
			// A nested table: its rows become lines of the enclosing cell.
			for _, r := range tb.t.Rows {
				var parts []string
				for _, c := range r.Cells {
					if s := strings.TrimSpace(c.Text); s != "" {
						parts = append(parts, s)
					}
				}
				outer.cell.paras = append(outer.cell.paras, strings.Join(parts, " "))
			}
		}
	}
}
