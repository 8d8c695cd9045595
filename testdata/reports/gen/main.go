//go:build ignore

// gen writes the report fixtures of testdata/reports: the generated form
// filled in programmatically for both seed roadmaps (every status and
// every indicator kind), a hand-made report of the kind districts type
// themselves, and broken workbooks. Run from the repository root:
//
//	go run testdata/reports/gen/main.go
//
// The LibreOffice-saved versions are made from these by
// testdata/reports/make-libreoffice.sh.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/report"
)

const dir = "testdata/reports"

// fill is what a district writes for an activity in a year.
type fill struct {
	fact    any // string, float64 or int
	percent bool
	date    string // YYYY-MM-DD
	// dateText is typed into the date cell as text: several dates.
	dateText string
	doc      string
	reason   string
}

type k struct {
	id   string
	year int
}

var bessonovsky = map[k]fill{
	{"work-plan", 2020}:                {fact: "да", date: "2020-08-20", doc: "План работы от 20.08.2020"},
	{"work-plan", 2021}:                {fact: "да", date: "2021-09-15", doc: "План работы от 15.09.2021"},
	{"methodical-services-plan", 2020}: {fact: "Приказ № 12 от 01.09.2020"},
	{"methodical-services-plan", 2021}: {fact: "нет", reason: "план не утверждён"},
	{"rmo-deputies", 2020}:             {fact: "15 чел."},
	{"rmo-deputies", 2021}:             {fact: 12},
	{"monitoring", 2021}:               {fact: "есть", doc: "Аналитический отчёт"},
	{"diagnostics", 2021}:              {fact: "+"},
	{"august-dialogue", 2021}:          {fact: 25, date: "2021-08-27"},
	{"events-with-partners", 2020}:     {fact: "да"},
	{"events-with-partners", 2021}:     {fact: "да"},
	{"proektoria", 2020}:               {fact: 57},
	{"proektoria", 2021}:               {fact: 0.62, percent: true},
	{"proektoria", 2022}:               {fact: "57,5 %"},
	{"ticket-to-future", 2020}:         {fact: "20%"},
	{"ticket-to-future", 2021}:         {fact: 30, reason: "карантин"},
	{"ticket-to-future", 2022}:         {fact: 45},
	{"art-profi-forum", 2020}:          {fact: 3},
	{"art-profi-forum", 2021}:          {fact: 4},
	{"management-decisions", 2020}:     {fact: 1, reason: "нормативный акт не принят"},
	{"management-decisions", 2021}:     {fact: 2},
	{"effectiveness-analysis", 2020}:   {fact: "да", date: "2020-06-25"},
	{"effectiveness-analysis", 2021}:   {fact: "да"},
}

var nikolsky = map[k]fill{
	{"methodical-services-plan", 2020}: {fact: "да"},
	// Due in February and September: the dates show September was missed.
	{"seminars-education-for-life", 2020}: {fact: 30, dateText: "20.02.2020; 14.10.2020", reason: "осенний семинар перенесён"},
	{"monitoring", 2021}:                  {fact: 1, reason: "рекомендации готовятся"},
	{"monitoring", 2022}:                  {fact: 2},
	{"diagnostics", 2021}:                 {fact: 2},
	{"august-dialogue", 2020}:             {fact: 14, reason: "совещание в дистанционном формате"},
	{"events-with-partners", 2020}:        {fact: "выполнено"},
	{"events-with-partners", 2021}:        {fact: "проведены 2 площадки"},
	{"proektoria", 2020}:                  {fact: 0.6, percent: true},
	{"proektoria", 2021}:                  {fact: "59,9", reason: "низкая посещаемость"},
	{"ticket-to-future", 2020}:            {fact: 10},
	{"ticket-to-future", 2021}:            {fact: 12},
	{"ticket-to-future", 2022}:            {fact: 11},
}

