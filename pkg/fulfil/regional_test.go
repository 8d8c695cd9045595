package fulfil_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/golden"
)

const regional = "../../testdata/regional"

// TestRegionalReport evaluates the filled form of the regional roadmap,
// the seeds loaded beside it: the section heading rows are no activity,
// rows without an ID are matched by their number (1.2 typed as text, 2.1
// stored by Excel as a number), 1.2 is measured by its expected result,
// 2.1 by its indicator, and the owner is the region.
func TestRegionalReport(t *testing.T) {
	t.Parallel()
	rms := roadmaps(t, "../../roadmaps", filepath.Join(regional, "roadmap.yaml"))
	results, fs, err := fulfil.Evaluate(rms, []string{filepath.Join(regional, "report-2022.xlsx")},
		fulfil.Options{AsOf: time.Date(2023, 1, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	golden.Compare(t, filepath.Join(regional, "fulfil.golden"), summary(results, fs))
	want := map[string]fulfil.Status{
		"regional-plan/2021":    fulfil.Met,
		"regional-plan/2022":    fulfil.MetLate,
		"regional-plan/2023":    fulfil.NotDue,
		"municipal-plans/2021":  fulfil.Met,
		"municipal-plans/2022":  fulfil.NotMet,
		"municipal-plans/2023":  fulfil.NotDue,
		"teacher-training/2022": fulfil.Met,
		"teacher-training/2023": fulfil.NotDue,
	}
	for _, r := range results {
		k := r.ActivityID + "/" + fmt.Sprint(r.Year)
		if r.Status != want[k] {
			t.Errorf("%s: status %s, want %s", k, r.Status, want[k])
		}
		delete(want, k)
		if r.Owner != "Пензенская область" || r.Level != "region" || r.Section.ID == "" {
			t.Errorf("%s: owner %q, level %q, section %+v", k, r.Owner, r.Level, r.Section)
		}
	}
	for k := range want {
		t.Errorf("%s not evaluated", k)
	}
	if len(fs) != 2 {
		t.Errorf("findings: %v", fs)
	}
}
