package phrase

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
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

func assumed(i Indicator, keys ...string) Indicator {
	i.Assumed = keys
	return i
}

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
	{in: "15 участников", want: assumed(count(15, "участников", ""), AssumedBareNumber)},
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

	// As real orders write them (issue 13).
	{in: "Приказ о создании рабочей группы", want: docs("Приказ о создании рабочей группы")},
	{in: "Распорядительный акт о назначении ответственных", want: docs("Распорядительный акт о назначении ответственных")},
	{in: "Методические рекомендации", want: docs("Методические рекомендации")},
	{in: "Доклад в министерство образования", want: docs("Доклад в министерство образования")},
	{in: "Аналитическая справка", want: docs("Аналитическая справка")},
	{in: "Информационно-аналитическая справка", want: docs("Информационно-аналитическая справка")},
	{in: "План мероприятий", want: docs("План мероприятий")},
	{in: "Положение о рабочей группе", want: docs("Положение о рабочей группе")},
	{in: "Разработаны методические рекомендации", want: docs("Разработаны методические рекомендации")},
	{in: "Принятие нормативной правовой базы", want: docs("Принятие нормативной правовой базы")},
	{in: "Приказ, положение о рабочей группе", want: docs("Приказ", "положение о рабочей группе")},
	{in: "Приказ о создании рабочих групп Рабочая группа по ФГОС НОО. Рабочая группа по ФГОС ООО",
		want: docs("Приказ о создании рабочих групп Рабочая группа по ФГОС НОО. Рабочая группа по ФГОС ООО")},
	{in: "Протокол собрания за период 2022-2027 годов", want: docs("Протокол собрания за период 2022-2027 годов")},
	{in: "Показатель 4. Наличие плана работы", want: docs("плана работы")},
	{in: "16. Не менее 72 процентов детей", want: percent(72, "детей")},
	{in: "Доля обучающихся, принявших участие в олимпиаде, не менее 30%", want: percent(30, "обучающихся, принявших участие в олимпиаде")},
	{in: "Количество участников — не менее 50 человек ежегодно", want: count(50, "человек", PerYear)},
	{in: "Количество участников не менее 120 человек", want: count(120, "человек", "")},
	{in: "Ежегодно не менее 30% выпускников", want: Indicator{Kind: KindPercent, Min: num(30), Unit: "%", Per: PerYear, Of: "выпускников"}},
	{in: "Доля обучающихся во вторую смену не должна превышать 45%", want: Indicator{Kind: KindPercent, Max: num(45), Unit: "%", Of: "обучающихся во вторую смену"}},
	{in: "не выше 10%", want: Indicator{Kind: KindPercent, Max: num(10), Unit: "%"}},
	{in: "Доля пропусков не превысит 3 %", want: Indicator{Kind: KindPercent, Max: num(3), Unit: "%", Of: "пропусков"}},
	{in: "достижение по итогам 2023 года 100% охвата", want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: []Target{{2023, 100}}}},
	{in: "доля составит 0,25 процента в 2024 году", want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: []Target{{2024, 0.25}}}},
	{in: "в 2022 году – 30%, в 2023 году – 40%", want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: []Target{{2022, 30}, {2023, 40}}}},
	{in: "не менее 55% обучающихся в 2023 году", want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: []Target{{2023, 55}}}},
	{in: "в 2010 году - не менее 13,6 тыс. мест", want: Indicator{Kind: KindTargets, Unit: "мест", Per: PerYear, Targets: []Target{{2010, 13600}}}},
	{in: "2020\u00a0—\u00a020%, 2021\u00a0–\u00a030%", want: Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: []Target{{2020, 20}, {2021, 30}}}},
	{in: "увеличение охвата с 29,2 до 65 процентов", want: Indicator{Kind: KindGrowth, Unit: "%", From: num(29.2), To: num(65)}},
	{in: "увеличение охвата с 29,2 до 65 процентов: 2022 – 40%, 2023 – 50%",
		want: Indicator{Kind: KindGrowth, Unit: "%", Per: PerYear, From: num(29.2), To: num(65), Targets: []Target{{2022, 40}, {2023, 50}}}},
	{in: "увеличить долю учащихся с 76 % до 88 %;", want: Indicator{Kind: KindGrowth, Unit: "%", From: num(76), To: num(88)}},
	{in: "снижение младенческой смертности с 8,5 до 7,8 ‰", want: Indicator{Kind: KindGrowth, Unit: "‰", From: num(8.5), To: num(7.8)}},
	{in: "увеличение охвата детей в возрасте с 5 до 7 лет", want: Indicator{Kind: KindGrowth, Of: "детей в возрасте с 5 до 7 лет"}},
	{in: "Увеличится доля обучающихся, участвующих в олимпиадах", want: Indicator{Kind: KindGrowth, Of: "обучающихся, участвующих в олимпиадах"}},
	{in: "100% ОО", want: percent(100, "ОО")},
	{in: "все образовательные организации", want: percent(100, "образовательные организации")},
	{in: "во всех ОО", want: percent(100, "ОО")},
	{in: "перевод всех образовательных учреждений на новые программы", want: percent(100, "образовательных учреждений на новые программы")},
	{in: "Обеспечение горячим питанием 100% учащихся 1-4 классов", want: percent(100, "учащихся 1-4 классов")},
	{in: "доля составит 94%", want: percent(94, "")},
	{in: "сохранность контингента на уровне 75%;", want: percent(75, "")},
	{in: "Обеспечение охвата 55 процентов населения", want: percent(55, "населения")},
	{in: "количество воспитанников: - 2020 год - 73618 человек; - 2021 год - 77215 человек;",
		want: Indicator{Kind: KindTargets, Unit: "человек", Per: PerYear, Targets: []Target{{2020, 73618}, {2021, 77215}}}},
	{in: "не менее 1 раза в квартал", want: count(1, "раза", PerQuarter)},
	{in: "Доля обучающихся – не менее 55% ежеквартально", want: Indicator{Kind: KindPercent, Min: num(55), Unit: "%", Per: PerQuarter, Of: "обучающихся"}},
	{in: "не менее 40 проц. обучающихся", want: percent(40, "обучающихся")},
	{in: "Не менее 100 тысяч детей", want: count(100000, "детей", "")},

	// Read, with what was assumed.
	{in: "50% обучающихся", want: assumed(percent(50, "обучающихся"), AssumedBareNumber)},
	{in: "Охват 55 процентов населения", want: assumed(percent(55, "населения"), AssumedBareNumber)},
	{in: "до 23 процентов доли спортсменов-разрядников", want: assumed(percent(23, "доли спортсменов-разрядников"), AssumedEndValue)},
	{in: "Увеличение охвата детей до 80 процентов от общего количества", want: assumed(percent(80, "общего количества"), AssumedEndValue)},
	{in: "доля зданий вырастет до 85,2%", want: assumed(percent(85.2, ""), AssumedEndValue)},
	{in: "повышение укомплектованности кадрами до 95-100 процентов", want: assumed(percent(95, ""), AssumedEndValue, AssumedPartRead)},
	{in: "Снижение наполняемости групп до 105 процентов", want: assumed(Indicator{Kind: KindPercent, Max: num(105), Unit: "%"}, AssumedEndValue)},
	{in: "не менее 2 раз в месяц", want: assumed(Indicator{Kind: KindCount, Min: num(2), Unit: "раз", Of: "в месяц"}, AssumedPartRead)},
	{in: "Не менее 72 процентов детей будут охвачены, в том числе 50 процентов из них за счет бюджета",
		want: assumed(percent(72, "детей будут охвачены"), AssumedPartRead)},
	{in: "не более 5% обучающихся в 2023 году", want: assumed(Indicator{Kind: KindPercent, Max: num(5), Unit: "%", Of: "обучающихся в 2023 году"}, AssumedPartRead)},
	{in: "Обеспечение 100% охвата детей садами. Обеспечение 100% охвата детей подготовкой",
		want: assumed(percent(100, "охвата детей садами. Обеспечение"), AssumedPartRead)},
	{in: "внедрение в 85 субъектах системы, охватывающих ежегодно как минимум 10 млн человек",
		want: assumed(count(10e6, "человек", PerYear), AssumedPartRead)},
	{in: "увеличение охвата с 29,2 до 65 процентов к 2024 году", want: assumed(Indicator{Kind: KindGrowth, Unit: "%", From: num(29.2), To: num(65)}, AssumedPartRead)},
	{in: "не менее чем на 10,0 процента", want: assumed(Indicator{Kind: KindGrowth}, AssumedPartRead)},
	{in: "число посещений мероприятий вырастет до 20921 тыс.;", want: assumed(count(20921000, "посещений", ""), AssumedEndValue)},
	{in: "объем платных услуг достигнет 799,3 млн. рублей;", want: assumed(count(799.3e6, "рублей", ""), AssumedEndValue)},
	{in: "в 2020 году - 50%, далее - 100% от общего количества сотрудников",
		want: assumed(Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: []Target{{2020, 50}}}, AssumedPartRead)},
	{in: "снижение напряженности на рынке труда на 0,2 ед.;", want: assumed(Indicator{Kind: KindGrowth}, AssumedPartRead)},
	{in: "полный охват детей предшкольной подготовкой", want: assumed(percent(100, ""), AssumedFull)},
	{in: "владение каждым выпускником иностранным языком", want: assumed(percent(100, ""), AssumedFull)},

	{in: "увеличение на 10%", want: assumed(Indicator{Kind: KindGrowth}, AssumedPartRead)},

	// Not readable.
	{in: "", unparsed: true},
	{in: "Да/нет", unparsed: true},
	{in: "Наличие", unparsed: true},
	{in: "Наличие плана. Проведено 5 встреч.", unparsed: true},
	{in: "2022", unparsed: true},
	{in: "не менее 15-20 участников", unparsed: true},
	{in: "не менее 55% обучающихся, не менее 100 человек", unparsed: true},
	{in: "не менее 2 мероприятий, 50 участников", unparsed: true},
	{in: "2020 – 20%, 2020 – 30%", unparsed: true},
	{in: "2020 – 20%, 2021 – 35 человек", unparsed: true},
	{in: "2020 – 20% и что-то ещё", unparsed: true},
	{in: "Увеличение числа участников 2020 – 20%", unparsed: true},
	{in: "1800 – 20%", unparsed: true},
	{in: "не менее 1" + strings.Repeat("0", 400) + " участников", unparsed: true},
	{in: "\xff\xfe", unparsed: true},
	{in: "условия для всех детей", unparsed: true},
	{in: "вовлечение все большего количества подростков", want: Indicator{Kind: KindGrowth, Of: "подростков"}},
	{in: "Отношение балла в 10 процентах школ с лучшими результатами", unparsed: true},
	{in: "Повышение эффективности реабилитации", unparsed: true},
	{in: "насыщение территории каждого района программами", unparsed: true},
	{in: "Доля детей в возрасте от 5 до 18 лет, охваченных дополнительным образованием", unparsed: true},
	{in: "руководители (%)", unparsed: true},
	{in: "Наличие плана, не менее 50%", want: assumed(percent(50, ""), AssumedPartRead)},
	{in: "Приказ, охват не менее 90%", want: assumed(percent(90, ""), AssumedPartRead)},
	{in: "не менее 55% в 2022-2024 годах", want: assumed(percent(55, "в 2022-2024 годах"), AssumedPartRead)},
	{in: "достичь к 2020 году балла 1,31; по математике 1,35", unparsed: true},
	{in: "2021 – 5%, 2021 – 10%", unparsed: true},
	{in: "к 2020 году 25%, к 2020 году 30%", unparsed: true},
	{in: "не более 5% к 2024 году", want: assumed(Indicator{Kind: KindPercent, Max: num(5), Unit: "%", Of: "к 2024 году"}, AssumedPartRead)},
	{in: "снижение на 10 процентов", want: assumed(Indicator{Kind: KindGrowth}, AssumedPartRead)},
	{in: "Показатель 4.", unparsed: true},
	{in: "число детей вырастет до 5 лет", unparsed: true},
	{in: "доля вырастет до 20", unparsed: true},
	// Cut short at a page break: what is left is read, as a guess.
	{in: "Соглашение о взаимодействии по реа-", want: Indicator{Kind: KindDocument, Documents: []string{"Соглашение о взаимодействии по"}, Assumed: []string{AssumedPartRead}}},
	{in: "Созданы и функционируют 12 многофункциональных центров прикладных квалификаций",
		want: Indicator{Kind: KindCount, Min: num(12), Unit: "многофункциональных центров", Of: "прикладных квалификаций"}},
	{in: "повышение качества оздоровления детей, увеличение числа детей, охваченных отдыхом",
		want: Indicator{Kind: KindGrowth, Of: "детей, охваченных отдыхом", Assumed: []string{AssumedPartRead}}},
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
	s := fmt.Sprintf("{Kind:%s Unit:%q Per:%q Of:%q Targets:%v Documents:%q Assumed:%q Parsed:%v", i.Kind, i.Unit, i.Per, i.Of, i.Targets, i.Documents, i.Assumed, i.Parsed)
	for _, f := range []struct {
		name string
		v    *float64
	}{{"Min", i.Min}, {"Max", i.Max}, {"From", i.From}, {"To", i.To}} {
		if f.v != nil {
			s += fmt.Sprintf(" %s:%v", f.name, *f.v)
		}
	}
	return s + "}"
}

