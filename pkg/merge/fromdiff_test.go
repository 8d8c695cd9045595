package merge_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/diff/difftest"
	"github.com/roadmap-edu/roadmap/pkg/merge"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// TestFromDiffRoundTrip: for every case of testdata/diff, the amendment
// file written from the change set, applied to OLD, gives a roadmap with
// no difference from NEW; and the clauses of the amending order and the
// amendment file name the same activities and fields.
func TestFromDiffRoundTrip(t *testing.T) {
	t.Parallel()
	for _, name := range difftest.Cases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			old, new := difftest.Load(t, name)
			res := diff.Compute(old, new, diff.Options{})
			am, left := merge.FromDiff(res)
			if len(left) > 0 {
				t.Fatalf("FromDiff left out %v", left)
			}
			filled := am.Document.Number == ""
			if filled {
				am.Document = amendment.Document{Kind: roadmap.KindOrder, Number: "99/01-09",
					Date: roadmap.Date{Year: 2099, Month: 1, Day: 2}, Title: "О внесении изменений"}
			}
			data, err := am.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			file, fs := amendment.Parse("amendment.yaml", data)
			if file == nil || len(fs) > 0 {
				t.Fatalf("the amendment file does not read back: %v\n%s", fs, data)
			}
			base, err := os.ReadFile(filepath.Join(difftest.Dir(), name, "old.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			out, fs, err := merge.Apply("old.yaml", base, []*amendment.Amendment{file})
			if err != nil || out == nil || len(fs) > 0 {
				t.Fatalf("apply: %v %v\n%s", err, fs, data)
			}
			got, fs := roadmap.Parse("applied.yaml", out)
			if got == nil || len(fs) > 0 {
				t.Fatalf("the result does not load: %v\n%s", fs, out)
			}
			if filled {
				// The document the test filled in is recorded too.
				n := len(got.Amendments)
				if n == 0 || got.Amendments[n-1].Number != "99/01-09" {
					t.Fatalf("the amending document is not recorded: %v", got.Amendments)
				}
				got.Amendments = got.Amendments[:n-1]
			}
			if back := diff.Compute(got, new, diff.Options{}); !back.Empty() {
				t.Errorf("applied amendment differs from new.yaml: %+v\namendment:\n%s\nresult:\n%s", back.Changes, data, out)
			}
			for _, n := range []diff.Numbering{diff.NumberingKeep, diff.NumberingRenumber} {
				if c, f := clauseSet(res, n), fileSet(res, file); !slices.Equal(c, f) {
					t.Errorf("numbering %s: the clauses name %q\nthe amendment file names %q", n, c, f)
				}
			}
		})
	}
}

// clauseSet lists what the clauses of the amending order change, as
// "activity-id field", "roadmap field", "+id", "-id", ">id"; a clause of
// the order's own text changes a roadmap field.
func clauseSet(res *diff.Result, numbering diff.Numbering) []string {
	var out []string
	plan := diff.Clauses(res, numbering)
	moved := map[string]bool{}
	for _, c := range res.Changes {
		for _, m := range c.NumberedMoves() {
			moved[m.ID] = true
		}
	}
	for _, c := range plan.Order {
		out = append(out, "roadmap "+c.Field.String())
	}
	for _, c := range plan.Annex {
		switch c.Kind {
		case diff.ClauseAdd:
			out = append(out, "+"+c.ID)
		case diff.ClauseEverywhere:
			for _, cell := range c.Cells {
				out = append(out, cell.ID+" "+cell.Field.Key())
			}
		case diff.ClauseRemove, diff.ClauseRepeal:
			out = append(out, "-"+c.ID)
		case diff.ClauseReorder:
			for _, m := range c.Moves {
				out = append(out, ">"+m.ID)
			}
		case diff.ClauseRow:
			for _, f := range c.Fields {
				out = append(out, c.ID+" "+f.Key())
			}
		case diff.ClauseRenumber:
			// Renumbering the rows states a reorder too: those rows moved.
			for _, m := range c.Moves {
				if moved[m.ID] {
					out = append(out, ">"+m.ID)
				}
			}
		case diff.ClauseSet, diff.ClauseUnset, diff.ClauseResultAdd, diff.ClauseResultRemove, diff.ClauseResultSet:
			out = append(out, "roadmap "+c.Field.String())
		default:
			out = append(out, c.ID+" "+c.Field.Key())
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// fileSet lists what the amendment file changes, in clauseSet's terms.
// Fields that are not words of the document get no clause and are left
// out here: a new id, a cell whose text is the same (its reading
// changed), and a move that keeps the row's number.
func fileSet(res *diff.Result, a *amendment.Amendment) []string {
	newID := map[string]string{}
	sameText := map[string]bool{}
	sameN := map[string]bool{}
	for _, c := range res.Changes {
		for _, m := range c.Moved {
			sameN[m.ID] = m.OldN == m.NewN
		}
		if c.Kind == diff.KindRenamed {
			newID[c.OldID] = c.ID
		}
		for _, f := range c.Fields {
			if slices.Contains(diff.Columns, f.Field) && diff.CellText(f.Field, f.Old) == diff.CellText(f.Field, f.New) {
				sameText[c.ID+" "+f.Field.Key()] = true
			}
		}
	}
	var out []string
	for _, c := range a.Changes {
		switch c.Kind {
		case amendment.ChangeAdd:
			out = append(out, "+"+c.ID)
		case amendment.ChangeRemove:
			out = append(out, "-"+c.ID)
		case amendment.ChangeMove:
			// A row that keeps its number moved only because another went
			// to another section: the clauses say that one.
			if !sameN[c.ID] {
				out = append(out, ">"+c.ID)
			}
		case amendment.ChangeSet:
			id := c.ID
			if n, ok := newID[id]; ok {
				id = n
			}
			for _, f := range c.Fields {
				if k := id + " " + f.Key; f.Key != "id" && !sameText[k] {
					out = append(out, k)
				}
			}
		case amendment.ChangeRoadmap:
			for _, f := range c.Fields {
				if f.Key == "document" {
					for i := 0; i+1 < len(f.Value.Content); i += 2 {
						out = append(out, "roadmap document."+f.Value.Content[i].Value)
					}
					continue
				}
				out = append(out, "roadmap "+f.Key)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
