package fulfil_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

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

// TestOwnerFromTitle: a report without a roadmap or district column is
// told by its title rows; a district's title names its region too, so
// districts are matched before the region, whatever the order of loading.
func TestOwnerFromTitle(t *testing.T) {
	t.Parallel()
	rms := append(roadmaps(t, filepath.Join(regional, "roadmap.yaml")), roadmaps(t)...)
	for _, tt := range []struct{ title, n, want string }{
		{"Отчёт Бессоновского района Пензенской области за 2021 год", "1", "bessonovsky-proforientatsiya"},
		{"Отчёт Министерства образования Пензенской области за 2021 год", "1.1", "penza-region-proforientatsiya"},
	} {
		f := excelize.NewFile()
		for cell, v := range map[string]string{"A1": tt.title, "A3": "№", "B3": "Факт", "C3": "Год", "A4": tt.n, "B4": "да", "C4": "2021"} {
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(t.TempDir(), "report.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		results, fs, err := fulfil.Evaluate(rms, []string{path}, fulfil.Options{AsOf: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range results {
			if r.Fact != "" {
				got = append(got, r.RoadmapID+" "+string(r.N))
			}
		}
		if want := "[" + tt.want + " " + tt.n + "]"; fmt.Sprint(got) != want {
			t.Errorf("%q: reported %v, want %s (findings %v)", tt.title, got, want, fs)
		}
	}
}
