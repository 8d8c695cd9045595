package phrase

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// seedIndicators are the indicator phrases of the two seed documents,
// verbatim (the page break of row 9 included).
var seedIndicators = []string{
	"Наличие Плана работы",
	"Наличие плана работы по профессиональной ориентации и самоопределения обучающихся в Бессоновском муниципальном районе",
	"Не менее 15 участников в год",
	"Наличие аналитического отчета по результатам мониторинга",
	"Наличие аналитического отчета по итогам психолого-педагогической диагностики способностей и компетенций обучающихся, необходимых для продолжения образования и выбора профессии",
	"Не менее 20 участников",
	"Наличие графика проведения профориентационных мероприятий на площадках СПО, ВПО",
	"Не менее 55% обучающихся общеобразовательных организаций Бессоновского района",
	"Ежегодное увеличение числа участников: 2020 – 20%,\n\n\n2021 – 35%, 2022 – 50%",
	"Не менее 3 участников в год",
	"Наличие приказов, нормативных актов",
	"Наличие аналитической справки",
	"Наличие плана работы по профессиональной ориентации и самоопределения обучающихся в Никольском районе",
	"Не менее 30 участников",
	"Наличие аналитического отчета по результатам мониторинга. Адресные рекомендации по результатам проведенного анализа.",
	"Не менее 15 участников",
	"Площадки СПО, ВПО",
	"Не менее 60 % обучающихся общеобразовательных организаций Никольского района",
	"Ежегодное увеличение числа участников  от общего числа обучающихся образовательных организаций",
}

func num(v float64) *float64 { return &v }

func docs(d ...string) Indicator { return Indicator{Kind: KindDocument, Documents: d} }

func count(min float64, unit, per string) Indicator {
	return Indicator{Kind: KindCount, Min: num(min), Unit: unit, Per: per}
}

func percent(min float64, of string) Indicator {
	return Indicator{Kind: KindPercent, Min: num(min), Unit: "%", Of: of}
}

var yearly = []Target{{2020, 20}, {2021, 35}, {2022, 50}}

