package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The few Russian word forms the recogniser needs: documents name the
// authority in the genitive ("приказом Управления образования ..."), the
// responsible official in the accusative ("возложить на директора ...
// Л.И. Машарову"), and places as adjectives ("Бессоновского района").
// These are rules of thumb for the usual endings; what they produce is
// reported as a guess.

// replaceEnding replaces the first matching ending of word, keeping the
// case of the stem.
func replaceEnding(word string, endings [][2]string) (string, bool) {
	low := strings.ToLower(word)
	for _, e := range endings {
		if strings.HasSuffix(low, e[0]) && len(low) > len(e[0])+2 {
			return word[:len(word)-len(e[0])] + e[1], true
		}
	}
	return word, false
}

// nominativeOrg puts the head word of an organisation's name from the
// genitive into the nominative: "Управления образования ..." gives
// "Управление образования ...", "администрации ..." "Администрация ...".
func nominativeOrg(s string) string {
	s = Clean(s)
	head, rest, _ := strings.Cut(s, " ")
	head, _ = replaceEnding(head, [][2]string{
		{"ния", "ние"}, {"ства", "ство"}, {"ции", "ция"}, {"ии", "ия"},
		{"ета", "ет"}, {"ента", "ент"}, {"ела", "ел"}, {"ата", "ат"}, {"ы", "а"}, // «главы» «глава»
	})
	r, size := utf8.DecodeRuneInString(head)
	head = string(unicode.ToUpper(r)) + head[size:]
	if rest == "" {
		return head
	}
	return head + " " + rest
}

// nominativePosition puts the first words of a position from the
// accusative (or genitive) into the nominative: adjectives, then one
// noun ("главного специалиста Управления" gives "главный специалист
// Управления", "директора МКУ" "директор МКУ").
func nominativePosition(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if v, ok := replaceEnding(w, [][2]string{{"ого", "ый"}, {"его", "ий"}}); ok {
			if strings.HasSuffix(strings.ToLower(w), "кого") || strings.HasSuffix(strings.ToLower(w), "гого") ||
				strings.HasSuffix(strings.ToLower(w), "хого") {
				v = w[:len(w)-len("ого")] + "ий" // главного ok; русского -> русский
			}
			words[i] = v
			continue
		}
		words[i], _ = replaceEnding(w, [][2]string{{"теля", "тель"}, {"я", "ь"}, {"а", ""}})
		break
	}
	return strings.Join(words, " ")
}

// nominativeName puts a surname with initials from the accusative into the
// nominative: "Л.И. Машарову" gives "Л.И. Машарова", "И.И. Петровского"
// "И.И. Петровский". A surname that may be either (Иванова) is kept.
func nominativeName(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.ContainsRune(w, '.') {
			continue
		}
		words[i], _ = replaceEnding(w, [][2]string{
			{"ову", "ова"}, {"еву", "ева"}, {"ёву", "ёва"}, {"ину", "ина"}, {"ыну", "ына"},
			{"скую", "ская"}, {"цкую", "цкая"}, {"ского", "ский"}, {"цкого", "цкий"},
		})
	}
	return strings.Join(words, " ")
}

var (
	districtRe = regexp.MustCompile(`([А-ЯЁ][а-яё-]+)\s+(района|округа|муниципального района)`)
	regionRe   = regexp.MustCompile(`([А-ЯЁ][а-яё-]+)\s+(области|края|крае)(?:[^а-яё]|$)`)
)

// adjNominative turns a genitive adjective into the nominative masculine
// or feminine: "Бессоновского" gives "Бессоновский", "Пензенской"
// "Пензенская".
func adjNominative(w string, feminine bool) string {
	if feminine {
		v, _ := replaceEnding(w, [][2]string{{"ской", "ская"}, {"цкой", "цкая"}, {"ной", "ная"}, {"ой", "ая"}, {"ей", "яя"}})
		return v
	}
	v, _ := replaceEnding(w, [][2]string{{"ского", "ский"}, {"цкого", "цкий"}, {"кого", "кий"}, {"ого", "ый"}, {"его", "ий"},
		{"ском", "ский"}, {"цком", "цкий"}}) // and the prepositional «в Краснодарском крае»
	return v
}

