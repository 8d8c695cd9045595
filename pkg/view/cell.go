package view

import (
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// CellKind tells what a table cell holds.
type CellKind int

// The cell kinds.
const (
	CellText CellKind = iota
	CellInt
	CellNumber
	// CellPercent holds a percent on the 0..100 scale.
	CellPercent
	// CellStatus holds a status key, worded and coloured by renderers.
	CellStatus
	// CellEmpty holds no value: an absent number.
	CellEmpty
)

// Cell is one typed table cell: each renderer writes it its own way (a
// number as a JSON number, a percent-formatted workbook cell, "85,7" in a
// terminal), so that nothing is parsed back from text.
type Cell struct {
	Kind CellKind
	// Text is a CellText as people read it.
	Text string
	// Num is the value of a CellInt, CellNumber or CellPercent (0..100).
	Num float64
	// Status is a CellStatus's stable status key (met, not_met, ...).
	Status string
}

// TextCell holds text.
func TextCell(s string) Cell { return Cell{Kind: CellText, Text: s} }

// IntCell holds a whole number.
func IntCell(n int) Cell { return Cell{Kind: CellInt, Num: float64(n)} }

// NumberCell holds a number.
func NumberCell(v float64) Cell { return Cell{Kind: CellNumber, Num: v} }

// PercentCell holds a percent on the 0..100 scale.
func PercentCell(v float64) Cell { return Cell{Kind: CellPercent, Num: v} }

// StatusCell holds a status key.
func StatusCell(key string) Cell { return Cell{Kind: CellStatus, Status: key} }

// EmptyCell holds no value (an absent number).
func EmptyCell() Cell { return Cell{Kind: CellEmpty} }

// NumberOf is the cell of an activity's number: an integer cell for a
// plain number, the text as printed for a dotted one ("2.3" is no
// decimal).
func NumberOf(n roadmap.Number) Cell {
	if i, ok := n.Int(); ok {
		return IntCell(i)
	}
	return TextCell(n.String())
}

// Display is a cell as people read it in a terminal, in Markdown, on the
// site and in Russian spreadsheets: numbers with a decimal comma (a
// percent without its sign: the header says "%"), a status in words.
func Display(c Cell, lang i18n.Lang) string {
	switch c.Kind {
	case CellInt, CellNumber, CellPercent:
		return Number(c.Num)
	case CellStatus:
		return StatusLabel(c.Status, lang)
	case CellEmpty:
		return ""
	}
	return c.Text
}
