// Package diag owns findings: what the tool reports about a user's file,
// with its position, stable rule code and severity. Messages are kept as a
// catalogue key plus arguments so that one finding renders in Russian or
// English (package i18n) at output time.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// Severity of a finding.
type Severity int

// Severities, ordered from most to least severe.
const (
	Error Severity = iota
	Warning
	// Note describes the document without asking for a change: it never
	// fails a run, not even a strict one («срок раньше даты приказа»).
	Note
)

// String gives the stable English name used in text, JSON and CI output.
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Pos is a position in a YAML file: 1-based line and column. Zero means
// unknown.
type Pos struct {
	Line int
	Col  int
}

// Finding is one problem in one file.
type Finding struct {
	File string
	Pos
	// Cell is the spreadsheet address ("Лист1!G14") when the finding is
	// about a workbook rather than a YAML file.
	Cell     string
	Code     Code
	Severity Severity
	// Args fill the rule's message template.
	Args []any
}

// New makes a finding with the rule's default severity.
func New(file string, pos Pos, code Code, args ...any) Finding {
	return Finding{File: file, Pos: pos, Code: code, Severity: code.Rule().Severity, Args: args}
}

// Message renders the finding's message in lang.
func (f Finding) Message(lang i18n.Lang) string {
	return i18n.T(lang, string(f.Code), f.Args...)
}

// Where renders the location as "file:line:col", "file:cell" or "file".
func (f Finding) Where() string {
	switch {
	case f.Cell != "":
		return f.File + ": " + f.Cell
	case f.Line > 0 && f.Col > 0:
		return fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
	case f.Line > 0:
		return fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	return f.File
}

// Sort orders findings by file, line, column, code and message arguments so
// that output does not depend on the order in which files were checked.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			compareCells(a.Cell, b.Cell),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(fmt.Sprint(a.Args...), fmt.Sprint(b.Args...)),
		)
	})
}

// Fails reports whether the findings make a run fail: any error, or any
// warning when strict; never a note.
func Fails(fs []Finding, strict bool) bool {
	for _, f := range fs {
		if f.Severity == Error || strict && f.Severity == Warning {
			return true
		}
	}
	return false
}

// WithoutNotes returns fs without its notes: what a command that reads a
// roadmap for another purpose (show, diff, merge, summary) prints; check
// prints the notes.
func WithoutNotes(fs []Finding) []Finding {
	out := fs[:0:0]
	for _, f := range fs {
		if f.Severity != Note {
			out = append(out, f)
		}
	}
	return out
}

// Count returns the number of errors and warnings (notes aside).
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

// compareCells orders spreadsheet addresses by sheet, then row, then
// column, so that G9 comes before G14.
func compareCells(a, b string) int {
	sa, ra, ca := splitCell(a)
	sb, rb, cb := splitCell(b)
	return cmp.Or(cmp.Compare(sa, sb), cmp.Compare(ra, rb), cmp.Compare(len(ca), len(cb)), cmp.Compare(ca, cb), cmp.Compare(a, b))
}

func splitCell(cell string) (sheet string, row int, col string) {
	addr := cell
	if i := strings.LastIndexByte(cell, '!'); i >= 0 {
		sheet, addr = cell[:i], cell[i+1:]
	}
	i := 0
	for i < len(addr) && (addr[i] < '0' || addr[i] > '9') {
		i++
	}
	row, _ = strconv.Atoi(addr[i:])
	return sheet, row, addr[:i]
}
