package phrase

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

// Per values: whether a count is required in each year, in each quarter
// or over the whole period.
const (
	PerYear    = "year"
	PerQuarter = "quarter"
	PerTotal   = "total"
)

// Assumed keys: what a reading took for granted that the phrase did not
// say. They are stable (the checker words a warning for each).
const (
	// AssumedBareNumber: a number with no comparator ("15 участников",
	// "50% обучающихся") is read as a minimum. A bare "100%" is not an
	// assumption: a share cannot exceed it, so at least 100% is exactly 100%.
	AssumedBareNumber = "bare_number_min"
	// AssumedPartRead: the measure was read, but the phrase says more that
	// might change it and that the Indicator cannot hold: a second figure
	// ("в том числе 50 процентов из них", a second «100% …»), a year beside
	// a threshold, a period other than a year, quarter or the whole period
	// ("в месяц"), a growth's end year.
	AssumedPartRead = "part_read"
	// AssumedEndValue: "увеличение … до 80 процентов" (no start value) is
	// read as a minimum of 80 (a fall "снижение … до 105 процентов" as a
	// maximum) in every year, though the document may mean it only for the
	// period's end.
	AssumedEndValue = "end_value_threshold"
	// AssumedFull: "полный охват детей …", "владение каждым выпускником …"
	// is read as at least 100%. "все …" opening the phrase ("во всех ОО",
	// "перевод всех учреждений …") is exact and is no assumption.
	AssumedFull = "full_as_100"
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
	// Per is PerYear ("в год", "ежегодно"), PerQuarter ("в квартал",
	// "ежеквартально") or PerTotal ("за период"); empty when the phrase does
	// not say.
	Per string `json:"per,omitempty"`
	// Of is the population a percent is taken of: "обучающихся
	// общеобразовательных организаций Бессоновского района".
	Of string `json:"of,omitempty"`
	// Targets are per-year minimums, ascending by year. A growth indicator
	// may have them too: its yearly steps.
	Targets []Target `json:"targets,omitempty"`
	// From and To are a growth's start and end values ("с 29,2 до 65
	// процентов": 29.2 and 65, in Unit); both or neither. Fulfilment holds
	// the period's last year to To. From above To is a fall ("снижение … с
	// 8,5 до 7,8 ‰"): the value must fall to To.
	From *float64 `json:"from,omitempty"`
	To   *float64 `json:"to,omitempty"`
	// Documents required by a document indicator, as written: "Плана работы",
	// "аналитического отчета по результатам мониторинга".
	Documents []string `json:"documents,omitempty"`
	// Assumed holds the Assumed* keys of what the reading took for granted,
	// sorted and unique; empty when the phrase said it all.
	Assumed []string `json:"assumed,omitempty"`
	// Parsed is false when the phrase could not be read; Kind is then
	// KindText. An explicit kind: text in a roadmap file is Parsed.
	Parsed bool `json:"parsed"`
}

// Target is the minimum value for one year.
type Target struct {
	Year  int     `json:"year"`
	Value float64 `json:"value"`
}
