package render

import (
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// cellText is view.Display: how every text format writes a cell.
func cellText(c view.Cell, lang i18n.Lang) string { return view.Display(c, lang) }

// cellAt is the row's cell of column i; a short row has no value there.
func cellAt(row []view.Cell, i int) view.Cell {
	if i < len(row) {
		return row[i]
	}
	return view.EmptyCell()
}

// rowTexts is every cell of a row as people read it, one per column.
func rowTexts(row []view.Cell, columns int, lang i18n.Lang) []string {
	texts := make([]string, columns)
	for i := range texts {
		texts[i] = cellText(cellAt(row, i), lang)
	}
	return texts
}

// findingRow is a finding as a table row: file, line, column, cell, code,
// severity, message; an unknown position (0) has no value.
func findingRow(f diag.Finding, lang i18n.Lang) []view.Cell {
	position := func(n int) view.Cell {
		if n == 0 {
			return view.EmptyCell()
		}
		return view.IntCell(n)
	}
	return []view.Cell{view.TextCell(f.File), position(f.Line), position(f.Col), view.TextCell(f.Cell),
		view.TextCell(string(f.Code)), view.TextCell(f.Severity.String()), view.TextCell(f.Message(lang))}
}
