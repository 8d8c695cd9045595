package phrase

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseDue reads a deadline phrase ("сроки реализации"). Text is the input
// trimmed of surrounding white space. docs/phrases.md is the contract of
// what each form means.
//
// A word the parser does not know is left out of the reading and named in
// Ignored, so that the checker warns; an unknown number, or a phrase with
// nothing dated left, is not parsed (Parsed == false, other fields zero).
//
// Choices worth knowing:
//   - "до 1 сентября" is Months [9], Day 1 and no years: the period says
//     which years (Schedule).
//   - "ежеквартально" is Every with Recur quarter: four occurrences a year.
//   - "по плану работы РМО" gives Plan "РМО", like "по плану РМО". Without
//     a date or "ежегодно" it is kind plan (no date).
//   - "с сентября по декабрь" and "март – май" are ranges: Months [9..12]
//     and Start, due at the end.
//   - "декабрь 2021 – май 2022" is a span From–To: one occurrence.
//   - "ежегодно с 2023" is Every with Since 2023, not the year 2023 alone.
//   - A reversed range ("2021 – 2019") is not parsed.
func ParseDue(text string) Due {
	t := strings.TrimSpace(text)
	if len(t) > maxLen {
		return Due{Text: t}
	}
	n := normalize(t)
	d, ok := parseDue(n)
	if !ok {
		if !eventCue.MatchString(n.low) {
			return Due{Text: t}
		}
		// An event whose date a human supplies: no date is claimed.
		d = Due{Kind: DueEvent, Event: n.orig}
	}
	d.Text = t
	d.Parsed = true
	return d
}

// eventCue finds the words of a deadline tied to an event rather than a
// date: «за 2 недели до начала экзаменационного периода», «в день
// проведения», «по окончании олимпиады». Tried only on phrases the dated
// parser could not read, so «до начала учебного года» never gets here.
var eventCue = regexp.MustCompile(`(^|[^\p{L}])(за (\d+ ?-?[\p{L}]* ?)?(дн|ден|недел|месяц|час)[\p{L}]* до|до начала|после|по окончании|по завершении|по итогам проведения|в день|в дни|накануне|в период проведения|в ходе|перед|в сроки|в срок[и]?,? установленн|в соответствии со сроками|согласно срокам)`)

type tokKind int

const (
	tWord tokKind = iota // letters
	tNum                 // digits, possibly a date "01.09.2021"
	tDash                // any dash, or the slash of "2022/2023"
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

// noise are symbols that decorate deadlines and carry no meaning: full
// stops, colons and quotes ("2020 г."), footnote marks ("2020* года").
const noise = ".:«»\"'„“”*¹²³⁴⁵#"

// tokenize splits a folded phrase. Brackets separate like a comma ("по
// плану РМО (август)"); a slash between numbers is a dash ("2022/2023");
// any other symbol makes the phrase unreadable.
func tokenize(low string) ([]token, bool) {
	var toks []token
	for i := 0; i < len(low); {
		r, size := rune(low[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRuneInString(low[i:])
		}
		switch {
		case r == ':' && i > 0 && isDigit(low[i-1]) && i+1 < len(low) && isDigit(low[i+1]) && len(toks) > 0:
			// "09:00": a clock time, read like "09.00".
			last := &toks[len(toks)-1]
			j := i + 1
			for j < len(low) && isDigit(low[j]) {
				j++
			}
			last.text += "." + low[i+1:j]
			last.end = j
			i = j
		case r == '№':
			// "№2", "№ 1е": a number of a house or a school, never a date.
			j := i + size
			for j < len(low) && low[j] == ' ' {
				j++
			}
			for j < len(low) && low[j] != ' ' && low[j] != ',' && low[j] != ';' {
				j++
			}
			toks = append(toks, token{tWord, "№", i, j})
			i = j
		case r == ' ' || strings.ContainsRune(noise, r):
			i += size
		case r == '-' || r == '/':
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
			toks = append(toks, token{tWord, cyrillic(low[i:j]), i, j})
			i = j
		default:
			return nil, false
		}
	}
	return toks, true
}

// lookalike maps the Latin letters typed into Russian words ("мaй" with a
// Latin "a") to the Cyrillic ones they look like.
var lookalike = map[rune]rune{'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'x': 'х', 'y': 'у', 'k': 'к', 'm': 'м', 't': 'т', 'h': 'н', 'b': 'в'}

// cyrillic writes a word that mixes Latin and Cyrillic letters in Cyrillic;
// a word of Latin letters only (a Roman numeral) stays as it is.
func cyrillic(w string) string {
	latin, cyr := false, false
	for _, r := range w {
		if r < 0x80 {
			latin = true
		} else {
			cyr = true
		}
	}
	if !latin || !cyr {
		return w
	}
	return strings.Map(func(r rune) rune {
		if c, ok := lookalike[r]; ok {
			return c
		}
		return r
	}, w)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

type atomKind int

const (
	aYear atomKind = iota
	aMonth
	aQuarter
	aHalf
	aSchoolYear
	aDash
	aSep
)

// atom is a dated piece of the phrase; ranges and spans are resolved once
// all atoms are known, since "сентябрь-октябрь 2021" and "декабрь 2021 –
// май 2022" differ only after the dash.
type atom struct {
	kind atomKind
	v    int // year, month, quarter, half or a school year's first year
	day  int // for a month: "1 сентября"
}

// dueParser holds the state of one ParseDue call.
type dueParser struct {
	n       normText
	toks    []token
	d       Due
	atoms   []atom
	ignored []string
	since   bool // "с"/"начиная с" was just read: a lone year after it is Since
	plan    bool // "по плану", "по отдельному графику" was read
	// schoolWords: "учебного года" was read.
	schoolWords bool
	// openStart: a day or month came right after "с" ("с 4 сентября").
	openStart bool
	// tail: the phrase was read up to a comma, the rest left out.
	tail bool
	// notes counts the words left out after a date and a comma: a place
	// or a note, not a guess at the date.
	notes int
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
			p.since = false
			next, ok = i+1, true
		case tNum:
			next, ok = p.number(i)
		case tWord:
			next, ok = p.word(i)
			if !ok && !neverSkip[t.text] {
				// Left out and named: the checker warns about a partial reading;
				// a dash that hyphenates it ("образова- ния") goes with it.
				p.ignored = append(p.ignored, n.slice(t.start, t.end))
				if p.noteAfterDate() {
					p.notes++
				}
				if k := len(p.atoms) - 1; k >= 0 && p.atoms[k].kind == aDash && i > 0 && toks[i-1].kind == tDash {
					p.atoms = p.atoms[:k]
				}
				next, ok = i+1, true
				if next < len(toks) && toks[next].kind == tDash && p.kindAt(next+1) == tWord && monthOf(p.wordAt(next+1)) == 0 {
					next++
				}
			}
		}
		if !ok {
			// What follows a comma after a date may be a place or a note
			// ("2 мая, МОБУ «…СОШ №2»"): read up to it and name the rest.
			k := lastSep(toks[:i])
			if k < 0 || !p.hasDate() {
				return Due{}, false
			}
			for len(p.atoms) > 0 && p.atoms[len(p.atoms)-1].kind != aSep {
				p.atoms = p.atoms[:len(p.atoms)-1]
			}
			p.ignored = append(p.ignored, n.slice(toks[k].end, len(n.low)))
			p.tail = true
			break
		}
		i = next
	}
	if !p.resolve() {
		return Due{}, false
	}
	d := p.d
	if d.Kind == DueDated && p.plan && !d.dated() {
		d.Kind = DuePlan
	}
	if d.Kind == DueDated && !d.dated() {
		return Due{}, false
	}
	if len(p.ignored) > 0 {
		if len(p.ignored)-p.notes > len(p.toks)/2 && !p.tail {
			return Due{}, false // more guessed than read
		}
		d.Ignored = strings.Join(p.ignored, " ")
	}
	return d, true
}

// lastSep returns the index of the last separator among toks, or -1.
func lastSep(toks []token) int {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].kind == tSep {
			return k
		}
	}
	return -1
}

