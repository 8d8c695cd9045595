package diff

import (
	"slices"
	"strings"

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
	// ClauseCell rewrites column Field of row N with Value (an item or
	// the preamble of the order: Field document.clauses or
	// document.preamble, Value.Text).
	ClauseCell
	// ClauseCellClear empties column Field of row N.
	ClauseCellClear
	// ClauseReplace replaces the words Old by New in column Field of row N.
	ClauseReplace
	// ClauseDigits replaces the number Old by New (digits only: «55» by
	// «60») in column Field of row N, the one difference of the cell.
	ClauseDigits
	// ClauseInsert adds the words New after Anchor in column Field of row N.
	ClauseInsert
	// ClauseDelete deletes the words Old from column Field of row N.
	ClauseDelete
	// ClauseRow rewrites row N whole as Activity.
	ClauseRow
	// ClauseRenumber gives the rows of Moves their new numbers, in one
	// clause («пункты 11, 12 считать соответственно пунктами 10, 11»).
	ClauseRenumber
	// ClauseRemove deletes row N (the numbering renumbers).
	ClauseRemove
	// ClauseRepeal repeals row N, which keeps its number (the numbering
	// keeps numbers).
	ClauseRepeal
	// ClauseAdd adds Activity as row N (the number the clauses give it),
	// in Section when the table has sections; an item of the order is
	// added with Field document.clauses and Value.Text.
	ClauseAdd
	// ClauseSection puts row N in Section.
	ClauseSection
	// ClauseEverywhere replaces Old by New throughout the text (Digits:
	// numbers), in every cell of Cells and nowhere else.
	ClauseEverywhere
)

// Numbering is how the amending order numbers the rows (and the items of
// the order) when some are deleted and others added (docs/diff.md).
type Numbering int

const (
	// NumberingKeep keeps every number: a deleted row is repealed and
	// keeps its number, a new row at the end is numbered after the last
	// number, one between rows after its predecessor («3.1»).
	NumberingKeep Numbering = iota
	// NumberingRenumber deletes rows, renumbers the rows whose number
	// changed in one clause and numbers new rows as the new version does.
	NumberingRenumber
)

// Numberings are the names of the numberings, in order (the flag's values).
var Numberings = []string{"keep", "renumber"}

func (n Numbering) String() string { return Numberings[n] }

// ParseNumbering reads a numbering by its name.
func ParseNumbering(s string) (Numbering, bool) {
	i := slices.Index(Numberings, s)
	return Numbering(max(i, 0)), i >= 0
}

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
	// ID is the activity's id (its new one) and N its number as the
	// clauses before this one leave it; NewN is the new number. An item
	// of the order has no ID.
	ID      string
	N, NewN roadmap.Number
	// Old, New and Anchor are words of the cell (ClauseReplace,
	// ClauseDigits, ClauseInsert, ClauseDelete, ClauseEverywhere).
	Old, New, Anchor string
	// Digits is set when Old and New of ClauseEverywhere are numbers.
	Digits bool
	// Value is the new value of a field or cell.
	Value Value
	// Activity is the row rewritten or added; Fields are the columns a
	// rewritten row changes.
	Activity *roadmap.Activity
	Fields   []Field
	// Moves are the rows put in new places or renumbered.
	Moves []Move
	// Section is the section a row is added to or put in.
	Section *roadmap.Section
	// Cells are the cells a replacement throughout the text changes.
	Cells []Cell
}

// Cell is one cell of the table: column Field of row N (activity ID).
type Cell struct {
	ID    string
	N     roadmap.Number
	Field Field
}

// Plan is the clauses of an amending order: those amending the order's
// own text (its title, preamble and items) and those amending its annex,
// the roadmap.
type Plan struct {
	Order, Annex []Clause
}

// All is every clause, the order's first.
func (p Plan) All() []Clause { return append(slices.Clip(p.Order), p.Annex...) }

