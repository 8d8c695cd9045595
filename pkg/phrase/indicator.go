package phrase

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseIndicator reads an indicator phrase ("индикативный показатель").
// Text is the input trimmed of surrounding white space. A phrase that has no
// measure the parser can name ("Площадки СПО, ВПО") is Kind text, not
// parsed.
//
// The forms, tried in this order:
//   - document: "Наличие X" (see parseDocuments for lists);
//   - targets: "2020 – 20%, 2021 – 35%", optionally after a label ending in
//     a colon; Per is always year, as targets are per-year by nature;
//   - growth: "(Ежегодное) увеличение ...", with no number; Per is year when
//     "ежегодн..." or "в год" is said; Of is what follows "от", else what
//     follows "доли"/"числа"/"количества";
//   - threshold: "не менее 15 участников в год", "не более 5 %", a bare
//     "100%" (a bare number is a minimum). For a count Of holds any words
//     after the unit ("из числа обучающихся").
//
// Numbers may be negative or exceed 100%: reading them is the parser's job,
// judging them the checker's.
func ParseIndicator(text string) Indicator {
	t := strings.TrimSpace(text)
	fail := Indicator{Text: t, Kind: KindText}
	if len(t) > maxLen {
		return fail
	}
	n := normalize(t)
	end := len(strings.TrimRightFunc(n.low, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:", r)
	}))
	var ind Indicator
	var ok bool
	for _, parse := range []func(normText, int) (Indicator, bool){parseDocuments, parseTargets, parseGrowth, parseThreshold} {
		if ind, ok = parse(n, end); ok {
			break
		}
	}
	if !ok {
		return fail
	}
	ind.Text = t
	ind.Parsed = true
	return ind
}

// documentStems begin the nouns that name a document, in any case: "плана",
// "отчетов", "справки". A word matches when it is a stem plus at most three
// letters of ending, which keeps "план" from matching "планирование".
var documentStems = []string{
	"план", "отчет", "приказ", "акт", "график", "справк", "программ", "положени",
	"протокол", "рекомендаци", "распоряжени", "постановлени", "документ",
	"регламент", "паспорт", "перечн", "перечень", "порядк", "порядок",
	"соглашени", "договор", "карт", "модел", "концепци", "инструкци",
	"сведени", "информаци", "анализ", "журнал", "реестр", "баз", "смет",
	"заключени", "письм", "стратеги", "материал", "методик", "отзыв",
}

func documentNoun(w string) bool {
	for _, s := range documentStems {
		if rest, ok := strings.CutPrefix(w, s); ok && utf8.RuneCountInString(rest) <= 3 {
			return true
		}
	}
	return false
}

// documentLike reports whether a folded phrase names a document: a document
// noun among its first two words ("приказов", "нормативных актов",
// "Адресные рекомендации"). "необходимых для ..." is not one.
func documentLike(low string) bool {
	words := strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	for i := 0; i < len(words) && i < 2; i++ {
		if documentNoun(words[i]) {
			return true
		}
	}
	return false
}

// parseDocuments reads "Наличие X". X is one document unless it is a list
// whose every comma-separated part names a document ("Наличие приказов,
// нормативных актов"): a comma inside a name ("… обучающихся, необходимых
// для …", "на площадках СПО, ВПО") does not split it. Sentences after the
// first that name a document ("Адресные рекомендации по …") are further
// documents; any other sentence makes the phrase unparsed, since a document
// indicator cannot hold its measure.
func parseDocuments(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	rest, ok := strings.CutPrefix(low, "наличие")
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != ':' {
		return Indicator{}, false
	}
	i := end - len(rest)
	for i < end && (low[i] == ' ' || low[i] == ':') {
		i++
	}
	var docs []string
	add := func(a, b int) bool {
		s := trimPunct(n.slice(a, b))
		if s == "" {
			return false
		}
		docs = append(docs, s)
		return true
	}
	for k, s := range sentences(n, i, end) {
		a, b := s[0], s[1]
		if k > 0 {
			if !documentLike(low[a:b]) || !add(a, b) {
				return Indicator{}, false
			}
			continue
		}
		parts := splitList(low, a, b)
		list := len(parts) > 1
		for _, p := range parts {
			list = list && documentLike(low[p[0]:p[1]])
		}
		if !list {
			parts = [][2]int{{a, b}}
		}
		for _, p := range parts {
			if !add(p[0], p[1]) {
				return Indicator{}, false
			}
		}
	}
	if len(docs) == 0 {
		return Indicator{}, false
	}
	return Indicator{Kind: KindDocument, Documents: docs}, true
}

