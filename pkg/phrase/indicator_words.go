package phrase

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The words the indicator parser knows, and the small tests on them. All
// work on folded text (see normText.low).

// reCmp matches a comparator: "не менее", "не должно превышать", "не
// превысит", with an optional "чем" after it.
const reCmp = `не\s+(?:менее|ниже|меньше|более|выше|больше)|минимум|максимум|` +
	`не\s+должн[аоы]?\s+(?:превышать|быть\s+(?:менее|ниже|меньше|более|выше|больше))|` +
	`не\s+превыс(?:ит|ят)|не\s+превыша(?:ет|ют|ть)`

// reCmpStart matches a comparator, or "от"/"до", at the start of a
// threshold, followed by its number.
var reCmpStart = regexp.MustCompile(`^(?:(` + reCmp + `|от|до)(?:\s+чем)?\s*)?(-?\d+(?:[.,]\d+)?)`)

// reCmpInside finds a comparator followed by a number anywhere: the
// threshold after an indicator's name ("Доля …, не менее 30%").
var reCmpInside = regexp.MustCompile(`(?:^|[\s,;:(-])(` + reCmp + `)(?:\s+чем)?\s*-?\d`)

// reCmpAny finds a comparator anywhere, as a whole word.
var reCmpAny = regexp.MustCompile(`(?:^|[^\pL])(?:` + reCmp + `)(?:[^\pL]|$)`)

// hasCmp reports a comparator in a folded phrase. The plain search first
// spares most phrases the pattern.
func hasCmp(low string) bool {
	return (strings.Contains(low, "не ") || strings.Contains(low, "мум")) && reCmpAny.MatchString(low)
}

// hasPercentValue reports a number with a percent in a folded phrase.
func hasPercentValue(low string) bool {
	return hasDigit(low) && reValuePercent.MatchString(low)
}

// isMaxCmp reports whether a comparator sets an upper threshold.
func isMaxCmp(c string) bool {
	return strings.Contains(c, "более") || strings.Contains(c, "выше") ||
		strings.Contains(c, "больше") || strings.Contains(c, "превы") || c == "максимум"
}

// percentAt reports whether low[i:] begins (after spaces) with a percent
// sign or word ("%", "процент", "процента", "процентов", "проц."), and
// where it ends. A word must end there: "процедур" is not a percent.
func percentAt(low string, i int) (int, bool) {
	j := i
	for j < len(low) && low[j] == ' ' {
		j++
	}
	if strings.HasPrefix(low[j:], "%") {
		return j + 1, true
	}
	if k := len("-процентн"); strings.HasPrefix(low[j:], "-процентн") {
		for k = j + k; letterAt(low, k); {
			_, size := utf8.DecodeRuneInString(low[k:])
			k += size
		}
		return k, true
	}
	for _, w := range []string{"процентов", "процента", "процент", "проц."} {
		if strings.HasPrefix(low[j:], w) {
			k := j + len(w)
			if w == "проц." || !letterAt(low, k) {
				return k, true
			}
		}
	}
	if strings.HasPrefix(low[j:], "проц") && !letterAt(low, j+len("проц")) {
		return j + len("проц"), true
	}
	return i, false
}

// letterAt reports whether a letter begins at byte i of s.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// reMultiplier matches "тысяч", "тыс.", "млн" after a number: "100 тысяч
// детей" is 100000.
var reMultiplier = regexp.MustCompile(`^\s*(тысяч[аи]?|тыс\.?|миллион(?:а|ов)?|млн\.?)(?:[^\pL]|$)`)

func multiplier(w string) float64 {
	if strings.HasPrefix(w, "т") {
		return 1e3
	}
	return 1e6
}

// reNumbered matches the number before an indicator: "Показатель 4.",
// "16.", "1.2)".
var reNumbered = regexp.MustCompile(`^(?:(?:показатель|индикатор)\s*№?\s*\d+(?:\.\d+)*\.?|№?\s*\d{1,2}(?:\.\d{1,2})*[.)])\s+`)