// district finds "<X>ского района" in an authority's name and gives
// "<X>ский район".
func district(authority string) string {
	m := districtRe.FindStringSubmatch(authority)
	if m == nil {
		return ""
	}
	noun := "район"
	if strings.HasSuffix(m[2], "округа") {
		noun = "округ"
	}
	return adjNominative(m[1], false) + " " + noun
}

// region finds "<X>ской области" ("края", "в <X>ском крае") and gives
// "<X>ская область" ("<X>ский край").
func region(authority string) string {
	m := regionRe.FindStringSubmatch(authority)
	// Only an adjective names a region: «администрации области» does not.
	if m == nil || !(strings.HasSuffix(m[1], "ой") || strings.HasSuffix(m[1], "ого") || strings.HasSuffix(m[1], "ом")) {
		return ""
	}
	if m[2] != "области" {
		return adjNominative(m[1], false) + " край"
	}
	return adjNominative(m[1], true) + " область"
}

// recase writes a name typed in capitals ("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ
// БЕССОНОВСКОГО РАЙОНА") in ordinary case: the first word and the place
// adjectives capitalised, abbreviations kept.
func recase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		low := strings.ToLower(w)
		switch {
		case utf8.RuneCountInString(w) <= 5 && i > 0 && !strings.ContainsAny(low, "аеёиоуыэюя"):
			continue // an abbreviation without vowels
		case i == 0 || isPlaceAdjective(low):
			r, size := utf8.DecodeRuneInString(low)
			words[i] = string(unicode.ToUpper(r)) + low[size:]
		default:
			words[i] = low
		}
	}
	return strings.Join(words, " ")
}

func isPlaceAdjective(low string) bool {
	for _, e := range []string{"ского", "цкого", "ской", "цкой", "ский", "цкий", "ская", "цкая"} {
		if strings.HasSuffix(low, e) {
			return true
		}
	}
	return false
}

// legalForms are the abbreviations that begin an organisation's name.
var legalForms = map[string]bool{
	"МКУ": true, "МБУ": true, "МАУ": true, "МУ": true, "МБОУ": true, "МАОУ": true, "МКОУ": true,
	"МОУ": true, "МБДОУ": true, "МАДОУ": true, "МКДОУ": true, "МДОУ": true, "МБУДО": true,
	"МАУДО": true, "МКУДО": true, "МОУДО": true, "ГБУ": true, "ГАУ": true, "ГКУ": true, "ГБОУ": true,
	"ГАОУ": true, "ГБПОУ": true, "ГАПОУ": true, "ГБУДО": true, "ГАУДО": true, "ФГБОУ": true,
	"ФГАОУ": true, "ОГБУ": true, "ООО": true, "ОАО": true, "АО": true, "ПАО": true, "АНО": true,
	"МКП": true, "МУП": true, "ГУП": true,
}

// nominativeHead reports a capitalised word in the nominative that begins
// a new organisation: "Общеобразовательные", "Управление",
// "Администрация" — not "Бессоновского" or "Пензенской".
func nominativeHead(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || strings.ToUpper(w) == w {
		return false
	}
	low := strings.ToLower(w)
	for _, e := range []string{"ие", "ия", "ые", "ый", "ая", "ое", "ий"} {
		if strings.HasSuffix(low, e) && !isPlaceAdjective(low) {
			return true
		}
	}
	switch low {
	case "отдел", "центр", "совет", "комитет", "департамент", "министерство":
		return true
	}
	return false
}

// orgHead reports a word that begins an organisation's name wherever it
// stands: «Министерство», «Управление», «Администрация», a legal form.
func orgHead(w string) bool {
	if legalForms[w] {
		return true
	}
	switch strings.ToLower(w) {
	case "министерство", "управление", "администрация", "отдел", "комитет", "департамент", "центр":
		return true
	}
	return false
}

