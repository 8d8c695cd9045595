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
// parsed, as is a phrase cut short inside a word (see cutShort). A number
// before the phrase ("Показатель 4.", "16.") is dropped.
//
// The forms, tried in this order:
//   - document: "Наличие X" (see readDocuments for lists);
//   - targets: "2020 – 20%, 2021 – 35%", "в 2022 году – 30%, в 2023 году –
//     40%", "в 2010 году - не менее 13,6 тыс. мест", optionally after a
//     label ending in a colon; Per is always year, as targets are per-year
//     by nature;
//   - growth (see parseGrowth): "(Ежегодное) увеличение доли …" with no
//     measure in it (Per is year when "ежегодн..." or "в год" is said; Of
//     is what follows "от", else what follows "доли"/"числа"/…);
//     "увеличение охвата с 29,2 до 65 процентов" with From and To, and the
//     yearly steps when listed after; "увеличение … до 80 процентов" alone
//     is a minimum (a fall "снижение … до 105 процентов" a maximum),
//     AssumedEndValue; the same inside a sentence (parseRiseInside: "доля
//     … вырастет до 85,2%", "…, увеличение числа детей …");
//   - a step "увеличение на 10%": growth, AssumedPartRead;
//   - targets in a sentence: "к концу 2020 года 92%", "составит 0,25
//     процента в 2024 году": each year named beside one percent value;
//   - threshold: "не менее 15 участников в год", "не более 5 %", "не
//     превысит 45%", "не менее 100 тысяч детей", a bare "100%" (any other
//     bare number is a minimum, AssumedBareNumber). For a count Of holds any
//     words after the unit ("из числа обучающихся");
//   - all: "все образовательные организации", "во всех ОО", "перевод всех
//     учреждений …": a percent of at least 100, with no assumption (see
//     parseAll for where "все" must stand to be read);
//   - a document named bare: "Приказ о создании рабочей группы",
//     "Распорядительный акт …", "Разработаны методические рекомендации"
//     (see documentName), with no comparator and no percent in the phrase;
//   - a threshold after the indicator's name: "Доля обучающихся, принявших
//     участие в …, не менее 30%" (Of "обучающихся, принявших участие в …"),
//     "Количество участников — не менее 50 человек ежегодно";
//   - a percent inside a sentence: "Обеспечение горячим питанием 100%
//     учащихся 1-4 классов";
//   - full: "полный охват детей …", "каждым выпускником …": at least 100%,
//     AssumedFull.
//
// A trailing "в том числе …"/"из них …" is a part of the measure and is cut
// off; with a figure in it the reading is AssumedPartRead, as is any other
// figure the Indicator cannot hold (see the Assumed* constants).
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
	if m := reNumbered.FindStringIndex(n.low); m != nil && m[1] < len(n.low) {
		n = normalize(n.orig[n.origAt[m[1]]:])
	}
	end := len(strings.TrimRightFunc(n.low, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:", r)
	}))
	short := cutShort(n.low[:end])
	if short {
		// "… по реа-": the cell was cut at a page break; what is left is
		// read, and the reading is a guess at the whole.
		end = strings.LastIndexByte(n.low[:end], ' ')
		if end <= 0 {
			return fail
		}
	}
	var ind Indicator
	var ok bool
	for _, parse := range indicatorForms {
		if ind, ok = parse(n, end); ok {
			break
		}
	}
	if !ok {
		return fail
	}
	if short {
		ind.Assumed = append(ind.Assumed, AssumedPartRead)
	}
	ind.Text = t
	ind.Parsed = true
	if ind.Assumed != nil {
		slices.Sort(ind.Assumed)
		ind.Assumed = slices.Compact(ind.Assumed)
	}
	return ind
}

// cutShort reports a phrase that ends inside a hyphenated word ("…
// взаимодействии по реа-"): the cell was cut at a page break, and what
// follows might change the measure.
func cutShort(low string) bool {
	w, ok := strings.CutSuffix(low, "-")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsLetter(r)
}

// indicatorForms are the readers ParseIndicator tries, in order.
var indicatorForms = []func(normText, int) (Indicator, bool){
	parseDocuments, parseTargets, parseGrowth, parseRiseInside, parseIncrement, parseSentenceTargets,
	func(n normText, end int) (Indicator, bool) { return parseThreshold(n, 0, end) }, parseAchieved,
	parseAll, parseBareDocument, parseNamedThreshold, parseSentencePercent, parseFull,
}