// noteAfterDate reports whether a separator follows the last month or
// year read: words now are a note after the date.
func (p *dueParser) noteAfterDate() bool {
	sep := false
	for k := len(p.atoms) - 1; k >= 0; k-- {
		switch p.atoms[k].kind {
		case aSep:
			sep = true
		case aMonth, aYear:
			return sep
		}
	}
	return false
}

// hasDate reports whether a month or a year has been read.
func (p *dueParser) hasDate() bool {
	for _, x := range p.atoms {
		if x.kind == aMonth || x.kind == aYear {
			return true
		}
	}
	return false
}

// dated reports whether d names anything a deadline can be computed from.
func (d Due) dated() bool {
	return d.Every || d.Throughout || d.SchoolYear || d.SchoolStart || len(d.Years) > 0 || len(d.Months) > 0 ||
		len(d.SchoolYears) > 0 || len(d.Halves) > 0 || d.Recur != "" || d.Since > 0 || d.Step > 0 || d.From != nil
}

// neverSkip are words that change a deadline's meaning too much to be left
// out: the phrase is then not read at all.
var neverSkip = map[string]bool{
	"кроме": true, "исключением": true, "после": true, "через": true, "раньше": true, "ранее": true,
	"за": true, "между": true, "или": true, "либо": true, "каждые": true,
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
	"в": true, "во": true, "до": true, "к": true, "ко": true, "не": true, "позднее": true, "позже": true,
	"итогам": true, "окончании": true, "конце": true, "конец": true, "на": true,
	"срок": true, "сроки": true, "согласно": true, "соответствии": true, "со": true,
	"отчетного": true, "отчетным": true, "отчетном": true, "текущего": true,
	"включительно": true, "числа": true, "года": true, "г": true, "гг": true,
}

