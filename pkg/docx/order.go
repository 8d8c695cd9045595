package docx

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// annexIndent puts the «УТВЕРЖДЕНА …» block in the right part of the page.
const annexIndent = 5103

// Order lays out the document approving r: an order's heading, title,
// preamble, clauses after «ПРИКАЗЫВАЮ:» and signatory, then the annex on
// a new page with the «УТВЕРЖДЕНА приказом … от … № …» block and the
// roadmap table; a concept's title, approval, description, goals, the
// table of expected results and the roadmap table. The frame's words are
// in lang; the roadmap's own texts are written as they are.
//
// The annex is set on landscape pages: in 12 pt a portrait page breaks
// the long words of the columns («Общеобразовательные») in the middle.
func Order(r *roadmap.Roadmap, lang i18n.Lang) *Document {
	cols := columns(r, lang)
	d := &Document{Title: r.Title, Landscape: true}
	switch r.Document.Kind {
	case roadmap.KindConcept:
		concept(d, r, lang)
	default:
		order(d, r, lang)
	}
	roadmapTable(d, r, cols, lang)
	return d
}

func order(d *Document, r *roadmap.Roadmap, lang i18n.Lang) {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	doc := r.Document
	heading(d, r.Authority)
	if doc.Kind == roadmap.KindOrder {
		d.Add(Paragraph{Text: t("docx.order"), Align: Center, Bold: true, Spaced: true, Before: 240})
		d.Add(dateLine(doc.Date.Russian(), numberText(lang, doc.Number)))
		if doc.Place != "" {
			d.Add(Paragraph{Text: doc.Place, Align: Center, Before: 120})
		}
	}
	if doc.Title != "" {
		d.Add(Paragraph{Text: doc.Title, Align: Center, Bold: true, Before: 360})
	}
	if doc.Preamble != "" {
		d.Add(Paragraph{Text: doc.Preamble, Align: Justify, Indent: indent, Before: 240})
	}
	if len(doc.Clauses) > 0 {
		d.Add(Paragraph{Text: t("docx.order_verb"), Bold: true, Before: 240})
		for i, c := range doc.Clauses {
			d.Add(Paragraph{Text: strconv.Itoa(i+1) + ". " + c, Align: Justify, Indent: indent})
		}
	}
	if p := doc.SignedBy; p != nil {
		d.Add(Paragraph{Text: p.Position + "\t" + p.Name, Tab: true, Before: 720})
	}
	annexBlock(d, r, lang)
}

// heading is the authority's name above the document, in capitals.
func heading(d *Document, authority string) {
	if authority != "" {
		d.Add(Paragraph{Text: authority, Align: Center, Bold: true, Caps: true})
	}
}

// dateLine is the date at the left and the number at the right.
func dateLine(date, number string) Paragraph {
	return Paragraph{Text: date + "\t" + number, Tab: true, Before: 240}
}

func numberText(lang i18n.Lang, n string) string {
	if n == "" {
		return ""
	}
	return i18n.T(lang, "docx.number", n)
}

// annexBlock starts the annex on a new page: the note the roadmap records
// (split into its lines), else one made of the order's date and number.
func annexBlock(d *Document, r *roadmap.Roadmap, lang i18n.Lang) {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	doc := r.Document
	lines := annexLines(doc.Annex)
	if len(lines) == 0 && doc.Kind == roadmap.KindOrder {
		lines = []string{t("docx.annex"), t("docx.approved"), t("docx.approved_by", genitive(r.Authority))}
		if doc.Date.IsZero() {
			lines = append(lines, numberText(lang, doc.Number))
		} else {
			lines = append(lines, strings.TrimSpace(t("docx.of", doc.Date.Russian())+" "+numberText(lang, doc.Number)))
		}
	}
	left := annexIndent
	if d.Landscape {
		d.Add(Paragraph{EndsPortrait: true})
		left += wideWidth - textWidth
	} else if len(lines) == 0 {
		d.Add(Paragraph{PageBreak: true})
	}
	for i, l := range lines {
		d.Add(Paragraph{Text: l, LeftIndent: left, PageBreak: i == 0 && !d.Landscape})
	}
}