// parseAchieved reads a count stated as done: "Созданы и функционируют 12
// многофункциональных центров", "Открыто 5 классов": what was made is at
// least the number, with no assumption.
func parseAchieved(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	i := 0
	for verbs := 0; ; verbs++ {
		w := low[i:]
		if k := strings.IndexByte(w, ' '); k >= 0 {
			w = w[:k]
		}
		switch {
		case achievedVerbs[w]:
			i += len(w)
		case w == "и" && verbs > 0:
			i += len(w)
		default:
			if verbs == 0 {
				return Indicator{}, false
			}
			ind, ok := parseThreshold(n, i, end)
			if !ok || ind.Kind != KindCount || ind.Unit == "" || ind.Max != nil {
				return Indicator{}, false
			}
			// "12 многофункциональных центров": the counted noun after its adjective.
			if adjectiveEnd(ind.Unit) && ind.Of != "" {
				noun, of, _ := strings.Cut(ind.Of, " ")
				ind.Unit, ind.Of = ind.Unit+" "+noun, of
			}
			if ind.Assumed = slices.DeleteFunc(ind.Assumed, func(a string) bool { return a == AssumedBareNumber }); len(ind.Assumed) == 0 {
				ind.Assumed = nil
			}
			return ind, true
		}
		for i < len(low) && low[i] == ' ' {
			i++
		}
	}
}

// adjectiveEnd reports a word in the genitive plural of an adjective
// ("многофункциональных", "детских").
func adjectiveEnd(w string) bool {
	return strings.HasSuffix(w, "ых") || strings.HasSuffix(w, "их")
}

// parseDocuments reads "Наличие X". A percent or a comparator in it is a
// measure a document indicator cannot hold ("Наличие плана, не менее
// 50%"): the phrase is not read.
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
	if hasPercentValue(low) || hasCmp(low) {
		return Indicator{}, false
	}
	return readDocuments(n, i, end, false)
}

// parseBareDocument reads a document named without "Наличие": "Приказ о
// создании рабочей группы", "Методические рекомендации". A comparator or a
// percent in the phrase means it holds a measure, not only a document.
func parseBareDocument(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	if strings.HasPrefix(low, "наличие") || !documentName(low) || hasCmp(low) || hasPercent(low) {
		return Indicator{}, false
	}
	return readDocuments(n, 0, end, true)
}

// hasPercent reports a percent sign or word in a folded phrase.
func hasPercent(low string) bool {
	return strings.Contains(low, "%") || strings.Contains(low, "процент")
}