// describeIndicator writes ind in the corpus notation of docs/phrases.md
// («Corpus notation (testdata/phrases/indicators.tsv)»): "warn percent
// >=72", "count >=50 человек per=year", "targets 2023=100%", "growth
// 29.2->65%".
func describeIndicator(ind Indicator) string {
	if !ind.Parsed || ind.Kind == KindText {
		return string(KindText)
	}
	f := strconv.FormatFloat
	num := func(v float64) string { return f(v, 'f', -1, 64) }
	unit := func(v float64) string {
		if ind.Unit == "%" || ind.Unit == "‰" {
			return num(v) + ind.Unit
		}
		return num(v)
	}
	parts := []string{string(ind.Kind)}
	if len(ind.Assumed) > 0 {
		parts = append([]string{"warn"}, parts...)
	}
	switch ind.Kind {
	case KindCount, KindPercent:
		if ind.Min != nil {
			parts = append(parts, ">="+num(*ind.Min))
		}
		if ind.Max != nil {
			parts = append(parts, "<="+num(*ind.Max))
		}
		if ind.Kind == KindCount && ind.Unit != "" {
			parts = append(parts, ind.Unit)
		}
	case KindTargets:
		for _, tg := range ind.Targets {
			parts = append(parts, strconv.Itoa(tg.Year)+"="+unit(tg.Value))
		}
	case KindGrowth:
		if ind.From != nil && ind.To != nil {
			s := num(*ind.From) + "->" + unit(*ind.To)
			if ind.Unit != "%" && ind.Unit != "‰" && ind.Unit != "" {
				s += " " + ind.Unit
			}
			parts = append(parts, s)
		}
	}
	if ind.Per != "" && ind.Kind != KindTargets {
		parts = append(parts, "per="+ind.Per)
	}
	return strings.Join(parts, " ")
}