// sentences splits low[i:end] at ". " before a capital letter of the
// original ("… мониторинга. Адресные рекомендации …"); a point after "г."
// or inside a date is followed by a digit or a small letter and stays.
func sentences(n normText, i, end int) [][2]int {
	var out [][2]int
	start := i
	for j := i; j+2 < end; j++ {
		if n.low[j] != '.' || n.low[j+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(n.orig[n.origAt[j+2]:])
		if unicode.IsUpper(r) {
			out = append(out, [2]int{start, j})
			start = j + 2
		}
	}
	return append(out, [2]int{start, end})
}

// splitList splits low[a:b] at commas and semicolons.
func splitList(low string, a, b int) [][2]int {
	var out [][2]int
	start := a
	for j := a; j < b; j++ {
		if low[j] == ',' || low[j] == ';' {
			out = append(out, [2]int{start, j})
			start = j + 1
		}
	}
	return append(out, [2]int{start, b})
}

// reTarget matches one "2020 – 20%" or "2021 г. - 10 человек" entry of a
// folded phrase: year, optional "г."/"год", dash, value, optional unit.
var reTarget = regexp.MustCompile(`(\d{4})\s*(?:гг?\.?|год[а-я]*)?\s*-\s*(-?\d+(?:[.,]\d+)?)\s*(%|\pL+)?`)

// reTargetGap is what may stand between and after target entries.
var reTargetGap = regexp.MustCompile(`^[\s,;.]*(?:и\s)?[\s,;.]*$`)

// parseTargets reads per-year values. Any text before the first entry must
// be a label ending in a colon ("Ежегодное увеличение числа участников:")
// and hold no number, and nothing but separators may stand between or after
// entries: otherwise some number would go unread.
func parseTargets(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	ms := reTarget.FindAllStringSubmatchIndex(low, -1)
	if len(ms) == 0 {
		return Indicator{}, false
	}
	if prefix := strings.TrimSpace(low[:ms[0][0]]); prefix != "" && (!strings.HasSuffix(prefix, ":") || hasDigit(prefix)) {
		return Indicator{}, false
	}
	ind := Indicator{Kind: KindTargets, Per: PerYear}
	unit := ""
	prev := -1
	for k, m := range ms {
		if m[0] > 0 && isDigit(low[m[0]-1]) {
			return Indicator{}, false
		}
		if k > 0 && !reTargetGap.MatchString(low[prev:m[0]]) {
			return Indicator{}, false
		}
		prev = m[1]
		y, _ := strconv.Atoi(low[m[2]:m[3]])
		v, ok := parseNumber(low[m[4]:m[5]])
		if !ok || y < minYear || y > maxYear {
			return Indicator{}, false
		}
		if m[6] >= 0 {
			u := low[m[6]:m[7]]
			if unit != "" && u != unit {
				return Indicator{}, false
			}
			if unit == "" {
				unit = u
				ind.Unit = n.slice(m[6], m[7])
			}
		}
		ind.Targets = append(ind.Targets, Target{Year: y, Value: v})
	}
	if !reTargetGap.MatchString(low[prev:]) {
		return Indicator{}, false
	}
	slices.SortFunc(ind.Targets, func(a, b Target) int { return a.Year - b.Year })
	for k := 1; k < len(ind.Targets); k++ {
		if ind.Targets[k].Year == ind.Targets[k-1].Year {
			return Indicator{}, false
		}
	}
	return ind, true
}

// growthStarts begin a growth indicator.
var growthStarts = []string{
	"ежегодное увеличение", "ежегодный рост", "ежегодное повышение",
	"увеличение", "рост", "повышение",
}

// parseGrowth reads "Ежегодное увеличение числа участников от общего числа
// обучающихся …". A number in the phrase means it is not plain growth.
func parseGrowth(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	if hasDigit(low) {
		return Indicator{}, false
	}
	start := -1
	for _, g := range growthStarts {
		if rest, ok := strings.CutPrefix(low, g); ok && (rest == "" || rest[0] == ' ' || rest[0] == ':') {
			start = len(g)
			break
		}
	}
	if start < 0 {
		return Indicator{}, false
	}
	ind := Indicator{Kind: KindGrowth}
	if strings.Contains(low, "ежегодн") || hasWords(low, "в год") {
		ind.Per = PerYear
	}
	if k := strings.Index(low, " от "); k >= 0 {
		ind.Of = trimPunct(n.slice(k+len(" от "), end))
	} else {
		rest := strings.TrimLeft(low[start:], " :")
		for _, w := range []string{"доли ", "числа ", "количества ", "охвата ", "численности "} {
			if strings.HasPrefix(rest, w) {
				ind.Of = trimPunct(n.slice(end-len(rest)+len(w), end))
				break
			}
		}
	}
	return ind, true
}

// hasWords reports whether phrase occurs in low as whole words.
func hasWords(low, phrase string) bool {
	for i := 0; ; {
		k := strings.Index(low[i:], phrase)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(phrase)
		if (a == 0 || low[a-1] == ' ') && (b == len(low) || low[b] == ' ' || low[b] == ',') {
			return true
		}
		i = a + 1
	}
}

// reThreshold matches the start of a threshold: comparator, number, and a
// percent sign or word.
var reThreshold = regexp.MustCompile(`^(?:(не менее|не ниже|не меньше|не более|не выше|не больше|минимум|максимум|от|до)\s*)?(-?\d+(?:[.,]\d+)?)\s*(%|процент(?:а|ов)?)?`)

// reUnit matches the counted noun after a number.
var reUnit = regexp.MustCompile(`^\s*(\pL[\pL-]*)`)

// notUnit are words that may follow a number without naming what is
// counted: "не менее 5 в год".
var notUnit = map[string]bool{
	"в": true, "во": true, "за": true, "из": true, "от": true, "на": true, "с": true,
	"со": true, "по": true, "к": true, "ежегодно": true, "и": true,
}

var maxWords = map[string]bool{"не более": true, "не выше": true, "не больше": true, "максимум": true, "до": true}

// comparators must not occur again after the threshold: a second one would
// be a second measure this Indicator cannot hold.
var comparators = []string{"не менее", "не ниже", "не меньше", "не более", "не выше", "не больше"}

// perPhrases say over what time a count is taken.
var perPhrases = []struct{ text, per string }{
	{"за весь период реализации", PerTotal}, {"за период реализации", PerTotal},
	{"за весь срок реализации", PerTotal}, {"за весь период", PerTotal},
	{"за весь срок", PerTotal}, {"за период", PerTotal},
	{"в каждом году", PerYear}, {"в течение года", PerYear}, {"ежегодно", PerYear},
	{"в год", PerYear}, {"за год", PerYear},
}

// parseThreshold reads "не менее 55% обучающихся …", "не более 10
// обращений", "100%".
func parseThreshold(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	m := reThreshold.FindStringSubmatchIndex(low)
	if m == nil {
		return Indicator{}, false
	}
	v, ok := parseNumber(low[m[4]:m[5]])
	if !ok {
		return Indicator{}, false
	}
	// The number must end there: "15-20 участников" is a range we do not read.
	if m[5] < end && (isDigit(low[m[5]]) || low[m[5]] == '-') {
		return Indicator{}, false
	}
	ind := Indicator{Kind: KindCount}
	cmp := ""
	if m[2] >= 0 {
		cmp = low[m[2]:m[3]]
	}
	if maxWords[cmp] {
		ind.Max = &v
	} else {
		ind.Min = &v
	}
	i := m[1]
	if m[6] >= 0 {
		ind.Kind, ind.Unit = KindPercent, "%"
	} else if u := reUnit.FindStringSubmatchIndex(low[i:]); u != nil && !notUnit[low[i+u[2]:i+u[3]]] {
		ind.Unit = strings.TrimRight(n.slice(i+u[2], i+u[3]), "-")
		i += u[1]
	}
	if cmp == "" && ind.Unit == "" {
		return Indicator{}, false // a bare number says nothing
	}
	a, b := trimBounds(low, i, end)
	for _, p := range perPhrases {
		if r, ok := strings.CutSuffix(low[a:b], p.text); ok && (r == "" || strings.HasSuffix(r, " ") || strings.HasSuffix(r, ",")) {
			ind.Per, b = p.per, a+len(r)
			break
		}
		if r, ok := strings.CutPrefix(low[a:b], p.text); ok && (r == "" || r[0] == ' ' || r[0] == ',') {
			ind.Per, a = p.per, b-len(r)
			break
		}
	}
	a, b = trimBounds(low, a, b)
	if ind.Kind == KindPercent && strings.HasPrefix(low[a:b], "от ") {
		a, b = trimBounds(low, a+len("от "), b)
	}
	of := low[a:b]
	if ind.Kind != KindPercent && hasDigit(of) {
		return Indicator{}, false
	}
	if strings.Contains(of, "%") {
		return Indicator{}, false
	}
	for _, c := range comparators {
		if strings.Contains(of, c) {
			return Indicator{}, false
		}
	}
	if of != "" {
		ind.Of = n.slice(a, b)
	}
	return ind, true
}

// trimBounds narrows low[a:b] past spaces and ". , ; :" at both ends.
func trimBounds(low string, a, b int) (int, int) {
	for a < b && strings.IndexByte(" .,;:", low[a]) >= 0 {
		a++
	}
	for b > a && strings.IndexByte(" .,;:", low[b-1]) >= 0 {
		b--
	}
	return a, b
}
