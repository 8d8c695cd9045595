package importer

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Options tune Recognise.
type Options struct {
	// ID is the roadmap id; by default it is made from the district and
	// the direction ("bessonovsky-organizatsiya-sistemy-raboty").
	ID string
	// District overrides the district read from the authority's name.
	District string
	// Region, Authority, Organisation, Level (district, region or school)
	// and Period supply what a document does not say: a value given wins
	// over the text, with no warning.
	Region       string
	Authority    string
	Organisation string
	Level        string
	Period       roadmap.Period
}

// ParsePeriod reads a period as the command line gives it: «2021-2023»
// or a single year, «2024».
func ParsePeriod(s string) (roadmap.Period, bool) {
	from, to, found := strings.Cut(strings.TrimSpace(s), "-")
	if !found {
		to = from
	}
	f, err1 := strconv.Atoi(strings.TrimSpace(from))
	t, err2 := strconv.Atoi(strings.TrimSpace(to))
	if err1 != nil || err2 != nil || f < 1900 || t > 2200 || f > t {
		return roadmap.Period{}, false
	}
	return roadmap.Period{From: f, To: t}, true
}

// Recognise builds a roadmap from a document. It finds:
//   - the roadmap table, by its header row ("№ п/п", "Мероприятия", "Сроки
//     реализации", "Индикативный показатель", "Исполнители", in any order);
//     without one it returns an *Error of kind ErrNoTable;
//   - an order's header (authority, "П Р И К А З", date, number, place,
//     title, preamble, the clauses after "ПРИКАЗЫВАЮ", the signatory, the
//     "Приложение ... УТВЕРЖДЕНА приказом ... от ... №" note), or a
//     concept's (title, "Утверждена приказом ... от ... №", the section
//     heading, its description and bulleted goals);
//   - the roadmap's title above the table, and from it the direction
//     (the text in «») and the period ("на 2020-2022 годы");
//   - a table of expected results by year ("Таблица 1" of a concept).
//
// Rows with no number continue the previous activity (a page break split
// the row); their cells are joined to the previous row's with a space.
// Executors are split into organisations at commas and where a new name
// begins ("МКУ МЦПРО Бессоновского района Общеобразовательные организации"
// is two). Activity ids are Latin slugs of the titles' first words.
//
// Every paragraph left unused, and everything guessed, is a Warning.
func Recognise(doc *Document, opt Options) (*roadmap.Roadmap, []Warning, error) {
	if doc == nil || len(doc.Blocks) == 0 {
		return nil, nil, &Error{Kind: ErrEmpty}
	}
	rc := &recogniser{doc: doc, r: &roadmap.Roadmap{Format: roadmap.FormatV1}}
	if err := rc.run(opt); err != nil {
		return nil, nil, err
	}
	return rc.r, rc.warnings, nil
}

type recogniser struct {
	doc      *Document
	r        *roadmap.Roadmap
	warnings []Warning

	paras   []Paragraph // paragraphs in order, other tables flattened in
	used    []bool
	tableAt int // index in paras of the first paragraph after the roadmap table
	resAt   int // likewise for the expected results table, -1 if none
	table   *Table
	results *Table

	headerAuthority string // the authority as the order's heading writes it
	noExecutors     *Loc   // the header row of a table with no executors column
	clauseLocs      []Loc  // where each clause of the order starts
	rawTitle        []int  // paragraphs of the roadmap title
}

func (rc *recogniser) warn(loc Loc, key string, args ...any) {
	rc.warnings = append(rc.warnings, Warning{Loc: loc, Key: key, Args: args})
}

// text returns paragraph i cleaned, without the "**" of bold that text
// copies carry.
func (rc *recogniser) text(i int) string { return unbold(rc.paras[i].Text) }

func unbold(s string) string {
	s = Clean(s)
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "**"), "**"))
	return s
}

