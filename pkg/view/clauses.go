package view

import (
	"fmt"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// AmendmentText is the text of an amending order: the lead-in naming the
// amended document and the numbered paragraphs, as the text output
// prints them (Lines) and a Word writer sets them out.
type AmendmentText struct {
	LeadIn     string
	Paragraphs []Paragraph
}

// Paragraph is one clause: its number («2», «3.1»), its words, and the
// table row it sets out (a row added or rewritten), nil when none.
type Paragraph struct {
	N    string
	Text string
	Row  *RowCells
}

// RowCells is a row of the roadmap table set out in a clause: the
// headings of the columns and the row's cells, its number first; the
// opening quote stands in the first cell and the closing quote with the
// full stop in the last, as amending orders set a row out.
type RowCells struct {
	Columns, Cells []string
}

// AmendmentClauses is the amending order as lines of text (the lead-in,
// the numbered clauses, rows set out as tables), numbered as numbering
// asks: what the amendment format prints.
func AmendmentClauses(res *diff.Result, lang i18n.Lang, numbering diff.Numbering) []string {
	return Amendment(res, lang, numbering).Lines()
}

// Amendment words the clauses of the amending order that turns the old
// version into the new one (diff.Clauses). When the order's own text
// changes too, the lead-in names the order, its clauses come first and
// the annex's are the sub-clauses of «В приложении к приказу:».
func Amendment(res *diff.Result, lang i18n.Lang, numbering diff.Numbering) AmendmentText {
	plan := diff.Clauses(res, numbering)
	w := clauseWriter{lang: lang, cols: tableColumns(res)}
	var out AmendmentText
	if len(plan.Order)+len(plan.Annex) == 0 {
		return out
	}
	isOrder := res.Old != nil && res.Old.Document.Kind == roadmap.KindOrder
	nested := isOrder && len(plan.Order) > 0 && len(plan.Annex) > 0
	out.LeadIn = leadIn(res.Old, lang, isOrder && len(plan.Order) > 0)
	n := 0
	add := func(prefix string, cs []diff.Clause) {
		for i, c := range cs {
			p := w.paragraph(c)
			if prefix == "" {
				n++
				p.N = fmt.Sprint(n)
			} else {
				p.N = fmt.Sprintf("%s.%d", prefix, i+1)
			}
			out.Paragraphs = append(out.Paragraphs, p)
		}
	}
	add("", plan.Order)
	if nested {
		n++
		out.Paragraphs = append(out.Paragraphs, Paragraph{N: fmt.Sprint(n), Text: i18n.T(lang, "diff.amend.in_annex")})
		add(fmt.Sprint(n), plan.Annex)
	} else {
		add("", plan.Annex)
	}
	return out
}

// Lines is the text as the amendment format prints it: the lead-in, each
// clause «N. words», a row set out under its clause as a table (a header
// of the column names, then the row) that reads as a row in a terminal
// and renders as one in Markdown.
func (a AmendmentText) Lines() []string {
	var out []string
	if a.LeadIn != "" {
		out = append(out, a.LeadIn)
	}
	for _, p := range a.Paragraphs {
		out = append(out, p.N+". "+p.Text)
		if p.Row == nil {
			continue
		}
		indent := strings.Repeat(" ", len(p.N)+2)
		rule := make([]string, len(p.Row.Columns))
		for i := range rule {
			rule[i] = "---"
		}
		out = append(out, "",
			indent+tableLine(p.Row.Columns),
			indent+tableLine(rule),
			indent+tableLine(p.Row.Cells),
			"")
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

var cellEscaper = strings.NewReplacer("|", `\|`, "\n", " ")

func tableLine(cells []string) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = cellEscaper.Replace(c)
	}
	return "| " + strings.Join(parts, " | ") + " |"
}

// leadIn names the amended document: «Внести в приложение к приказу
// Управления образования … от 14.07.2020 № 94/01-09 «Об утверждении …»
// следующие изменения:», the order itself when its own text changes, the
// document that approved the roadmap otherwise, the roadmap when nothing
// names a document.
func leadIn(r *roadmap.Roadmap, lang i18n.Lang, order bool) string {
	if r == nil {
		return ""
	}
	d := r.Document
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	switch {
	case d.Kind == roadmap.KindOrder && (d.Number != "" || !d.Date.IsZero() || d.Title != ""):
		ref := docRef(lang, r.Authority, d.Date, d.Number, d.Title)
		if order {
			return t("diff.amend.lead.order", ref)
		}
		return t("diff.amend.lead.annex", ref)
	case d.Kind != roadmap.KindOrder && d.Title != "":
		doc := quote(lang, d.Title)
		if a := d.ApprovedBy; a != nil {
			auth := a.Authority
			if auth == "" {
				auth = r.Authority
			}
			doc += t("diff.amend.approved", docRef(lang, auth, a.Date, a.Number, a.Title))
		}
		return t("diff.amend.lead.document", doc)
	case r.Title != "":
		return t("diff.amend.lead.roadmap", quote(lang, r.Title))
	}
	return t("diff.amend.lead.any")
}

// docRef names an order: its authority (in the genitive in Russian), date,
// number and title, each when known.
func docRef(lang i18n.Lang, authority string, date roadmap.Date, number, title string) string {
	var b strings.Builder
	if authority != "" {
		b.WriteString(i18n.T(lang, "diff.amend.ref.authority", genitive(lang, authority)))
	}
	if !date.IsZero() {
		b.WriteString(i18n.T(lang, "diff.docref.date", date.Russian()))
	}
	if number != "" {
		b.WriteString(i18n.T(lang, "diff.docref.number", number))
	}
	if title != "" {
		b.WriteString(" " + quote(lang, strings.TrimSuffix(title, ".")))
	}
	return strings.TrimSpace(b.String())
}

// genitives are the first words of authorities' names and their genitive
// («приказ Управления образования …»); a name starting otherwise is kept.
var genitives = map[string]string{
	"Управление": "Управления", "Отдел": "Отдела", "Комитет": "Комитета", "Департамент": "Департамента",
	"Министерство": "Министерства", "Администрация": "Администрации", "Главное": "Главного", "управление": "управления",
}

func genitive(lang i18n.Lang, name string) string {
	if lang == i18n.EN {
		return name
	}
	first, rest, _ := strings.Cut(name, " ")
	if g, ok := genitives[first]; ok {
		if rest == "" {
			return g
		}
		// «Главное управление образования» → «Главного управления образования».
		if second, tail, _ := strings.Cut(rest, " "); first == "Главное" && second == "управление" {
			return strings.TrimSpace(g + " управления " + tail)
		}
		return g + " " + rest
	}
	return name
}

// quote puts s in quotes; in Russian the quotes inside it become „…“
// («Об утверждении дорожной карты „Профориентация“»).
func quote(lang i18n.Lang, s string) string {
	if lang == i18n.EN {
		return fmt.Sprintf("%q", s)
	}
	return "«" + nest(lang, s) + "»"
}

// nest turns the «…» of a value quoted in a clause into „…“ (Russian).
func nest(lang i18n.Lang, s string) string {
	if lang == i18n.EN {
		return s
	}
	return nested.Replace(s)
}

var nested = strings.NewReplacer("«", "„", "»", "“")

type clauseWriter struct {
	lang i18n.Lang
	cols []diff.Field
}

func (w clauseWriter) t(key string, args ...any) string { return i18n.T(w.lang, key, args...) }

// paragraph words one clause (docs/diff.md lists the wording).
func (w clauseWriter) paragraph(c diff.Clause) Paragraph {
	t, q := w.t, func(s string) string { return nest(w.lang, s) }
	item := c.Field == diff.FieldDocumentClauses
	switch c.Kind {
	case diff.ClauseSet:
		return Paragraph{Text: t("diff.amend.field", t("diff.amend.name."+c.Field.String()), q(clauseValue(w.lang, c.Field, c.Value)))}
	case diff.ClauseUnset:
		return Paragraph{Text: t("diff.amend.field_remove", t("diff.amend.name."+c.Field.String()))}
	case diff.ClauseResultAdd:
		return Paragraph{Text: t("diff.amend.er_add", q(c.Key), q(byYearText(c.Value.ByYear)))}
	case diff.ClauseResultRemove:
		return Paragraph{Text: t("diff.amend.er_remove", q(c.Key))}
	case diff.ClauseResultSet:
		return Paragraph{Text: t("diff.amend.er_change", q(c.Key), q(byYearText(c.Value.ByYear)))}
	case diff.ClauseReorder:
		parts := make([]string, len(c.Moves))
		for i, m := range c.Moves {
			parts[i] = t("diff.amend.move", m.OldN, m.NewN)
		}
		return Paragraph{Text: t("diff.amend.reorder", strings.Join(parts, "; "))}
	case diff.ClauseEverywhere:
		key := "diff.amend.replace"
		if c.Digits {
			key = "diff.amend.digits"
		}
		return Paragraph{Text: t(key, t("diff.amend.at.everywhere"), q(c.Old), q(c.New))}
	case diff.ClauseCell:
		if item {
			return Paragraph{Text: t("diff.amend.item", c.N, q(c.Value.Text))}
		}
		return Paragraph{Text: t("diff.amend.cell", c.N, w.col(c.Field), q(diff.CellText(c.Field, c.Value)))}
	case diff.ClauseCellClear:
		if item {
			return Paragraph{Text: t("diff.amend.remove", c.N)}
		}
		return Paragraph{Text: t("diff.amend.cell_remove", c.N, w.col(c.Field))}
	case diff.ClauseReplace:
		return Paragraph{Text: t("diff.amend.replace", w.at(c), q(c.Old), q(c.New))}
	case diff.ClauseDigits:
		return Paragraph{Text: t("diff.amend.digits", w.at(c), c.Old, c.New)}
	case diff.ClauseInsert:
		return Paragraph{Text: t("diff.amend.insert", w.at(c), q(c.Anchor), q(c.New))}
	case diff.ClauseDelete:
		return Paragraph{Text: t("diff.amend.delete", w.at(c), q(c.Old))}
	case diff.ClauseRow:
		return Paragraph{Text: t("diff.amend.row", c.N), Row: w.row(c.N, c.Activity)}
	case diff.ClauseRenumber:
		if len(c.Moves) == 1 {
			return Paragraph{Text: t("diff.amend.renumber", c.Moves[0].OldN, c.Moves[0].NewN)}
		}
		from, to := make([]string, len(c.Moves)), make([]string, len(c.Moves))
		for i, m := range c.Moves {
			from[i], to[i] = m.OldN.String(), m.NewN.String()
		}
		return Paragraph{Text: t("diff.amend.renumber_many", strings.Join(from, ", "), strings.Join(to, ", "))}
	case diff.ClauseRemove:
		return Paragraph{Text: t("diff.amend.remove", c.N)}
	case diff.ClauseRepeal:
		return Paragraph{Text: t("diff.amend.repeal", c.N)}
	case diff.ClauseAdd:
		if item {
			return Paragraph{Text: t("diff.amend.add_item", c.N, q(c.N.String()+". "+c.Value.Text))}
		}
		if c.Section != nil {
			return Paragraph{Text: t("diff.amend.add_in_section", sectionName(c.Section), c.N), Row: w.row(c.N, c.Activity)}
		}
		return Paragraph{Text: t("diff.amend.add", c.N), Row: w.row(c.N, c.Activity)}
	case diff.ClauseSection:
		if c.Section == nil {
			return Paragraph{Text: t("diff.amend.no_section", c.N)}
		}
		if c.NewN != "" && c.NewN != c.N {
			return Paragraph{Text: t("diff.amend.section_n", c.N, c.NewN, sectionName(c.Section))}
		}
		return Paragraph{Text: t("diff.amend.section", c.N, sectionName(c.Section))}
	}
	return Paragraph{}
}

func (w clauseWriter) col(f diff.Field) string { return w.t("diff.col." + f.String()) }

// at is where a clause changes words: a cell, an item of the order, its
// preamble or title.
func (w clauseWriter) at(c diff.Clause) string {
	switch c.Field {
	case diff.FieldDocumentClauses:
		return w.t("diff.amend.at.item", c.N)
	case diff.FieldDocumentPreamble:
		return w.t("diff.amend.at.document.preamble")
	case diff.FieldDocumentTitle:
		return w.t("diff.amend.at.document.title")
	}
	return w.t("diff.amend.at.cell", c.N, w.col(c.Field))
}

// row sets out a row of the table in the roadmap's columns, numbered n.
func (w clauseWriter) row(n roadmap.Number, a *roadmap.Activity) *RowCells {
	r := &RowCells{Columns: []string{w.t("diff.col.n")}, Cells: []string{n.String() + "."}}
	for _, f := range w.cols {
		r.Columns = append(r.Columns, w.col(f))
		r.Cells = append(r.Cells, nest(w.lang, diff.CellText(f, diff.ColumnValue(f, a))))
	}
	open, end := "«", "»."
	if w.lang == i18n.EN {
		open, end = `"`, `".`
	}
	r.Cells[0] = open + r.Cells[0]
	r.Cells[len(r.Cells)-1] += end
	return r
}

// tableColumns are the columns of the roadmap's table: the activity, the
// deadline, the indicator and the expected result when a row has one,
// the executors, and the note when a row has one.
func tableColumns(res *diff.Result) []diff.Field {
	has := map[diff.Field]bool{}
	for _, r := range []*roadmap.Roadmap{res.Old, res.New} {
		if r == nil {
			continue
		}
		for _, a := range r.Activities {
			has[diff.FieldIndicator] = has[diff.FieldIndicator] || a.Indicator.Text != ""
			has[diff.FieldResult] = has[diff.FieldResult] || a.Result.Text != ""
			has[diff.FieldNote] = has[diff.FieldNote] || a.Note != ""
		}
	}
	var out []diff.Field
	for _, f := range diff.Columns {
		if f == diff.FieldTitle || f == diff.FieldDue || f == diff.FieldExecutors || has[f] {
			out = append(out, f)
		}
	}
	return out
}

// clauseValue is the new value of a roadmap field as the clause quotes
// it: lists numbered "1) ...; 2) ...", dates as DD.MM.YYYY, the period in
// years.
func clauseValue(lang i18n.Lang, f diff.Field, v diff.Value) string {
	switch f.Type() {
	case diff.TypeList:
		var b strings.Builder
		for i, s := range v.List {
			if i > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "%d) %s", i+1, s)
			if i < len(v.List)-1 && s != "" && !strings.ContainsAny(s[len(s)-1:], ";.,:") {
				b.WriteString(";")
			}
		}
		return b.String()
	case diff.TypeDate:
		return v.Date.Russian()
	case diff.TypePeriod:
		return i18n.T(lang, "diff.amend.years", v.Period.From, v.Period.To)
	}
	return FieldValue(lang, f, v)
}

// sectionName names a section in a clause: by its number, «II», or by
// its heading when it has none.
func sectionName(s *roadmap.Section) string {
	if s.N != "" {
		return strings.TrimSuffix(s.N, ".")
	}
	return "«" + s.Title + "»"
}
