package diff

import (
	"slices"
	"strings"
	"unicode"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// ClauseKind is what one clause of an amending order does.
type ClauseKind int

// The kinds of clause, as amending orders word them (docs/diff.md).
const (
	// ClauseSet sets a roadmap field to Value.
	ClauseSet ClauseKind = iota
	// ClauseUnset removes a roadmap field.
	ClauseUnset
	// ClauseResultAdd, ClauseResultRemove and ClauseResultSet add, remove
	// and rewrite the expected result Key (Value.ByYear).
	ClauseResultAdd
	ClauseResultRemove
	ClauseResultSet
	// ClauseReorder puts the rows of Moves in their new places.
	ClauseReorder
	// ClauseCell rewrites column Field of row N with Value.
	ClauseCell
	// ClauseCellClear empties column Field of row N.
	ClauseCellClear
	// ClauseReplace replaces the words Old by New in column Field of row N.
	ClauseReplace
	// ClauseInsert adds the words New after Anchor in column Field of row N.
	ClauseInsert
	// ClauseDelete deletes the words Old from column Field of row N.
	ClauseDelete
	// ClauseRow rewrites row N whole as Activity.
	ClauseRow
	// ClauseRenumber gives row N the number NewN.
	ClauseRenumber
	// ClauseRemove removes row N.
	ClauseRemove
	// ClauseAdd adds Activity as row N (its new number), in Section when
	// the table has sections.
	ClauseAdd
	// ClauseSection puts row N in Section.
	ClauseSection
)

// Columns are the activity fields that are columns of the roadmap table,
// the text an amending order changes.
var Columns = []Field{FieldTitle, FieldDue, FieldIndicator, FieldResult, FieldExecutors, FieldNote}

// Clause is one clause of an amending order, before it is worded.
type Clause struct {
	Kind ClauseKind
	// Field is the roadmap field or the column changed.
	Field Field
	// Key is the title of an expected result.
	Key string
	// ID is the activity's id (its new one) and N its number in the old
	// document, or in the new one for ClauseAdd; NewN is the new number.
	ID      string
	N, NewN roadmap.Number
	// Old, New and Anchor are words of the cell (ClauseReplace,
	// ClauseInsert, ClauseDelete).
	Old, New, Anchor string
	// Value is the new value of a field or cell.
	Value Value
	// Activity is the row rewritten or added; Fields are the columns a
	// rewritten row changes.
	Activity *roadmap.Activity
	Fields   []Field
	// Moves are the rows put in new places.
	Moves []Move
	// Section is the section a row is added to or put in.
	Section *roadmap.Section
}

// Clauses plans the clauses of the amending order that turns the old
// version into the new one: roadmap-level changes, the new order of rows,
// rows changed (by their old number), rows removed, then rows inserted (by
// their new number), so that every number before the insertions means the
// old document's. Fields that are not words of the document (ids, the
// recorded amendments) get no clause, nor does a cell whose text is the
// same and only its reading changed.
func Clauses(res *Result) []Clause {
	var out []Clause
	var changed, removed, added []*Change
	for ci := range res.Changes {
		c := &res.Changes[ci]
		switch c.Kind {
		case KindRoadmap:
			for _, f := range c.Fields {
				switch {
				case f.Field == FieldID || f.Field == FieldAmendments || f.Field == FieldLevel:
				case f.Field == FieldExpectedResults && len(f.Added) > 0:
					out = append(out, Clause{Kind: ClauseResultAdd, Field: f.Field, Key: f.Key, Value: f.New})
				case f.Field == FieldExpectedResults && len(f.Removed) > 0:
					out = append(out, Clause{Kind: ClauseResultRemove, Field: f.Field, Key: f.Key})
				case f.Field == FieldExpectedResults:
					out = append(out, Clause{Kind: ClauseResultSet, Field: f.Field, Key: f.Key, Value: f.New})
				case f.New.IsZero():
					out = append(out, Clause{Kind: ClauseUnset, Field: f.Field})
				default:
					out = append(out, Clause{Kind: ClauseSet, Field: f.Field, Value: f.New})
				}
			}
		case KindReordered:
			if moves := c.NumberedMoves(); len(moves) > 0 {
				out = append(out, Clause{Kind: ClauseReorder, Moves: moves})
			}
		case KindChanged, KindRenamed:
			changed = append(changed, c)
		case KindRemoved:
			removed = append(removed, c)
		case KindAdded:
			added = append(added, c)
		}
	}
	byOld := func(a, b *Change) int { return a.OldN.Compare(b.OldN) }
	slices.SortStableFunc(changed, byOld)
	slices.SortStableFunc(removed, byOld)
	for _, c := range changed {
		var text []FieldChange
		renumber, moved := false, false
		for _, f := range c.Fields {
			if slices.Contains(Columns, f.Field) && CellText(f.Field, f.Old) != CellText(f.Field, f.New) {
				text = append(text, f)
			}
			renumber = renumber || f.Field == FieldN
			moved = moved || f.Field == FieldActivitySection
		}
		if moved {
			out = append(out, Clause{Kind: ClauseSection, Field: FieldActivitySection, ID: c.ID, N: c.OldN, NewN: c.NewN,
				Section: res.New.SectionOf(*c.New)})
		}
		switch len(text) {
		case 0:
		case 1:
			out = append(out, cellClause(c, text[0]))
		default:
			cl := Clause{Kind: ClauseRow, ID: c.ID, N: c.OldN, Activity: c.New}
			for _, f := range text {
				cl.Fields = append(cl.Fields, f.Field)
			}
			out = append(out, cl)
		}
		if renumber {
			out = append(out, Clause{Kind: ClauseRenumber, Field: FieldN, ID: c.ID, N: c.OldN, NewN: c.NewN})
		}
	}
	for _, c := range removed {
		out = append(out, Clause{Kind: ClauseRemove, ID: c.ID, N: c.OldN})
	}
	for _, c := range added {
		out = append(out, Clause{Kind: ClauseAdd, ID: c.ID, N: c.NewN, Activity: c.New, Section: res.New.SectionOf(*c.New)})
	}
	return out
}

// CellText is a column's value as the document's cell reads it: the
// executors one after another, separated by commas.
func CellText(f Field, v Value) string {
	switch f.Type() {
	case TypeList:
		return strings.Join(v.List, ", ")
	case TypeDue:
		if v.Due != nil {
			return v.Due.Text
		}
	case TypeIndicator:
		if v.Indicator != nil {
			return v.Indicator.Text
		}
	}
	return v.Text
}

// ColumnValue is the value of column f of activity a.
func ColumnValue(f Field, a *roadmap.Activity) Value {
	switch f {
	case FieldTitle:
		return Value{Text: a.Title}
	case FieldDue:
		d := a.Due
		return Value{Due: &d}
	case FieldIndicator:
		ind := a.Indicator
		return Value{Indicator: &ind}
	case FieldResult:
		r := a.Result
		return Value{Indicator: &r}
	case FieldExecutors:
		return Value{List: a.Executors}
	case FieldNote:
		return Value{Text: a.Note}
	}
	return Value{}
}

// cellClause plans the change of one cell: the changed words replaced,
// added or deleted when they are a part of the cell, the cell rewritten
// when most of it changed (and the executors always rewritten: they are a
// list, not a phrase).
func cellClause(c *Change, f FieldChange) Clause {
	cl := Clause{Field: f.Field, ID: c.ID, N: c.OldN}
	old, new := CellText(f.Field, f.Old), CellText(f.Field, f.New)
	if f.Field != FieldExecutors {
		if s, ok := wordChange(old, new); ok {
			cl.Old, cl.New, cl.Anchor = s.old, s.new, s.anchor
			switch {
			case s.old == "":
				cl.Kind = ClauseInsert
			case s.new == "":
				cl.Kind = ClauseDelete
			default:
				cl.Kind = ClauseReplace
			}
			return cl
		}
	}
	if new == "" {
		cl.Kind = ClauseCellClear
		return cl
	}
	cl.Kind, cl.Value = ClauseCell, f.New
	return cl
}

type span struct{ old, new, anchor string }

// wordChange finds the words that changed between old and new: the span
// between the common leading and trailing words, widened until the old
// words occur once in the cell, and by up to two words before a lone
// number ("Не менее 55%" rather than "55%"). ok is false when the cell is
// better rewritten whole.
func wordChange(old, new string) (span, bool) {
	ow, nw := strings.Fields(old), strings.Fields(new)
	if len(ow) == 0 || len(nw) == 0 {
		return span{}, false
	}
	p := 0
	for p < len(ow) && p < len(nw) && ow[p] == nw[p] {
		p++
	}
	s := 0
	for s < len(ow)-p && s < len(nw)-p && ow[len(ow)-1-s] == nw[len(nw)-1-s] {
		s++
	}
	oa, ob := p, len(ow)-s // old span ow[oa:ob]
	na, nb := p, len(nw)-s
	if oa == ob && na == nb {
		return span{}, false // only spacing changed
	}
	if oa == ob { // pure insertion: anchor on the words before
		if p == 0 {
			return span{}, false
		}
		a := max(0, p-2)
		return span{new: strings.Join(nw[na:nb], " "), anchor: strings.Join(ow[a:p], " ")}, true
	}
	if ob-oa == 1 && nb-na >= 1 && hasDigit(ow[oa]) {
		k := min(2, oa)
		oa, na = oa-k, na-k
	}
	for oa > 0 && strings.Count(old, strings.Join(ow[oa:ob], " ")) > 1 {
		oa, na = oa-1, na-1
	}
	if (oa == 0 && ob == len(ow)) || (len(ow) > 3 && 10*(ob-oa) > 7*len(ow)) {
		return span{}, false
	}
	return span{old: strings.Join(ow[oa:ob], " "), new: strings.Join(nw[na:nb], " ")}, true
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}
