package phrase

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxLen bounds the phrases the parsers read, in bytes. A table cell is a
// line or two; the bound keeps the work per call small on hostile input, and
// a longer "phrase" is certainly not one the parsers could read anyway.
const maxLen = 2000

// normText is a phrase prepared for matching. low is what the parsers match
// against; orig is what they copy names out of, so that "Плана работы" keeps
// its capital letter. The two are aligned rune for rune through origAt.
type normText struct {
	// orig has runs of white space (newlines, non-breaking spaces) collapsed
	// to one space and invisible characters dropped; otherwise as written.
	orig string
	// low is orig in lower case, with "ё" as "е" and every dash or minus
	// as "-", so that one pattern covers all the ways Word types them.
	low string
	// origAt[b] is the byte offset in orig of the rune at byte b of low;
	// it has len(low)+1 entries.
	origAt []int
}

// normalize prepares s (already trimmed) for matching.
func normalize(s string) normText {
	var o, l strings.Builder
	o.Grow(len(s))
	l.Grow(len(s))
	origAt := make([]int, 0, len(s)+1)
	put := func(orig, low rune) {
		for range utf8.RuneLen(low) {
			origAt = append(origAt, o.Len())
		}
		o.WriteRune(orig)
		l.WriteRune(low)
	}
	space := false
	for _, r := range s {
		switch {
		case invisible(r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && o.Len() > 0 {
			put(' ', ' ')
		}
		space = false
		put(r, fold(r))
	}
	origAt = append(origAt, o.Len())
	return normText{orig: o.String(), low: l.String(), origAt: origAt}
}

// slice returns the original text of low[i:j], trimmed of spaces.
func (n normText) slice(i, j int) string {
	return strings.TrimSpace(n.orig[n.origAt[i]:n.origAt[j]])
}

// invisible reports characters Word leaves in copied text that carry no
// meaning: soft hyphens, zero-width spaces and joiners, byte order marks.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// fold maps a rune to its matching form: lower case, "ё" as "е", and every
// dash (hyphen, en and em dash, minus) as "-". The mapping is one rune to
// one rune, which keeps low aligned with orig.
func fold(r rune) rune {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
		return '-'
	case 'ё', 'Ё':
		return 'е'
	}
	return unicode.ToLower(r)
}

// trimPunct trims spaces and the punctuation that ends or separates table
// phrases (". , ; :") from both ends of s.
func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:", r)
	})
}

// parseNumber reads a decimal with a comma or a point ("57,5", "57.5") and
// an optional leading minus.
// A figure over maxNumber («не менее 99999999999999999999 участников») is a
// typo, not a plan: it is not read, and the checker says so (RM018).
func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) > maxNumber {
		return 0, false
	}
	return v, true
}

// maxNumber bounds the figures of an indicator phrase (a trillion).
const maxNumber = 1e12

// hasDigit reports whether s contains an ASCII digit.
func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// Years outside this range are typos ("2201"), not roadmap years.
const (
	minYear = 1990
	maxYear = 2100
)

// monthForms lists the stem of each month and whether it declines like
// "январь" (soft: -ь, -я, -е, -ю, -ем) or like "март" (hard: -, -а, -е, -у,
// -ом). May is irregular and listed in full.
var monthForms = [12]struct {
	stem string
	soft bool
}{
	{"январ", true}, {"феврал", true}, {"март", false}, {"апрел", true},
	{"ма", false}, {"июн", true}, {"июл", true}, {"август", false},
	{"сентябр", true}, {"октябр", true}, {"ноябр", true}, {"декабр", true},
}

// monthAbbrev are the abbreviations used in tables ("сент.", "дек.").
var monthAbbrev = map[string]int{
	"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7,
	"авг": 8, "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}

// monthOf returns the month (1..12) a lower-case word names in any
// grammatical case, or 0.
func monthOf(w string) int {
	switch w {
	case "май", "мая", "мае", "маю", "маем":
		return 5
	}
	if m, ok := monthAbbrev[w]; ok {
		return m
	}
	for i, f := range monthForms {
		if f.stem == "ма" {
			continue
		}
		end, ok := strings.CutPrefix(w, f.stem)
		if !ok {
			continue
		}
		if f.soft {
			switch end {
			case "ь", "я", "е", "ю", "ем":
				return i + 1
			}
		} else {
			switch end {
			case "", "а", "е", "у", "ом":
				return i + 1
			}
		}
	}
	return 0
}

// romanQuarter reads the Roman numerals used for quarters ("I квартал"),
// in lower case, as typed with Latin letters.
var romanQuarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4}

// yearWord reports the words that follow a year: "г.", "гг.", "год",
// "года", "годы", "годов" and the other cases.
func yearWord(w string) bool {
	switch w {
	case "г", "гг", "год", "года", "годы", "годов", "году", "годах", "годом", "годам":
		return true
	}
	return false
}

// quarterWord reports the forms of "квартал" and its abbreviation "кв.".
func quarterWord(w string) bool {
	switch w {
	case "кв", "квартал", "квартала", "квартале", "кварталы", "кварталов", "кварталах", "кварталам", "кварталом", "кварталу":
		return true
	}
	return false
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
