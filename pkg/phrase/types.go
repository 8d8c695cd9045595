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

// Due is a parsed deadline ("сроки реализации"). Schedule turns it into
// dated occurrences against a roadmap's period (docs/phrases.md says what
// every form means).
//
// The fields combine: "ежегодно август" is Every with Months [8];
// "август 2021 г." is Years [2021] with Months [8]; "ежегодно по итогам
// учебного года, 2021 – 2022 гг." is Every, SchoolYear, Years [2021 2022];
// "ежеквартально до 10 числа месяца, следующего за отчётным кварталом" is
// Every, Recur quarter, RecurDay 10, NextMonth.
type Due struct {
	// Text is the phrase as written in the document.
	Text string `json:"text"`
	// Kind is empty for a dated deadline; the other kinds set no date of
	// their own (see DueKind).
	Kind DueKind `json:"kind,omitempty"`
	// Every is set by "ежегодно", "каждый год", "в течение года": the activity
	// repeats in each year of the roadmap period (or of Years, when given).
	Every bool `json:"every,omitempty"`
	// Since is the first year of "ежегодно с 2023": every year of the period
	// from it on.
	Since int `json:"since,omitempty"`
	// Step is N of "один раз в N лет" (N > 1): every Nth year from Since, or
	// from the period's first year.
	Step int `json:"step,omitempty"`
	// Years named in the phrase, ascending and unique. A range "2020-2022"
	// is expanded. Empty means every year of the roadmap period.
	Years []int `json:"years,omitempty"`
	// SchoolYears named ("2022/2023 учебный год"), by their first year.
	SchoolYears []int `json:"school_years,omitempty"`
	// Months named in the phrase (1..12), ascending and unique. A quarter adds
	// its three months. Empty means "by the end of the year".
	Months []int `json:"months,omitempty"`
	// Day is the day of month of a "до 1 сентября" / "до 01.09.2021" limit; it
	// then applies to the last month of Months.
	Day int `json:"day,omitempty"`
	// Points are the occurrences within a year, in the order written:
	// "апрель, май – июнь" is two. Months and Day sum them up.
	Points []Point `json:"points,omitempty"`
	// Quarters named ("I квартал 2021 г."), 1..4, ascending and unique.
	Quarters []int `json:"quarters,omitempty"`
	// Halves named ("I полугодие"), 1..2: each is an occurrence.
	Halves []int `json:"halves,omitempty"`
	// Recur gives several occurrences a year: each month, quarter or half.
	Recur Recur `json:"recur,omitempty"`
	// RecurDay is the day each occurrence falls on ("до 25 числа каждого
	// месяца"); 0 is the last day.
	RecurDay int `json:"recur_day,omitempty"`
	// NextYear: each occurrence falls in the year after its reporting
	// year ("до 25 марта года, следующего за отчетным периодом").
	NextYear bool `json:"next_year,omitempty"`
	// Weekly: a weekly activity («еженедельно»), read as continuous.
	Weekly bool `json:"weekly,omitempty"`
	// ShortYear: a date gives its year in two digits ("25.04.13").
	ShortYear bool `json:"short_year,omitempty"`
	// NextMonth: each occurrence falls in the month after its month or
	// quarter ("месяца, следующего за отчётным кварталом").
	NextMonth bool `json:"next_month,omitempty"`
	// SchoolYear is set by "по итогам учебного года": due at the end of the
	// school year (June).
	SchoolYear bool `json:"school_year,omitempty"`
	// School: the phrase speaks of school years ("I полугодие учебного
	// года"), so its halves and months are the school year's.
	School bool `json:"school,omitempty"`
	// SchoolStart is set by "к началу учебного года": due by 1 September.
	SchoolStart bool `json:"school_start,omitempty"`
	// Throughout is set by "в течение года": work goes on all year, due at
	// its end.
	Throughout bool `json:"throughout,omitempty"`
	// Plan names the plan that sets the dates: "по плану РМО" gives "РМО".
	Plan string `json:"plan,omitempty"`
	// From and To bound a span between two months of different years:
	// "декабрь 2021 – май 2022" gives From {2021 12} and To {2022 5}; Years
	// then holds 2021 and 2022. Year 0 in both is a span over the new year
	// whose years the period gives ("сентябрь – май").
	From *YearMonth `json:"from,omitempty"`
	To   *YearMonth `json:"to,omitempty"`
	// After is the time from the approving order's date (kind after_order):
	// "в трёхмесячный срок" is 3 months.
	After *Interval `json:"after,omitempty"`
	// Event is the event an event deadline hangs on, as written.
	Event string `json:"event,omitempty"`
	// Ignored holds the words the parser left out of its reading; a reading
	// with ignored words is a guess the checker warns about.
	Ignored string `json:"ignored,omitempty"`
	// Parsed is false when the phrase could not be read; the other fields are
	// then empty.
	Parsed bool `json:"parsed"`
}

// DueKind tells what kind of deadline a phrase sets.
type DueKind string

// The deadline kinds; their values are part of the roadmap/v1 format.
const (
	// DueDated (empty) has dates.
	DueDated DueKind = ""
	// DueContinuous goes on all the time: «постоянно», «в течение всего периода».
	DueContinuous DueKind = "continuous"
	// DueOnDemand happens when needed: «по мере необходимости».
	DueOnDemand DueKind = "on_demand"
	// DuePlan follows a plan or schedule kept elsewhere: «по отдельному графику».
	DuePlan DueKind = "plan"
	// DueEvent is tied to an event whose date a human supplies: «за 2 недели
	// до начала экзаменационного периода».
	DueEvent DueKind = "event"
	// DueAfterOrder counts from the approving order's date: «в трёхмесячный срок».
	DueAfterOrder DueKind = "after_order"
)

// Undated reports whether the kind sets no date a checker could hold
// anyone to: fulfilment asks for the fact and never reports it overdue.
func (k DueKind) Undated() bool {
	return k == DueContinuous || k == DueOnDemand || k == DuePlan || k == DueEvent
}

// Recur is how often a deadline repeats within a year.
type Recur string

// The recurrences.
const (
	RecurMonth   Recur = "month"
	RecurQuarter Recur = "quarter"
	RecurHalf    Recur = "half"
)

// Interval is a length of time: N days, weeks or months.
type Interval struct {
	N    int    `json:"n"`
	Unit string `json:"unit"` // "day", "week" or "month"
	// Working: the days are working days («в течение 10 рабочих дней»).
	Working bool `json:"working,omitempty"`
}

// YearMonth is a month of a year, and a day of it when Day > 0.
type YearMonth struct {
	Year  int `json:"year"`
	Month int `json:"month"`
	Day   int `json:"day,omitempty"`
}

// Point is one occurrence within a year: due by Day of Month (0: the
// month's last day), running From a day when the phrase gives a range.
// Year is the point's own year ("декабрь 2020 г., февраль 2021 г."); 0
// when the years come from Years or the period.
type Point struct {
	Year  int       `json:"year,omitempty"`
	Month int       `json:"month"`
	Day   int       `json:"day,omitempty"`
	From  *MonthDay `json:"from,omitempty"`
	// Open: the phrase gives only the start («с 4 сентября»); the end is
	// the year's.
	Open bool `json:"open,omitempty"`
}

// MonthDay is a day of a month.
type MonthDay struct {
	Month int `json:"month"`
	Day   int `json:"day"`
}

// Deadline is one occurrence of an activity: due By, in the reporting
// Year, running From a start day when the phrase gives one.
type Deadline struct {
	Year int       `json:"year"`
	From time.Time `json:"from,omitzero"`
	By   time.Time `json:"by"`
}