// word reads the word at toks[i] and whatever it governs; it returns the
// index of the next unread token.
func (p *dueParser) word(i int) (int, bool) {
	w := p.toks[i].text
	if m := monthOf(w); m > 0 {
		if k := len(p.atoms) - 1; k >= 0 && p.atoms[k].kind == aMonth && p.atoms[k].day == 0 && i > 0 && p.kindAt(i-1) == tWord {
			// "Июнь август 2007 года": two months with nothing between range.
			p.atoms = append(p.atoms, atom{kind: aDash})
		}
		p.atoms = append(p.atoms, atom{kind: aMonth, v: m})
		p.openStart = p.openStart || p.since
		p.since = false
		return i + 1, true
	}
	if q, ok := romanQuarter[w]; ok {
		return p.quarter(i, q)
	}
	if h := ordinalHalf(w); h > 0 && halfWord(p.wordAt(i+1)) {
		p.atoms = append(p.atoms, atom{kind: aHalf, v: h})
		return i + 2, true
	}
	if q := ordinalQuarter(w); q > 0 && quarterWord(p.wordAt(i+1)) {
		p.atoms = append(p.atoms, atom{kind: aQuarter, v: q})
		return i + 2, true
	}
	if iv, ok := intervalAdjective(w); ok {
		return p.afterOrder(i+1, iv)
	}
	switch w {
	case "ежегодно", "ежегодный", "ежегодная", "ежегодное", "ежегодные":
		p.d.Every = true
	case "каждый", "каждого", "каждое", "каждую", "каждом", "каждые":
		switch nw := p.wordAt(i + 1); {
		case nw == "год" || nw == "года" || nw == "году":
			p.d.Every = true
		case weekday(nw) || nw == "неделю" || nw == "недели" || nw == "неделе":
			p.d.Kind, p.d.Weekly = DueContinuous, true
		case monthWord(nw):
			p.recur(RecurMonth)
		case quarterWord(nw):
			p.recur(RecurQuarter)
		case halfWord(nw):
			p.recur(RecurHalf)
		default:
			return 0, false
		}
		return i + 2, true
	case "ежемесячно", "ежемесячный", "ежемесячная":
		p.recur(RecurMonth)
	case "ежеквартально", "поквартально", "ежеквартальный", "ежеквартальная":
		p.recur(RecurQuarter)
	case "раз", "раза":
		return p.times(i, 1)
	case "один", "одного":
		if nw := p.wordAt(i + 1); nw == "раз" {
			return p.times(i+1, 1)
		}
		return 0, false
	case "два", "дважды":
		if w == "дважды" {
			return p.per(i+1, 2)
		}
		if nw := p.wordAt(i + 1); nw == "раза" {
			return p.times(i+1, 2)
		}
		return 0, false
	case "полугодие", "полугодия", "полугодии", "полугодиям":
		if w == "полугодиям" { // "по полугодиям"
			p.recur(RecurHalf)
			return i + 1, true
		}
		return 0, false
	case "постоянно", "систематически", "регулярно", "непрерывно":
		p.d.Kind = DueContinuous
	case "весь", "протяжении", "всего":
		if j, ok := p.wholePeriod(i); ok {
			return j, true
		}
		return 0, false
	case "мере", "необходимости", "запросу", "запросам", "требованию", "заявкам", "согласованию", "приглашению":
		p.d.Kind = DueOnDemand
		if w == "мере" {
			switch p.wordAt(i + 1) {
			case "необходимости", "поступления", "готовности", "возникновения", "появления", "потребности":
				return i + 2, true
			}
		}
	case "течение", "течении":
		return p.throughout(i + 1)
	case "ходе":
		// "в ходе (проведения) месячника".
		j := i + 1
		if p.wordAt(j) == "проведения" {
			j++
		}
		if campaign[p.wordAt(j)] {
			p.d.Kind = DueContinuous
			return j + 1, true
		}
		return 0, false
	case "еженедельно", "понедельникам", "вторникам", "средам", "четвергам", "пятницам", "субботам":
		// A weekly activity is continuous: a date a week is no deadline to report.
		p.d.Kind, p.d.Weekly = DueContinuous, true
	case "соответствии":
		if p.wordAt(i+1) == "с" || p.wordAt(i+1) == "со" {
			p.plan = true
			return p.planName(i + 2)
		}
		return 0, false
	case "учебного", "учебный", "учебном", "учебные", "учебных", "уч":
		j := i + 1
		if !yearWord(p.wordAt(j)) {
			return 0, false
		}
		p.school()
		return j + 1, true
	case "начала", "началу", "начало":
		if p.kindAt(i+1) == tNum && p.wordAt(i+2) != "" || p.kindAt(i+1) == tNum && p.kindAt(i+2) == tDash {
			// "к началу 2012/2013 учебного года": the school years follow.
			k := i + 1
			for p.kindAt(k) == tNum || p.kindAt(k) == tDash {
				k++
			}
			if w := p.wordAt(k); w == "учебного" || w == "учебный" {
				p.d.SchoolStart = true
				return i + 1, true
			}
		}
		if nw := p.wordAt(i + 1); nw == "учебного" || nw == "нового" && p.wordAt(i+2) == "учебного" {
			p.d.SchoolStart = true
			j := i + 2
			if nw == "нового" {
				j++
			}
			if yearWord(p.wordAt(j)) {
				j++
			}
			return j, true
		}
		return 0, false
	case "плану", "планом", "графику", "графиком", "планам", "плана", "графика":
		p.plan = true
		return p.planName(i + 1)
	case "отдельному", "отдельным", "утвержденному", "утвержденным", "специальному", "особому", "своему":
		if nw := p.wordAt(i + 1); nw == "плану" || nw == "графику" || nw == "планом" || nw == "графиком" {
			p.plan = true
			return i + 2, true
		}
		return 0, false
	case "и":
		p.atoms = append(p.atoms, atom{kind: aSep})
	case "с", "начиная":
		p.since = true
		if w == "начиная" && p.wordAt(i+1) == "с" {
			return i + 2, true
		}
	case "следующего", "следующим", "следующем":
		// "до 25 марта года, следующего за отчетным периодом": the next year.
		afterYear := p.wordAt(i-1) == "года" || p.kindAt(i-1) == tSep && p.wordAt(i-2) == "года"
		byYear := p.wordAt(i+2) == "годом" || p.wordAt(i+3) == "годом"
		if p.wordAt(i+1) == "за" && (afterYear || byYear) {
			p.d.NextYear = true
			j := i + 2
			for dueFiller[p.wordAt(j)] || p.wordAt(j) == "периодом" || p.wordAt(j) == "годом" {
				j++
			}
			return j, true
		}
		// "до 10 числа месяца, следующего за отчётным кварталом".
		if p.wordAt(i+1) == "за" {
			p.d.NextMonth = true
			j := i + 2
			for dueFiller[p.wordAt(j)] || quarterWord(p.wordAt(j)) || monthWord(p.wordAt(j)) || p.wordAt(j) == "периодом" {
				j++
			}
			return j, true
		}
		return 0, false
	case "месяца", "месяц":
		// "до 10 числа месяца, следующего за …": the month of the day.
		if p.d.RecurDay > 0 || p.wordAt(i+1) == "следующего" || p.kindAt(i+1) == tSep && p.wordAt(i+2) == "следующего" {
			return i + 1, true
		}
		return 0, false
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

// recur sets a recurrence within the year, which repeats every year.
func (p *dueParser) recur(r Recur) {
	p.d.Every = true
	p.d.Recur = r
}

// school marks the phrase as speaking of school years: a year range just
// read ("2022-2023 учебного года", "2022/2023 учебный год") is a school
// year, and without one the deadline is the school year's end.
func (p *dueParser) school() {
	p.schoolWords = true
	a := p.atoms
	converted := false
	for k := len(a) - 3; k >= 0; k-- {
		if a[k].kind == aYear && a[k+1].kind == aDash && a[k+2].kind == aYear && a[k+2].v == a[k].v+1 {
			y := a[k].v
			a = append(a[:k], append([]atom{{kind: aSchoolYear, v: y}}, a[k+3:]...)...)
			converted = true
		}
	}
	p.atoms = a
	if !converted {
		p.d.SchoolYear = true
	}
}

// times reads what follows "раз" (at toks[i]) after a count n: "в квартал",
// "в месяц", "в полугодие", "в год", "в два года".
func (p *dueParser) times(i, n int) (int, bool) {
	j := i + 1
	if p.wordAt(j) != "в" {
		return 0, false
	}
	return p.per(j+1, n)
}

// per reads the unit of "N раз в …" at toks[j].
func (p *dueParser) per(j, n int) (int, bool) {
	if p.wordAt(j) == "в" {
		j++
	}
	w := p.wordAt(j)
	switch {
	case monthWord(w) && n == 1:
		p.recur(RecurMonth)
	case quarterWord(w) && n == 1:
		p.recur(RecurQuarter)
	case (halfWord(w) || w == "полгода") && n == 1:
		p.recur(RecurHalf)
	case (w == "год" || w == "года") && n == 1:
		p.d.Every = true
	case (w == "год" || w == "года") && n == 2:
		p.recur(RecurHalf)
	case (w == "год") && n == 4:
		p.recur(RecurQuarter)
	default:
		// "раз в два года", "раз в 3 года".
		step := numberWord(w)
		if step == 0 && p.kindAt(j) == tNum {
			step, _ = strconv.Atoi(p.toks[j].text)
		}
		if step < 2 || step > 10 || n != 1 {
			return 0, false
		}
		k := p.wordAt(j + 1)
		if k != "года" && k != "лет" && k != "год" {
			return 0, false
		}
		p.d.Step = step
		return j + 2, true
	}
	return j + 1, true
}

// numberWord reads a small number written as a word.
func numberWord(w string) int {
	switch w {
	case "два", "двух":
		return 2
	case "три", "трех":
		return 3
	case "четыре", "четырех":
		return 4
	case "пять", "пяти":
		return 5
	}
	return 0
}

// wholePeriod reads "весь период", "всего периода", "на протяжении всего
// периода (реализации)" at toks[i]: a continuous activity.
func (p *dueParser) wholePeriod(i int) (int, bool) {
	j := i
	for {
		switch p.wordAt(j) {
		case "весь", "протяжении", "всего":
			j++
			continue
		}
		break
	}
	switch p.wordAt(j) {
	case "период", "периода", "срока", "срок":
	default:
		return 0, false
	}
	p.d.Kind = DueContinuous
	j++
	for wholePeriodTail[p.wordAt(j)] {
		j++
	}
	return j, true
}

// wholePeriodTail are the words after "весь период": "реализации
// программы", "действия дорожной карты".
var wholePeriodTail = map[string]bool{"реализации": true, "действия": true, "программы": true, "дорожной": true,
	"карты": true, "плана": true, "проекта": true, "подпрограммы": true}

// throughout reads what follows "в течение": "года" (every year), "2021
// года" (that year, read as a number later), "всего периода"
// (continuous), "учебного года", "I полугодия", "месяца со дня
// подписания" (after the order), "10 дней".
func (p *dueParser) throughout(i int) (int, bool) {
	switch w := p.wordAt(i); {
	case w == "года" || w == "год":
		p.d.Throughout, p.d.Every = true, true
		return i + 1, true
	case w == "учебного" || w == "учебный":
		p.d.Throughout, p.d.Every = true, true // "учебного года" itself is read by word
		return i, true
	case w == "всего" || w == "периода" || w == "срока":
		if j, ok := p.wholePeriod(i); ok {
			return j, true
		}
		return 0, false
	case campaign[w]:
		// "в течение месячника": all through the campaign the plan is for.
		p.d.Kind = DueContinuous
		return i + 1, true
	case w == "месяца" || w == "недели" || w == "двух" || w == "трех" || w == "полугода":
		iv := Interval{N: 1, Unit: "month"}
		j := i + 1
		switch w {
		case "недели":
			iv.Unit = "week"
		case "двух", "трех":
			iv.N = numberWord(w)
			switch p.wordAt(i + 1) {
			case "месяцев":
			case "недель":
				iv.Unit = "week"
			default:
				return 0, false
			}
			j++
		case "полугода":
			iv.N = 6
		}
		return p.afterOrder(j, iv)
	case p.kindAt(i) == tNum:
		// "в течение 10 (рабочих) дней", "в течение 2 недель", "в течение 2021 года".
		n, err := strconv.Atoi(p.toks[i].text)
		if err == nil && len(p.toks[i].text) <= 3 {
			j := i + 1
			working := false
			if w := p.wordAt(j); w == "рабочих" || w == "календарных" {
				working, j = w == "рабочих", j+1
			}
			if unit := intervalUnit(p.wordAt(j)); unit != "" && n > 0 {
				return p.afterOrder(j+1, Interval{N: n, Unit: unit, Working: working})
			}
		}
	}
	p.d.Throughout = true
	return i, true
}

// campaign are the spans of a campaign plan: "в течение месячника",
// "в ходе проведения декады".
var campaign = map[string]bool{"месячника": true, "декады": true, "смены": true, "каникул": true, "акции": true,
	"марафона": true, "фестиваля": true, "конкурса": true}

// intervalUnit names the unit of "дней", "недель", "месяцев".
func intervalUnit(w string) string {
	switch w {
	case "день", "дня", "дней", "дн":
		return "day"
	case "неделя", "недели", "недель", "нед":
		return "week"
	case "месяц", "месяца", "месяцев", "мес":
		return "month"
	}
	return ""
}

// intervalAdjective reads "трехмесячный", "6-месячный" (the number read
// before), "двухнедельный", "десятидневный" as an interval.
func intervalAdjective(w string) (Interval, bool) {
	for _, u := range []struct{ stem, unit string }{{"месячн", "month"}, {"недельн", "week"}, {"дневн", "day"}} {
		k := strings.Index(w, u.stem)
		if k < 0 {
			continue
		}
		prefix, rest := w[:k], w[k+len(u.stem):]
		n, ok := adjectiveNumber[prefix]
		if !ok || !adjectiveEnding[rest] {
			return Interval{}, false
		}
		return Interval{N: n, Unit: u.unit}, true
	}
	return Interval{}, false
}

// adjectiveEnding are the endings of "месячный" as the stem leaves them:
// "месячный срок" but not "месячника".
var adjectiveEnding = map[string]bool{"ый": true, "ого": true, "ом": true, "ому": true, "ой": true, "ые": true, "ая": true, "ую": true}

// adjectiveNumber are the first parts of "трехмесячный" and the others;
// "" is a bare "месячный" (a number typed before it sets N).
var adjectiveNumber = map[string]int{
	"": 1, "одно": 1, "двух": 2, "трех": 3, "четырех": 4, "пяти": 5, "шести": 6, "семи": 7,
	"восьми": 8, "девяти": 9, "десяти": 10, "двенадцати": 12, "пятнадцати": 15, "тридцати": 30,
}

// afterOrder reads the rest of a deadline counted from the approving
// order ("срок со дня подписания приказа") starting at toks[j].
func (p *dueParser) afterOrder(j int, iv Interval) (int, bool) {
	if p.d.After != nil || iv.N <= 0 {
		return 0, false
	}
	p.d.Kind, p.d.After = DueAfterOrder, &iv
	for j < len(p.toks) && (p.kindAt(j) == tSep || orderAnchor[p.wordAt(j)]) {
		j++
	}
	return j, true
}

// orderAnchor are the words after a span from the order: "со дня
// подписания настоящего приказа", "с момента утверждения".
var orderAnchor = map[string]bool{
	"срок": true, "со": true, "с": true, "дня": true, "даты": true, "момента": true, "подписания": true,
	"утверждения": true, "издания": true, "вступления": true, "силу": true, "в": true, "принятия": true,
	"настоящего": true, "приказа": true, "распоряжения": true, "постановления": true, "после": true,
	"дорожной": true, "карты": true, "плана": true, "документа": true, "его": true, "опубликования": true,
}

// planName reads the name after "по плану": words up to a comma,
// bracket-free end, number or month. A leading "работы" is dropped ("по
// плану работы РМО" and "по плану РМО" name the same plan).
func (p *dueParser) planName(i int) (int, bool) {
	j := i
	for j < len(p.toks) {
		t := p.toks[j]
		if t.kind == tSep || t.kind == tNum || t.kind == tWord && (monthOf(t.text) > 0 || t.text == "ежегодно") {
			break
		}
		j++
	}
	for j > i && p.toks[j-1].kind == tDash {
		j--
	}
	if j == i {
		return i, true
	}
	start := i
	if p.toks[i].kind == tWord && p.toks[i].text == "работы" && j-i > 1 {
		start = i + 1
	}
	p.d.Plan = trimPunct(p.n.slice(p.toks[start].start, p.toks[j-1].end))
	if p.d.Plan == "-" {
		p.d.Plan = ""
	}
	return j, true
}

// quarter reads "I квартал", "I-II квартал" or "I полугодие" starting at
// toks[i], where q is the first number.
func (p *dueParser) quarter(i, q int) (int, bool) {
	next := p.wordAt(i + 1)
	if quarterWord(next) {
		p.atoms = append(p.atoms, atom{kind: aQuarter, v: q})
		return i + 2, true
	}
	if halfWord(next) && q <= 2 {
		p.atoms = append(p.atoms, atom{kind: aHalf, v: q})
		return i + 2, true
	}
	if p.kindAt(i+1) == tDash {
		if q2, ok := p.quarterNumber(i + 2); ok {
			switch w := p.wordAt(i + 3); {
			case quarterWord(w):
				p.atoms = append(p.atoms, atom{kind: aQuarter, v: q}, atom{kind: aDash}, atom{kind: aQuarter, v: q2})
				return i + 4, true
			case halfWord(w) && q == 1 && q2 == 2:
				p.atoms = append(p.atoms, atom{kind: aHalf, v: 1}, atom{kind: aSep}, atom{kind: aHalf, v: 2})
				return i + 4, true
			}
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

// ordinalEnding are the endings typed after a number: "1-й", "1-го", "3-х".
var ordinalEnding = map[string]bool{"й": true, "ый": true, "ий": true, "го": true, "ого": true, "м": true, "ом": true,
	"е": true, "ое": true, "х": true, "ти": true, "ми": true, "ех": true, "ух": true}

// number reads the number at toks[i]: a year, a date, a day before a month,
// a quarter or half-year, "25 числа", "3-месячный срок", "1 раз в …".
func (p *dueParser) number(i int) (int, bool) {
	s := p.toks[i].text
	if strings.Contains(s, ".") {
		p.openStart = p.openStart || p.since
		p.since = false
		return i + 1, p.date(s)
	}
	if len(s) == 4 {
		y, _ := strconv.Atoi(s)
		if y < minYear || y > maxYear {
			return 0, false
		}
		if p.since && p.kindAt(i+1) != tDash && p.wordAt(i+1) != "по" && !(yearWord(p.wordAt(i+1)) && p.kindAt(i+2) == tDash) {
			p.since = false
			p.d.Since = y
			return i + 1, true
		}
		p.since = false
		p.atoms = append(p.atoms, atom{kind: aYear, v: y})
		return i + 1, true
	}
	if len(s) > 3 {
		return 0, false
	}
	v, _ := strconv.Atoi(s)
	p.openStart = p.openStart || p.since
	p.since = false
	j := i + 1
	if p.kindAt(j) == tDash && ordinalEnding[p.wordAt(j+1)] {
		j += 2
	}
	if iv, ok := intervalAdjective(p.wordAt(j)); ok && iv.N == 1 && v > 0 {
		// "в 3-месячный срок", "в 6-ти месячный срок".
		iv.N = v
		return p.afterOrder(j+1, iv)
	}
	if p.kindAt(j) == tDash {
		if iv, ok := intervalAdjective(p.wordAt(j + 1)); ok && iv.N == 1 && v > 0 {
			iv.N = v
			return p.afterOrder(j+2, iv)
		}
	}
	switch w := p.wordAt(j); {
	case w == "числа" && v >= 1 && v <= 31:
		// "до 25 числа каждого месяца", "до 10 числа месяца, следующего …".
		p.d.RecurDay = v
		return j + 1, true
	case (w == "раз" || w == "раза") && v >= 1 && v <= 12:
		return p.times(j, v)
	}
	if m := monthOf(p.wordAt(j)); m > 0 && v >= 1 && v <= 31 {
		p.atoms = append(p.atoms, atom{kind: aMonth, v: m, day: v})
		return j + 1, true
	}
	// "11 – 20 ноября": a range of days in one month.
	if p.kindAt(j) == tDash && v >= 1 && v <= 31 && p.kindAt(j+1) == tNum {
		if v2, err := strconv.Atoi(p.toks[j+1].text); err == nil && len(p.toks[j+1].text) <= 2 {
			if m := monthOf(p.wordAt(j + 2)); m > 0 && v2 > v && v2 <= 31 {
				p.atoms = append(p.atoms, atom{kind: aMonth, v: m, day: v}, atom{kind: aDash}, atom{kind: aMonth, v: m, day: v2})
				return j + 3, true
			}
		}
	}
	if v >= 1 && v <= 4 {
		if quarterWord(p.wordAt(j)) {
			p.atoms = append(p.atoms, atom{kind: aQuarter, v: v})
			return j + 1, true
		}
		if halfWord(p.wordAt(j)) && v <= 2 {
			p.atoms = append(p.atoms, atom{kind: aHalf, v: v})
			return j + 1, true
		}
		if p.kindAt(j) == tDash {
			if q2, ok := p.quarterNumber(j + 1); ok && quarterWord(p.wordAt(j+2)) {
				p.atoms = append(p.atoms, atom{kind: aQuarter, v: v}, atom{kind: aDash}, atom{kind: aQuarter, v: q2})
				return j + 3, true
			}
		}
	}
	if unit := intervalUnit(p.wordAt(j)); unit != "" && v > 0 && p.d.Kind == DueDated {
		// "10 дней со дня подписания" without "в течение".
		if orderAnchor[p.wordAt(j+1)] && p.wordAt(j+1) != "в" {
			return p.afterOrder(j+1, Interval{N: v, Unit: unit})
		}
	}
	return 0, false
}

// date reads "01.09.2021" (day, month, year), "09.2021" (month, year) or
// "01.09" (day, month).
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
	case len(parts) == 3 && len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 2:
		// "25.04.13": a two-digit year, of this century.
		day, _ = strconv.Atoi(parts[0])
		month, _ = strconv.Atoi(parts[1])
		year, _ = strconv.Atoi(parts[2])
		year += 2000
		p.d.ShortYear = true
	case len(parts) == 2 && len(parts[0]) <= 2 && len(parts[1]) == 2 && p.afterDate():
		// "07.05.2015 15.00": a clock time after a date is not a date.
		h, _ := strconv.Atoi(parts[0])
		m, _ := strconv.Atoi(parts[1])
		return h <= 23 && m <= 59
	case len(parts) == 2 && len(parts[0]) <= 2 && len(parts[1]) == 2:
		day, _ = strconv.Atoi(parts[0])
		month, _ = strconv.Atoi(parts[1])
		if month < 1 || month > 12 || day < 1 || day > daysIn(2000, month) {
			return false
		}
		p.atoms = append(p.atoms, atom{kind: aMonth, v: month, day: day})
		return true
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

// afterDate reports whether the last atom read is a day of a month or a
// year, after which a clock time may follow.
func (p *dueParser) afterDate() bool {
	for k := len(p.atoms) - 1; k >= 0; k-- {
		if x := p.atoms[k]; x.kind != aSep {
			return x.kind == aYear || x.kind == aMonth && x.day > 0
		}
	}
	return false
}

// resolve turns atoms into fields. Each month, range of months or
// quarter is an occurrence (a Point); years after a list of months apply
// to all of it ("февраль, май 2013 2014"), unless each part of the list
// has its own year ("декабрь 2020 г., февраль 2021 г."). Spans between
// two years ("декабрь 2021 – май 2022") are From–To.
func (p *dueParser) resolve() bool {
	a := p.atoms
	d := &p.d
	type segment struct {
		points []Point
		years  []int
	}
	var segs []segment
	var qMonths []int // the months of the quarters named, for Months
	cur := segment{}
	flush := func() {
		if len(cur.points) > 0 || len(cur.years) > 0 {
			segs = append(segs, cur)
		}
		cur = segment{}
	}
	addPoint := func(pt Point) {
		if len(cur.years) > 0 {
			flush()
		}
		cur.points = append(cur.points, pt)
	}
	addYear := func(y int) {
		cur.years = append(cur.years, y)
		d.Years = append(d.Years, y)
	}
	for i := 0; i < len(a); i++ {
		x := a[i]
		dashNext := i+2 < len(a) && a[i+1].kind == aDash
		switch x.kind {
		case aYear:
			if i+3 < len(a) && a[i+1].kind == aDash && a[i+2].kind == aMonth && a[i+3].kind == aYear && len(cur.points) > 0 {
				// "декабрь 2021 – май 2022", "06.02.2023 – 30.05.2023".
				last := cur.points[len(cur.points)-1]
				from := YearMonth{Year: x.v, Month: last.Month, Day: last.Day}
				to := YearMonth{Year: a[i+3].v, Month: a[i+2].v, Day: a[i+2].day}
				if !before(from, to) {
					return false
				}
				cur.points = cur.points[:len(cur.points)-1]
				if from.Year == to.Year {
					addPoint(Point{Year: from.Year, Month: to.Month, Day: to.Day, From: &MonthDay{from.Month, max(from.Day, 1)}})
					d.Years = append(d.Years, from.Year)
				} else {
					if d.From != nil {
						return false
					}
					d.From, d.To = &from, &to
					for y := from.Year; y <= to.Year; y++ {
						d.Years = append(d.Years, y)
					}
				}
				i += 3
				continue
			}
			addYear(x.v)
			if dashNext && a[i+2].kind == aYear {
				hi := a[i+2].v
				if hi < x.v {
					return false
				}
				for y := x.v + 1; y <= hi; y++ {
					addYear(y)
				}
				i += 2
			}
		case aSchoolYear:
			d.SchoolYears = append(d.SchoolYears, x.v)
		case aMonth:
			if dashNext && a[i+2].kind == aMonth {
				lo, hi := x, a[i+2]
				i += 2
				if lo.v > hi.v || lo.v == hi.v && lo.day >= hi.day {
					if lo.v <= hi.v || d.From != nil {
						return false
					}
					// "сентябрь – май": over the new year, the years from the period.
					d.From = &YearMonth{Month: lo.v, Day: lo.day}
					d.To = &YearMonth{Month: hi.v, Day: hi.day}
					continue
				}
				addPoint(Point{Month: hi.v, Day: hi.day, From: &MonthDay{lo.v, max(lo.day, 1)}})
				continue
			}
			if dashNext && a[i+2].kind == aYear {
				// "август 2021 – 2022": a month and a year cannot range.
				return false
			}
			addPoint(Point{Month: x.v, Day: x.day})
		case aQuarter:
			if dashNext && a[i+2].kind == aQuarter {
				lo, hi := x.v, a[i+2].v
				if lo > hi {
					return false
				}
				for q := lo; q <= hi; q++ {
					d.Quarters = append(d.Quarters, q)
					qMonths = append(qMonths, 3*q-2, 3*q-1)
				}
				addPoint(Point{Month: 3 * hi, From: &MonthDay{3*lo - 2, 1}})
				i += 2
				continue
			}
			d.Quarters = append(d.Quarters, x.v)
			qMonths = append(qMonths, 3*x.v-2, 3*x.v-1)
			addPoint(Point{Month: 3 * x.v})
		case aHalf:
			if dashNext && a[i+2].kind == aHalf {
				d.Halves = append(d.Halves, x.v, a[i+2].v)
				i += 2
				continue
			}
			d.Halves = append(d.Halves, x.v)
		case aDash:
			return false // a dash with nothing to range
		}
	}
	flush()
	// Each part with its own year, and the years differ: the points carry them.
	own := len(segs) > 1
	for _, sg := range segs {
		if len(sg.points) == 0 || len(sg.years) != 1 {
			own = false
		}
	}
	if own && segs[0].years[0] == segs[len(segs)-1].years[0] {
		own = false
	}
	for _, sg := range segs {
		for _, pt := range sg.points {
			if own {
				pt.Year = sg.years[0]
			}
			d.Points = append(d.Points, pt)
		}
	}
	for _, pt := range d.Points {
		y := 2000 // a leap year, so "29 февраля" passes unless a year says no
		if pt.Year > 0 {
			y = pt.Year
		} else if len(d.Years) == 1 {
			y = d.Years[0]
		}
		if pt.Day > daysIn(y, pt.Month) {
			return false
		}
		from := pt.Month
		if pt.From != nil {
			from = pt.From.Month
		}
		for m := from; m <= pt.Month; m++ {
			d.Months = append(d.Months, m)
		}
	}
	if n := len(d.Points); n > 0 {
		d.Day = d.Points[n-1].Day
	}
	d.Months = append(d.Months, qMonths...)
	d.Years = sortedSet(d.Years)
	d.SchoolYears = sortedSet(d.SchoolYears)
	d.Months = sortedSet(d.Months)
	d.Quarters = sortedSet(d.Quarters)
	d.Halves = sortedSet(d.Halves)
	if len(d.Halves) > 0 && (len(d.Points) > 0 || d.Recur != "") {
		return false
	}
	if d.Since > 0 && len(d.Years) > 0 {
		return false
	}
	if d.Recur != "" && len(d.Points) > 0 {
		return false
	}
	if p.openStart && len(d.Points) == 1 && d.Points[0].From == nil {
		// "с 4 сентября 2023 года": from that day, to the year's end.
		pt := &d.Points[0]
		pt.From = &MonthDay{pt.Month, max(pt.Day, 1)}
		pt.Month, pt.Day, pt.Open = 12, 0, true
		d.Months = nil
		for m := pt.From.Month; m <= 12; m++ {
			d.Months = append(d.Months, m)
		}
		d.Day = 0
	}
	d.School = p.schoolWords && len(d.Halves) > 0
	if d.SchoolYear && (len(d.Points) > 0 || len(d.Halves) > 0) {
		d.SchoolYear = false // "май учебного года", "I полугодие учебного года"
	}
	return true
}

func before(a, b YearMonth) bool {
	return a.Year*400+a.Month*32+a.Day < b.Year*400+b.Month*32+b.Day
}

// sortedSet sorts s and drops duplicates; nil stays nil.
func sortedSet(s []int) []int {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// ordinalHalf reads "первое", "второго" and the others as a half (1, 2).
func ordinalHalf(w string) int {
	switch {
	case strings.HasPrefix(w, "перв"):
		return 1
	case strings.HasPrefix(w, "втор"):
		return 2
	}
	return 0
}

// ordinalQuarter reads "первый" … "четвертый" as a quarter.
func ordinalQuarter(w string) int {
	switch {
	case strings.HasPrefix(w, "перв"):
		return 1
	case strings.HasPrefix(w, "втор"):
		return 2
	case strings.HasPrefix(w, "трет"):
		return 3
	case strings.HasPrefix(w, "четверт"):
		return 4
	}
	return 0
}

// halfWord reports the forms of "полугодие".
func halfWord(w string) bool {
	switch w {
	case "полугодие", "полугодия", "полугодии", "полугодию", "полугодием", "полугодий", "полугодиях", "пг":
		return true
	}
	return false
}

// weekday reports the days of the week, as after "каждый".
func weekday(w string) bool {
	switch w {
	case "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье":
		return true
	}
	return false
}

// monthWord reports the forms of "месяц".
func monthWord(w string) bool {
	switch w {
	case "месяц", "месяца", "месяце", "месяцу", "месяцем", "мес":
		return true
	}
	return false
}