// Corpus verdicts.
const (
	verdictCorrect = "correct"
	verdictWrong   = "wrong"
	verdictUnread  = "unread"
)

// judgeIndicator compares a reading with the corpus's expected meaning: a
// phrase with a measure that is not parsed is unread, not wrong.
func judgeIndicator(got Indicator, expected string) string {
	want := strings.Join(strings.Fields(expected), " ")
	have := describeIndicator(got)
	switch {
	case have == want:
		return verdictCorrect
	case have == string(KindText):
		return verdictUnread
	}
	return verdictWrong
}

func TestJudgeIndicator(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, expected, verdict string }{
		{"Не менее 55% обучающихся", "percent >=55", verdictCorrect},
		{"Не менее 55% обучающихся", "percent  >=55 ", verdictCorrect},
		{"Не менее 55% обучающихся", "percent >=60", verdictWrong},
		{"Не менее 55% обучающихся", "warn percent >=55", verdictWrong},
		{"Не менее 15 участников в год", "count >=15 участников per=year", verdictCorrect},
		{"Не менее 15 участников в год", "count >=15 участников", verdictWrong},
		{"15 участников", "warn count >=15 участников", verdictCorrect},
		{"не более 5 %", "percent <=5", verdictCorrect},
		{"2020 – 20%, 2021 – 35%", "targets 2020=20% 2021=35%", verdictCorrect},
		{"увеличение охвата с 29,2 до 65 процентов", "growth 29.2->65%", verdictCorrect},
		{"Наличие плана", "document", verdictCorrect},
		{"Площадки СПО, ВПО", "text", verdictCorrect},
		{"Площадки СПО, ВПО", "document", verdictUnread},
		{"Наличие плана", "text", verdictWrong},
	} {
		if got := judgeIndicator(ParseIndicator(c.in), c.expected); got != c.verdict {
			t.Errorf("judge(%q, %q) = %s, want %s", c.in, c.expected, got, c.verdict)
		}
	}
}