// reYear matches a year as a sentence names it: "2023 года", "2020 г.",
// "к 2020". A range ("2022-2027") or a school year ("2022/2023") is not a
// year of a target and is rejected by the caller.
var reYear = regexp.MustCompile(`(?:^|[^\d.,])(\d{4})(\s*(?:гг?\.?|год[а-я]*))?`)

// rePct is a percent after a number: a sign, a word that ends there
// ("процентах" is not a percent of the indicator: "в 10 процентах школ"),
// or the adjective "100-процентная".
const rePct = `(?:%|(?:процент(?:ов|а)?|проц\.?)(?:[^\pL]|$)|-\s*процентн\pL*)`

// reValuePercent matches a percent value: "92%", "0,25 процента".
var reValuePercent = regexp.MustCompile(`(?:^|[^\d.,])(-?\d+(?:[.,]\d+)?)\s*` + rePct)

// reGrowthRange matches "с 29,2 до 65 процентов" and "с 76 % до 88 %".
var reGrowthRange = regexp.MustCompile(`(?:^|[^\pL])с\s+(-?\d+(?:[.,]\d+)?)\s*(%|‰|процент(?:ов|а)?|проц\.?)?\s*до\s+(-?\d+(?:[.,]\d+)?)`)

// reGrowthTo matches the end value alone: "до 80 процентов", or a range
// "до 95-100 процентов" (its upper end the second group).
var reGrowthTo = regexp.MustCompile(`(?:^|[^\pL])до\s+(-?\d+(?:[.,]\d+)?)(\s*-\s*\d+(?:[.,]\d+)?)?\s*` + rePct)

// reIncrement matches a change by a step: "на 10%", "не менее чем на
// 10,0 процента", "на 1,04 промилле", "на 0,2 ед.".
var reIncrement = regexp.MustCompile(`(?:^|[^\pL])на\s+(-?\d+(?:[.,]\d+)?)\s*(?:` + rePct + `|‰|промилле|ед(?:\.|$|[^\pL])|единиц\pL*|пункт\pL*|п\.\s?п\.)`)

// reRiseCount matches a count after a rising verb: "вырастет до 20921
// тыс.", "достигнет 799,3 млн. рублей".
var reRiseCount = regexp.MustCompile(`^\s+(?:до\s+)?(\d+(?:[.,]\d+)?)\s*(?:(тысяч[аи]?|тыс\.?|миллион(?:а|ов)?|млн\.?)\s*)?(\pL[\pL-]*)?\s*$`)

// countNames begin the name of a count: "число посещений …".
var countNames = []string{"число ", "количество ", "численность ", "объем "}

// risingInside are the verbs that say a value rises when the sentence
// names the value first: "доля … вырастет до 85,2%".
var risingInside = []string{"вырастет", "возрастет", "увеличится", "повысится", "достигнет"}

// planWords state an indicator's planned value: "доля … составит 94%",
// "… на уровне 97 процентов". A plan is a minimum by the contract
// (docs/phrases.md), as targets are, so a value after one is not a bare
// number; nor is one in a phrase that planStarts open.
var planWords = []string{"составит", "составят", "составляет", "составлять", "уровне"}

// planStarts open a phrase that states what is to be reached: "обеспечение
// охвата … 55 процентов населения".
var planStarts = []string{"обеспечение ", "обеспечить ", "достижение ", "достичь ", "сохранение ", "сохранить "}

// reNumAfterPrep matches a number after "до", "на", "с", "от", "по" with
// the word after it: a measure ("до 100 человек") unless the word is one of
// ageWords ("в возрасте до 18 лет").
var reNumAfterPrep = regexp.MustCompile(`(?:^|[^\pL])(?:до|на|с|от|по)\s+\d+(?:[.,]\d+)?(?:\s*(?:-|до)\s*\d+(?:[.,]\d+)?)?\s*(\pL*)`)