func main() {
	res, err := check.Run([]string{"roadmaps"}, nil)
	if err != nil {
		log.Fatal(err)
	}
	f, err := report.Template(res.Roadmaps, i18n.RU)
	if err != nil {
		log.Fatal(err)
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10, Protection: &excelize.Protection{Locked: false}})
	dateFmt := "dd.mm.yyyy"
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Protection: &excelize.Protection{Locked: false}})
	for _, sheet := range f.GetSheetList() {
		values := bessonovsky
		if sheet == "Никольский район" {
			values = nikolsky
		}
		rows, _ := f.GetRows(sheet)
		for i, row := range rows {
			if len(row) < 7 || row[2] == "ID" {
				continue
			}
			year, err := strconv.Atoi(row[6])
			if err != nil {
				continue
			}
			v, ok := values[k{row[2], year}]
			if !ok {
				continue
			}
			line := i + 1
			cell := func(col string) string { return fmt.Sprintf("%s%d", col, line) }
			switch x := v.fact.(type) {
			case string:
				must(f.SetCellStr(sheet, cell("I"), x))
			case int:
				must(f.SetCellInt(sheet, cell("I"), int64(x)))
			case float64:
				must(f.SetCellFloat(sheet, cell("I"), x, -1, 64))
			}
			if v.percent {
				must(f.SetCellStyle(sheet, cell("I"), cell("I"), pct))
			}
			if v.date != "" {
				must(f.SetCellValue(sheet, cell("J"), mustTime(v.date)))
				must(f.SetCellStyle(sheet, cell("J"), cell("J"), date))
			}
			if v.dateText != "" {
				must(f.SetCellStr(sheet, cell("J"), v.dateText))
			}
			if v.doc != "" {
				must(f.SetCellStr(sheet, cell("K"), v.doc))
			}
			if v.reason != "" {
				must(f.SetCellStr(sheet, cell("L"), v.reason))
			}
		}
	}
	must(f.SaveAs(filepath.Join(dir, "seeds-2020-2022.xlsx")))
	handmade()
	problems()
	broken()
}

// problems is a report whose rows each carry one problem a reader must
// name with its cell: an unknown roadmap, an unknown activity, a year
// outside the period, a year that cannot be read, two rows for the same
// activity and year with different values, a value that cannot be read
// for its indicator, and a share (0.55) in a percent fact; a second sheet
// has more merged ranges than a report may (RM117).
func problems() {
	f := excelize.NewFile()
	sheet := "Лист1"
	must(f.SetSheetName("Sheet1", sheet))
	rows := [][]any{
		{"Дорожная карта", "ID", "Год", "Факт", "Причина отклонения"},
		{"bessonovsky-proforientatsiya", "work-plan", 2020, "да"},
		{"no-such-roadmap", "work-plan", 2020, "да"},
		{"bessonovsky-proforientatsiya", "no-such-activity", 2020, "да"},
		{"bessonovsky-proforientatsiya", "proektoria", 2025, 60},
		{"bessonovsky-proforientatsiya", "proektoria", "прошлый", 60},
		{"bessonovsky-proforientatsiya", "rmo-deputies", 2020, 16},
		{"bessonovsky-proforientatsiya", "rmo-deputies", 2020, 18},
		{"bessonovsky-proforientatsiya", "art-profi-forum", 2020, "много"},
		{"bessonovsky-proforientatsiya", "proektoria", 2020, 0.55},
	}
	for i, r := range rows {
		for j, v := range r {
			col, _ := excelize.ColumnNumberToName(j + 1)
			must(f.SetCellValue(sheet, fmt.Sprintf("%s%d", col, i+1), v))
		}
	}
	merged := "Объединения"
	_, err := f.NewSheet(merged)
	must(err)
	for i := 1; i <= 10_001; i++ {
		must(f.MergeCell(merged, fmt.Sprintf("F%d", i), fmt.Sprintf("G%d", i)))
	}
	must(f.SaveAs(filepath.Join(dir, "problems-2020.xlsx")))

	// More than a report may say: every row names an unknown activity.
	many := excelize.NewFile()
	must(many.SetCellValue("Sheet1", "A1", "ID"))
	must(many.SetCellValue("Sheet1", "B1", "Год"))
	must(many.SetCellValue("Sheet1", "C1", "Факт"))
	for i := 2; i <= 252; i++ {
		must(many.SetCellValue("Sheet1", fmt.Sprintf("A%d", i), fmt.Sprintf("unknown-%d", i)))
		must(many.SetCellValue("Sheet1", fmt.Sprintf("B%d", i), 2021))
		must(many.SetCellValue("Sheet1", fmt.Sprintf("C%d", i), 1))
	}
	must(many.SaveAs(filepath.Join(dir, "bad", "many-errors.xlsx")))
}

