package chart_test

import (
	"encoding/xml"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/chart"
	"github.com/roadmap-edu/roadmap/pkg/golden"
)

var words = chart.Words{
	Title:  "Статусы <по районам>",
	Status: map[string]string{"met": "выполнено", "met_late": "выполнено с опозданием", "not_met": "не выполнено", "partial": "частично", "no_data": "нет данных", "not_due": "срок не наступил", "needs_review": "требует проверки"},
	Mark:   map[string]string{"met": "В", "met_late": "О", "not_met": "Н", "partial": "Ч", "no_data": "?", "not_due": "–", "needs_review": "П"},
}

func f(v float64) *float64 { return &v }

// TestCharts: each chart as golden SVG bytes, well-formed XML whose
// numbers are those given.
func TestCharts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		svg  []byte
	}{
		{"bars", chart.StatusBars("b", []chart.Bar{
			{Label: "Бессоновский район", Counts: map[string]int{"met": 17, "met_late": 1, "not_met": 3, "partial": 1, "no_data": 2, "not_due": 8}},
			{Label: "Никольский район & Ко с очень длинным названием района", Counts: map[string]int{"met": 8, "not_met": 3, "partial": 1, "not_due": 4, "needs_review": 1}},
			{Label: "Пустой", Counts: nil},
		}, words)},
		{"planfact", chart.PlanFact("p", []chart.Point{
			{Year: 2020, Plan: f(20), Fact: f(25), Status: "met"},
			{Year: 2021, Plan: f(35), Fact: f(30), Status: "partial"},
			{Year: 2022, Plan: f(50), Status: "no_data"},
			{Year: 2023, Status: "not_due"},
		}, chart.PlanWords{Words: words, Plan: "план", Fact: "факт"})},
		{"heatmap", chart.HeatMap("h",
			[]chart.Axis{{Label: "Бессоновский район", Title: "Бессоновский район"}, {Label: "Никольский район", Title: "Никольский район"}},
			[]chart.Axis{{Label: "1", Title: "1. План работы"}, {Label: "2", Title: "2. Мониторинг"}, {Label: "3", Title: "3. Диагностика"}},
			[][]string{{"met", "not_met", ""}, {"partial", "", "needs_review"}}, words)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			wellFormed(t, tt.svg)
			golden.Compare(t, filepath.Join("testdata", tt.name+".svg"), tt.svg)
		})
	}
}

func wellFormed(t *testing.T, svg []byte) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(svg)))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
	}
}

var segment = regexp.MustCompile(`data-status="([a-z_]+)" data-value="(\d+)"`)

// TestBarsAddUp: the segments of each bar add up to its counts, and a
// status with no count draws nothing; the words are escaped.
func TestBarsAddUp(t *testing.T) {
	t.Parallel()
	counts := map[string]int{"met": 5, "not_met": 0, "no_data": 7}
	svg := string(chart.StatusBars("x", []chart.Bar{{Label: "A<b>", Counts: counts}}, words))
	sum := map[string]int{}
	for _, m := range segment.FindAllStringSubmatch(svg, -1) {
		n, _ := strconv.Atoi(m[2])
		sum[m[1]] += n
	}
	if sum["met"] != 5 || sum["no_data"] != 7 || len(sum) != 2 {
		t.Errorf("segments %v, want met 5 and no_data 7 only", sum)
	}
	if strings.Contains(svg, "A<b>") || !strings.Contains(svg, "A&lt;b&gt;") {
		t.Error("label not escaped")
	}
	// Every status has its own look in black and white: a pattern, or
	// (met, not due) the lightest and the plain grey fill.
	if !strings.Contains(svg, `fill="url(#x-no_data)"`) {
		t.Error("no data is not patterned")
	}
}
