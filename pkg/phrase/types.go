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