// readDocuments reads the documents named in low[i:end]. It is one document
// unless it is a list whose every comma-separated part names a document
// ("приказов, нормативных актов"): a comma inside a name ("… обучающихся,
// необходимых для …", "на площадках СПО, ВПО") does not split it.
// Sentences after the first that name a document ("Адресные рекомендации
// по …") are further documents. Any other sentence after "Наличие" makes
// the phrase unparsed, since a document indicator cannot hold its measure;
// after a bare document name (bare) one without a figure continues that
// name: "Приказ о
// создании рабочих групп … Рабочая группа по обеспечению перехода на ФГОС
// ООО" is one document as written.
func readDocuments(n normText, i, end int, bare bool) (Indicator, bool) {
	low := n.low
	var docs []string
	last := -1
	add := func(a, b int) bool {
		s := trimPunct(n.slice(a, b))
		if s == "" {
			return false
		}
		docs = append(docs, s)
		last = a
		return true
	}
	for k, s := range sentences(n, i, end) {
		a, b := s[0], s[1]
		if k > 0 {
			if documentLike(low[a:b]) {
				if !add(a, b) {
					return Indicator{}, false
				}
				continue
			}
			if !bare || hasDigit(low[a:b]) {
				return Indicator{}, false
			}
			docs[len(docs)-1] = trimPunct(n.slice(last, b))
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

// reTarget matches one "2020 – 20%", "2021 г. - 10 человек", "в 2022
// году – 30%" or "в 2010 году - не менее 13,6 тыс. мест" entry of a folded
// phrase: year, optional "г."/"год", dash, an optional minimum, value,
// optional thousands, optional unit.
var reTarget = regexp.MustCompile(`(?:(?:в|на|к)\s+)?(\d{4})\s*(?:гг?\.?|год[а-я]*)?\s*-\s*(?:не\s+(?:менее|ниже|меньше)\s+)?` +
	`(-?\d+(?:[.,]\d+)?)\s*(?:(тысяч[аи]?|тыс\.?|млн\.?)\s*)?(%|\pL+)?`)

// reTargetGap is what may stand between and after target entries: commas,
// "и", and the dash of a list ("…; - 2021 год - 77215 человек").
var reTargetGap = regexp.MustCompile(`^[\s,;.]*(?:и\s)?[\s,;.]*(?:-\s)?$`)

// parseTargets reads per-year values.
func parseTargets(n normText, end int) (Indicator, bool) {
	ts, unit, ok := readTargets(n, 0, end)
	if ok {
		return Indicator{Kind: KindTargets, Per: PerYear, Unit: unit, Targets: ts}, true
	}
	// "в 2020 году - 5%, далее - 10% …": the later years' value has no
	// year the Indicator could hold it under.
	k := strings.Index(n.low[:end], ", далее")
	if k < 0 {
		return Indicator{}, false
	}
	if ts, unit, ok = readTargets(n, 0, k); !ok {
		return Indicator{}, false
	}
	return Indicator{Kind: KindTargets, Per: PerYear, Unit: unit, Targets: ts, Assumed: []string{AssumedPartRead}}, true
}

// readTargets reads the target entries of low[a:end]. Any text before the
// first entry must be a label ending in a colon ("Ежегодное увеличение
// числа участников:") and hold no number, and nothing but separators may
// stand between or after entries: otherwise some number would go unread.
// The unit is one for all entries; the targets are ascending by year.
func readTargets(n normText, a, end int) ([]Target, string, bool) {
	low := n.low[a:end]
	if !hasDigit(low) {
		return nil, "", false
	}
	ms := reTarget.FindAllStringSubmatchIndex(low, -1)
	if len(ms) == 0 {
		return nil, "", false
	}
	if prefix := strings.TrimRight(low[:ms[0][0]], " -"); prefix != "" && (!strings.HasSuffix(prefix, ":") || hasDigit(prefix)) {
		return nil, "", false
	}
	var ts []Target
	unit, unitText := "", ""
	prev := -1
	for k, m := range ms {
		if m[0] > 0 && isDigit(low[m[0]-1]) {
			return nil, "", false
		}
		if k > 0 && !reTargetGap.MatchString(low[prev:m[0]]) {
			return nil, "", false
		}
		prev = m[1]
		y, _ := strconv.Atoi(low[m[2]:m[3]])
		v, ok := parseNumber(low[m[4]:m[5]])
		if !ok || y < minYear || y > maxYear {
			return nil, "", false
		}
		if m[6] >= 0 {
			v *= multiplier(low[m[6]:m[7]])
		}
		if m[8] >= 0 {
			u := low[m[8]:m[9]]
			if unit != "" && u != unit {
				return nil, "", false
			}
			if unit == "" {
				unit = u
				unitText = n.slice(a+m[8], a+m[9])
			}
		}
		ts = append(ts, Target{Year: y, Value: v})
	}
	if !reTargetGap.MatchString(low[prev:]) {
		return nil, "", false
	}
	slices.SortFunc(ts, func(a, b Target) int { return a.Year - b.Year })
	for k := 1; k < len(ts); k++ {
		if ts[k].Year == ts[k-1].Year {
			return nil, "", false
		}
	}
	return ts, unitText, true
}

// parseGrowth reads an indicator that opens with a rising or falling verb
// (see growthVerb): a range "с 29,2 до 65 процентов", an end value "до 80
// процентов", or plain growth with no measure in it.
func parseGrowth(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	vEnd, rising, ok := growthVerb(low)
	if !ok {
		return Indicator{}, false
	}
	if hasDigit(low) {
		if m := reGrowthRange.FindStringSubmatchIndex(low); m != nil {
			if ind, ok := growthRange(n, end, m); ok {
				return ind, true
			}
		}
		if m := reGrowthTo.FindStringSubmatchIndex(low); m != nil {
			return endValue(n, end, m, vEnd, rising)
		}
	}
	if !rising || hasMeasure(low) {
		return Indicator{}, false
	}
	if ind, ok := plainGrowth(n, vEnd, end); ok {
		return ind, true
	}
	// "повышение качества оздоровления …, увеличение числа детей …": the
	// measurable clause stands for the phrase, the rest is left out.
	for k := strings.IndexAny(low, ",;"); k >= 0 && k < end; {
		rest := strings.TrimLeft(low[k+1:], " ")
		start := end - len(rest)
		if vEnd2, rising2, ok := growthVerb(rest); ok && rising2 {
			if ind, ok := plainGrowth(normText{orig: n.orig, low: n.low[:end], origAt: n.origAt}, start+vEnd2, end); ok && plainNoun(rest[vEnd2:]) {
				ind.Assumed = append(ind.Assumed, AssumedPartRead)
				return ind, true
			}
		}
		next := strings.IndexAny(low[k+1:], ",;")
		if next < 0 {
			break
		}
		k += 1 + next
	}
	return Indicator{}, false
}

// plainNoun reports whether what follows a growth verb begins with a
// measure noun ("числа детей …"), not nothing.
func plainNoun(rest string) bool {
	rest = strings.TrimLeft(rest, " :")
	return slices.ContainsFunc(measureNouns, func(w string) bool { return strings.HasPrefix(rest, w) })
}

// parseRiseInside reads a rise named inside a sentence: "доля … вырастет
// до 85,2%", "обеспечение …, увеличение охвата … с 29,2 до 65 процентов",
// "Профилирование … (увеличение количества учащихся …)": a range, an end
// value (see endValue) or plain growth after a rising word that opens a
// clause.
func parseRiseInside(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	if !hasDigit(low) && !strings.Contains(low, "(") && !strings.Contains(low, ", ") && !strings.Contains(low, "; ") {
		return Indicator{}, false
	}
	for _, v := range risingInside {
		if k := strings.Index(low, v); k >= 0 && hasWords(low, v) {
			if m := reGrowthTo.FindStringSubmatchIndex(low[k:]); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += k
					}
				}
				return endValue(n, end, m, k+len(v), true)
			}
			if ind, ok := riseCount(n, end, k+len(v)); ok {
				return ind, true
			}
		}
	}
	for i := 0; i < end; i++ {
		if i > 0 && !(low[i-1] == '(' || i > 1 && low[i-1] == ' ' && (low[i-2] == ',' || low[i-2] == ';')) {
			continue
		}
		vEnd, rising, ok := growthVerb(low[i:])
		if !ok || !rising {
			continue
		}
		// The first clause with a rising verb decides: reading on from
		// each later one would cost the square of the phrase.
		if m := reGrowthRange.FindStringSubmatchIndex(low[i:]); m != nil {
			for j := range m {
				if m[j] >= 0 {
					m[j] += i
				}
			}
			return growthRange(n, end, m)
		}
		if i > 0 && !hasMeasure(low) {
			return plainGrowth(n, i+vEnd, end)
		}
		break
	}
	return Indicator{}, false
}

