package importer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
)

// dueReading says in lang how the deadline d was read, for the comment
// after it in a draft: "ежегодно, август", "2021: август", "ежегодно по
// итогам учебного года (июнь), 2021–2022". An unparsed deadline reads as
// its text.
func dueReading(d phrase.Due, lang i18n.Lang) string {
	if !d.Parsed {
		return d.Text
	}
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	var head []string
	quarterly := d.Recur == phrase.RecurQuarter
	monthly := d.Recur == phrase.RecurMonth
	switch {
	case d.Kind != phrase.DueDated:
		head = append(head, t("reading.kind."+string(d.Kind)))
	case d.Recur == phrase.RecurHalf:
		head = append(head, t("import.due.half_yearly"))
	case d.Every && d.Throughout:
		head = append(head, t("import.due.throughout_year"))
	case monthly:
		head = append(head, t("import.due.monthly"))
	case quarterly:
		head = append(head, t("import.due.quarterly"))
	case d.Every:
		head = append(head, t("import.due.every_year"))
	case d.Throughout && len(d.Years) > 0:
		head = append(head, t("import.due.throughout_year"))
	case d.Throughout:
		head = append(head, t("import.due.throughout_period"))
	}
	if d.SchoolYear {
		head = append(head, t("import.due.school_year"))
	}
	if d.Plan != "" {
		head = append(head, t("import.due.plan", d.Plan))
	}
	var parts []string
	if len(head) > 0 {
		parts = append(parts, strings.Join(head, " "))
	}
	if !monthly && !quarterly {
		parts = append(parts, whenReading(d, t)...)
	}
	years := yearsReading(d.Years)
	if d.From != nil && d.To != nil {
		parts = append(parts, t("import.due.span", month(d.From.Month, t), d.From.Year, month(d.To.Month, t), d.To.Year))
		span := make([]int, 0, d.To.Year-d.From.Year+1)
		for y := d.From.Year; y <= d.To.Year; y++ {
			span = append(span, y)
		}
		if slices.Equal(span, d.Years) {
			years = ""
		}
	}
	s := strings.Join(parts, ", ")
	switch {
	case years == "":
	case s == "":
		s = years
	case d.Every || d.From != nil:
		s += ", " + years
	default:
		s = years + ": " + s
	}
	return s
}

// whenReading renders the quarters and the months they do not cover; the
// day of a "до 1 сентября" goes with the last month.
func whenReading(d phrase.Due, t func(string, ...any) string) []string {
	var out []string
	inQuarter := map[int]bool{}
	if len(d.Quarters) > 0 {
		var qs []string
		for _, q := range d.Quarters {
			qs = append(qs, romanQuarters[q])
			inQuarter[3*q-2], inQuarter[3*q-1], inQuarter[3*q] = true, true, true
		}
		key := "import.due.quarter"
		if len(qs) > 1 {
			key = "import.due.quarters"
		}
		out = append(out, t(key, strings.Join(qs, ", ")))
	}
	for i, m := range d.Months {
		switch {
		case i == len(d.Months)-1 && d.Day > 0:
			out = append(out, t("import.due.by."+strconv.Itoa(m), d.Day))
		case !inQuarter[m]:
			out = append(out, month(m, t))
		}
	}
	return out
}

var romanQuarters = [5]string{"", "I", "II", "III", "IV"}

// month names month m (1–12) in the nominative.
func month(m int, t func(string, ...any) string) string {
	return t("import.due.month." + strconv.Itoa(m))
}

// yearsReading renders years with runs joined by an en dash: "2020–2022".
func yearsReading(ys []int) string {
	var out []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		s := strconv.Itoa(ys[i])
		if j > i {
			s += "–" + strconv.Itoa(ys[j])
		}
		out = append(out, s)
		i = j + 1
	}
	return strings.Join(out, ", ")
}
