package fulfil_test

import (
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// FuzzEvaluate evaluates an activity of any deadline and indicator phrase
// against a report row of any fact, date and year: never a panic or an I/O
// error, every result has a known status, and an achievement is a finite
// number.
func FuzzEvaluate(f *testing.F) {
	f.Add("Ежегодно август", "Не менее 15 участников в год", "16", "2021-08-20", "2021")
	f.Add("до 01.09.2021", "Доля не менее 60%", "0,55", "", "2021")
	f.Add("2020 – 2022 гг.", "Наличие приказа", "приказ № 5 от 01.03.2021", "01.03.2021", "2021")
	f.Add("постоянно", "снижение с 29,2 до 15 %", "18,4%", "", "2022")
	f.Add("IV квартал", "не более 3 нарушений", "-1e308", "31.12.2020", "2020")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, due, indicator, fact, done, year string) {
		src := "format: roadmap/v1\nid: test\ndistrict: Тестовый район\nauthority: Управление образования\n" +
			"direction: Профориентация\nperiod: {from: 2020, to: 2022}\n" +
			"document: {kind: order, number: \"1\", date: 2020-01-15, title: Об утверждении}\n" +
			"activities:\n  - id: a\n    n: 1\n    title: Мероприятие\n" +
			"    due: " + strconv.Quote(due) + "\n    indicator: " + strconv.Quote(indicator) + "\n    executors: [МКУ МЦПРО]\n"
		rm, _ := roadmap.Parse("f.yaml", []byte(src))
		if rm == nil || len(rm.Activities) != 1 {
			return // the phrase broke the YAML (a quote strconv writes and YAML reads otherwise)
		}
		book := excelize.NewFile()
		defer book.Close()
		for i, row := range [][]string{
			{"Дорожная карта", "ID", "Год", "Факт", "Дата выполнения"},
			{"test", "a", year, fact, done},
		} {
			for j, v := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if err := book.SetCellStr("Sheet1", cell, v); err != nil {
					return // a value excelize refuses to hold (over 32,767 characters)
				}
			}
		}
		path := filepath.Join(dir, "r.xlsx")
		if err := book.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		results, _, err := fulfil.Evaluate([]*roadmap.Roadmap{rm}, []string{path}, fulfil.Options{AsOf: asOf, AllYears: true})
		if err != nil {
			t.Fatalf("an I/O error from a report's content: %v", err)
		}
		for _, r := range results {
			if !slices.Contains(fulfil.Statuses, r.Status) {
				t.Errorf("unknown status %q", r.Status)
			}
			if r.Achievement != nil && (math.IsNaN(*r.Achievement) || math.IsInf(*r.Achievement, 0)) {
				t.Errorf("achievement %v (fact %q, indicator %q)", *r.Achievement, fact, indicator)
			}
		}
	})
}