// positions begin an official's position: a new executor in a cell that
// lists «Директор ОО Куратор Калачева Е. А.».
var positions = map[string]bool{
	"директор": true, "заместитель": true, "куратор": true, "руководитель": true, "руководители": true,
	"учитель": true, "учителя": true, "педагог": true, "педагоги": true, "начальник": true,
	"специалист": true, "методист": true, "заведующий": true, "председатель": true, "классные": true,
	"зам": true, // «Зам. директора»
}

// pluralPositions name a group («Классные руководители»): a person after
// them is not the holder of the position but another executor.
var pluralPositions = map[string]bool{
	"классные": true, "руководители": true, "учителя": true, "педагоги": true,
}

var (
	initials = regexp.MustCompile(`^[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?$`)
	// gluedPerson is initials and surname written without a space:
	// «Т.И.Герасименко».
	gluedPerson = regexp.MustCompile(`^[А-ЯЁ]\.[А-ЯЁ]\.[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$`)
	// wholePerson is one person: «Т.И.Герасименко», «Н.Е. Байрачный»,
	// «Столярова И.В.».
	wholePerson = regexp.MustCompile(`^(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)$`)
)

// personStarts reports whether a person begins at words[i]: initials
// («К.А.», «Т.В.Лавринова») or a surname followed by initials.
func personStarts(words []string, i int) bool {
	if initials.MatchString(words[i]) || gluedPerson.MatchString(words[i]) {
		return true
	}
	return startsUpper(words[i]) && i+1 < len(words) && initials.MatchString(words[i+1])
}

// SplitExecutors splits an executors cell into organisations, as the
// hand-encoded roadmaps do: at commas and semicolons outside brackets,
// and where a new name begins without one — before a legal form ("МКУ")
// that follows a word that is not itself an abbreviation, before a
// capitalised word in the nominative ("Общеобразовательные организации"),
// before a position ("Куратор"), and between people given as initials
// and surname ("Н.Е. Байрачный К.А. Федоренко", "Т.И.Герасименко
// Т.В.Лавринова"), and after a group's position before a person
// ("Классные руководители Столярова И.В."); a person after a single
// position holds it ("Куратор Калачева Е. А."). A bracket («(далее –
// Управление образования)») and the name of a region after «Республики»
// are never split. guessed is set when a split was made without a
// separator.
func SplitExecutors(cell string) (out []string, guessed bool) {
	for _, part := range splitOutside(cell) {
		words := strings.Fields(part)
		start, depth, region := 0, 0, false
		for i := 1; i < len(words); i++ {
			depth += strings.Count(words[i-1], "(") - strings.Count(words[i-1], ")")
			w := strings.Trim(words[i], "«»\"(),.")
			prev := strings.Trim(words[i-1], "«»\"()")
			if strings.HasPrefix(strings.ToLower(prev), "республик") {
				region = true
			} else if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || orgHead(w) {
				region = false
			}
			people := initials.MatchString(words[i]) && initials.MatchString(words[start]) && !initials.MatchString(words[i-1]) ||
				personStarts(words, i) && (wholePerson.MatchString(strings.Join(words[start:i], " ")) ||
					pluralPositions[strings.ToLower(words[start])] && !initials.MatchString(words[i-1]))
			// A word opening «…» names what precedes it: «ЧРООП «Пограничное братство»».
			split := depth == 0 && !region && !strings.HasPrefix(words[i], "«") && (legalForms[w] && strings.ToUpper(prev) != prev ||
				nominativeHead(w) && !stopWords[strings.ToLower(prev)] && !initials.MatchString(prev) ||
				positions[strings.ToLower(w)] && startsUpper(w) ||
				people)
			if split {
				out = append(out, strings.Join(words[start:i], " "))
				start, guessed = i, true
			}
		}
		if start < len(words) {
			out = append(out, strings.Join(words[start:], " "))
		}
	}
	return out, guessed
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// splitOutside splits at commas, semicolons and line breaks that are not
// inside brackets.
func splitOutside(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		case ',', ';', '\n':
			if depth == 0 {
				if p := strings.TrimSpace(s[start:i]); p != "" {
					out = append(out, p)
				}
				start = i + 1
			}
		}
	}
	if p := strings.TrimSpace(s[start:]); p != "" {
		out = append(out, p)
	}
	return out
}
