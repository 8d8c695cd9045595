package phrase

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ParseDue reads a deadline phrase ("сроки реализации"). Text is the input
// trimmed of surrounding white space. A phrase with any word or number the
// parser does not know is not parsed (Parsed == false, other fields zero):
// a half-read deadline would be worse than none.
//
// Choices worth knowing:
//   - "до 1 сентября" is Months [9], Day 1 and no years: due by Sept 1 of
//     every year of the roadmap period.
//   - "ежеквартально" is Every, Quarters [1 2 3 4], Months [3 6 9 12] (the
//     quarter ends), while a named quarter ("I квартал") adds its three months.
//   - "по плану работы РМО" gives Plan "РМО", like "по плану РМО": both name
//     the association's plan. Quotes around a plan name are dropped.
//   - "с сентября по декабрь" is the range Months [9 10 11 12].
//   - "по мере необходимости" is not parsed: it sets no deadline a checker
//     could hold anyone to.
//   - A span "декабрь 2021 – май 2022" gives From, To and Years [2021 2022]
//     but no Months.
//   - A reversed range ("2021 – 2019", "октябрь – май") is not parsed.
func ParseDue(text string) Due {
	t := strings.TrimSpace(text)
	if len(t) > maxLen {
		return Due{Text: t}
	}
	d, ok := parseDue(normalize(t))
	if !ok {
		return Due{Text: t}
	}
	d.Text = t
	d.Parsed = true
	return d
}

type tokKind int

const (
	tWord tokKind = iota // letters
	tNum                 // digits, possibly a date "01.09.2021"
	tDash                // any dash
	tSep                 // "," ";" or a bracket
	tEnd                 // past the last token
)

// token is a piece of the folded phrase; start and end are byte offsets in
// normText.low, so names can be copied from the original.
type token struct {
	kind       tokKind
	text       string
	start, end int
}