// handmade is a 2021 report typed by a district: title rows, a header over
// two rows with a merged "Индикативный показатель" above "План" and
// "Факт", "№ п/п" instead of ids, a column-number row, no year column (the
// title says the year), a comment column the form does not have, an empty
// row, and values typed as text.
func handmade() {
	f := excelize.NewFile()
	sheet := "Бессоновский район"
	must(f.SetSheetName("Sheet1", sheet))
	set := func(cell string, v any) { must(f.SetCellValue(sheet, cell, v)) }
	set("A1", "ОТЧЁТ")
	set("A2", "о выполнении муниципальной дорожной карты по профориентации за 2021 год")
	set("A4", "№\nп/п")
	set("B4", "Наименование мероприятия")
	set("C4", "Индикативный показатель")
	set("E4", "Ответственный")
	set("F4", "Обоснование причин отклонения")
	set("C5", "План")
	set("D5", "Фактическое значение")
	must(f.MergeCell(sheet, "A4", "A5"))
	must(f.MergeCell(sheet, "B4", "B5"))
	must(f.MergeCell(sheet, "C4", "D4"))
	must(f.MergeCell(sheet, "E4", "E5"))
	must(f.MergeCell(sheet, "F4", "F5"))
	for i, n := range []string{"1", "2", "3", "4", "5", "6"} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		set(col+"6", n)
	}
	rows := [][]any{
		{1, "Составление Плана работы", "наличие", "есть", "МКУ МЦПРО", ""},
		{2, "Планирование работы служб", "наличие", "да", "", ""},
		{3, "Проведение РМО", "15", "17 чел.", "", ""},
		{},
		{8, "ПроеКтория", "55%", "57,5 %", "", ""},
		{9, "Билет в будущее", "35%", "0,4", "", ""},
		{10, "Арт-Профи-Форум", "3", "2", "", ""},
	}
	for i, r := range rows {
		for j, v := range r {
			col, _ := excelize.ColumnNumberToName(j + 1)
			set(fmt.Sprintf("%s%d", col, 7+i), v)
		}
	}
	// "0,4" in a percent-formatted cell: a district that typed 0,4 meaning 40 %.
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	must(f.SetCellFloat(sheet, "D12", 0.4, -1, 64))
	must(f.SetCellStyle(sheet, "D12", "D12", pct))
	must(f.SaveAs(filepath.Join(dir, "handmade-2021.xlsx")))
}

// broken writes the workbooks that must give findings, not crashes.
func broken() {
	must(os.WriteFile(filepath.Join(dir, "bad", "not-xlsx.xlsx"), []byte("Это не книга Excel, а текст.\n"), 0o644))
	data, err := os.ReadFile(filepath.Join(dir, "handmade-2021.xlsx"))
	must(err)
	must(os.WriteFile(filepath.Join(dir, "bad", "truncated.xlsx"), data[:len(data)/2], 0o644))
	empty := excelize.NewFile()
	must(empty.SaveAs(filepath.Join(dir, "bad", "empty.xlsx")))
	locked, err := excelize.OpenFile(filepath.Join(dir, "handmade-2021.xlsx"))
	must(err)
	must(locked.SaveAs(filepath.Join(dir, "bad", "password.xlsx"), excelize.Options{Password: "секрет"}))
}

func mustTime(s string) any {
	d, err := timeParse(s)
	must(err)
	return d
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func timeParse(s string) (any, error) { return time.Parse("2006-01-02", s) }
