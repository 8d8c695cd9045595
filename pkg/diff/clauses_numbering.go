package diff

import (
	"slices"
	"strconv"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// rowPlan is how the clauses number the rows of the table.
type rowPlan struct {
	// renumber: deleted rows are deleted and the rows whose number
	// changed are renumbered by moves; else deleted rows are repealed and
	// keep their numbers.
	renumber bool
	// structural: rows were deleted, added or moved, so that a changed n
	// follows from those clauses and gets none of its own.
	structural bool
	moves      []Move
	// added are the numbers the clauses give the new rows, by id.
	added map[string]roadmap.Number
}

// planRows numbers the rows as numbering asks. Keeping numbers is not
// possible for a row inserted before the first one (nothing to number it
// after): the rows are renumbered then.
func planRows(res *Result, numbering Numbering, structural bool) rowPlan {
	rp := rowPlan{structural: structural, added: map[string]roadmap.Number{}}
	if res.Old == nil || res.New == nil {
		return rp
	}
	old, new := res.Old.Activities, res.New.Activities
	oldIdx := make(map[string]int, len(old))
	for i := len(old) - 1; i >= 0; i-- {
		oldIdx[old[i].ID] = i
	}
	renamedFrom, added, sectionMoved, reordered := map[string]string{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, c := range res.Changes {
		switch c.Kind {
		case KindRenamed:
			renamedFrom[c.ID] = c.OldID
		case KindAdded:
			added[c.ID] = true
		case KindReordered:
			for _, m := range c.NumberedMoves() {
				reordered[m.ID] = true
			}
		}
		for _, f := range c.Fields {
			if f.Field == FieldActivitySection {
				sectionMoved[c.ID] = true
			}
		}
	}
	match := make([]int, len(new))
	for j, a := range new {
		match[j] = -1
		if added[a.ID] {
			continue
		}
		id := a.ID
		if o, ok := renamedFrom[id]; ok {
			id = o
		}
		if i, ok := oldIdx[id]; ok {
			match[j] = i
		}
	}
	if numbering == NumberingKeep {
		if nums, ok := keepNumbers(old, new, match, func(id string) bool { return sectionMoved[id] || reordered[id] }); ok {
			rp.added = nums
			return rp
		}
	}
	rp.renumber = true
	for j, a := range new {
		i := match[j]
		if i < 0 {
			rp.added[a.ID] = a.N
			continue
		}
		if o := old[i]; o.N != a.N && !sectionMoved[a.ID] {
			rp.moves = append(rp.moves, Move{ID: a.ID, OldN: o.N, NewN: a.N})
		}
	}
	slices.SortStableFunc(rp.moves, func(a, b Move) int { return a.OldN.Compare(b.OldN) })
	return rp
}

// keepNumbers numbers the new rows while every other row keeps its number
// (or takes the one a clause of its own gives it, when renamed says so):
// a row after the last of its section takes the next number there, one
// between rows the number of the row before it and «.1», «.2».
func keepNumbers(old, new []roadmap.Activity, match []int, renamed func(id string) bool) (map[string]roadmap.Number, bool) {
	last := map[string]roadmap.Number{} // by section: the greatest number taken
	take := func(sec string, n roadmap.Number) {
		if cur, ok := last[sec]; !ok || n.Compare(cur) > 0 {
			last[sec] = n
		}
	}
	for _, a := range old {
		take(a.Section, a.N)
	}
	number := make([]roadmap.Number, len(new))
	keptAfter := make([]bool, len(new))
	seen := map[string]bool{}
	for j := len(new) - 1; j >= 0; j-- {
		keptAfter[j] = seen[new[j].Section]
		if i := match[j]; i >= 0 {
			number[j] = old[i].N
			if renamed(new[j].ID) {
				number[j] = new[j].N
				take(new[j].Section, new[j].N)
			}
			seen[new[j].Section] = true
		}
	}
	out := map[string]roadmap.Number{}
	prev := map[string]roadmap.Number{}
	sub := map[roadmap.Number]int{}
	for j, a := range new {
		if match[j] >= 0 {
			prev[a.Section] = number[j]
			continue
		}
		var n roadmap.Number
		switch m, ok := last[a.Section]; {
		case !keptAfter[j] && !ok:
			n = a.N // a new section: its rows as the new version numbers them
		case !keptAfter[j]:
			n = m.With(m.Last() + 1)
		case prev[a.Section] == "":
			return nil, false
		default:
			p := prev[a.Section]
			sub[p]++
			n = roadmap.Number(string(p) + "." + strconv.Itoa(sub[p]))
		}
		take(a.Section, n)
		out[a.ID] = n
	}
	return out, true
}