// reNumWord matches a number, or a range of two, after a preposition, with
// the word after it: "в 85 субъектах". A number after a noun is its label
// ("подпрограммы 3").
var reNumWord = regexp.MustCompile(`(?:^|[^\pL])(?:в|во|на|до|с|со|от|по|из|для|к|у|около|более|менее)\s+\d+(?:[.,]\d+)?(?:\s*(?:-|до)\s*\d+(?:[.,]\d+)?)?\s*(\pL*)`)

// strayFigures reports a number after a preposition in a folded phrase
// that is not an age or a grade ("в возрасте от 5 до 18 лет"): "в 85
// субъектах" counts something the reading does not hold.
func strayFigures(low string) bool {
	for _, m := range reNumWord.FindAllStringSubmatch(low, -1) {
		if !ageWords[m[1]] {
			return true
		}
	}
	return false
}

// ageWords may follow "с 5 до 7": an age or a grade range, not a measure.
var ageWords = map[string]bool{"лет": true, "года": true, "год": true, "месяцев": true, "месяца": true,
	"классов": true, "класса": true, "класс": true, "разряда": true}

// hasMeasure reports whether a folded phrase holds a figure that could be
// a measure: a percent, a comparator, a year, a number after a preposition
// that is not an age. "детей в возрасте 6-18 лет", "спортсменов 1
// разряда" hold none.
func hasMeasure(low string) bool {
	if hasPercentValue(low) || strings.Contains(low, "‰") || hasCmp(low) || hasYearNumber(low) {
		return true
	}
	for _, m := range reNumAfterPrep.FindAllStringSubmatch(low, -1) {
		if !ageWords[m[1]] {
			return true
		}
	}
	return false
}

// reFull matches the words that say "all of" without "все": "полный
// охват", "каждым выпускником" (not a time: "в каждом квартале").
var reFull = regexp.MustCompile(`(?:^|[^\pL])(?:полн(?:ый|ого|ым|ом|ое)\s+охват|кажд(?:ый|ым|ого|ому|ой|ая|ое|ую|ом)\s+(?:выпускник|обучающ|учащ|ученик|ребен|дет|педагог|учител|участник|работник|студент|воспитанник))`)

// risingVerbs and fallingVerbs begin an indicator that asks a value to
// rise or fall; "ежегодное" may precede them.
var (
	risingVerbs = []string{"увеличение", "увеличить", "увеличится", "рост", "повышение", "повысить", "повысится", "расширение", "расширить",
		"вовлечение все большего", "привлечение все большего"}
	fallingVerbs = []string{"снижение", "снизить", "снизится", "сокращение", "сократить", "сократится", "уменьшение", "уменьшить", "уменьшится"}
)

// growthVerb reports whether low begins with a rising or falling verb
// (after "ежегодное"/"ежегодный"), and the byte offset after it.
func growthVerb(low string) (end int, rising, ok bool) {
	s := low
	for _, e := range []string{"ежегодное ", "ежегодный ", "ежегодно "} {
		if r, found := strings.CutPrefix(s, e); found {
			s = r
			break
		}
	}
	for _, set := range []struct {
		verbs  []string
		rising bool
	}{{risingVerbs, true}, {fallingVerbs, false}} {
		for _, v := range set.verbs {
			if r, found := strings.CutPrefix(s, v); found && (r == "" || r[0] == ' ' || r[0] == ':' || r[0] == ',') {
				return len(low) - len(r), set.rising, true
			}
		}
	}
	return 0, false, false
}

// achievedVerbs say that what follows was made or works: "Созданы и
// функционируют 12 центров".
var achievedVerbs = map[string]bool{
	"созданы": true, "создано": true, "создан": true, "функционируют": true, "работают": true,
	"действуют": true, "открыты": true, "открыто": true, "оснащены": true, "оснащено": true, "построены": true,
	"построено": true, "введены": true, "введено": true, "организованы": true, "организовано": true,
}

