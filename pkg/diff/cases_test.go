package diff_test

import (
	"slices"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/diff/difftest"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// field finds a field change of the change of activity id (or of the
// roadmap when id is "").
func field(res *diff.Result, id, name string) (diff.FieldChange, bool) {
	for _, c := range res.Changes {
		if (id == "" && c.Kind == diff.KindRoadmap) || (id != "" && c.ID == id) {
			for _, f := range c.Fields {
				if f.Field.String() == name {
					return f, true
				}
			}
		}
	}
	return diff.FieldChange{}, false
}

func kinds(res *diff.Result) []diff.Kind {
	var out []diff.Kind
	for _, c := range res.Changes {
		out = append(out, c.Kind)
	}
	return out
}

// TestCases asserts the meaning of each case, independent of any format.
func TestCases(t *testing.T) {
	compute := func(name string) *diff.Result { return difftest.Compute(t, name) }
	for _, name := range []string{"formatting", "renumber"} {
		if res := compute(name); !res.Empty() {
			t.Errorf("%s: want no changes, got %+v", name, res.Changes)
		}
	}
	if res := compute("renumber-numbers"); len(res.Changes) != 3 {
		t.Errorf("renumber-numbers: want 3 renumbered activities, got %v", kinds(res))
	} else if f, ok := field(res, "proektoria", "n"); !ok || f.Old.Number != "5" || f.New.Number != "4" {
		t.Errorf("renumber-numbers: proektoria n = %+v", f)
	}

	res := compute("due")
	f, ok := field(res, "august-dialogue", "due")
	if !ok || f.SameMeaning || f.Deadlines == nil || len(f.Deadlines.New) != 1 || f.Deadlines.New[0].Year != 2022 {
		t.Errorf("due: %+v", f)
	}
	res = compute("due-meaning")
	if f, ok := field(res, "august-dialogue", "due"); !ok || !f.SameMeaning || f.Old.Due.Text == f.New.Due.Text {
		t.Errorf("due-meaning: text changed, meaning same: %+v", f)
	}
	if f, ok := field(res, "work-plan", "due"); !ok || f.SameMeaning || f.Old.Due.Text != f.New.Due.Text || len(f.Deadlines.New) != 2 {
		t.Errorf("due-meaning: same text, new meaning: %+v", f)
	}
	res = compute("indicator-threshold")
	if f, ok := field(res, "proektoria", "indicator.threshold"); !ok || *f.Old.Threshold.Min != 55 || *f.New.Threshold.Min != 60 || f.New.Threshold.Unit != "%" {
		t.Errorf("indicator-threshold: %+v", f)
	}
	res = compute("indicator-kind")
	if f, ok := field(res, "august-dialogue", "indicator.kind"); !ok || f.Old.Kind != phrase.KindCount || f.New.Kind != phrase.KindDocument {
		t.Errorf("indicator-kind: %+v", f)
	}
	res = compute("targets")
	if f, ok := field(res, "ticket-to-future", "indicator.targets"); !ok || len(f.Targets) != 3 ||
		f.Targets[0].Year != 2020 || f.Targets[0].New != nil || *f.Targets[1].New != 40 {
		t.Errorf("targets: %+v", f)
	}
	res = compute("executors")
	if f, ok := field(res, "proektoria", "executors"); !ok || !slices.Equal(f.Added, []string{"Управление образования"}) ||
		!slices.Equal(f.Removed, []string{"МКУ МЦПРО"}) {
		t.Errorf("executors: %+v", f)
	}
	if got := kinds(compute("added")); !slices.Equal(got, []diff.Kind{diff.KindAdded}) {
		t.Errorf("added (the following renumbered): %v", got)
	}
	if got := kinds(compute("removed")); !slices.Equal(got, []diff.Kind{diff.KindRemoved}) {
		t.Errorf("removed: %v", got)
	}
	res = compute("rename")
	if got := kinds(res); !slices.Equal(got, []diff.Kind{diff.KindRenamed, diff.KindRenamed}) {
		t.Errorf("rename: %v", got)
	} else if c := res.Changes[1]; c.OldID != "ticket-to-future" || c.ID != "bilet-v-budushchee" || c.Similarity < 0.9 || c.Similarity == 1 || len(c.Fields) != 3 {
		t.Errorf("rename: %+v", c)
	}
	res = compute("reorder")
	if got := kinds(res); !slices.Equal(got, []diff.Kind{diff.KindReordered}) || len(res.Changes[0].Moved) != 1 ||
		res.Changes[0].Moved[0] != (diff.Move{ID: "proektoria", OldN: "4", NewN: "3"}) {
		t.Errorf("reorder: %+v", res.Changes)
	}
	res = compute("period")
	if f, ok := field(res, "", "period"); !ok || *f.Old.Period != (roadmap.Period{From: 2020, To: 2022}) || *f.New.Period != (roadmap.Period{From: 2020, To: 2023}) {
		t.Errorf("period: %+v", f)
	}
	res = compute("document")
	for _, name := range []string{"document.number", "document.date", "document.signed_by"} {
		if _, ok := field(res, "", name); !ok {
			t.Errorf("document: no %s change", name)
		}
	}
	res = compute("goals")
	if f, ok := field(res, "", "goals"); !ok || len(f.Added) != 2 || len(f.Removed) != 1 {
		t.Errorf("goals: %+v", f)
	}
	res = compute("expected-results")
	if c := res.Changes[0]; len(c.Fields) != 2 || c.Fields[1].Key != "Информационная система" || len(c.Fields[1].Added) != 1 {
		t.Errorf("expected-results: %+v", c.Fields)
	}
	res = compute("amendments")
	if f, ok := field(res, "", "amendments"); !ok || len(f.AddedAmendments) != 1 || f.AddedAmendments[0].Number != "30" {
		t.Errorf("amendments: %+v", f)
	}
}