// riseCount reads the count that ends a phrase after a rising verb at
// low[:vEnd]: "число посещений … вырастет до 20921 тыс." (unit the noun
// after "число": "посещений"), "объем платных услуг достигнет 799,3 млн.
// рублей". A minimum, AssumedEndValue, as for a percent.
func riseCount(n normText, end, vEnd int) (Indicator, bool) {
	low := n.low[:end]
	m := reRiseCount.FindStringSubmatchIndex(low[vEnd:])
	if m == nil {
		return Indicator{}, false
	}
	v, ok := parseNumber(low[vEnd+m[2] : vEnd+m[3]])
	if !ok {
		return Indicator{}, false
	}
	if m[4] >= 0 {
		v *= multiplier(low[vEnd+m[4] : vEnd+m[5]])
	}
	ind := Indicator{Kind: KindCount, Min: &v, Assumed: []string{AssumedEndValue}}
	if m[6] >= 0 {
		ind.Unit = n.slice(vEnd+m[6], vEnd+m[7])
	} else {
		for _, c := range countNames {
			if !strings.HasPrefix(low, c) {
				continue
			}
			if ws := words(low[len(c):]); len(ws) > 0 {
				ind.Unit = n.slice(len(c), len(c)+len(ws[0]))
				break
			}
		}
	}
	if ind.Unit == "" || notUnit[strings.ToLower(ind.Unit)] || ageWords[strings.ToLower(ind.Unit)] {
		return Indicator{}, false
	}
	return ind, true
}

// endValue reads "увеличение … до 80 процентов" from the reGrowthTo match
// m: with no start value, a rise is a minimum and a fall a maximum,
// AssumedEndValue; of a range "до 95-100 процентов" the lower end, and
// AssumedPartRead. low[vEnd:m[0]] is the name between verb and value.
func endValue(n normText, end int, m []int, vEnd int, rising bool) (Indicator, bool) {
	low := n.low[:end]
	v, ok := parseNumber(low[m[2]:m[3]])
	if !ok {
		return Indicator{}, false
	}
	after, _ := percentAt(low, max(m[3], m[5]))
	ind := Indicator{Kind: KindPercent, Unit: "%", Assumed: []string{AssumedEndValue}}
	if rising {
		ind.Min = &v
	} else {
		ind.Max = &v
	}
	a, b := trimBounds(low, after, end)
	if strings.HasPrefix(low[a:b], "от ") {
		a, b = trimBounds(low, a+len("от "), b)
	}
	if m[4] >= 0 || hasDigit(low[a:b]) || vEnd < m[0] && (hasPercent(low[vEnd:m[0]]) || hasYearNumber(low[vEnd:m[0]])) {
		ind.Assumed = append(ind.Assumed, AssumedPartRead)
	}
	if a < b {
		ind.Of = n.slice(a, b)
	}
	return ind, true
}

