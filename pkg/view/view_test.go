package view

import (
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

func activity(due, indicator string) roadmap.Activity {
	return roadmap.Activity{ID: "a", N: "1", Due: phrase.ParseDue(due), Indicator: phrase.ParseIndicator(indicator)}
}

var period = roadmap.Period{From: 2020, To: 2022}

func TestReadingAndPlan(t *testing.T) {
	tests := []struct {
		due, indicator string
		year           int
		reading, plan  string
	}{
		{"ежегодно", "Не менее 55% обучающихся", 2021, "процент ≥ 55 % (обучающихся), в каждый год", "≥ 55 %"},
		{"август 2021 г.", "Не менее 20 участников", 2021, "количество ≥ 20 участников, за весь период", "≥ 20 участников за период"},
		{"Ежегодно август", "Наличие Плана работы", 2020, "наличие документов (1): «Плана работы»", "наличие документа"},
		{"ежегодно", "Наличие приказов, нормативных актов", 2020, "наличие документов (2): «приказов»; «нормативных актов»", "наличие документов: 2"},
		{"ежегодно", "2020 – 20%, 2021 – 35%", 2021, "целевые значения по годам: 2020 – 20 %, 2021 – 35 %", "≥ 35 %"},
		{"ежегодно", "2020 – 20%, 2021 – 35%", 2022, "целевые значения по годам: 2020 – 20 %, 2021 – 35 %", "цель на 2022 не задана"},
		{"ежегодно", "Ежегодное увеличение числа участников", 2020, "рост к предыдущему году, ежегодно (участников)", "базовый год"},
		{"ежегодно", "Ежегодное увеличение числа участников", 2021, "рост к предыдущему году, ежегодно (участников)", "больше, чем в 2020"},
		{"ежегодно", "не более 5,5 %", 2021, "процент ≤ 5,5 %, в каждый год", "≤ 5,5 %"},
		{"когда-нибудь", "Площадки СПО, ВПО", 2021, "не разобрано", "оценивает человек"},
	}
	for _, tt := range tests {
		a := activity(tt.due, tt.indicator)
		if got := Reading(a, period, i18n.RU); got != tt.reading {
			t.Errorf("Reading(%q) = %q, want %q", tt.indicator, got, tt.reading)
		}
		if got := Plan(a.PlanIn(period, tt.year), i18n.RU); got != tt.plan {
			t.Errorf("Plan(%q, %d) = %q, want %q", tt.indicator, tt.year, got, tt.plan)
		}
	}
}

func TestDeadlines(t *testing.T) {
	for _, tt := range []struct{ due, want string }{
		{"Ежегодно по плану РМО", "2020: до 31.12.2020\n2021: до 31.12.2021\n2022: до 31.12.2022\nпо плану: РМО"},
		{"ежегодно по итогам учебного года, 2021 – 2022 гг.", "2021: до 30.06.2021\n2022: до 30.06.2022"},
		{"когда-нибудь", "не разобрано"},
		{"ежеквартально", "2020: до 31.03.2020\n2020: до 30.06.2020\n2020: до 30.09.2020\n2020: до 31.12.2020\n" +
			"2021: до 31.03.2021\n2021: до 30.06.2021\n2021: до 30.09.2021\n2021: до 31.12.2021\n" +
			"2022: до 31.03.2022\n2022: до 30.06.2022\n2022: до 30.09.2022\n2022: до 31.12.2022"},
		{"постоянно", "постоянно (срока нет: факт — за каждый год)"},
		{"06.02.2021 – 30.05.2021", "2021: с 06.02.2021 до 30.05.2021"},
	} {
		r := &roadmap.Roadmap{Period: period}
		if got := Deadlines(r, roadmap.Activity{Due: phrase.ParseDue(tt.due)}, i18n.RU); got != tt.want {
			t.Errorf("Deadlines(%q) = %q, want %q", tt.due, got, tt.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	for in, want := range map[float64]string{57.5: "57,5", 100: "100", 0.1: "0,1"} {
		if got := Number(in); got != want {
			t.Errorf("Number(%v) = %q", in, got)
		}
	}
}

// TestPlanInEnglish: a plan is worded in the asked language; its bounds
// are written alike in both.
func TestPlanInEnglish(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		due, indicator string
		year           int
		want           string
	}{
		{"август 2021 г.", "Не менее 20 участников", 2021, "≥ 20 участников over the period"},
		{"ежегодно", "Наличие приказов, нормативных актов", 2020, "documents present: 2"},
		{"ежегодно", "2020 – 20%, 2021 – 35%", 2022, "no target for 2022"},
		{"ежегодно", "Ежегодное увеличение числа участников", 2021, "more than in 2020"},
		{"ежегодно", "не более 5,5 %", 2021, "≤ 5,5 %"},
	} {
		a := activity(tt.due, tt.indicator)
		if got := Plan(a.PlanIn(period, tt.year), i18n.EN); got != tt.want {
			t.Errorf("Plan(%q, %d) = %q, want %q", tt.indicator, tt.year, got, tt.want)
		}
	}
}

func TestReadingGrowthTo(t *testing.T) {
	for in, want := range map[string]string{
		"увеличение охвата с 29,2 до 65 процентов":      "рост с 29,2 до 65 % к концу периода, ежегодно",
		"снижение доли пропусков с 8,5 до 7,8 процента": "снижение с 8,5 до 7,8 % к концу периода, ежегодно",
	} {
		a := roadmap.Activity{Indicator: phrase.ParseIndicator(in)}
		if got := Reading(a, period, i18n.RU); !strings.HasPrefix(got, want) {
			t.Errorf("Reading(%q) = %q, want it to begin %q", in, got, want)
		}
	}
}
