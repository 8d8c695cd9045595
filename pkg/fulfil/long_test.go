package fulfil_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
)

// TestLongCellIsLinear: a report with a 1 MB cell (in «Факт» and in the
// title column) is read and judged in bounded time (issue 16).
func TestLongCellIsLinear(t *testing.T) {
	t.Parallel()
	rms := roadmaps(t)
	f := excelize.NewFile()
	long := strings.Repeat("очень длинный текст ", 50_000) // about 1 MB
	for i, row := range [][]string{
		{"Дорожная карта", "ID", "Мероприятие", "Год", "Факт"},
		{"bessonovsky-proforientatsiya", "work-plan", long, "2020", long},
		{"bessonovsky-proforientatsiya", "rmo-deputies", "", "2020", "16"},
	} {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	book := filepath.Join(t.TempDir(), "long.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	results, _, err := fulfil.Evaluate(rms, []string{book}, fulfil.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 10*time.Second || len(results) == 0 {
		t.Errorf("a 1 MB cell took %v, %d results", took, len(results))
	}
	t.Logf("a 1 MB cell: %v", time.Since(start))
}
