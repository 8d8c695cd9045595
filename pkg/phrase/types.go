// Package phrase reads the Russian phrases of roadmap tables: deadlines
// ("Сроки реализации": "ежегодно август", "2021 – 2022 гг.") and indicators
// ("Индикативный показатель": "Не менее 55% обучающихся", "Наличие Плана
// работы") into structures the rest of the tool can compute with.
//
// The package owns only the language: it knows nothing of YAML, files or
// positions. A phrase it cannot read is reported as not parsed (Parsed ==
// false), never guessed and never a panic.
package phrase

import "time"

// Due is a parsed deadline ("сроки реализации").
//
// The fields combine: "ежегодно август" is Every with Months [8];
// "август 2021 г." is Years [2021] with Months [8]; "ежегодно по итогам
// учебного года, 2021 – 2022 гг." is Every, SchoolYear, Years [2021 2022].
type Due struct {
	// Text is the phrase as written in the document.
	Text string `json:"text"`
	// Every is set by "ежегодно", "каждый год", "в течение года": the activity
	// repeats in each year of the roadmap period (or of Years, when given).
	Every bool `json:"every,omitempty"`
	// Years named in the phrase, ascending and unique. A range "2020-2022"
	// is expanded. Empty means every year of the roadmap period.
	Years []int `json:"years,omitempty"`
	// Months named in the phrase (1..12), ascending and unique. A quarter adds
	// its three months. Empty means "by the end of the year".
	Months []int `json:"months,omitempty"`
	// Day is the day of month of a "до 1 сентября" / "до 01.09.2021" limit; it
	// then applies to the last month of Months.
	Day int `json:"day,omitempty"`
	// Quarters named ("I квартал 2021 г."), 1..4, ascending and unique.
	Quarters []int `json:"quarters,omitempty"`
	// SchoolYear is set by "по итогам учебного года": due at the end of the
	// school year (June).
	SchoolYear bool `json:"school_year,omitempty"`
	// Throughout is set by "в течение года" / "в течение периода": work goes on
	// all year, due at its end.
	Throughout bool `json:"throughout,omitempty"`
	// Plan names the plan that sets the dates: "по плану РМО" gives "РМО".
	Plan string `json:"plan,omitempty"`
	// From and To bound a span between two months: "декабрь 2021 – май 2022"
	// gives From {2021 12} and To {2022 5}; Years then holds 2021 and 2022.
	From *YearMonth `json:"from,omitempty"`
	To   *YearMonth `json:"to,omitempty"`
	// Parsed is false when the phrase could not be read; the other fields are
	// then empty.
	Parsed bool `json:"parsed"`
}

// YearMonth is a month of a year.
type YearMonth struct {
	Year  int `json:"year"`
	Month int `json:"month"`
}

// Deadline is when an activity falls due in one year.
type Deadline struct {
	Year int `json:"year"`
	// By is the last day on which the activity is on time in that year.
	By time.Time `json:"by"`
}

// IndicatorKind tells how fulfilment of an indicator is measured.
type IndicatorKind string

// The indicator kinds. Their string values are part of the roadmap/v1 file
// format and of JSON output.
const (
	// KindDocument is fulfilled when a document exists ("Наличие плана").
	KindDocument IndicatorKind = "document"
	// KindCount is a number of people or events ("Не менее 15 участников").
	KindCount IndicatorKind = "count"
	// KindPercent is a share of a population ("Не менее 55% обучающихся").
	KindPercent IndicatorKind = "percent"
	// KindTargets is a minimum per year ("2020 – 20%, 2021 – 35%").
	KindTargets IndicatorKind = "targets"
	// KindGrowth must rise every year ("Ежегодное увеличение числа участников").
	KindGrowth IndicatorKind = "growth"
	// KindText needs a human judgement.
	KindText IndicatorKind = "text"
)

// Kinds lists every indicator kind, in documentation order.
var Kinds = []IndicatorKind{KindDocument, KindCount, KindPercent, KindTargets, KindGrowth, KindText}

// Valid reports whether k is one of Kinds.
func (k IndicatorKind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Per values: whether a count is required in each year or over the whole
// period.
const (
	PerYear  = "year"
	PerTotal = "total"
)

// Indicator is a parsed indicator ("индикативный показатель").
type Indicator struct {
	// Text is the phrase as written in the document.
	Text string        `json:"text"`
	Kind IndicatorKind `json:"kind"`
	// Min is the lower threshold ("не менее", "не ниже", a bare "100%").
	Min *float64 `json:"min,omitempty"`
	// Max is the upper threshold ("не более", "не выше").
	Max *float64 `json:"max,omitempty"`
	// Unit of Min/Max/Targets: "%" for percents, else the counted noun as
	// written ("участников", "человек"); empty when the phrase names none.
	Unit string `json:"unit,omitempty"`
	// Per is PerYear ("в год", "ежегодно") or PerTotal ("за период"); empty
	// when the phrase does not say.
	Per string `json:"per,omitempty"`
	// Of is the population a percent is taken of: "обучающихся
	// общеобразовательных организаций Бессоновского района".
	Of string `json:"of,omitempty"`
	// Targets are per-year minimums, ascending by year.
	Targets []Target `json:"targets,omitempty"`
	// Documents required by a document indicator, as written: "Плана работы",
	// "аналитического отчета по результатам мониторинга".
	Documents []string `json:"documents,omitempty"`
	// Parsed is false when the phrase could not be read; Kind is then
	// KindText. An explicit kind: text in a roadmap file is Parsed.
	Parsed bool `json:"parsed"`
}

// Target is the minimum value for one year.
type Target struct {
	Year  int     `json:"year"`
	Value float64 `json:"value"`
}
