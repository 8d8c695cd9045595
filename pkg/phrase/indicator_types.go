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
