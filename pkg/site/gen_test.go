package site_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The generated region: districts, each with roadmaps of the same
// directions, each roadmap with the same twelve activities of varied
// deadlines and indicators, and a report of 2020 and 2021 whose facts
// vary by district, roadmap and activity (a fixed hash, no randomness).

var districtNames = []string{"Бессоновский", "Никольский", "Белинский", "Городищенский", "Земетчинский",
	"Каменский", "Колышлейский", "Кузнецкий", "Лопатинский", "Лунинский", "Мокшанский", "Наровчатский",
	"Нижнеломовский", "Пачелмский", "Пензенский", "Сердобский", "Сосновоборский", "Тамалинский",
	"Шемышейский", "Башмаковский", "Вадинский", "Иссинский", "Камешкирский", "Кольцовский",
	"Малосердобинский", "Неверкинский", "Спасский", "Белгородский", "Бековский", "Вазерский"}

var directions = []string{"Профориентация", "Оценка качества образования", "Развитие талантов",
	"Воспитание", "Цифровая образовательная среда", "Инклюзивное образование", "Кадровое обеспечение",
	"Дополнительное образование", "Здоровьесбережение", "Работа с родителями"}

// activity is a template of a generated activity: due, indicator, and
// how a report answers it (a fact for a value v in 0..9).
type genActivity struct {
	id, title, due, indicator string
	fact                      func(v int) string
}

var genActivities = []genActivity{
	{"plan", "Составление плана работы по направлению", "Ежегодно август", "Наличие плана работы", yesNo},
	{"methodists", "Планирование работы методических служб", "Ежегодно сентябрь", "Наличие плана работы методических служб", yesNo},
	{"seminars", "Проведение семинаров для заместителей директоров", "ежегодно", "Не менее 15 участников в год", count(15)},
	{"monitoring", "Проведение мониторинга эффективности работы", "ежегодно по итогам учебного года", "Наличие аналитического отчета", yesNo},
	{"diagnostics", "Проведение диагностики обучающихся", "2021 – 2022 гг.", "Наличие аналитического отчета по итогам диагностики", yesNo},
	{"forum", "Проведение районного форума", "август 2021 г.", "Не менее 20 участников", count(20)},
	{"partners", "Мероприятия совместно с предприятиями", "ежегодно", "Наличие графика мероприятий", yesNo},
	{"lessons", "Участие обучающихся в открытых онлайн-уроках", "ежегодно", "Не менее 55% обучающихся общеобразовательных организаций", percent(55)},
	{"contest", "Участие в региональном конкурсе", "ежегодно", "Не менее 3 участников в год", count(3)},
	{"decisions", "Подготовка управленческих решений", "2020-2022 гг.", "Наличие приказов, нормативных актов", yesNo},
	{"analysis", "Анализ эффективности принятых мер", "ежегодно по итогам учебного года", "Наличие аналитической справки", yesNo},
	{"site", "Информационное сопровождение на сайте", "ежегодно", "Не менее 10 публикаций в год", count(10)},
}

func yesNo(v int) string {
	if v < 7 {
		return "да"
	}
	return "нет"
}

func count(plan int) func(int) string {
	return func(v int) string { return fmt.Sprint(plan * (5 + v) / 10) }
}

func percent(plan int) func(int) string {
	return func(v int) string { return fmt.Sprintf("%d%%", plan*(6+v)/10) }
}

// mix is a fixed hash of the numbers, 0..9.
func mix(ns ...int) int {
	h := uint32(2166136261)
	for _, n := range ns {
		h = (h ^ uint32(n)) * 16777619
	}
	return int(h % 10)
}

// district is the name of generated district i.
func districtName(i int) string {
	name := districtNames[i%len(districtNames)] + " район"
	if i >= len(districtNames) {
		name += fmt.Sprintf(" %d", i/len(districtNames)+1)
	}
	return name
}

// generate writes districts x perDistrict roadmaps under dir/roadmaps
// and their report as dir/report.xlsx; it returns the two paths.
func generate(t testing.TB, dir string, districts, perDistrict int) (string, string) {
	t.Helper()
	rmDir := filepath.Join(dir, "roadmaps")
	if err := os.MkdirAll(rmDir, 0o755); err != nil {
		t.Fatal(err)
	}
	book := excelize.NewFile()
	defer book.Close()
	sw, err := book.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	line := 1
	row := func(cells ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, line)
		if err := sw.SetRow(cell, cells); err != nil {
			t.Fatal(err)
		}
		line++
	}
	row("Дорожная карта", "Код", "Год", "Факт", "Дата выполнения", "Причина отклонения")
	for i := range districts {
		d := districtName(i)
		for k := range perDistrict {
			id := fmt.Sprintf("d%04d-r%02d", i+1, k+1)
			var b strings.Builder
			fmt.Fprintf(&b, `format: roadmap/v1
id: %s
region: Пензенская область
district: %s
authority: Управление образования администрации района
direction: %s
period: {from: 2020, to: 2022}
document:
  kind: order
  number: "%d/01-09"
  date: 2020-07-%02d
  title: Об утверждении дорожной карты «%s»
  signed_by: {position: Начальник, name: И. И. Иванова}
`, id, d, directions[k%len(directions)], 10+k, 1+i%28, directions[k%len(directions)])
			if mix(i, k)%3 == 0 {
				fmt.Fprintf(&b, "amendments:\n  - {kind: order, number: \"%d\", date: 2021-03-%02d, title: О внесении изменений}\n", 100+k, 1+k)
			}
			b.WriteString("activities:\n")
			for n, a := range genActivities {
				executor := "Управление образования"
				if mix(i, k, n)%2 == 0 {
					executor = "Методический центр"
				}
				fmt.Fprintf(&b, "  - id: %s\n    n: %d\n    title: %s\n    due: %s\n    indicator: %s\n    executors: [%s, Общеобразовательные организации]\n",
					a.id, n+1, a.title, a.due, a.indicator, executor)
				for _, year := range []int{2020, 2021} {
					v := mix(i, k, n, year)
					if v == 9 {
						continue // not reported: no data
					}
					reason := ""
					if v >= 7 {
						reason = "перенос сроков"
					}
					row(id, a.id, year, a.fact(v), fmt.Sprintf("15.06.%d", year), reason)
				}
			}
			if err := os.WriteFile(filepath.Join(rmDir, id+".yaml"), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "report.xlsx")
	if err := book.SaveAs(report); err != nil {
		t.Fatal(err)
	}
	return rmDir, report
}