// tokenize splits a folded phrase. Full stops, colons and quotes only
// decorate deadlines ("2020 г.") and are dropped; brackets separate like a
// comma ("по плану РМО (август)"); any other symbol makes the phrase
// unreadable.
func tokenize(low string) ([]token, bool) {
	var toks []token
	for i := 0; i < len(low); {
		r, size := rune(low[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRuneInString(low[i:])
		}
		switch {
		case r == ' ' || strings.ContainsRune(".:«»\"'", r):
			i += size
		case r == '-':
			toks = append(toks, token{tDash, "-", i, i + 1})
			i++
		case r == ',' || r == ';' || r == '(' || r == ')':
			toks = append(toks, token{tSep, ",", i, i + 1})
			i++
		case r >= '0' && r <= '9':
			j := i
			// A point between digits belongs to a date, any other ends the number.
			for j < len(low) && (isDigit(low[j]) || low[j] == '.' && j+1 < len(low) && isDigit(low[j+1]) && j > i) {
				j++
			}
			toks = append(toks, token{tNum, low[i:j], i, j})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(low) {
				r2, s2 := utf8.DecodeRuneInString(low[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += s2
			}
			toks = append(toks, token{tWord, low[i:j], i, j})
			i = j
		default:
			return nil, false
		}
	}
	return toks, true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

type atomKind int

const (
	aYear atomKind = iota
	aMonth
	aQuarter
	aDash
	aSep
)

// atom is a dated piece of the phrase; ranges and spans are resolved once
// all atoms are known, since "сентябрь-октябрь 2021" and "декабрь 2021 –
// май 2022" differ only after the dash.
type atom struct {
	kind atomKind
	v    int // year, month or quarter
	day  int // for a month: "1 сентября"
}

// dueParser holds the state of one ParseDue call.
type dueParser struct {
	n     normText
	toks  []token
	d     Due
	atoms []atom
}

func parseDue(n normText) (Due, bool) {
	toks, ok := tokenize(n.low)
	if !ok {
		return Due{}, false
	}
	p := &dueParser{n: n, toks: toks}
	for i := 0; i < len(toks); {
		var next int
		var ok bool
		switch t := toks[i]; t.kind {
		case tDash:
			p.atoms = append(p.atoms, atom{kind: aDash})
			next, ok = i+1, true
		case tSep:
			p.atoms = append(p.atoms, atom{kind: aSep})
			next, ok = i+1, true
		case tNum:
			next, ok = p.number(i)
		case tWord:
			next, ok = p.word(i)
		}
		if !ok {
			return Due{}, false
		}
		i = next
	}
	if !p.resolve() {
		return Due{}, false
	}
	d := p.d
	if !d.Every && !d.Throughout && !d.SchoolYear && d.Plan == "" && len(d.Years) == 0 && len(d.Months) == 0 {
		return Due{}, false
	}
	return d, true
}

// wordAt returns the word at toks[i], or "" when there is none.
func (p *dueParser) wordAt(i int) string {
	if i < len(p.toks) && p.toks[i].kind == tWord {
		return p.toks[i].text
	}
	return ""
}

// kindAt returns the kind of toks[i], or tEnd.
func (p *dueParser) kindAt(i int) tokKind {
	if i < len(p.toks) {
		return p.toks[i].kind
	}
	return tEnd
}

// dueFiller are words that carry no date of their own: prepositions ("в
// августе", "до 1 сентября", "не позднее"), "итогам" of "по итогам
// учебного года", and "г."/"года" after a year. "по" is read by word.
var dueFiller = map[string]bool{
	"в": true, "во": true, "до": true, "не": true, "позднее": true, "позже": true,
	"итогам": true, "окончании": true, "конце": true, "конец": true,
	"с": true, "к": true, "на": true, "срок": true, "согласно": true,
}

// word reads the word at toks[i] and whatever it governs; it returns the
// index of the next unread token.
func (p *dueParser) word(i int) (int, bool) {
	w := p.toks[i].text
	if m := monthOf(w); m > 0 {
		p.atoms = append(p.atoms, atom{kind: aMonth, v: m})
		return i + 1, true
	}
	if q, ok := romanQuarter[w]; ok {
		return p.quarter(i, q)
	}
	switch w {
	case "ежегодно", "ежегодный", "ежегодная", "ежегодное":
		p.d.Every = true
	case "каждый", "каждого":
		if nw := p.wordAt(i + 1); nw != "год" && nw != "года" {
			return 0, false
		}
		p.d.Every = true
		return i + 2, true
	case "ежемесячно":
		p.d.Every = true
		for m := 1; m <= 12; m++ {
			p.d.Months = append(p.d.Months, m)
		}
	case "ежеквартально":
		p.d.Every = true
		p.d.Quarters = append(p.d.Quarters, 1, 2, 3, 4)
		p.d.Months = append(p.d.Months, 3, 6, 9, 12)
	case "постоянно":
		p.d.Every, p.d.Throughout = true, true
	case "течение":
		return p.throughout(i + 1)
	case "учебного", "учебный", "учебном":
		if !yearWord(p.wordAt(i + 1)) {
			return 0, false
		}
		p.d.SchoolYear = true
		return i + 2, true
	case "плану", "планом", "графику", "графиком":
		return p.plan(i + 1)
	case "и":
		p.atoms = append(p.atoms, atom{kind: aSep})
	case "по":
		// "с сентября по декабрь" is a range, like "сентябрь – декабрь".
		if k := p.kindAt(i + 1); len(p.atoms) > 0 && (k == tNum || monthOf(p.wordAt(i+1)) > 0) {
			if last := p.atoms[len(p.atoms)-1].kind; last == aMonth || last == aYear {
				p.atoms = append(p.atoms, atom{kind: aDash})
			}
		}
	default:
		if !dueFiller[w] && !yearWord(w) {
			return 0, false
		}
	}
	return i + 1, true
}

// throughout reads what follows "в течение": "года" (every year), "2021
// года" (that year, read as a number later), "всего периода".
func (p *dueParser) throughout(i int) (int, bool) {
	p.d.Throughout = true
	switch w := p.wordAt(i); {
	case w == "года" || w == "год":
		p.d.Every = true
		return i + 1, true
	case w == "учебного" || w == "учебный":
		p.d.Every = true // "учебного года" itself is read by word
		return i, true
	}
	for {
		switch p.wordAt(i) {
		case "всего", "периода", "срока", "реализации":
			i++
		default:
			return i, true
		}
	}
}

// plan reads the name after "по плану": words up to a comma, bracket-free
// end, number or month. A leading "работы" is dropped ("по плану работы
// РМО" and "по плану РМО" name the same plan).
func (p *dueParser) plan(i int) (int, bool) {
	j := i
	for j < len(p.toks) {
		t := p.toks[j]
		if t.kind == tSep || t.kind == tNum || t.kind == tWord && monthOf(t.text) > 0 {
			break
		}
		j++
	}
	for j > i && p.toks[j-1].kind == tDash {
		j--
	}
	if j == i {
		return 0, false
	}
	start := i
	if p.toks[i].kind == tWord && p.toks[i].text == "работы" && j-i > 1 {
		start = i + 1
	}
	p.d.Plan = trimPunct(p.n.slice(p.toks[start].start, p.toks[j-1].end))
	if p.d.Plan == "" || p.d.Plan == "-" {
		return 0, false
	}
	return j, true
}

// quarter reads "I квартал" or "I-II квартал" starting at toks[i], where
// q is the first quarter.
func (p *dueParser) quarter(i, q int) (int, bool) {
	if quarterWord(p.wordAt(i + 1)) {
		p.atoms = append(p.atoms, atom{kind: aQuarter, v: q})
		return i + 2, true
	}
	if p.kindAt(i+1) == tDash {
		if q2, ok := p.quarterNumber(i + 2); ok && quarterWord(p.wordAt(i+3)) {
			p.atoms = append(p.atoms, atom{kind: aQuarter, v: q}, atom{kind: aDash}, atom{kind: aQuarter, v: q2})
			return i + 4, true
		}
	}
	return 0, false
}

// quarterNumber reads a quarter number, Roman or Arabic, at toks[i].
func (p *dueParser) quarterNumber(i int) (int, bool) {
	if i >= len(p.toks) {
		return 0, false
	}
	t := p.toks[i]
	if q, ok := romanQuarter[t.text]; ok && t.kind == tWord {
		return q, true
	}
	if t.kind == tNum && len(t.text) == 1 && t.text[0] >= '1' && t.text[0] <= '4' {
		return int(t.text[0] - '0'), true
	}
	return 0, false
}

// ordinalEnding are the endings typed after a number: "1-й", "1-го".
var ordinalEnding = map[string]bool{"й": true, "ый": true, "ий": true, "го": true, "ого": true, "м": true, "ом": true}

// number reads the number at toks[i]: a year, a date, a day before a month
// or a quarter.
func (p *dueParser) number(i int) (int, bool) {
	s := p.toks[i].text
	if strings.Contains(s, ".") {
		return i + 1, p.date(s)
	}
	if len(s) == 4 {
		y, _ := strconv.Atoi(s)
		if y < minYear || y > maxYear {
			return 0, false
		}
		p.atoms = append(p.atoms, atom{kind: aYear, v: y})
		return i + 1, true
	}
	if len(s) > 2 {
		return 0, false
	}
	v, _ := strconv.Atoi(s)
	j := i + 1
	if p.kindAt(j) == tDash && ordinalEnding[p.wordAt(j+1)] {
		j += 2
	}
	if m := monthOf(p.wordAt(j)); m > 0 && v >= 1 && v <= 31 {
		p.atoms = append(p.atoms, atom{kind: aMonth, v: m, day: v})
		return j + 1, true
	}
	if v >= 1 && v <= 4 {
		if quarterWord(p.wordAt(j)) {
			p.atoms = append(p.atoms, atom{kind: aQuarter, v: v})
			return j + 1, true
		}
		if p.kindAt(j) == tDash {
			if q2, ok := p.quarterNumber(j + 1); ok && quarterWord(p.wordAt(j+2)) {
				p.atoms = append(p.atoms, atom{kind: aQuarter, v: v}, atom{kind: aDash}, atom{kind: aQuarter, v: q2})
				return j + 3, true
			}
		}
	}
	return 0, false
}

// date reads "01.09.2021" (day, month, year) or "09.2021" (month, year).
func (p *dueParser) date(s string) bool {
	parts := strings.Split(s, ".")
	var day, month, year int
	switch {
	case len(parts) == 3 && len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4:
		day, _ = strconv.Atoi(parts[0])
		month, _ = strconv.Atoi(parts[1])
		year, _ = strconv.Atoi(parts[2])
	case len(parts) == 2 && len(parts[0]) <= 2 && len(parts[1]) == 4:
		month, _ = strconv.Atoi(parts[0])
		year, _ = strconv.Atoi(parts[1])
	default:
		return false
	}
	if year < minYear || year > maxYear || month < 1 || month > 12 || day < 0 || day > daysIn(year, month) {
		return false
	}
	if len(parts) == 3 && day == 0 {
		return false
	}
	p.atoms = append(p.atoms, atom{kind: aMonth, v: month, day: day}, atom{kind: aYear, v: year})
	return true
}

// resolve turns atoms into fields: first spans (month year – month year),
// then ranges (year–year, month–month, quarter–quarter), then the rest.
func (p *dueParser) resolve() bool {
	a := p.atoms
	used := make([]bool, len(a))
	d := &p.d
	for i := 2; i+2 < len(a); i++ {
		if a[i].kind != aDash || a[i-2].kind != aMonth || a[i-1].kind != aYear || a[i+1].kind != aMonth || a[i+2].kind != aYear {
			continue
		}
		from := YearMonth{Year: a[i-1].v, Month: a[i-2].v}
		to := YearMonth{Year: a[i+2].v, Month: a[i+1].v}
		if d.From != nil || a[i-2].day != 0 || a[i+1].day != 0 || from.Year*12+from.Month >= to.Year*12+to.Month {
			return false
		}
		d.From, d.To = &from, &to
		for y := from.Year; y <= to.Year; y++ {
			d.Years = append(d.Years, y)
		}
		for k := i - 2; k <= i+2; k++ {
			used[k] = true
		}
	}
	dayMonth := 0
	for i, x := range a {
		if used[i] {
			continue
		}
		switch x.kind {
		case aYear:
			d.Years = append(d.Years, x.v)
		case aMonth:
			d.Months = append(d.Months, x.v)
			if x.day > 0 {
				if d.Day > 0 {
					return false // two days: which one is the deadline?
				}
				d.Day, dayMonth = x.day, x.v
			}
		case aQuarter:
			d.addQuarter(x.v)
		case aDash:
			if i == 0 || i+1 >= len(a) || used[i-1] || used[i+1] {
				return false
			}
			lo, hi := a[i-1], a[i+1]
			if lo.kind != hi.kind || lo.kind == aDash || lo.kind == aSep || lo.v > hi.v || lo.day != 0 || hi.day != 0 {
				return false
			}
			// The ends are atoms of their own; add what lies between.
			for v := lo.v + 1; v < hi.v; v++ {
				switch lo.kind {
				case aYear:
					d.Years = append(d.Years, v)
				case aMonth:
					d.Months = append(d.Months, v)
				case aQuarter:
					d.addQuarter(v)
				}
			}
		}
	}
	d.Years = sortedSet(d.Years)
	d.Months = sortedSet(d.Months)
	d.Quarters = sortedSet(d.Quarters)
	if d.Day > 0 {
		// The day limits the last month only: "февраль, до 1 сентября".
		if dayMonth != d.Months[len(d.Months)-1] {
			return false
		}
		y := 2000 // a leap year, so "29 февраля" passes unless a year says no
		if len(d.Years) == 1 {
			y = d.Years[0]
		}
		if d.Day > daysIn(y, dayMonth) {
			return false
		}
	}
	return true
}

func (d *Due) addQuarter(q int) {
	d.Quarters = append(d.Quarters, q)
	d.Months = append(d.Months, 3*q-2, 3*q-1, 3*q)
}

// sortedSet sorts s and drops duplicates; nil stays nil.
func sortedSet(s []int) []int {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// maxSchedule bounds the period Schedule expands, against a caller passing
// a nonsense period.
const maxSchedule = 1000

// Schedule returns the deadline in each year the activity falls due within
// a roadmap period [from, to], ascending by year.
//
// The years are d.Years when named (with Every they restrict the
// repetition), else every year of the period. Years named outside the period
// are returned too, so that a checker can flag them (see OutsidePeriod).
//
// In each year the activity is due by the last day of the last month of
// Months, or by Day of that month ("до 1 сентября": Sept 1; clamped to the
// month's length); by June 30 for SchoolYear without a month; by Dec 31
// otherwise. For a span From–To, each year of the span is due Dec 31 except
// To.Year, due at the end of To.Month: work in the span's first years is
// reported at the year end, the last one when the span closes.
//
// An unparsed Due, or no year to schedule, gives nil.
func (d Due) Schedule(from, to int) []Deadline {
	if !d.Parsed {
		return nil
	}
	years := d.Years
	if len(years) == 0 {
		if from > to || to-from >= maxSchedule {
			return nil
		}
		for y := from; y <= to; y++ {
			years = append(years, y)
		}
	}
	out := make([]Deadline, 0, len(years))
	for _, y := range years {
		out = append(out, Deadline{Year: y, By: d.by(y)})
	}
	return out
}

// by returns the deadline in year y; see Schedule.
func (d Due) by(y int) time.Time {
	month, day := 12, 31
	switch {
	case d.From != nil && d.To != nil && y >= d.From.Year && y <= d.To.Year:
		if y == d.To.Year {
			month, day = d.To.Month, daysIn(y, d.To.Month)
		}
	case len(d.Months) > 0:
		month = d.Months[len(d.Months)-1]
		day = daysIn(y, month)
		if d.Day > 0 && d.Day < day {
			day = d.Day
		}
	case d.SchoolYear:
		month, day = 6, 30
	}
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// OutsidePeriod lists, ascending, the years the phrase names (Years, From
// and To) that fall outside the roadmap period [from, to]; nil when none.
func (d Due) OutsidePeriod(from, to int) []int {
	var out []int
	add := func(y int) {
		if y < from || y > to {
			out = append(out, y)
		}
	}
	for _, y := range d.Years {
		add(y)
	}
	if d.From != nil {
		add(d.From.Year)
	}
	if d.To != nil {
		add(d.To.Year)
	}
	return sortedSet(out)
}
