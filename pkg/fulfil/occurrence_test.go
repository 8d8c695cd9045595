package fulfil_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/report"
)

const quarterly = `format: roadmap/v1
id: q
district: Тестовый район
authority: Управление образования
period: {from: 2023, to: 2023}
document: {kind: order, number: "1", date: 2023-01-10}
activities:
  - id: quarterly-report
    n: 1
    title: Отчёт о работе
    due: ежеквартально
    indicator: Наличие отчёта
    executors: [МКУ]
  - id: ongoing
    n: 2
    title: Консультации
    due: постоянно
    indicator: Наличие плана
    executors: [МКУ]
  - id: meetings
    n: 3
    title: Совещания
    due: в течение года
    indicator: не менее 1 раза в квартал
    executors: [МКУ]
`

// TestOccurrences: a quarterly activity has a row per quarter in the form,
// each judged on its own: the quarter left empty while the others are
// reported is not met. A continuous one asks one fact a year and has no
// deadline to miss. A form of the old kind, one row for the year, covers
// the quarters its dates fall in. A count per quarter over a yearly
// deadline needs four times the bound in the year.
func TestOccurrences(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "q.yaml")
	if err := os.WriteFile(path, []byte(quarterly), 0o644); err != nil {
		t.Fatal(err)
	}
	rms := roadmaps(t, path)
	f, err := report.Template(rms, i18n.RU)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	rows, _ := f.GetRows(sheet)
	quarters := 0
	for i, row := range rows {
		if len(row) < 8 || row[2] == "" || row[2] == "ID" || strings.Contains(row[2], " ") {
			continue
		}
		line := i + 1
		switch {
		case row[2] == "quarterly-report" && strings.HasPrefix(row[7], "до "):
			quarters++
			if !strings.HasPrefix(row[7], "до 30.09.2023") { // the third quarter is left empty
				must(t, f.SetCellStr(sheet, fmt.Sprintf("I%d", line), "да"))
			}
		case row[2] == "ongoing":
			must(t, f.SetCellStr(sheet, fmt.Sprintf("I%d", line), "да"))
		case row[2] == "meetings":
			// Three in the year, against one a quarter: four are due.
			must(t, f.SetCellStr(sheet, fmt.Sprintf("I%d", line), "3"))
		}
	}
	if quarters != 4 {
		t.Fatalf("%d rows of the quarterly activity with a date in the plan, want 4", quarters)
	}
	form := filepath.Join(dir, "form.xlsx")
	must(t, f.SaveAs(form))

	// The old kind: one row for the year, its dates in three quarters.
	old := excelize.NewFile()
	for i, v := range []string{"Дорожная карта", "ID", "Год", "Факт", "Дата выполнения"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		must(t, old.SetCellStr("Sheet1", cell, v))
	}
	for i, v := range []string{"q", "quarterly-report", "2023", "да", "15.03.2023, 20.06.2023, 10.12.2023"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		must(t, old.SetCellStr("Sheet1", cell, v))
	}
	yearRow := filepath.Join(dir, "year.xlsx")
	must(t, old.SaveAs(yearRow))

	for _, tc := range []struct {
		file string
		want map[string]fulfil.Status
	}{
		{form, map[string]fulfil.Status{"quarterly-report 31.03.2023": fulfil.Met, "quarterly-report 30.06.2023": fulfil.Met,
			"quarterly-report 30.09.2023": fulfil.NotMet, "quarterly-report 31.12.2023": fulfil.Met, "ongoing -": fulfil.Met,
			"meetings 31.12.2023": fulfil.NotMet}},
		{yearRow, map[string]fulfil.Status{"quarterly-report 31.03.2023": fulfil.Met, "quarterly-report 30.06.2023": fulfil.Met,
			"quarterly-report 30.09.2023": fulfil.NotMet, "quarterly-report 31.12.2023": fulfil.Met}},
	} {
		results, _, err := fulfil.Evaluate(rms, []string{tc.file}, fulfil.Options{AsOf: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]fulfil.Status{}
		for _, r := range results {
			by := "-"
			if !r.Deadline.IsZero() {
				by = r.Deadline.Format("02.01.2006")
			}
			if r.ActivityID != "quarterly-report" && tc.file == yearRow {
				continue // not in the old form: no data
			}
			got[r.ActivityID+" "+by] = r.Status
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s:\n got %v\nwant %v", filepath.Base(tc.file), got, tc.want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestGrowthToEndValue: «увеличение охвата с 29,2 до 65 процентов» is met
// in its last year only at 65; «снижение … с 8,5 до 7,8» must fall, to 7,8.
func TestGrowthToEndValue(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml := strings.ReplaceAll(`format: roadmap/v1
id: g
district: Тестовый район
authority: Управление образования
period: {from: 2021, to: 2022}
document: {kind: order, number: "1", date: 2021-01-10}
activities:
  - id: rise
    n: 1
    title: Охват
    due: ежегодно
    indicator: увеличение охвата с 29,2 до 65 процентов
    executors: [МКУ]
  - id: fall
    n: 2
    title: Пропуски
    due: ежегодно
    indicator: снижение доли пропусков с 8,5 до 7,8 процента
    executors: [МКУ]
`, "\t", "")
	path := filepath.Join(dir, "g.yaml")
	must(t, os.WriteFile(path, []byte(yaml), 0o644))
	rms := roadmaps(t, path)
	f := excelize.NewFile()
	rows := [][]string{{"Дорожная карта", "ID", "Год", "Факт"},
		{"g", "rise", "2021", "40"}, {"g", "rise", "2022", "60"},
		{"g", "fall", "2021", "8,2"}, {"g", "fall", "2022", "7,8"}}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			must(t, f.SetCellStr("Sheet1", cell, v))
		}
	}
	book := filepath.Join(dir, "g.xlsx")
	must(t, f.SaveAs(book))
	results, _, err := fulfil.Evaluate(rms, []string{book}, fulfil.Options{AsOf: time.Date(2023, 2, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]fulfil.Status{"rise 2021": fulfil.Met, "rise 2022": fulfil.NotMet, "fall 2021": fulfil.Met, "fall 2022": fulfil.Met}
	got := map[string]fulfil.Status{}
	for _, r := range results {
		got[fmt.Sprintf("%s %d", r.ActivityID, r.Year)] = r.Status
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// TestUndatedAskedAtYearEnd: a continuous activity with no fact is not due
// before its year is over, and has no data after it.
func TestUndatedAskedAtYearEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "q.yaml")
	must(t, os.WriteFile(path, []byte(quarterly), 0o644))
	rms := roadmaps(t, path)
	f := excelize.NewFile()
	for c, v := range []string{"Дорожная карта", "ID", "Год", "Факт", "q", "quarterly-report", "2023", "да"} {
		cell, _ := excelize.CoordinatesToCellName(c%4+1, c/4+1)
		must(t, f.SetCellStr("Sheet1", cell, v))
	}
	book := filepath.Join(dir, "r.xlsx")
	must(t, f.SaveAs(book))
	for asOf, want := range map[string]fulfil.Status{"2023-06-01": fulfil.NotDue, "2024-01-10": fulfil.NoData} {
		at, _ := time.Parse("2006-01-02", asOf)
		results, _, err := fulfil.Evaluate(rms, []string{book}, fulfil.Options{AsOf: at, AllYears: true})
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, r := range results {
			if r.ActivityID == "ongoing" {
				seen++
				if r.Status != want {
					t.Errorf("as of %s: ongoing %s, want %s", asOf, r.Status, want)
				}
			}
		}
		if seen != 1 {
			t.Errorf("as of %s: %d results for ongoing, want 1", asOf, seen)
		}
	}
}

// TestDueOnTheDeadline: a deadline on the as-of date is due
// (docs/reports.md: not due is a deadline after it); the day before, not.
func TestDueOnTheDeadline(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "q.yaml")
	must(t, os.WriteFile(path, []byte(quarterly), 0o644))
	rms := roadmaps(t, path)
	f := excelize.NewFile()
	for c, v := range []string{"Дорожная карта", "ID", "Год", "Факт", "q", "meetings", "2023", "1"} {
		cell, _ := excelize.CoordinatesToCellName(c%4+1, c/4+1)
		must(t, f.SetCellStr("Sheet1", cell, v))
	}
	book := filepath.Join(dir, "r.xlsx")
	must(t, f.SaveAs(book))
	for asOf, want := range map[string]fulfil.Status{"2023-12-30": fulfil.NotDue, "2023-12-31": fulfil.NoData} {
		at, _ := time.Parse("2006-01-02", asOf)
		results, _, err := fulfil.Evaluate(rms, []string{book}, fulfil.Options{AsOf: at, AllYears: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			if r.ActivityID == "ongoing" && r.Status != want {
				t.Errorf("as of %s: ongoing (due 31.12.2023) %s, want %s", asOf, r.Status, want)
			}
			if r.ActivityID == "meetings" && asOf == "2023-12-31" && (r.Status != fulfil.NotMet || r.Why.Key != "fulfil.why.below") {
				t.Errorf("as of %s: meetings (1 of 4 a year) %s %v, want not met below the plan", asOf, r.Status, r.Why)
			}
		}
	}
}