// parseIncrement reads a change by a step: "увеличение на 10%", "не менее
// чем на 10,0 процента", "снижение … на 1,04 промилле". Growth, but the
// step (and a fall's direction) is not held: AssumedPartRead.
func parseIncrement(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	if !hasDigit(low) || !strings.Contains(low, "на ") {
		return Indicator{}, false
	}
	if !reIncrement.MatchString(low) {
		return Indicator{}, false
	}
	ind := Indicator{Kind: KindGrowth, Assumed: []string{AssumedPartRead}}
	if strings.Contains(low, "ежегодн") || hasWords(low, "в год") {
		ind.Per = PerYear
	}
	return ind, true
}

// plainGrowth reads "Ежегодное увеличение числа участников от общего числа
// обучающихся …"; low[vEnd:end] is what follows the verb, which must be
// nothing or name a measure ("доли …", "числа …"): "Повышение
// эффективности …" is not a growth the checker can follow.
func plainGrowth(n normText, vEnd, end int) (Indicator, bool) {
	low := n.low[:end]
	rest := strings.TrimLeft(low[vEnd:], " :")
	noun := ""
	for _, w := range measureNouns {
		if strings.HasPrefix(rest, w) {
			noun = w
			break
		}
	}
	if rest != "" && noun == "" {
		return Indicator{}, false
	}
	ind := Indicator{Kind: KindGrowth}
	if strings.Contains(low, "ежегодн") || hasWords(low, "в год") {
		ind.Per = PerYear
	}
	if k := strings.Index(low, " от "); k >= 0 {
		ind.Of = trimPunct(n.slice(k+len(" от "), end))
	} else if noun != "" {
		ind.Of = trimPunct(n.slice(end-len(rest)+len(noun), end))
	}
	return ind, true
}

