package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
)

// TestShippedRoadmaps: both real roadmaps pass with no error or warning,
// and one note that is the document's own: Bessonovsky's order of
// 14.07.2020 asks «по итогам учебного года» for 2020 too, due 30.06.2020
// (RM031). Every one of their 20 deadlines and indicators is read, the
// only text indicator being the one with no measure («Площадки СПО, ВПО»).
func TestShippedRoadmaps(t *testing.T) {
	res, err := check.Run([]string{"../../roadmaps"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	notes := 0
	for _, f := range res.Findings {
		if f.Code == diag.DueBeforeOrder && strings.HasSuffix(f.File, "bessonovsky.yaml") && f.Line == 111 {
			notes++
			continue
		}
		t.Errorf("finding in a shipped roadmap: %s %s %v", f.Where(), f.Code, f.Args)
	}
	if notes != 1 {
		t.Errorf("%d RM031 notes on Bessonovsky's «по итогам учебного года», want 1", notes)
	}
	if len(res.Roadmaps) != 2 {
		t.Fatalf("got %d roadmaps, want 2", len(res.Roadmaps))
	}
	activities := 0
	kinds := map[phrase.IndicatorKind]int{}
	for _, r := range res.Roadmaps {
		for _, a := range r.Activities {
			activities++
			where := fmt.Sprintf("%s activity %s", r.ID, a.N)
			if !a.Due.Parsed || len(a.Due.Schedule(r.Period.Context())) == 0 {
				t.Errorf("%s: deadline %q not read", where, a.Due.Text)
			}
			if !a.Indicator.Parsed {
				t.Errorf("%s: indicator %q not read", where, a.Indicator.Text)
			}
			kinds[a.Indicator.Kind]++
			if a.Indicator.Kind == phrase.KindText && a.Indicator.Text != "Площадки СПО, ВПО" {
				t.Errorf("%s: indicator %q left as text", where, a.Indicator.Text)
			}
		}
	}
	if activities != 20 {
		t.Errorf("got %d activities, want 20", activities)
	}
	want := map[phrase.IndicatorKind]int{
		phrase.KindDocument: 10, phrase.KindCount: 5, phrase.KindPercent: 2,
		phrase.KindTargets: 1, phrase.KindGrowth: 1, phrase.KindText: 1,
	}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("indicator kinds = %v, want %v", kinds, want)
	}
}

// TestRunDeterministic: files are loaded in parallel, yet two runs over
// the same files give the same findings in the same order.
func TestRunDeterministic(t *testing.T) {
	first, err := check.Run([]string{rulesDir, "../../roadmaps"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := check.Run([]string{rulesDir, "../../roadmaps"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(again.Findings) != fmt.Sprint(first.Findings) {
			t.Fatal("findings differ between runs")
		}
	}
	if len(first.Findings) < 30 {
		t.Errorf("only %d findings over all rule examples", len(first.Findings))
	}
}