// Clauses plans the clauses of the amending order that turns the old
// version into the new one. The order's own text comes first, then the
// annex: roadmap-level changes, the new order of rows, replacements
// throughout the text, rows changed (by their old number), rows deleted,
// the renumbering, then rows added (by the number the clauses give
// them), so that no clause contradicts another. Fields that are not
// words of the document (ids, the recorded amendments) get no clause, nor
// does a cell whose text is the same and only its reading changed.
func Clauses(res *Result, numbering Numbering) Plan {
	var p Plan
	var changed, removed, added []*Change
	var reorder *Change
	for ci := range res.Changes {
		c := &res.Changes[ci]
		switch c.Kind {
		case KindRoadmap:
			for _, f := range c.Fields {
				switch {
				case f.Field == FieldID || f.Field == FieldAmendments || f.Field == FieldLevel:
				case orderText(f.Field):
					p.Order = append(p.Order, orderClauses(f, numbering)...)
				case f.Field == FieldExpectedResults && len(f.Added) > 0:
					p.Annex = append(p.Annex, Clause{Kind: ClauseResultAdd, Field: f.Field, Key: f.Key, Value: f.New})
				case f.Field == FieldExpectedResults && len(f.Removed) > 0:
					p.Annex = append(p.Annex, Clause{Kind: ClauseResultRemove, Field: f.Field, Key: f.Key})
				case f.Field == FieldExpectedResults:
					p.Annex = append(p.Annex, Clause{Kind: ClauseResultSet, Field: f.Field, Key: f.Key, Value: f.New})
				case f.New.IsZero():
					p.Annex = append(p.Annex, Clause{Kind: ClauseUnset, Field: f.Field})
				default:
					p.Annex = append(p.Annex, Clause{Kind: ClauseSet, Field: f.Field, Value: f.New})
				}
			}
		case KindReordered:
			reorder = c
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

	rows := planRows(res, numbering, len(removed)+len(added) > 0 || reorder != nil)
	if reorder != nil && !rows.renumber {
		if moves := reorder.NumberedMoves(); len(moves) > 0 {
			p.Annex = append(p.Annex, Clause{Kind: ClauseReorder, Moves: moves})
		}
	}
	everywhere, covered := replacements(res, changed)
	p.Annex = append(p.Annex, everywhere...)
	var renumbered []Move
	for _, c := range changed {
		var text []FieldChange
		moved := false
		for _, f := range c.Fields {
			if slices.Contains(Columns, f.Field) && CellText(f.Field, f.Old) != CellText(f.Field, f.New) &&
				!covered[Cell{ID: c.ID, Field: f.Field}] {
				text = append(text, f)
			}
			if f.Field == FieldN && !rows.structural {
				renumbered = append(renumbered, Move{ID: c.ID, OldN: c.OldN, NewN: c.NewN})
			}
			moved = moved || f.Field == FieldActivitySection
		}
		if moved {
			p.Annex = append(p.Annex, Clause{Kind: ClauseSection, Field: FieldActivitySection, ID: c.ID, N: c.OldN, NewN: c.NewN,
				Section: res.New.SectionOf(*c.New)})
		}
		switch len(text) {
		case 0:
		case 1:
			p.Annex = append(p.Annex, cellClause(c, text[0]))
		default:
			cl := Clause{Kind: ClauseRow, ID: c.ID, N: c.OldN, Activity: c.New}
			for _, f := range text {
				cl.Fields = append(cl.Fields, f.Field)
			}
			p.Annex = append(p.Annex, cl)
		}
	}
	for _, c := range removed {
		kind := ClauseRepeal
		if rows.renumber {
			kind = ClauseRemove
		}
		p.Annex = append(p.Annex, Clause{Kind: kind, ID: c.ID, N: c.OldN})
	}
	if rows.renumber {
		renumbered = rows.moves
	}
	if len(renumbered) > 0 {
		p.Annex = append(p.Annex, Clause{Kind: ClauseRenumber, Field: FieldN, Moves: renumbered})
	}
	for _, c := range added {
		p.Annex = append(p.Annex, Clause{Kind: ClauseAdd, ID: c.ID, N: rows.added[c.ID], Activity: c.New,
			Section: res.New.SectionOf(*c.New)})
	}
	return p
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

// cellClause plans the change of one cell: the changed number or words
// replaced, added or deleted when they are a part of the cell, the cell
// rewritten when most of it changed (and the executors always rewritten:
// they are a list, not a phrase).
func cellClause(c *Change, f FieldChange) Clause {
	cl := textClause(CellText(f.Field, f.Old), CellText(f.Field, f.New), f.Field != FieldExecutors)
	cl.Field, cl.ID, cl.N = f.Field, c.ID, c.OldN
	if cl.Kind == ClauseCell {
		cl.Value = f.New
	}
	return cl
}

// textClause plans the change of a text from old to new: the kind and
// the words, or ClauseCell (rewrite, Value.Text is new) and
// ClauseCellClear. words false rewrites the text whole unless only a
// number changed.
func textClause(old, new string, words bool) Clause {
	if o, n, ok := digitChange(old, new); ok {
		return Clause{Kind: ClauseDigits, Old: o, New: n}
	}
	if words {
		if s, ok := wordChange(old, new); ok {
			cl := Clause{Old: s.old, New: s.new, Anchor: s.anchor}
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
		return Clause{Kind: ClauseCellClear}
	}
	return Clause{Kind: ClauseCell, Value: Value{Text: new}}
}