// growthRange reads "увеличение охвата с 29,2 до 65 процентов" (or a fall
// "снижение … с 8,5 до 7,8 ‰") from the reGrowthRange match m, and yearly
// steps listed after it ("…: 2022 – 40%, 2023 – 50%"). An age range ("с 5
// до 7 лет") is not one.
func growthRange(n normText, end int, m []int) (Indicator, bool) {
	low := n.low[:end]
	from, ok1 := parseNumber(low[m[2]:m[3]])
	to, ok2 := parseNumber(low[m[6]:m[7]])
	if !ok1 || !ok2 || m[7] < end && (isDigit(low[m[7]]) || low[m[7]] == '-') {
		return Indicator{}, false
	}
	ind := Indicator{Kind: KindGrowth, From: &from, To: &to}
	i, percent := percentAt(low, m[7])
	j := i
	for j < end && low[j] == ' ' {
		j++
	}
	switch {
	case strings.HasPrefix(low[j:], "‰"):
		ind.Unit, i = "‰", j+len("‰")
	case percent || m[4] >= 0 && low[m[4]:m[5]] != "‰":
		ind.Unit = "%"
	case m[4] >= 0:
		ind.Unit = "‰"
	default:
		u := reUnit.FindStringSubmatchIndex(low[i:])
		if u == nil || notUnit[low[i+u[2]:i+u[3]]] || ageWords[low[i+u[2]:i+u[3]]] {
			return Indicator{}, false
		}
		ind.Unit = n.slice(i+u[2], i+u[3])
		i += u[1]
	}
	if strings.Contains(low, "ежегодн") || hasWords(low, "в год") {
		ind.Per = PerYear
	}
	a, b := trimBounds(low, i, end)
	if hasDigit(low[a:b]) {
		if ts, _, ok := readTargets(n, a, b); ok {
			ind.Targets, ind.Per = ts, PerYear
		} else {
			ind.Assumed = append(ind.Assumed, AssumedPartRead)
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

// yearAt is a year named in a sentence, at byte offset pos.
type yearAt struct{ year, pos int }

// sentenceYears returns the years low names as years ("2023 года", "к 2020
// году"), and false when it names a range or a school year ("2022-2027",
// "2022/2023"), which no single target can hold.
func sentenceYears(low string) ([]yearAt, bool) {
	var out []yearAt
	if !hasFourDigits(low) {
		return nil, true
	}
	for _, m := range reYear.FindAllStringSubmatchIndex(low, -1) {
		a, b := m[2], m[3]
		if b < len(low) && isDigit(low[b]) {
			continue
		}
		y, _ := strconv.Atoi(low[a:b])
		if y < minYear || y > maxYear {
			continue
		}
		if b+1 < len(low) && (low[b] == '-' || low[b] == '/') && isDigit(low[b+1]) ||
			b+2 < len(low) && low[b] == ' ' && low[b+1] == '-' {
			return nil, false
		}
		if m[4] < 0 && !strings.HasSuffix(low[:a], "к ") {
			continue
		}
		out = append(out, yearAt{y, a})
	}
	return out, true
}

// hasFourDigits reports four digits in a row in s: what any year needs.
func hasFourDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if run = 0; isDigit(s[i]) {
			for run = 1; i+1 < len(s) && isDigit(s[i+1]); i++ {
				run++
			}
		}
		if run >= 4 {
			return true
		}
	}
	return false
}

// hasYearNumber reports a number in low that could be a year.
func hasYearNumber(low string) bool {
	if !hasFourDigits(low) {
		return false
	}
	for _, m := range reYear.FindAllStringSubmatchIndex(low, -1) {
		if m[3] < len(low) && isDigit(low[m[3]]) {
			continue
		}
		if y, _ := strconv.Atoi(low[m[2]:m[3]]); y >= minYear && y <= maxYear {
			return true
		}
	}
	return false
}

// parseSentenceTargets reads years named beside percent values in a
// sentence: "к концу 2020 года 92%", "составит 0,25 процента в 2024 году",
// "в 2022 году 30%, в 2023 году 40%". Years and values must alternate, one
// value to a year; a maximum ("не более") or an increase ("на 5%") is not a
// target.
func parseSentenceTargets(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	if !hasDigit(low) {
		return Indicator{}, false
	}
	years, ok := sentenceYears(low)
	if !ok || len(years) == 0 {
		return Indicator{}, false
	}
	vals := reValuePercent.FindAllStringSubmatchIndex(low, -1)
	if len(vals) != len(years) {
		return Indicator{}, false
	}
	for _, c := range reCmpAny.FindAllString(low, -1) {
		if isMaxCmp(strings.TrimFunc(c, func(r rune) bool { return !unicode.IsLetter(r) })) {
			return Indicator{}, false
		}
	}
	yearFirst := years[0].pos < vals[0][2]
	var ts []Target
	for k, y := range years {
		v := vals[k]
		if strings.HasSuffix(low[:v[2]], "на ") {
			return Indicator{}, false
		}
		// Alternation: with years first, value k lies between year k and
		// year k+1; with values first, year k lies between value k and k+1.
		if yearFirst && (v[2] < y.pos || k+1 < len(years) && v[2] > years[k+1].pos) ||
			!yearFirst && (y.pos < v[2] || k+1 < len(vals) && y.pos > vals[k+1][2]) {
			return Indicator{}, false
		}
		x, ok := parseNumber(low[v[2]:v[3]])
		if !ok {
			return Indicator{}, false
		}
		ts = append(ts, Target{Year: y.year, Value: x})
	}
	slices.SortFunc(ts, func(a, b Target) int { return a.Year - b.Year })
	for k := 1; k < len(ts); k++ {
		if ts[k].Year == ts[k-1].Year {
			return Indicator{}, false
		}
	}
	return Indicator{Kind: KindTargets, Unit: "%", Per: PerYear, Targets: ts}, true
}

// reUnit matches the counted noun after a number.
var reUnit = regexp.MustCompile(`^\s*(\pL[\pL-]*)`)

// notUnit are words that may follow a number without naming what is
// counted: "не менее 5 в год".
var notUnit = map[string]bool{
	"в": true, "во": true, "за": true, "из": true, "от": true, "на": true, "с": true,
	"со": true, "по": true, "к": true, "ежегодно": true, "ежеквартально": true, "и": true,
}

// perPhrases say over what time a count is taken.
var perPhrases = []struct{ text, per string }{
	{"за весь период реализации", PerTotal}, {"за период реализации", PerTotal},
	{"за весь срок реализации", PerTotal}, {"за весь период", PerTotal},
	{"за весь срок", PerTotal}, {"за период", PerTotal},
	{"в каждом году", PerYear}, {"в течение года", PerYear}, {"ежегодно", PerYear},
	{"в год", PerYear}, {"за год", PerYear},
	{"в каждом квартале", PerQuarter}, {"ежеквартально", PerQuarter},
	{"в квартал", PerQuarter}, {"за квартал", PerQuarter},
}

// subParts open a part of the measure after it: "не менее 72 процентов
// детей …, в том числе 50 процентов из них …".
var subParts = []string{", в том числе ", " в том числе ", ", из них ", "; в том числе "}

// parseThreshold reads a threshold beginning at low[a:]: "не менее 55%
// обучающихся …", "не более 10 обращений", "100%".
func parseThreshold(n normText, a, end int) (Indicator, bool) {
	low := n.low[:end]
	m := reCmpStart.FindStringSubmatchIndex(low[a:])
	if m == nil {
		return Indicator{}, false
	}
	v, ok := parseNumber(low[a+m[4] : a+m[5]])
	if !ok {
		return Indicator{}, false
	}
	i := a + m[1]
	// The number must end there: "15-20 участников" is a range we do not read.
	if i < end && (isDigit(low[i]) || low[i] == '-') {
		return Indicator{}, false
	}
	ind := Indicator{Kind: KindCount}
	cmp := ""
	if m[2] >= 0 {
		cmp = low[a+m[2] : a+m[3]]
	}
	if mm := reMultiplier.FindStringSubmatchIndex(low[i:]); mm != nil {
		v *= multiplier(low[i+mm[2] : i+mm[3]])
		i += mm[3]
	}
	switch {
	case cmp == "до":
		// "до 23 процентов доли …": the level to reach, as in "увеличение …
		// до 23 процентов"; a limit is written "не более".
		ind.Min = &v
		ind.Assumed = append(ind.Assumed, AssumedEndValue)
	case isMaxCmp(cmp):
		ind.Max = &v
	default:
		ind.Min = &v
	}
	if j, ok := percentAt(low, i); ok {
		ind.Kind, ind.Unit = KindPercent, "%"
		i = j
	} else if u := reUnit.FindStringSubmatchIndex(low[i:]); u != nil && !notUnit[low[i+u[2]:i+u[3]]] {
		ind.Unit = strings.TrimRight(n.slice(i+u[2], i+u[3]), "-")
		i += u[1]
	}
	if cmp == "" && ind.Unit == "" {
		return Indicator{}, false // a bare number says nothing
	}
	if cmp == "" && (ind.Kind != KindPercent || v != 100) {
		ind.Assumed = append(ind.Assumed, AssumedBareNumber)
	}
	a, b := trimBounds(low, i, end)
	for _, sp := range subParts {
		if k := strings.Index(low[a:b], sp); k >= 0 {
			if hasDigit(low[a+k : b]) {
				ind.Assumed = append(ind.Assumed, AssumedPartRead)
			}
			a, b = trimBounds(low, a, a+k)
			break
		}
	}
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
	if ind.Kind != KindPercent && hasDigit(of) || hasPercent(of) || hasCmp(of) {
		return Indicator{}, false
	}
	if hasYearNumber(of) {
		ind.Assumed = append(ind.Assumed, AssumedPartRead)
	}
	for _, p := range periodsUnheld {
		if hasWords(of, p) {
			ind.Assumed = append(ind.Assumed, AssumedPartRead)
		}
	}
	if of != "" {
		ind.Of = n.slice(a, b)
	}
	return ind, true
}

// parseNamedThreshold reads a threshold after the indicator's name:
// "Доля обучающихся, принявших участие в …, не менее 30%", "Количество
// участников — не менее 50 человек ежегодно". A percent's Of is the name
// after "Доля"/"Удельный вес" unless words after the threshold name it. A
// percent or a comparator in the name is a second measure, and the phrase is
// not read; a year or another figure in it (not an age: "в 85 субъектах")
// is one this reading drops: AssumedPartRead, as is a document named
// before the threshold ("Наличие плана, не менее 50%"). A period said in the name
// ("ежегодно охватывающих как минимум 10 млн человек") is Per.
func parseNamedThreshold(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	if !hasDigit(low) {
		return Indicator{}, false
	}
	m := reCmpInside.FindStringSubmatchIndex(low)
	if m == nil || m[2] == 0 {
		return Indicator{}, false
	}
	ind, ok := parseThreshold(n, m[2], end)
	if !ok {
		return Indicator{}, false
	}
	name := strings.TrimRight(low[:m[2]], " -:,;(")
	if hasPercent(name) || hasCmp(name) {
		return Indicator{}, false
	}
	if hasYearNumber(name) || strayFigures(name) || strings.HasPrefix(name, "наличие") || documentName(name) {
		ind.Assumed = append(ind.Assumed, AssumedPartRead)
	}
	for _, p := range perPhrases {
		if ind.Per == "" && hasWords(name, p.text) {
			ind.Per = p.per
		}
	}
	if ind.Kind == KindPercent && ind.Of == "" {
		for _, s := range shareNames {
			if strings.HasPrefix(name, s) {
				ind.Of = trimPunct(n.slice(len(s), len(name)))
				break
			}
		}
	}
	return ind, true
}

// parseSentencePercent reads a percent inside a sentence: "Обеспечение
// горячим питанием 100% учащихся 1-4 классов" (Of "учащихся 1-4 классов").
// An increase ("на 10%"), a range ("от 5 до 10%"), a threshold the other
// forms declined ("не менее 55%, не менее …") or a year beside it is not
// read; a second percent or a comparator is AssumedPartRead.
func parseSentencePercent(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	if !hasDigit(low) {
		return Indicator{}, false
	}
	if _, _, ok := growthVerb(low); ok || hasYearNumber(low) {
		return Indicator{}, false
	}
	ms := reValuePercent.FindAllStringSubmatchIndex(low, -1)
	if len(ms) == 0 {
		return Indicator{}, false
	}
	m := ms[0]
	prev := strings.TrimRight(low[:m[2]], " ")
	if strings.HasSuffix(prev, "-") {
		return Indicator{}, false
	}
	switch prev[strings.LastIndexByte(prev, ' ')+1:] {
	case "на", "до", "от", "с", "менее", "ниже", "меньше", "более", "выше", "больше", "минимум", "максимум":
		return Indicator{}, false
	}
	v, ok := parseNumber(low[m[2]:m[3]])
	if !ok {
		return Indicator{}, false
	}
	ind := Indicator{Kind: KindPercent, Min: &v, Unit: "%"}
	planned := slices.Contains(planWords, prev[strings.LastIndexByte(prev, ' ')+1:]) ||
		slices.ContainsFunc(planStarts, func(w string) bool { return strings.HasPrefix(low, w) })
	if v != 100 && !planned {
		ind.Assumed = append(ind.Assumed, AssumedBareNumber)
	}
	stop := end
	if len(ms) > 1 || hasCmp(low) {
		ind.Assumed = append(ind.Assumed, AssumedPartRead)
		if len(ms) > 1 {
			stop = ms[1][0]
		}
	}
	if a, b := trimBounds(low, m[1], stop); a < b {
		ind.Of = n.slice(a, b)
	}
	return ind, true
}

// parseAll reads "все образовательные организации", "во всех ОО",
// "перевод всех учреждений на …": at least 100%, of what follows "все".
// "все" must come first (after a preposition, "во всех ОО") or second
// ("перевод всех …"); later in a sentence ("условия для всех детей") it
// qualifies something else. A
// figure or a comparator after it is another measure, and the phrase is
// not read.
func parseAll(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	starts := []int{0}
	if k := strings.IndexByte(low, ' '); k > 0 && letterAt(low, 0) {
		starts = append(starts, k+1)
	}
	for _, i := range starts {
		for _, p := range allPrepositions {
			if i == 0 && strings.HasPrefix(low, p) {
				i += len(p)
				break
			}
		}
		for _, w := range allWords {
			if !strings.HasPrefix(low[i:], w) {
				continue
			}
			a := i + len(w)
			rest := low[a:]
			if strings.TrimSpace(rest) == "" || strings.HasPrefix(rest, "больш") || strings.HasPrefix(rest, "более") || strings.HasPrefix(rest, "меньш") || hasDigit(rest) || hasPercent(rest) || hasCmp(rest) {
				return Indicator{}, false
			}
			v := 100.0
			return Indicator{Kind: KindPercent, Min: &v, Unit: "%", Of: n.slice(a, end)}, true
		}
	}
	return Indicator{}, false
}

// parseFull reads "полный охват детей …" and "владение каждым выпускником
// …" as at least 100%, AssumedFull; a phrase with a figure in it is not
// read so.
func parseFull(n normText, end int) (Indicator, bool) {
	low := n.low[:end]
	if hasDigit(low) || !strings.Contains(low, "полн") && !strings.Contains(low, "кажд") || hasCmp(low) || !reFull.MatchString(low) {
		return Indicator{}, false
	}
	v := 100.0
	return Indicator{Kind: KindPercent, Min: &v, Unit: "%", Assumed: []string{AssumedFull}}, true
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