// indicatorCases pairs phrases with the Indicator they must give; Text and
// Parsed are filled in by the test (Parsed unless unparsed is set).
var indicatorCases = []struct {
	in       string
	want     Indicator
	unparsed bool
}{
	// The seeds.
	{in: "Наличие Плана работы", want: docs("Плана работы")},
	{in: "Наличие плана работы по профессиональной ориентации и самоопределения обучающихся в Бессоновском муниципальном районе",
		want: docs("плана работы по профессиональной ориентации и самоопределения обучающихся в Бессоновском муниципальном районе")},
	{in: "Не менее 15 участников в год", want: count(15, "участников", PerYear)},
	{in: "Наличие аналитического отчета по результатам мониторинга", want: docs("аналитического отчета по результатам мониторинга")},
	{in: "Наличие аналитического отчета по итогам психолого-педагогической диагностики способностей и компетенций обучающихся, необходимых для продолжения образования и выбора профессии",
		want: docs("аналитического отчета по итогам психолого-педагогической диагностики способностей и компетенций обучающихся, необходимых для продолжения образования и выбора профессии")},
	{in: "Не менее 20 участников", want: count(20, "участников", "")},
	{in: "Наличие графика проведения профориентационных мероприятий на площадках СПО, ВПО",
		want: docs("графика проведения профориентационных мероприятий на площадках СПО, ВПО")},
	{in: "Не менее 55% обучающихся общеобразовательных организаций Бессоновского района",
		want: percent(55, "обучающихся общеобразовательных организаций Бессоновского района")},
	{in: "Ежегодное увеличение числа участников: 2020 – 20%,\n\n\n2021 – 35%, 2022 – 50%",
		want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: yearly}},
	{in: "Ежегодное увеличение числа участников: 2020 – 20%, 2021 – 35%, 2022 – 50%",
		want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: yearly}},
	{in: "Не менее 3 участников в год", want: count(3, "участников", PerYear)},
	{in: "Наличие приказов, нормативных актов", want: docs("приказов", "нормативных актов")},
	{in: "Наличие аналитической справки", want: docs("аналитической справки")},
	{in: "Наличие плана работы по профессиональной ориентации и самоопределения обучающихся в Никольском районе",
		want: docs("плана работы по профессиональной ориентации и самоопределения обучающихся в Никольском районе")},
	{in: "Не менее 30 участников", want: count(30, "участников", "")},
	{in: "Наличие аналитического отчета по результатам мониторинга. Адресные рекомендации по результатам проведенного анализа.",
		want: docs("аналитического отчета по результатам мониторинга", "Адресные рекомендации по результатам проведенного анализа")},
	{in: "Не менее 15 участников", want: count(15, "участников", "")},
	{in: "Площадки СПО, ВПО", unparsed: true},
	{in: "Не менее 60 % обучающихся общеобразовательных организаций Никольского района",
		want: percent(60, "обучающихся общеобразовательных организаций Никольского района")},
	{in: "Ежегодное увеличение числа участников  от общего числа обучающихся образовательных организаций",
		want: Indicator{Kind: KindGrowth, Per: PerYear, Of: "общего числа обучающихся образовательных организаций"}},

	// Common forms.
	{in: "не менее 3 участников", want: count(3, "участников", "")},
	{in: "не менее 60 % обучающихся", want: percent(60, "обучающихся")},
	{in: "100%", want: percent(100, "")},
	{in: "100 % обучающихся", want: percent(100, "обучающихся")},
	{in: "не ниже 70%", want: percent(70, "")},
	{in: "не более 5 %", want: Indicator{Kind: KindPercent, Max: num(5), Unit: "%"}},
	{in: "не более 10 обращений", want: Indicator{Kind: KindCount, Max: num(10), Unit: "обращений"}},
	{in: "не менее 57,5%", want: percent(57.5, "")},
	{in: "не менее 2 мероприятий в год", want: count(2, "мероприятий", PerYear)},
	{in: "не менее 50 человек за период", want: count(50, "человек", PerTotal)},
	{in: "не менее 10 обучающихся ежегодно", want: count(10, "обучающихся", PerYear)},
	{in: "не менее 5 в год", want: count(5, "", PerYear)},
	{in: "не менее 15", want: count(15, "", "")},
	{in: "15 участников", want: count(15, "участников", "")},
	{in: "не менее 50% от числа обучающихся", want: percent(50, "числа обучающихся")},
	{in: "не менее 55 процентов обучающихся", want: percent(55, "обучающихся")},
	{in: "не менее 10 участников из числа обучающихся школ", want: Indicator{Kind: KindCount, Min: num(10), Unit: "участников", Of: "из числа обучающихся школ"}},
	{in: "ежегодное увеличение", want: Indicator{Kind: KindGrowth, Per: PerYear}},
	{in: "увеличение доли обучающихся, выбравших профессии региона", want: Indicator{Kind: KindGrowth, Of: "обучающихся, выбравших профессии региона"}},
	{in: "Наличие отчета", want: docs("отчета")},
	{in: "наличие приказа", want: docs("приказа")},
	{in: "Наличие: плана, отчета.", want: docs("плана", "отчета")},
	{in: "Наличие приказа от 01.09.2021 г. № 5", want: docs("приказа от 01.09.2021 г. № 5")},
	{in: "2020 – 20%, 2021 – 35%", want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: []Target{{2020, 20}, {2021, 35}}}},
	{in: "2021 г. - 10 человек; 2022 г. - 15 человек", want: Indicator{Kind: KindTargets, Unit: "человек", Per: PerYear, Targets: []Target{{2021, 10}, {2022, 15}}}},
	{in: "2022 – 50%, 2020 – 20%", want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: []Target{{2020, 20}, {2022, 50}}}},
	{in: "2021 год — 12,5 %", want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: []Target{{2021, 12.5}}}},
	{in: "не менее 120%", want: percent(120, "")},
	{in: "не менее -5 участников", want: count(-5, "участников", "")},
	{in: "не менее −5 участников", want: count(-5, "участников", "")},
	{in: "НЕ МЕНЕЕ\u00a015\u00a0участников.", want: count(15, "участников", "")},

	// Not readable.
	{in: "", unparsed: true},
	{in: "Да/нет", unparsed: true},
	{in: "Наличие", unparsed: true},
	{in: "Наличие плана. Проведено 5 встреч.", unparsed: true},
	{in: "2022", unparsed: true},
	{in: "не менее 15-20 участников", unparsed: true},
	{in: "не менее 55% обучающихся, не менее 100 человек", unparsed: true},
	{in: "не менее 2 мероприятий, 50 участников", unparsed: true},
	{in: "увеличение на 10%", unparsed: true},
	{in: "2020 – 20%, 2020 – 30%", unparsed: true},
	{in: "2020 – 20%, 2021 – 35 человек", unparsed: true},
	{in: "2020 – 20% и что-то ещё", unparsed: true},
	{in: "Увеличение числа участников 2020 – 20%", unparsed: true},
	{in: "1800 – 20%", unparsed: true},
	{in: "не менее 1" + strings.Repeat("0", 400) + " участников", unparsed: true},
	{in: "\xff\xfe", unparsed: true},
}

func TestParseIndicator(t *testing.T) {
	for _, c := range indicatorCases {
		want := c.want
		want.Text = strings.TrimSpace(c.in)
		want.Parsed = !c.unparsed
		if c.unparsed {
			want.Kind = KindText
		}
		got := ParseIndicator(c.in)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParseIndicator(%q)\n got %s\nwant %s", c.in, dumpIndicator(got), dumpIndicator(want))
		}
	}
}

// TestParseIndicatorSeeds guards that every seed phrase but the one without
// a measure is read.
func TestParseIndicatorSeeds(t *testing.T) {
	for _, s := range seedIndicators {
		if got := ParseIndicator(s).Parsed; got != (s != "Площадки СПО, ВПО") {
			t.Errorf("seed %q: Parsed = %v", s, got)
		}
	}
}

func dumpIndicator(i Indicator) string {
	s := fmt.Sprintf("{Kind:%s Unit:%q Per:%q Of:%q Targets:%v Documents:%q Parsed:%v", i.Kind, i.Unit, i.Per, i.Of, i.Targets, i.Documents, i.Parsed)
	if i.Min != nil {
		s += fmt.Sprintf(" Min:%v", *i.Min)
	}
	if i.Max != nil {
		s += fmt.Sprintf(" Max:%v", *i.Max)
	}
	return s + "}"
}

func BenchmarkParseIndicator(b *testing.B) {
	for b.Loop() {
		for _, s := range seedIndicators {
			ParseIndicator(s)
		}
	}
}