// annexLines splits an annex note «Приложение. УТВЕРЖДЕНА приказом … от
// … № …» into the lines it is printed in: the importer joins them back
// (a full stop after «Приложение», spaces elsewhere).
func annexLines(annex string) []string {
	s := strings.TrimSpace(annex)
	if s == "" {
		return nil
	}
	var lines []string
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "приложение") {
		i := strings.Index(low, "утвержден")
		if i > 0 {
			head := strings.TrimSpace(s[:i])
			if strings.HasSuffix(head, ".") && !strings.Contains(head, " ") {
				head = strings.TrimSuffix(head, ".")
			}
			lines = append(lines, head)
			s = s[i:]
		}
	}
	if word, rest, ok := strings.Cut(s, " "); ok && strings.HasPrefix(strings.ToLower(word), "утвержден") {
		lines = append(lines, word)
		s = rest
	}
	if i := strings.LastIndex(s, " от "); i > 0 {
		lines = append(lines, s[:i], s[i+1:])
	} else {
		lines = append(lines, s)
	}
	return lines
}

// genitive puts the head word of an authority's name in the genitive, as
// «приказом …» needs it: «Управление образования …» gives «Управления
// образования …». The words after the head are in the genitive already.
func genitive(authority string) string {
	head, rest, _ := strings.Cut(authority, " ")
	low := strings.ToLower(head)
	for _, e := range [][2]string{{"ие", "ия"}, {"ство", "ства"}, {"ция", "ции"}, {"ет", "ета"}, {"ел", "ела"}, {"нт", "нта"}} {
		if strings.HasSuffix(low, e[0]) {
			head = head[:len(head)-len(e[0])] + e[1]
			break
		}
	}
	return strings.TrimSpace(head + " " + rest)
}

func concept(d *Document, r *roadmap.Roadmap, lang i18n.Lang) {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	doc := r.Document
	d.Add(Paragraph{Text: doc.Title, Align: Center, Bold: true, Caps: true})
	if a := doc.ApprovedBy; a != nil {
		text := a.Text
		if text == "" {
			text = t("docx.concept_approved", genitive(a.Authority), a.Date.Russian(), a.Number)
		}
		d.Add(Paragraph{Text: "(" + text + ")", Align: Center, Before: 120})
	}
	if r.Section != "" {
		d.Add(Paragraph{Text: r.Section, Align: Center, Bold: true, Before: 360})
	}
	before := 240
	for _, line := range strings.Split(r.Description, "\n") {
		if line != "" {
			d.Add(Paragraph{Text: line, Align: Justify, Indent: indent, Before: before})
			before = 0
		}
	}
	for _, g := range r.Goals {
		// A no-break space: justification does not stretch it.
		d.Add(Paragraph{Text: "·\u00a0" + g, Align: Justify, Indent: indent})
	}
	if len(r.ExpectedResults) > 0 {
		d.Add(Paragraph{Text: t("docx.table", 1), Align: Right, Before: 360, KeepNext: true})
		d.Add(Paragraph{Text: t("docx.results_caption"), Align: Center, Bold: true, KeepNext: true})
		d.AddTable(resultsTable(r, lang))
		if d.Landscape {
			d.Add(Paragraph{EndsPortrait: true})
		}
		d.Add(Paragraph{Text: t("docx.table", 2), Align: Right, Before: 240, KeepNext: true})
	} else if d.Landscape {
		d.Add(Paragraph{EndsPortrait: true})
	}
}

