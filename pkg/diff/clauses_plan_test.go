package diff_test

import (
	"slices"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/diff/difftest"
)

// summary is a plan as "kind n→new" strings, for comparing with a table.
func summary(cs []diff.Clause) []string {
	names := map[diff.ClauseKind]string{
		diff.ClauseCell: "cell", diff.ClauseDigits: "digits", diff.ClauseReplace: "replace", diff.ClauseInsert: "insert",
		diff.ClauseRow: "row", diff.ClauseRemove: "remove", diff.ClauseRepeal: "repeal", diff.ClauseAdd: "add",
		diff.ClauseRenumber: "renumber", diff.ClauseEverywhere: "everywhere", diff.ClauseSection: "section",
		diff.ClauseReorder: "reorder", diff.ClauseSet: "set",
	}
	var out []string
	for _, c := range cs {
		s := names[c.Kind] + " " + c.N.String()
		for _, m := range c.Moves {
			s += " " + m.OldN.String() + ">" + m.NewN.String()
		}
		out = append(out, s)
	}
	return out
}

// TestClausePlan asserts the typed plan of the amending order: one
// numbering throughout (a repealed row keeps its number and new rows
// follow the last; or the row deleted and the rows after it renumbered in
// one clause), a replacement throughout as one clause, and an item of the
// order changed alone.
func TestClausePlan(t *testing.T) {
	t.Parallel()
	keep, renumber := diff.NumberingKeep, diff.NumberingRenumber
	tests := []struct {
		name        string
		numbering   diff.Numbering
		order, want []string
	}{
		{"delete-add", keep, nil, []string{"repeal 3", "add 6"}},
		{"delete-add", renumber, nil, []string{"remove 3", "renumber  4>3 5>4", "add 5"}},
		{"added", keep, nil, []string{"add 1.1"}},
		{"added", renumber, nil, []string{"renumber  2>3 3>4 4>5 5>6", "add 2"}},
		{"mixed", keep, nil, []string{"cell 1", "digits 3", "digits 4", "digits 5", "repeal 2", "add 6"}},
		{"renumber-numbers", keep, nil, []string{"renumber  4>3 5>4 6>5"}},
		{"sections", keep, nil, []string{"set ", "insert 1.1", "section 1.2", "digits 2.1", "add 2.3"}},
		{"sections", renumber, nil, []string{"set ", "insert 1.1", "section 1.2", "digits 2.1", "add 2.3"}},
		{"executor-everywhere", keep, nil, []string{"everywhere "}},
		{"order-clause", keep, []string{"replace 2", "add 3"}, []string{"insert 2"}},
		{"indicator-threshold", keep, nil, []string{"digits 4"}},
	}
	for _, tt := range tests {
		p := diff.Clauses(difftest.Compute(t, tt.name), tt.numbering)
		if got := summary(p.Order); !slices.Equal(got, tt.order) {
			t.Errorf("%s %s: order clauses %q, want %q", tt.name, tt.numbering, got, tt.order)
		}
		if got := summary(p.Annex); !slices.Equal(got, tt.want) {
			t.Errorf("%s %s: annex clauses %q, want %q", tt.name, tt.numbering, got, tt.want)
		}
	}
	p := diff.Clauses(difftest.Compute(t, "executor-everywhere"), keep)
	if c := p.Annex[0]; c.Old != "МКУ МЦПРО" || c.New != "МКУ «Центр развития образования»" || len(c.Cells) != 4 {
		t.Errorf("executor-everywhere: %+v", c)
	}
	if n, ok := diff.ParseNumbering("renumber"); !ok || n != renumber {
		t.Error("ParseNumbering(renumber)")
	}
	if _, ok := diff.ParseNumbering("sometimes"); ok {
		t.Error("ParseNumbering accepts an unknown name")
	}
}