// TestIndicatorCorpus reads every indicator phrase of the corpus
// (testdata/phrases/indicators.tsv, or the file ROADMAP_IND_CORPUS names)
// and holds the parser to issue 13: none read wrongly (a wrong reading, or
// an assumption without its warning), and at least 95 % of the phrases
// that state a measure read as their expected meaning.
func TestIndicatorCorpus(t *testing.T) {
	t.Parallel()
	path := os.Getenv("ROADMAP_IND_CORPUS")
	if path == "" {
		path = filepath.Join("..", "..", "testdata", "phrases", "indicators.tsv")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	measured, measuredRight := 0, 0
	counts := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		cols := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(cols) < 2 || i == 0 && cols[0] == "phrase" {
			continue
		}
		got := ParseIndicator(cols[0])
		v := judgeIndicator(got, cols[1])
		counts[v]++
		if kind := strings.Fields(strings.TrimPrefix(cols[1], "warn "))[0]; kind != "text" {
			measured++
			if v == verdictCorrect {
				measuredRight++
			}
		}
		switch v {
		case verdictWrong:
			t.Errorf("%s:%d: %q read wrongly\n\tgot  %s\n\twant %s", path, i+1, cols[0], describeIndicator(got), cols[1])
		case verdictUnread:
			t.Logf("%s:%d: %q unread, want %s", path, i+1, cols[0], cols[1])
		}
	}
	t.Logf("indicator corpus: %d correct, %d wrong, %d unread; %d of %d phrases with a measure read right",
		counts[verdictCorrect], counts[verdictWrong], counts[verdictUnread], measuredRight, measured)
	if float64(measuredRight) < 0.95*float64(measured) {
		t.Errorf("%d of %d indicator phrases with a measure read right (%.1f %%), want at least 95 %%",
			measuredRight, measured, 100*float64(measuredRight)/float64(measured))
	}
}

// TestHugeFigureNotRead: a figure over a trillion is a typo: not read.
func TestHugeFigureNotRead(t *testing.T) {
	t.Parallel()
	if ind := ParseIndicator("не менее 99999999999999999999999999999999 участников"); ind.Parsed {
		t.Errorf("read as %+v", ind)
	}
}