// measureNouns name what a plain growth indicator measures: "увеличение
// доли …", "рост числа …". "Повышение эффективности …" names none.
var measureNouns = []string{"доли ", "числа ", "количества ", "охвата ", "численности ", "удельного веса ", "процента ",
	"доля ", "число ", "количество ", "охват ", "численность ", "удельный вес "}

// shareNames begin the name of a percent indicator; what follows is the
// population the share is taken of.
var shareNames = []string{"доля ", "удельный вес "}

// periodsUnheld are the periods a threshold may be taken over that
// Indicator.Per cannot hold: the reading would be wrong without a word.
var periodsUnheld = []string{"в месяц", "ежемесячно", "в неделю", "еженедельно", "в день", "ежедневно",
	"в полугодие", "раз в два года", "раз в три года", "в учебную четверть", "в четверть"}

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
	"доклад",
}

func documentNoun(w string) bool {
	for _, s := range documentStems {
		if rest, ok := strings.CutPrefix(w, s); ok && utf8.RuneCountInString(rest) <= 3 {
			return true
		}
	}
	return false
}

// participleStems are the short passive participles that may open a
// document indicator: "Разработаны методические рекомендации".
var participleStems = []string{
	"разработан", "утвержден", "подготовлен", "издан", "принят", "создан", "составлен",
	"сформирован", "оформлен", "обновлен", "заключен", "направлен", "представлен",
	"опубликован", "размещен", "актуализирован", "доработан",
}

// documentActs are the nouns of making a document that may open one:
// "Принятие нормативной правовой базы", "Разработка плана".
var documentActs = map[string]bool{
	"принятие": true, "разработка": true, "утверждение": true, "подготовка": true,
	"издание": true, "составление": true, "оформление": true, "формирование": true,
	"актуализация": true, "обновление": true, "заключение": true,
}

// participle reports a word that may open a document indicator before the
// document's name: a short passive participle or a noun of documentActs.
func participle(w string) bool {
	if documentActs[w] {
		return true
	}
	for _, s := range participleStems {
		if rest, ok := strings.CutPrefix(w, s); ok && (rest == "" || rest == "а" || rest == "о" || rest == "ы") {
			return true
		}
	}
	return false
}

// adjective reports a word that looks like an adjective or full
// participle by its ending ("методические", "распорядительный"). Verbal
// nouns ending in "-ние"/"-тие" ("обеспечение") are not adjectives.
func adjective(w string) bool {
	if strings.HasSuffix(w, "ние") || strings.HasSuffix(w, "тие") {
		return false
	}
	for _, e := range []string{"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ого", "его", "ую", "юю", "ым", "им"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// words splits a folded phrase into words: letters and inner hyphens.
func words(low string) []string {
	return strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
}

// documentLike reports whether a folded phrase names a document: a document
// noun among its first two words ("приказов", "нормативных актов",
// "Адресные рекомендации"). "необходимых для ..." is not one.
func documentLike(low string) bool {
	ws := words(low)
	for i := 0; i < len(ws) && i < 2; i++ {
		if documentNoun(ws[i]) {
			return true
		}
	}
	return false
}

// documentName reports whether a folded phrase is a document's name as a
// table writes it bare: an optional short participle, at most three
// adjectives, then a document noun ("Приказ о …", "Распорядительный акт",
// "Разработаны методические рекомендации").
func documentName(low string) bool {
	ws := words(low)
	i := 0
	if len(ws) > 0 && participle(ws[0]) {
		i++
	}
	for k := 0; i < len(ws) && k <= 3; i, k = i+1, k+1 {
		if documentNoun(ws[i]) {
			return true
		}
		if !adjective(ws[i]) {
			return false
		}
	}
	return false
}

// allWords say "all of": "все образовательные организации" is 100%; not
// before a comparative ("все большего количества" is growth).
var allWords = []string{"все ", "всех ", "всем ", "всеми "}

// allPrepositions may stand before allWords: "во всех ОО".
var allPrepositions = []string{"во ", "в ", "на ", "для ", "у ", "из "}
