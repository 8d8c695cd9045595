package summary_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/summary"
)

// TestByActivityOwnersAsRows: up to MaxSideBySide owners stand side by
// side, three columns each; one more and they are rows, so that a
// country's by-activity sheet keeps seven columns (three per owner would
// pass Excel's 16,384 columns beyond 5,460 owners).
func TestByActivityOwnersAsRows(t *testing.T) {
	t.Parallel()
	results := func(owners int) []fulfil.Result {
		var rs []fulfil.Result
		for o := range owners {
			for _, year := range []int{2021, 2022} {
				rs = append(rs, fulfil.Result{RoadmapID: fmt.Sprintf("r%d", o), Owner: fmt.Sprintf("Район %03d", o), Level: "district",
					ActivityID: "plan", N: "1", Title: "Составление плана работы", Year: year, Status: fulfil.Met, Fact: "да"})
			}
		}
		return rs
	}
	opts := summary.Options{AsOf: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), Lang: i18n.RU}
	wide := summary.Build(summary.ByActivity, results(summary.MaxSideBySide), opts)
	if cols, rows := len(wide.Columns), len(wide.Rows); cols != 3+3*summary.MaxSideBySide || rows != 2 {
		t.Errorf("%d owners: %d columns, %d rows; want %d and 2", summary.MaxSideBySide, cols, rows, 3+3*summary.MaxSideBySide)
	}
	n := summary.MaxSideBySide + 1
	long := summary.Build(summary.ByActivity, results(n), opts)
	if cols, rows := len(long.Columns), len(long.Rows); cols != 7 || rows != 2*n {
		t.Fatalf("%d owners: %d columns, %d rows; want 7 and %d", n, cols, rows, 2*n)
	}
	if first, second := long.Rows[0], long.Rows[1]; first[3].Text != "Район 000" || second[3].Text != "Район 001" ||
		first[2].Num != 2021 || first[6].Status != string(fulfil.Met) {
		t.Errorf("rows %v, %v", first, second)
	}
}
