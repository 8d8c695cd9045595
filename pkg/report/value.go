package report

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Value is what a report cell says, read the way a person would: a
// number ("57", "57,5 %", "15 чел."), a yes or no ("да", "+",
// "выполнено"), a document reference ("Приказ № 12 от 01.09.2020"), or
// text.
type Value struct {
	// Text is the cell as displayed, trimmed.
	Text string
	// Number is set when the cell holds a number; a percent is on the
	// 0..100 scale whether typed "57%" or stored as 0.57 with a percent
	// format.
	Number *float64
	// Percent is set when the number was written with "%" or formatted
	// as a percent.
	Percent bool
	// Yes is set for an explicit yes/no (a document reference counts as
	// yes: the document exists).
	Yes *bool
	// Document is the reference when the cell names a document.
	Document string
	// Date is a date found in the cell ("от 01.09.2020", a date cell).
	Date roadmap.Date
}

// Empty reports whether the cell says nothing.
func (v Value) Empty() bool { return v.Text == "" }

var (
	yesWords = []string{"да", "есть", "+", "выполнено", "выполнен", "выполнена", "имеется", "в наличии", "исполнено", "✓", "✔", "v", "yes", "y", "true", "истина"}
	noWords  = []string{"нет", "-", "–", "—", "не выполнено", "не выполнен", "не выполнена", "отсутствует", "не имеется", "не исполнено", "no", "n", "false", "ложь", "✗", "x"}
	// docWords start a document reference.
	docWords = []string{"приказ", "распоряжение", "постановление", "план", "отчет", "справка", "протокол", "положение", "график", "программа", "аналитическ", "информация", "решение", "№"}
	// units that may follow a number; what matters is the number.
	numberRe = regexp.MustCompile(`^([+-]?\d[\d\s\x{00a0}\x{202f}]*(?:[.,]\d+)?)\s*(%|процент\S*)?\s*(?:чел\.?|человек|участник\S*|обучающ\S*|шт\.?|ед\.?|мероприяти\S*)?\.?$`)
	dateRe   = regexp.MustCompile(`(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2})`)
)

// digitSpaces turns a typed number into one strconv reads: no group
// spaces, a decimal point (made once: a replacer is costly to build).
var digitSpaces = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".")

// ParseValue reads a cell. display is the text as the spreadsheet shows
// it (number format applied); raw is the stored value (RawCellValue), which
// keeps 0.575 where the display may round to "58%". Either may be empty.
func ParseValue(display, raw string) Value {
	display = strings.TrimSpace(display)
	raw = strings.TrimSpace(raw)
	text := display
	if text == "" {
		text = raw
	}
	v := Value{Text: text}
	if text == "" {
		return v
	}
	// A stored number behind a percent or date format: trust the raw value.
	if rawNum, err := strconv.ParseFloat(raw, 64); err == nil && raw != display && !math.IsInf(rawNum, 0) && !math.IsNaN(rawNum) {
		switch {
		case strings.HasSuffix(display, "%") && math.Abs(rawNum) < 1e12:
			n := roundPercent(rawNum * 100)
			v.Number, v.Percent = &n, true
			return v
		case looksLikeDate(display) && rawNum > 0 && rawNum < 2958466:
			v.Date = serialDate(rawNum)
			v.Yes = boolPtr(true)
			return v
		case display == "" || numberRe.MatchString(normalize(display)):
			v.Number = &rawNum
			return v
		}
	}
	norm := normalize(text)
	if m := numberRe.FindStringSubmatch(norm); m != nil {
		digits := digitSpaces.Replace(m[1])
		if n, err := strconv.ParseFloat(digits, 64); err == nil && !math.IsInf(n, 0) {
			v.Number = &n
			v.Percent = m[2] != ""
			return v
		}
	}
	for _, w := range noWords {
		if norm == w {
			v.Yes = boolPtr(false)
			return v
		}
	}
	for _, w := range yesWords {
		if norm == w {
			v.Yes = boolPtr(true)
			return v
		}
	}
	if d, ok := findDate(text); ok {
		v.Date = d
	}
	for _, w := range docWords {
		if strings.HasPrefix(norm, w) {
			v.Document = text
			v.Yes = boolPtr(true)
			return v
		}
	}
	if looksLikeDate(text) && !v.Date.IsZero() {
		v.Yes = boolPtr(true)
	}
	return v
}

// ParseDate reads a "Дата выполнения" cell: a date serial behind a date
// format, "01.09.2020", "2020-09-01".
func ParseDate(display, raw string) (roadmap.Date, bool) {
	v := ParseValue(display, raw)
	if !v.Date.IsZero() {
		return v.Date, true
	}
	if v.Number != nil && *v.Number > 20000 && *v.Number < 80000 && *v.Number == math.Trunc(*v.Number) {
		return serialDate(*v.Number), true
	}
	return roadmap.Date{}, false
}

// normalize lowercases, folds ё to е, and collapses whitespace.
func normalize(s string) string {
	s = strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(s, "ё", "е"), "Ё", "Е"))
	return strings.Join(strings.Fields(s), " ")
}

// Dates finds every date written in a text: "20.02.2020, 25.09.2020".
func Dates(s string) []roadmap.Date {
	var out []roadmap.Date
	for _, m := range dateRe.FindAllStringSubmatch(s, 50) {
		var d roadmap.Date
		var ok bool
		if m[1] != "" {
			d, ok = roadmap.ParseDate(m[1] + "." + m[2] + "." + m[3])
		} else {
			d, ok = roadmap.ParseDate(m[4] + "-" + m[5] + "-" + m[6])
		}
		if ok {
			out = append(out, d)
		}
	}
	return out
}

func looksLikeDate(s string) bool { return dateRe.MatchString(s) || strings.Count(s, "/") == 2 }

func findDate(s string) (roadmap.Date, bool) {
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return roadmap.Date{}, false
	}
	if m[1] != "" {
		return roadmap.ParseDate(m[1] + "." + m[2] + "." + m[3])
	}
	return roadmap.ParseDate(m[4] + "-" + m[5] + "-" + m[6])
}

// serialDate converts a spreadsheet date serial (days since 1899-12-30,
// the 1900 date system) to a date.
func serialDate(serial float64) roadmap.Date {
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).Add(time.Duration(math.Floor(serial)) * 24 * time.Hour)
	return roadmap.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// roundPercent removes the float noise of 0.575*100 = 57.49999999999999.
func roundPercent(p float64) float64 { return math.Round(p*1e9) / 1e9 }

func boolPtr(b bool) *bool { return &b }

// ActivityNumber reads a № cell: «3», «3.», «2.3» and «2.10» typed as
// text, or a number Excel stored (2.3, which a Russian number format shows
// as «2,3»). A stored number cannot tell 2.1 from 2.10, which is why the
// form writes dotted numbers as text.
func (c Cell) ActivityNumber() (roadmap.Number, bool) {
	display := strings.TrimSpace(c.Display)
	for _, s := range []string{display, strings.ReplaceAll(display, ",", ".")} {
		if n, ok := roadmap.ParseNumber(s); ok {
			return n, true
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(c.Raw), 64)
	if err != nil || v <= 0 || math.IsInf(v, 0) {
		return "", false
	}
	// A stored 2.3 may be 2.2999999999999998: round off the binary noise.
	return roadmap.ParseNumber(strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64))
}
