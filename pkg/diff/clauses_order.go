package diff

import (
	"strconv"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// orderText reports whether f is the order's own text, which the
// amending order changes apart from the annex.
func orderText(f Field) bool {
	return f == FieldDocumentTitle || f == FieldDocumentPreamble || f == FieldDocumentClauses
}

// orderClauses plans the change of the order's title, preamble or items:
// the words changed, and of the items only those that changed, numbered
// as numbering asks.
func orderClauses(f FieldChange, numbering Numbering) []Clause {
	if f.Field != FieldDocumentClauses {
		cl := textClause(f.Old.Text, f.New.Text, true)
		cl.Field = f.Field
		switch cl.Kind {
		case ClauseCellClear:
			cl.Kind = ClauseUnset
		case ClauseCell:
			cl.Kind = ClauseSet
		}
		return []Clause{cl}
	}
	old, new := f.Old.List, f.New.List
	p, s := 0, 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	om, nm := old[p:len(old)-s], new[p:len(new)-s]
	k := min(len(om), len(nm))
	item := func(i int) roadmap.Number { return roadmap.NumberOf(i + 1) }
	var out []Clause
	for i := range k {
		cl := textClause(om[i], nm[i], true)
		cl.Field, cl.N = f.Field, item(p+i)
		out = append(out, cl)
	}
	renumber := numbering == NumberingRenumber || (s > 0 && p+k == 0 && len(nm) > k)
	for i := k; i < len(om); i++ {
		kind := ClauseRepeal
		if renumber {
			kind = ClauseRemove
		}
		out = append(out, Clause{Kind: kind, Field: f.Field, N: item(p + i)})
	}
	if renumber && len(om) != len(nm) && s > 0 {
		cl := Clause{Kind: ClauseRenumber, Field: f.Field}
		for t := range s {
			cl.Moves = append(cl.Moves, Move{OldN: item(len(old) - s + t), NewN: item(len(new) - s + t)})
		}
		out = append(out, cl)
	}
	for i := k; i < len(nm); i++ {
		n := item(p + i)
		switch {
		case renumber:
		case s == 0:
			n = item(len(old) + i - k)
		default:
			n = roadmap.Number(string(item(p+k-1)) + "." + strconv.Itoa(i-k+1))
		}
		out = append(out, Clause{Kind: ClauseAdd, Field: f.Field, N: n, Value: Value{Text: nm[i]}})
	}
	return out
}