func (rc *recogniser) run(opt Options) error {
	rc.layout()
	if rc.table == nil {
		return &Error{Kind: ErrNoTable}
	}
	rc.roadmapTitle()
	switch {
	case rc.findOrder():
	case rc.findConcept():
	default:
		rc.other()
	}
	rc.activities()
	rc.period(opt.Period)
	rc.expectedResults()
	rc.place(opt)
	rc.ownerExecutors()
	rc.ids(opt)
	for i, u := range rc.used {
		if !u {
			rc.warn(rc.paras[i].Loc, "import.warn.skipped", quote(rc.text(i)))
		}
	}
	slices.SortStableFunc(rc.warnings, func(a, b Warning) int {
		return cmp.Or(cmp.Compare(a.Loc.Line, b.Loc.Line), cmp.Compare(a.Loc.Para, b.Loc.Para),
			cmp.Compare(a.Loc.Table, b.Loc.Table), cmp.Compare(a.Loc.Row, b.Loc.Row), cmp.Compare(a.Loc.Col, b.Loc.Col))
	})
	return nil
}

// layout finds the roadmap table and the table of expected results, and
// flattens every other table into paragraphs, one per row.
func (rc *recogniser) layout() {
	rc.resAt = -1
	var tables []*Table
	for _, b := range rc.doc.Blocks {
		if b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	for _, t := range tables {
		if _, ok := tableHeader(t); ok {
			rc.table = t
			break
		}
	}
	for _, b := range rc.doc.Blocks {
		switch {
		case b.Para != nil:
			rc.paras = append(rc.paras, *b.Para)
		case b.Table == rc.table:
			rc.tableAt = len(rc.paras)
		case rc.results == nil && rc.table != nil && rc.captionSays(len(rc.paras), "ожидаемые результаты"):
			rc.results, rc.resAt = b.Table, len(rc.paras)
		default:
			for _, row := range b.Table.Rows {
				var parts []string
				for _, c := range row.Cells {
					if s := Clean(c.Text); s != "" && !c.Merged {
						parts = append(parts, s)
					}
				}
				if len(parts) > 0 {
					rc.paras = append(rc.paras, Paragraph{Text: strings.Join(parts, " "), Loc: row.Loc})
				}
			}
		}
	}
	rc.used = make([]bool, len(rc.paras))
}

// captionSays reports whether one of the three paragraphs before index end
// holds words (lower case).
func (rc *recogniser) captionSays(end int, words string) bool {
	for i := end - 1; i >= 0 && i >= end-3; i-- {
		if strings.Contains(strings.ToLower(Clean(rc.paras[i].Text)), words) {
			return true
		}
	}
	return false
}

var (
	tableCaption = regexp.MustCompile(`(?i)^таблица\s*\d*\.?$`)
	// roadmapWords begin a roadmap's title: «Дорожная карта …», «План
	// мероприятий («дорожная карта») …», «Комплекс мер …», «План-график …»,
	// «Сетевой график …», «Перечень основных мероприятий …», and «ПЛАН»
	// alone on its line above «проведения мероприятий …».
	roadmapWords = regexp.MustCompile(`(?i)^(дорожная\s+карта|план\s+мероприятий|комплекс\s+мер|план-график|сетевой\s+график|перечень(\s|$)|план$)`)
)

// roadmapTitle takes the paragraphs just above the table, from the one
// starting "Дорожная карта", as the roadmap's title.
func (rc *recogniser) roadmapTitle() {
	start := -1
	for i := rc.tableAt - 1; i >= 0 && i >= rc.tableAt-10; i-- {
		if rc.used[i] || (rc.resAt >= 0 && i < rc.resAt && rc.resAt <= rc.tableAt) {
			break
		}
		if roadmapWords.MatchString(rc.text(i)) {
			start = i
			break
		}
	}
	if start < 0 {
		// Some tables carry the title in a merged first row.
		c, _ := tableHeader(rc.table)
		for _, row := range rc.table.Rows[:c.header] {
			if s := Clean(strings.ReplaceAll(rowText(row), " | ", " ")); roadmapWords.MatchString(s) {
				rc.r.Title = s
				rc.r.Direction = quoted(s)
				return
			}
		}
		rc.warn(rc.table.Loc, "import.warn.no_title")
		return
	}
	var parts []string
	for i := start; i < rc.tableAt; i++ {
		parts = append(parts, rc.text(i))
		rc.used[i] = true
		rc.rawTitle = append(rc.rawTitle, i)
	}
	if start > 0 && tableCaption.MatchString(rc.text(start-1)) {
		rc.used[start-1] = true
	}
	rc.r.Title = Clean(strings.Join(parts, " "))
	rc.r.Direction = quoted(rc.r.Title)
}

// quoted returns the text inside the first «...», nested quotes included.
func quoted(s string) string {
	start := strings.Index(s, "«")
	if start < 0 {
		return ""
	}
	depth := 0
	for i, r := range s[start:] {
		switch r {
		case '«':
			depth++
		case '»':
			depth--
			if depth == 0 {
				return strings.TrimSpace(s[start+len("«") : start+i])
			}
		}
	}
	return ""
}

var (
	prikaz      = regexp.MustCompile(`^(?i:п\s?р\s?и\s?к\s?а\s?з)$`)
	prikazyvayu = regexp.MustCompile(`(?i)п\s?р\s?и\s?к\s?а\s?з\s?ы\s?в\s?а\s?ю\s*:?\s*$`)
	dateRe      = regexp.MustCompile(`(\d{1,2})\.(\d{1,2})\.(\d{4})`)
	numberSign  = regexp.MustCompile(`№\s*([0-9][^\s,;]*)`)
	bareNumber  = regexp.MustCompile(`^[0-9][0-9A-Za-zА-Яа-яЁё./\\-]*$`)
	placeRe     = regexp.MustCompile(`(?i)^(с\.|г\.|п\.|пос\.|р\.\s?п\.|пгт\.?|д\.|ст\.|село|город|посёлок|поселок|деревня)\s*\S`)
	orderTitle  = regexp.MustCompile(`^(Об?|О внесении)\s`)
	clauseNum   = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2})*)[.)]\s*`)
	positionRe  = regexp.MustCompile(`(?i)^(начальник|руководитель|директор|заместитель|и\.\s?о\.|врио|глава|председатель|министр|заведующ|исполняющ)`)
	nameRe      = regexp.MustCompile(`([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)$`)
	annexStart  = regexp.MustCompile(`(?i)^приложение`)
	approvedRe  = regexp.MustCompile(`(?i)^\(?\s*утвержден[аоы]?(\s|$)`)
	byOrderRe   = regexp.MustCompile(`(?i)(приказ(?:ом|у)|постановлени(?:ем|ю)|распоряжени(?:ем|ю)|решени(?:ем|ю))\s+(\p{Cyrillic}.+?)\s+от\s+`)
	bulletRe    = regexp.MustCompile(`^[·•▪●◦‣∙\-–—*]\s*`)
)

// findOrder reads an order's header: "П Р И К А З" and what surrounds it.
func (rc *recogniser) findOrder() bool {
	k := -1
	for i := 0; i < rc.tableAt; i++ {
		if prikaz.MatchString(strings.ReplaceAll(rc.text(i), " ", "")) || prikaz.MatchString(rc.text(i)) {
			k = i
			break
		}
	}
	if k < 0 {
		return false
	}
	d := &rc.r.Document
	d.Kind = roadmap.KindOrder
	rc.used[k] = true
	var head []string
	for i := 0; i < k; i++ {
		head = append(head, rc.text(i))
		rc.used[i] = true
	}
	rc.headerAuthority = Clean(strings.Join(head, " "))

	// Date, number and place, up to the title "Об ...".
	i := k + 1
	for ; i < rc.tableAt; i++ {
		s := rc.text(i)
		if orderTitle.MatchString(s) {
			break
		}
		if m := dateRe.FindString(s); m != "" && d.Date.IsZero() {
			if dt, ok := roadmap.ParseDate(m); ok {
				d.Date = dt
				rc.used[i] = true
			}
		}
		if m := numberSign.FindStringSubmatch(s); m != nil && d.Number == "" {
			d.Number = strings.TrimRight(m[1], ".")
			rc.used[i] = true
		} else if bareNumber.MatchString(s) && !dateRe.MatchString(s) && d.Number == "" {
			d.Number = s
			rc.used[i] = true
		}
		if placeRe.MatchString(s) && d.Place == "" {
			d.Place = s
			rc.used[i] = true
		}
	}
	if d.Date.IsZero() {
		rc.warn(rc.paras[k].Loc, "import.warn.no_date")
	}
	if d.Number == "" {
		rc.warn(rc.paras[k].Loc, "import.warn.no_number")
	}
	// The title, with lines continuing it in lower case.
	if i < rc.tableAt {
		parts := []string{rc.text(i)}
		rc.used[i] = true
		for i++; i < rc.tableAt && startsLower(rc.text(i)); i++ {
			parts = append(parts, rc.text(i))
			rc.used[i] = true
		}
		d.Title = strings.Join(parts, " ")
	} else {
		rc.warn(rc.paras[k].Loc, "import.warn.no_order_title")
		i = k + 1
	}
	// The preamble, up to "ПРИКАЗЫВАЮ".
	var pre []string
	j := i
	for ; j < rc.tableAt; j++ {
		s := rc.text(j)
		if loc := prikazyvayu.FindStringIndex(s); loc != nil {
			if before := strings.TrimSpace(s[:loc[0]]); before != "" {
				pre = append(pre, before)
			}
			rc.used[j] = true
			break
		}
		pre = append(pre, s)
	}
	if j == rc.tableAt { // no ПРИКАЗЫВАЮ: nothing was the preamble
		rc.warn(rc.paras[k].Loc, "import.warn.no_prikazyvayu")
		j = i - 1
	} else {
		for x := i; x < j; x++ {
			rc.used[x] = true
		}
		d.Preamble = strings.Join(pre, " ")
	}
	// Clauses, up to the signatory.
	j++
	for ; j < rc.tableAt; j++ {
		s := rc.text(j)
		if m := clauseNum.FindString(s); m != "" || rc.paras[j].List {
			d.Clauses = append(d.Clauses, strings.TrimSpace(s[len(m):]))
			rc.clauseLocs = append(rc.clauseLocs, rc.paras[j].Loc)
			rc.used[j] = true
			continue
		}
		if positionRe.MatchString(s) || nameRe.MatchString(s) || annexStart.MatchString(s) || approvedRe.MatchString(s) {
			break
		}
		if n := len(d.Clauses); n > 0 {
			d.Clauses[n-1] += " " + s
			rc.used[j] = true
			continue
		}
		break
	}
	rc.signatory(j)
	rc.responsible()
	rc.annex()
	return true
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// signatory reads the position and name after the clauses: on one line
// ("Начальник С. Н. Назарова") or on two.
func (rc *recogniser) signatory(j int) {
	if j >= rc.tableAt || j >= len(rc.paras) {
		return
	}
	s := rc.text(j)
	if !positionRe.MatchString(s) && !nameRe.MatchString(s) {
		return
	}
	if m := nameRe.FindStringIndex(s); m != nil {
		rc.r.Document.SignedBy = &roadmap.Person{Position: strings.TrimSpace(s[:m[0]]), Name: s[m[0]:]}
		rc.used[j] = true
		return
	}
	if j+1 < rc.tableAt {
		if next := rc.text(j + 1); nameRe.MatchString(next) && nameRe.FindStringIndex(next)[0] == 0 {
			rc.r.Document.SignedBy = &roadmap.Person{Position: s, Name: next}
			rc.used[j], rc.used[j+1] = true, true
		}
	}
}

var (
	responsibleRe = regexp.MustCompile(`(?i)^ответственн\S*\s+за\s+.*?\s+возложить\s+на\s+(.+?)\.?$`)
	controlRe     = regexp.MustCompile(`(?i)^контроль\s+(?:за|над)\s+.*?\s+возложить\s+на\s+(.+?)\.?$`)
)

// responsible reads who answers for and who controls the order from its
// clauses ("Ответственность ... возложить на директора ... Л.И. Машарову"),
// putting position and name in the nominative case.
func (rc *recogniser) responsible() {
	d := &rc.r.Document
	for ci, c := range d.Clauses {
		for _, f := range []struct {
			re  *regexp.Regexp
			dst **roadmap.Person
		}{{responsibleRe, &d.Responsible}, {controlRe, &d.Control}} {
			m := f.re.FindStringSubmatch(c)
			if m == nil || *f.dst != nil {
				continue
			}
			who := strings.TrimSpace(m[1])
			loc := nameRe.FindStringIndex(who)
			if loc == nil {
				continue
			}
			p := &roadmap.Person{
				Position: nominativePosition(strings.TrimSpace(who[:loc[0]])),
				Name:     nominativeName(who[loc[0]:]),
			}
			*f.dst = p
			rc.warn(rc.clauseLocs[ci], "import.warn.case", quote(c), p.Position, p.Name)
		}
	}
}

// annex reads the note above the annexed roadmap: "Приложение" and
// "УТВЕРЖДЕНА приказом ... от ... № ...", joined into one line.
func (rc *recogniser) annex() {
	start := -1
	for i := 0; i < rc.tableAt; i++ {
		if rc.used[i] {
			continue
		}
		s := rc.text(i)
		if annexStart.MatchString(s) || approvedRe.MatchString(s) {
			start = i
			break
		}
	}
	if start < 0 {
		return
	}
	var parts []string
	end := start
	for i := start; i < rc.tableAt && i < start+8 && !rc.used[i]; i++ {
		s := rc.text(i)
		if i > start && (annexStart.MatchString(s) || roadmapWords.MatchString(s)) {
			break
		}
		parts = append(parts, s)
		end = i
		if strings.Contains(s, "№") || annexNumber.MatchString(s) && anyDate(strings.Join(parts, " ")) {
			break
		}
	}
	for i := start; i <= end; i++ {
		rc.used[i] = true
	}
	text := parts[0]
	if len(parts) > 1 {
		if annexStart.MatchString(text) && !strings.ContainsAny(text[len(text)-1:], ".:") && !startsLower(parts[1]) {
			text += "."
		}
		text += " " + strings.Join(parts[1:], " ")
	}
	// A copy may run the annex note into the title: «… № 76 План-график».
	if loc := annexNumber.FindAllStringIndex(text, -1); len(loc) > 0 {
		if rest := strings.TrimSpace(text[loc[len(loc)-1][1]:]); rest != "" && roadmapWords.MatchString(rest) {
			text = strings.TrimSpace(text[:len(text)-len(rest)])
		}
	}
	rc.r.Document.Annex = text
	if m := byOrderRe.FindStringSubmatch(text); m != nil && rc.r.Authority == "" {
		rc.r.Authority = nominativeOrg(m[2])
	}
}

// findConcept reads a concept's header: its title up to "(Утверждена
// приказом ... от ... № ...)", the section heading, the description and
// the bulleted goals.
func (rc *recogniser) findConcept() bool {
	first := -1
	for i := 0; i < rc.tableAt; i++ {
		if !rc.used[i] {
			first = i
			break
		}
	}
	if first < 0 || !strings.HasPrefix(strings.ToLower(rc.text(first)), "концепци") {
		return false
	}
	d := &rc.r.Document
	d.Kind = roadmap.KindConcept
	var parts []string
	i := first
	for ; i < rc.tableAt && !approvedRe.MatchString(rc.text(i)) && i < first+6; i++ {
		parts = append(parts, rc.text(i))
		rc.used[i] = true
	}
	d.Title = sentenceCase(strings.Join(parts, " "))
	if i < rc.tableAt && approvedRe.MatchString(rc.text(i)) {
		rc.approval(i)
		i++
	}
	// The section heading: a line that names the direction, with the
	// lines completing its quotes.
	if i < rc.tableAt && !rc.used[i] && strings.Contains(strings.ToLower(rc.text(i)), "по направлению") {
		s := rc.text(i)
		rc.used[i] = true
		for i++; i < rc.tableAt && !rc.used[i] && (strings.Count(s, "«") > strings.Count(s, "»") || strings.HasSuffix(strings.ToLower(s), "по направлению")); i++ {
			s += " " + rc.text(i)
			rc.used[i] = true
		}
		rc.r.Section = s
		if rc.r.Direction == "" {
			rc.r.Direction = quoted(s)
		}
	}
	// The description, up to the goals.
	var desc []string
	for ; i < rc.tableAt && !rc.used[i] && !rc.isBullet(i) && !tableCaption.MatchString(rc.text(i)); i++ {
		desc = append(desc, rc.text(i))
		rc.used[i] = true
	}
	rc.r.Description = strings.Join(desc, "\n")
	for ; i < rc.tableAt && !rc.used[i] && rc.isBullet(i); i++ {
		rc.r.Goals = append(rc.r.Goals, Clean(bulletRe.ReplaceAllString(rc.text(i), "")))
		rc.used[i] = true
	}
	return true
}

func (rc *recogniser) isBullet(i int) bool {
	s := rc.text(i)
	return rc.paras[i].List || bulletRe.MatchString(s) && !strings.HasPrefix(s, "**")
}

// approval reads "(Утверждена приказом <authority> от <date> № <number>)".
func (rc *recogniser) approval(i int) {
	rc.used[i] = true
	s := Clean(strings.Trim(Clean(rc.text(i)), "()"))
	ref := &roadmap.DocumentRef{Kind: roadmap.KindOther, Text: s}
	if m := byOrderRe.FindStringSubmatch(s); m != nil {
		if strings.EqualFold(m[1], "приказом") {
			ref.Kind = roadmap.KindOrder
		}
		ref.Authority = nominativeOrg(m[2])
		if rc.r.Authority == "" {
			rc.r.Authority = ref.Authority
		}
	}
	if m := dateRe.FindString(s); m != "" {
		ref.Date, _ = roadmap.ParseDate(m)
	}
	if m := numberSign.FindStringSubmatch(s); m != nil {
		ref.Number = strings.TrimRight(m[1], ".")
	}
	if ref.Number == "" || ref.Date.IsZero() {
		rc.warn(rc.paras[i].Loc, "import.warn.approval", s)
	}
	rc.r.Document.ApprovedBy = ref
}

// other handles a document that is neither an order nor a concept: its
// first paragraph is taken as the title.
func (rc *recogniser) other() {
	d := &rc.r.Document
	d.Kind = roadmap.KindOther
	rc.approvedBlock()
	rc.annex()
	if d.Annex != "" || d.SignedBy != nil {
		rc.annexDocument()
		return
	}
	for i := 0; i < rc.tableAt; i++ {
		if !rc.used[i] {
			d.Title = rc.text(i)
			rc.used[i] = true
			rc.warn(rc.paras[i].Loc, "import.warn.other", quote(d.Title))
			return
		}
	}
	d.Title = rc.r.Title
	rc.warn(rc.table.Loc, "import.warn.other", quote(d.Title))
}

// sentenceCase lowers an all-capitals first word: "КОНЦЕПЦИЯ муниципальной"
// gives "Концепция муниципальной".
func sentenceCase(s string) string {
	word, rest, _ := strings.Cut(s, " ")
	if strings.ToUpper(word) == word && strings.ToLower(word) != word {
		r := []rune(strings.ToLower(word))
		r[0] = unicode.ToUpper(r[0])
		word = string(r)
	}
	if rest == "" {
		return word
	}
	return word + " " + rest
}

var (
	periodRe  = regexp.MustCompile(`(\d{4})\s*(?:г\.?|гг\.?)?\s*[-–—]\s*(\d{4})`)
	oneYearRe = regexp.MustCompile(`(?i)(?:на|в)\s+(\d{4})\s+год`)
	// schoolYears are the years of a school year named in a row's title
	// («на 2010-2011 учебный год»), the last resort for a period.
	schoolYears = regexp.MustCompile(`(\d{4})\s*[-–]\s*(\d{4})\s+учебн`)
)

// period reads the span of years from the roadmap title or the document
// title, else takes the years the deadlines name; given, a period wins.
func (rc *recogniser) period(given roadmap.Period) {
	if given != (roadmap.Period{}) {
		rc.r.Period = given
		return
	}
	for _, s := range []string{rc.r.Title, rc.r.Document.Title} {
		if m := periodRe.FindStringSubmatch(s); m != nil {
			rc.r.Period.From, _ = strconv.Atoi(m[1])
			rc.r.Period.To, _ = strconv.Atoi(m[2])
			rc.widen()
			return
		}
		if m := oneYearRe.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			rc.r.Period = roadmap.Period{From: y, To: y}
			rc.widen()
			return
		}
	}
	var years []int
	for _, a := range rc.r.Activities {
		years = append(years, a.Due.Years...)
		if a.Due.From != nil {
			years = append(years, a.Due.From.Year)
		}
		if a.Due.To != nil {
			years = append(years, a.Due.To.Year)
		}
	}
	years = slices.DeleteFunc(years, func(y int) bool { return y < 1990 || y > 2100 })
	if len(years) > 0 {
		rc.r.Period = roadmap.Period{From: slices.Min(years), To: slices.Max(years)}
		rc.warn(rc.table.Loc, "import.warn.period_guessed", rc.r.Period.From, rc.r.Period.To)
		return
	}
	for _, a := range rc.r.Activities {
		if m := schoolYears.FindStringSubmatch(a.Title); m != nil {
			rc.r.Period.From, _ = strconv.Atoi(m[1])
			rc.r.Period.To, _ = strconv.Atoi(m[2])
			rc.warn(rc.table.Loc, "import.warn.period_rows", rc.r.Period.From, rc.r.Period.To)
			return
		}
	}
	if y := rc.r.Document.Date.Year; y > 0 {
		rc.r.Period = roadmap.Period{From: y, To: y}
		rc.warn(rc.table.Loc, "import.warn.period_guessed", y, y)
		return
	}
	rc.warn(rc.table.Loc, "import.warn.no_period")
}

// widen stretches the title's period over deadlines that name years
// outside it («в 2016 году», deadlines in 2015: the analysis of the year
// before): the check would reject every such deadline, and which of the
// two the document means only a person can tell.
func (rc *recogniser) widen() {
	p := rc.r.Period
	var items []string
	var years []int
	for _, a := range rc.r.Activities {
		out := slices.DeleteFunc(a.Due.OutsidePeriod(p.From, p.To), func(y int) bool { return y < 1990 || y > 2100 })
		if len(out) > 0 {
			items = append(items, a.N.String())
			years = append(years, out...)
		}
	}
	if len(years) == 0 {
		return
	}
	slices.Sort(years)
	years = slices.Compact(years)
	rc.r.Period = roadmap.Period{From: min(p.From, years[0]), To: max(p.To, years[len(years)-1])}
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = strconv.Itoa(y)
	}
	rc.warn(rc.table.Loc, "import.warn.period_widened", strings.Join(items, ", "), strings.Join(ys, ", "),
		p.From, p.To, rc.r.Period.From, rc.r.Period.To)
}

var yearCell = regexp.MustCompile(`^(\d{4})(?:\s*(?:г\.?|год))?$`)

// expectedResults reads the table of expected results by year. Its year
// columns come from a header row of years; without one (the Nikolsky
// copy lost it), the columns are taken as the period's years, in order.
func (rc *recogniser) expectedResults() {
	if rc.results == nil {
		return
	}
	t := rc.results
	// The caption above the table.
	for i := rc.resAt - 1; i >= 0 && i >= rc.resAt-3 && !rc.used[i]; i-- {
		rc.used[i] = true
		if tableCaption.MatchString(rc.text(i)) {
			break
		}
	}
	rows := t.Rows
	var years []int
	first := 0 // first column holding a year
	if len(rows) > 0 {
		for c, cell := range rows[0].Cells {
			if m := yearCell.FindStringSubmatch(Clean(cell.Text)); m != nil {
				y, _ := strconv.Atoi(m[1])
				if len(years) == 0 {
					first = c
				}
				years = append(years, y)
			}
		}
		if len(years) >= 2 {
			rows = rows[1:]
		} else {
			years = nil
		}
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r.Cells))
	}
	if years == nil {
		p := rc.r.Period
		if p.From == 0 || p.To < p.From || p.To-p.From > 20 {
			rc.warn(t.Loc, "import.warn.results_skipped")
			return
		}
		for y := p.From; y <= p.To; y++ {
			years = append(years, y)
		}
		switch width {
		case len(years):
			first = 0
		case len(years) + 1:
			first = 1
		default:
			rc.warn(t.Loc, "import.warn.results_skipped")
			return
		}
		rc.warn(t.Loc, "import.warn.results_years", p.From, p.To)
	}
	for _, r := range rows {
		e := roadmap.ExpectedResult{ByYear: map[int]string{}}
		for c, cell := range r.Cells {
			s := Clean(cell.Text)
			if s == "" {
				continue
			}
			if c < first {
				if e.Title == "" {
					e.Title = s
				}
				continue
			}
			if k := c - first; k < len(years) {
				e.ByYear[years[k]] = s
				if e.Title == "" {
					e.Title = s
				}
			}
		}
		if e.Title != "" {
			rc.r.ExpectedResults = append(rc.r.ExpectedResults, e)
		}
	}
}

// genericWords name the kind of a document or an owner, not which one:
// an id made of them would be the same for every roadmap.
var genericWords = map[string]bool{
	"план": true, "плана": true, "мероприятий": true, "мероприятия": true, "дорожная": true, "дорожной": true,
	"карта": true, "карты": true, "комплекс": true, "мер": true, "перечень": true, "основных": true,
	"сетевой": true, "график": true, "графика": true, "план-график": true, "республика": true,
	"республики": true, "администрация": true, "муниципальное": true, "образование": true, "город": true,
	"мбоу": true, "моу": true, "мкоу": true, "мбу": true, "гбоу": true, "гбу": true, "министерство": true,
	"управление": true, "отдел": true, "обеспечению": true, "обеспечение": true, "реализации": true,
}

// telling are the words of s without the generic ones, in order.
func telling(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		if !genericWords[strings.ToLower(w)] && !stopWords[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// ids sets the roadmap id and activity ids.
func (rc *recogniser) ids(opt Options) {
	rc.r.ID = opt.ID
	if rc.r.ID == "" {
		// The owner's first word (a district, a region, a school) and the
		// direction, else the title.
		parts := []string{}
		if w := telling(rc.r.Owner()); len(w) > 0 {
			parts = append(parts, Slug(w[0]))
		}
		topic := rc.r.Direction
		if topic == "" {
			topic = strings.Join(telling(rc.r.Title), " ")
		}
		if s := Slug(topic); s != "" {
			parts = append(parts, s)
		}
		rc.r.ID = strings.Trim(strings.Join(parts, "-"), "-")
		if rc.r.ID == "" {
			rc.r.ID = "roadmap"
		}
	}
	titles := make([]string, len(rc.r.Activities))
	for i, a := range rc.r.Activities {
		titles[i] = a.Title
	}
	for i, id := range uniqueIDs(titles) {
		rc.r.Activities[i].ID = id
	}
	sections := make([]string, len(rc.r.Sections))
	for i, s := range rc.r.Sections {
		sections[i] = s.Title
	}
	for i, id := range uniqueIDs(sections) {
		rc.r.Sections[i].ID = id
	}
	for i, a := range rc.r.Activities {
		if k, err := strconv.Atoi(a.Section); err == nil {
			rc.r.Activities[i].Section = rc.r.Sections[k].ID
		}
	}
}

// maxQuote bounds the text quoted in a warning.
const maxQuote = 80

func quote(s string) string {
	if utf8.RuneCountInString(s) > maxQuote {
		r := []rune(s)
		s = string(r[:maxQuote]) + "…"
	}
	return s
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "«" + s + "»"
	}
	return out
}