// resultsTable is the table of expected results by year: a row of years,
// then a row a result. The result's title is a column of its own unless
// every title is its first year's text, as the importer reads it then.
func resultsTable(r *roadmap.Roadmap, lang i18n.Lang) *Table {
	years := make([]int, 0, r.Period.To-r.Period.From+1)
	for y := r.Period.From; y <= r.Period.To; y++ {
		years = append(years, y)
	}
	for _, e := range r.ExpectedResults {
		for y := range e.ByYear {
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	slices.Sort(years)
	titled := slices.ContainsFunc(r.ExpectedResults, func(e roadmap.ExpectedResult) bool {
		for _, y := range years {
			if v := e.ByYear[y]; v != "" {
				return v != e.Title
			}
		}
		return true
	})
	var t Table
	head := Row{Header: true}
	if titled {
		t.Widths = append(t.Widths, 2800)
		head.Cells = append(head.Cells, Cell{Text: i18n.T(lang, "docx.results_col"), Bold: true, Align: Center})
	}
	rest := textWidth - 2800*boolInt(titled)
	for _, y := range years {
		t.Widths = append(t.Widths, rest/len(years))
		head.Cells = append(head.Cells, Cell{Text: strconv.Itoa(y), Bold: true, Align: Center})
	}
	t.Rows = append(t.Rows, head)
	for _, e := range r.ExpectedResults {
		var row Row
		if titled {
			row.Cells = append(row.Cells, Cell{Text: e.Title})
		}
		for _, y := range years {
			row.Cells = append(row.Cells, Cell{Text: e.ByYear[y]})
		}
		t.Rows = append(t.Rows, row)
	}
	return &t
}

// column is a column of the roadmap table: its header and its cell.
type column struct {
	key   string
	width int
	cell  func(a roadmap.Activity) string
	// grows: the column takes a share of the room the title leaves.
	grows bool
}

// columns are the columns of r's table: the seeds' five, the expected
// result beside (or instead of) the indicator, a note where an activity
// has one. They fill a landscape page: each column is as wide as the
// longest word of its header (so that no header word is broken), the
// activity column takes the rest up to titleMax, and what is left then
// widens the measure and executor columns.
func columns(r *roadmap.Roadmap, lang i18n.Lang) []column {
	has := func(f func(a roadmap.Activity) string) bool {
		return slices.ContainsFunc(r.Activities, func(a roadmap.Activity) bool { return f(a) != "" })
	}
	indicator := func(a roadmap.Activity) string { return a.Indicator.Text }
	result := func(a roadmap.Activity) string { return a.Result.Text }
	note := func(a roadmap.Activity) string { return a.Note }
	cols := []column{
		{key: "docx.col.n", cell: func(a roadmap.Activity) string { return numberCell(a.N) }},
		{key: "docx.col.title", cell: func(a roadmap.Activity) string { return a.Title }},
		{key: "docx.col.due", cell: func(a roadmap.Activity) string { return a.Due.Text }},
	}
	if has(indicator) || !has(result) {
		cols = append(cols, column{key: "docx.col.indicator", cell: indicator, grows: true})
	}
	if has(result) {
		cols = append(cols, column{key: "docx.col.result", cell: result, grows: true})
	}
	cols = append(cols, column{key: "docx.col.executors", cell: func(a roadmap.Activity) string { return strings.Join(a.Executors, ", ") }, grows: true})
	if has(note) {
		cols = append(cols, column{key: "docx.col.note", cell: note})
	}
	left, grows := wideWidth, 0
	for i := range cols {
		if i != 1 {
			cols[i].width = headerWidth(i18n.T(lang, cols[i].key))
			left -= cols[i].width
		}
		if cols[i].grows {
			grows++
		}
	}
	cols[1].width = min(left, titleMax)
	extra := left - cols[1].width
	for i := range cols {
		if cols[i].grows {
			cols[i].width += extra / grows
		}
	}
	return cols
}

// titleMax is the widest the activity column gets (twips).
const titleMax = 5400

// headerWidth is the width of a column whose header's longest word fits
// on a line in bold 12 pt, with the cell's margins: 10 pt a letter, wide
// enough for the wider serif faces that stand in for Times New Roman.
func headerWidth(header string) int {
	longest := 0
	for _, w := range strings.Fields(header) {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	return max(longest*200+170, 700)
}

// roadmapTable writes the roadmap's title and its table: section
// headings as rows over the whole table, the header row repeated on
// every page.
func roadmapTable(d *Document, r *roadmap.Roadmap, cols []column, lang i18n.Lang) {
	if r.Title != "" {
		d.Add(Paragraph{Text: r.Title, Align: Center, Bold: true, Before: 240, KeepNext: true})
	}
	d.Add(Paragraph{KeepNext: true})
	t := &Table{}
	head := Row{Header: true}
	for _, c := range cols {
		t.Widths = append(t.Widths, c.width)
		head.Cells = append(head.Cells, Cell{Text: i18n.T(lang, c.key), Bold: true, Align: Center})
	}
	t.Rows = append(t.Rows, head)
	section := ""
	for _, a := range r.Activities {
		if a.Section != section {
			section = a.Section
			if s := r.SectionOf(a); s != nil {
				t.Rows = append(t.Rows, Row{Cells: []Cell{{Text: sectionText(s), Bold: true, Span: len(cols), Align: Center}}})
			}
		}
		var row Row
		for _, c := range cols {
			cell := Cell{Text: c.cell(a)}
			if c.key == "docx.col.n" {
				cell.Align = Center
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	d.AddTable(t)
}

// numberCell is an activity's number as the seeds print it: «1.», «2.3».
func numberCell(n roadmap.Number) string {
	s := n.String()
	if strings.Contains(s, ".") {
		return s
	}
	return s + "."
}

func sectionText(s *roadmap.Section) string {
	if s.N == "" {
		return s.Title
	}
	return strings.TrimSuffix(s.N, ".") + ". " + s.Title
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
