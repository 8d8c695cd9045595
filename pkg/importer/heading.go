package importer

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The heading of an annexed roadmap: «Приложение N 2 к приказу
// министерства … от 13 ноября 2015 г. N 5976», an «УТВЕРЖДАЮ» block, and
// from them and the title whose roadmap it is (a region's, a district's,
// a school's).

var (
	// annexNumber is a document's number sign, «№ 76» or «N 5976».
	annexNumber = regexp.MustCompile(`(?:№|\bN)\s*([0-9][^\s,;]*)`)
	// wordDate is a date with the month in words: «13 ноября 2015 г.».
	wordDate = regexp.MustCompile(`(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(\d{4})`)
	// formDate is a date filled into a form: «« 10»______01____2022 г.».
	formDate = regexp.MustCompile(`«\s*(\d{1,2})\s*»[\s_]*(\d{1,2})[\s_]*(\d{4})`)
	// approveMe is the approval mark, bare or in quotes or with a colon:
	// «УТВЕРЖДАЮ», ««Утверждаю»», «Утверждаю:».
	// orderLine is an order's number written out, «Приказ №143 от …»;
	// a blank left to fill («№_66») is not one.
	orderLine  = regexp.MustCompile(`(?i)^приказ\s*(?:№|N)\s*\d`)
	approveMe  = regexp.MustCompile(`(?i)^[«"]?утверждаю[»"]?:?$`)
	genitiveMo = map[string]int{"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
		"июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12}
)

// anyDate finds a date in s in any of the forms documents print.
func anyDate(s string) bool {
	_, ok := findDate(s)
	return ok
}

func findDate(s string) (roadmap.Date, bool) {
	if m := dateRe.FindString(s); m != "" {
		return roadmap.ParseDate(m)
	}
	var d, mo, y int
	if m := wordDate.FindStringSubmatch(s); m != nil {
		d, _ = strconv.Atoi(m[1])
		mo = genitiveMo[m[2]]
		y, _ = strconv.Atoi(m[3])
	} else if m := formDate.FindStringSubmatch(s); m != nil {
		d, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
		y, _ = strconv.Atoi(m[3])
	} else {
		return roadmap.Date{}, false
	}
	return roadmap.ParseDate(strconv.Itoa(d) + "." + strconv.Itoa(mo) + "." + strconv.Itoa(y))
}

// approvedBlock reads «УТВЕРЖДАЮ», a position (on one line or several)
// and a name above the title: who signed a roadmap approved without an
// order. The name is the line that holds initials and a surname
// («__________ /Т. М. Гераськина/»); the lines between are the position.
func (rc *recogniser) approvedBlock() {
	for i := 0; i+2 < rc.tableAt; i++ {
		if rc.used[i] || !approveMe.MatchString(rc.text(i)) {
			continue
		}
		end := -1
		for j := i + 1; j < rc.tableAt && j <= i+4; j++ {
			if rc.used[j] {
				break
			}
			if personName.MatchString(rc.text(j)) {
				end = j
				break
			}
		}
		if end < 0 {
			end = i + 2 // a name the pattern does not know: the line after the position
		}
		var pos []string
		for j := i + 1; j < end; j++ {
			pos = append(pos, rc.text(j))
		}
		name := personName.FindString(rc.text(end))
		if end == i+1 {
			// Position and name on one line: «Директор школы: Ю.Ф.Ермолаев».
			before, _, _ := strings.Cut(rc.text(end), name)
			pos = []string{strings.TrimRight(before, ": ")}
		}
		position := strings.Join(pos, " ")
		if !positionRe.MatchString(position) {
			return
		}
		if name == "" {
			name = rc.text(end)
		}
		rc.r.Document.SignedBy = &roadmap.Person{Position: position, Name: name}
		for j := i; j <= end; j++ {
			rc.used[j] = true
		}
		// The approving order under the signature: «Приказ №143 от 18.01.2022 г.».
		if j := end + 1; j < rc.tableAt && !rc.used[j] && orderLine.MatchString(rc.text(j)) && anyDate(rc.text(j)) {
			rc.r.Document.Annex = rc.text(j)
			rc.used[j] = true
		}
		return
	}
}

// personName is a person as documents sign: «Т. М. Гераськина»,
// «Гераськина Т.М.».
var personName = regexp.MustCompile(`[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)?|[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.`)

// annexDocument reads the approving document from the annex note: an
// order («к приказу») or another act, its number and date.
func (rc *recogniser) annexDocument() {
	d := &rc.r.Document
	a := d.Annex
	if strings.Contains(strings.ToLower(a), "приказ") {
		d.Kind = roadmap.KindOrder
	}
	if m := annexNumber.FindAllStringSubmatch(a, -1); len(m) > 0 && anyDate(a) {
		d.Number = strings.TrimRight(m[len(m)-1][1], ".")
	}
	if dt, ok := findDate(a); ok {
		d.Date = dt
	}
	if d.Annex != "" && d.Kind == roadmap.KindOrder {
		// The order itself («Об утверждении …») is not part of an annex.
		rc.warn(rc.paras[0].Loc, "import.warn.no_order_title")
	}
}

var (
	// republicAfter is a republic named by an adjective before the word:
	// «Чувашской Республики», «Кабардино-Балкарской Республики».
	republicAfter = regexp.MustCompile(`([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[сц]кой)\s+Республик[аиеу]`)
	republicRe    = regexp.MustCompile(`Республик[аиеу]\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)?`)
	municipalRe   = regexp.MustCompile(`муниципального\s+образования\s+(город|городской\s+округ)\s+([А-ЯЁ][а-яё-]+)`)
	// schoolRe is a school's form and name: «МБОУ «…»», «МБОУ Тамбарской
	// ООШ», or a kind and number only, «МБОУ СОШ № 16».
	schoolRe = regexp.MustCompile(`(?:^|[^\p{L}])(МБОУ|МАОУ|МКОУ|МОУ|ГБОУ|ГАОУ|МБУДО|МАУДО)\s+(«[^»]+»|(?:СОШ|ООШ|НОШ|ОШ)\s*№\s*\d+|[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ]{2,6})?)`)
	// moDistrict is a district named as a municipal formation in quotes:
	// «МО "Бологовский район"».
	moDistrict  = regexp.MustCompile(`(?:^|\s)МО\s+["«]([А-ЯЁ][а-яё]+ский\s+(?:район|муниципальный\s+округ))["»]`)
	schoolWord  = regexp.MustCompile(`(?i)(^|\s)(школ[аыеу]|школой)(\s|$)`)
	regionalCue = regexp.MustCompile(`(?i)министерств\S*\s+образования|администраци\S*\s+(области|края)|региональн`)
)

// regionName finds a region in s: «Республики Мордовия» gives «Республика
// Мордовия», «Чувашской Республики» «Чувашская Республика»,
// «Нижегородской области» «Нижегородская область».
func regionName(s string) string {
	if m := republicAfter.FindStringSubmatch(s); m != nil {
		return adjNominative(m[1], true) + " Республика"
	}
	if m := republicRe.FindStringSubmatch(s); m != nil {
		name := m[1]
		if w := strings.TrimSpace(m[2]); w != "" && !orgHead(w) {
			name += " " + w
		}
		return "Республика " + name
	}
	return region(s)
}

// school finds a school's name in s: «МБОУ «Гавриловская основная
// общеобразовательная школа»», «МБОУ Тамбарской ООШ» («Тамбарская»).
func school(s string) string {
	m := schoolRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	name := m[2]
	if !strings.HasPrefix(name, "«") {
		w, rest, _ := strings.Cut(name, " ")
		if strings.HasSuffix(w, "ой") || strings.HasSuffix(w, "ей") {
			w = adjNominative(w, true)
		} else {
			w = adjNominative(w, false)
		}
		name = strings.TrimSpace(w + " " + rest)
	}
	return m[1] + " " + name
}

// place sets the authority, the level and what names the roadmap's owner:
// a school for a school's roadmap («МБОУ …» in the title), a district for
// a district's, a region for a regional authority's («Министерство
// образования Республики …», «администрации области»). What opt gives
// wins over the text; what neither gives is a warning naming the flag.
func (rc *recogniser) place(opt Options) {
	r := rc.r
	switch h := rc.headerAuthority; {
	case opt.Authority != "":
		r.Authority = opt.Authority
	case h == "":
	case r.Authority != "" && strings.EqualFold(h, r.Authority):
		// The annex spells the heading's capitals in ordinary case.
	case r.Authority == "" || !strings.EqualFold(h, r.Authority):
		if strings.ToUpper(h) == h {
			h = recase(h)
			rc.warn(rc.paras[0].Loc, "import.warn.recased", h)
		}
		r.Authority = h
	}
	var heading []string
	for i := 0; i < rc.tableAt; i++ {
		heading = append(heading, rc.text(i))
	}
	head := strings.Join(heading, " ")
	owner := strings.Join([]string{r.Authority, r.Document.Annex, r.Title, r.Document.Title, head}, " ")
	var executors, titles []string
	for _, a := range r.Activities {
		executors = append(executors, a.Executors...)
		titles = append(titles, a.Title)
	}
	r.Organisation = cmp.Or(opt.Organisation, school(strings.Join([]string{r.Title, head}, " ")))
	r.District = opt.District
	if r.District == "" {
		r.District = district(r.Authority)
	}
	if m := moDistrict.FindStringSubmatch(owner); r.District == "" && m != nil {
		r.District = m[1]
	}
	if r.District == "" {
		if m := municipalRe.FindStringSubmatch(owner); m != nil {
			r.District = "муниципальное образование " + m[1] + " " + m[2]
		} else {
			r.District = district(r.Title)
		}
	}
	rc.region(opt.Region, slices.Concat([]string{r.Authority, r.Document.Annex, r.Title, r.Document.Title}, heading, executors))
	level := opt.Level
	if level == "" {
		switch {
		case r.Organisation != "" || schoolWord.MatchString(head):
			level = roadmap.LevelSchool
		case r.District != "":
			level = roadmap.LevelDistrict
		case regionalCue.MatchString(owner) || regionalCue.MatchString(strings.Join(append(executors, titles...), " ")):
			level = roadmap.LevelRegion
		}
	}
	switch level {
	case roadmap.LevelSchool:
		r.Level = roadmap.LevelSchool
		r.District = opt.District
		if r.Organisation == "" {
			rc.warn(Loc{}, "import.warn.no_organisation")
		}
		if r.Authority == "" {
			// A school approves its own roadmap.
			r.Authority = r.Organisation
		}
	case roadmap.LevelRegion:
		r.Level = roadmap.LevelRegion
	default:
		r.Level = opt.Level
		if r.District != "" {
			break
		}
		// No authority, or it names no district: look in the texts.
		texts := []string{r.Section, r.Document.Preamble}
		texts = append(texts, executors...)
		r.District = district(strings.Join(texts, " "))
		if r.District != "" {
			rc.warn(Loc{}, "import.warn.district_guessed", r.District)
		} else {
			rc.warn(Loc{}, "import.warn.no_district")
		}
	}
	if r.Authority == "" {
		rc.warn(Loc{}, "import.warn.no_authority")
	}
	// The direction is optional: most documents have only a title.
	if r.Direction == "" {
		r.Direction = quoted(r.Document.Title)
	}
}

// region sets the roadmap's region: the one given, else the first of
// texts that names one (each text on its own: a region's name must not
// run into the next), else a heading line in capitals («… В КРАСНОДАРСКОМ
// КРАЕ») read in ordinary case, a guess since recasing may miss a name.
func (rc *recogniser) region(given string, texts []string) {
	r := rc.r
	if r.Region = given; r.Region != "" {
		return
	}
	for _, s := range texts {
		if r.Region = regionName(s); r.Region != "" {
			return
		}
	}
	for i := 0; i < rc.tableAt; i++ {
		if s := rc.text(i); strings.ToUpper(s) == s {
			if r.Region = regionName(capitalise(s)); r.Region != "" {
				rc.warn(rc.paras[i].Loc, "import.warn.region_recased", r.Region)
				return
			}
		}
	}
	rc.warn(Loc{}, "import.warn.no_region")
}

// ownerExecutors makes the roadmap's owner (the school of a school's
// roadmap, else the authority) the executor of every activity when the
// table has no executors column at all: the one who approves a plan
// without naming executors carries it out. One warning says so.
func (rc *recogniser) ownerExecutors() {
	if rc.noExecutors == nil {
		return
	}
	owner := rc.r.Authority
	if rc.r.LevelOf() == roadmap.LevelSchool {
		owner = cmp.Or(rc.r.Organisation, owner)
	}
	if owner == "" {
		rc.warn(*rc.noExecutors, "import.warn.no_column", "executors")
		return
	}
	for i := range rc.r.Activities {
		rc.r.Activities[i].Executors = []string{owner}
	}
	rc.warn(*rc.noExecutors, "import.warn.executors_owner", owner)
}

// capitalise writes each word of s, typed in capitals, as a name is
// written, but the nouns of a region's name in lower case: «В
// КРАСНОДАРСКОМ КРАЕ» gives «В Краснодарском крае».
func capitalise(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(strings.ToLower(w))
		if !regionNouns[string(r)] {
			r[0] = unicode.ToUpper(r[0])
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

var regionNouns = map[string]bool{"области": true, "края": true, "крае": true}
