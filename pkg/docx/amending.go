package docx

import (
	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/view"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// AmendingOrder is what the draft amending order says: the roadmap it
// amends, its own number and date when known, and its clauses' lines as
// the amendment text renderer words them (the writer does not reword).
type AmendingOrder struct {
	Old    *roadmap.Roadmap
	Number string
	Date   roadmap.Date
	// Change is what the amending order changes; its clauses are worded
	// by pkg/view, numbered as Numbering says, a row added or rewritten set
	// out as a table row.
	Change    *diff.Result
	Numbering diff.Numbering
}

// Amending lays out the draft amending order: the heading of the
// authority, «ПРИКАЗ», the date and number (blanks to fill in when not
// given), the title «О внесении изменений в приказ … от … № …», the
// clauses after «ПРИКАЗЫВАЮ:» and lines for the signatory.
func Amending(a AmendingOrder, lang i18n.Lang) *Document {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	old := a.Old
	// Closing the gaps of what the old order does not record; the
	// no-break space keeps «№» with its number.
	title := strings.Join(strings.FieldsFunc(t("docx.amend_title", genitive(old.Authority), old.Document.Date.Russian(), old.Document.Number),
		func(r rune) bool { return r == ' ' }), " ")
	d := &Document{Title: title}
	heading(d, old.Authority)
	d.Add(Paragraph{Text: t("docx.order"), Align: Center, Bold: true, Spaced: true, Before: 240})
	date, number := a.Date.Russian(), numberText(lang, a.Number)
	if date == "" {
		date = t("docx.blank_date")
	}
	if number == "" {
		number = t("docx.blank_number")
	}
	d.Add(dateLine(date, number))
	if p := old.Document.Place; p != "" {
		d.Add(Paragraph{Text: p, Align: Center, Before: 120})
	}
	d.Add(Paragraph{Text: title, Align: Center, Bold: true, Before: 360})
	d.Add(Paragraph{Text: t("docx.order_verb"), Bold: true, Before: 240})
	clauses := view.Amendment(a.Change, lang, a.Numbering)
	if clauses.LeadIn != "" {
		d.Add(Paragraph{Text: clauses.LeadIn, Align: Justify, Indent: indent})
	}
	for _, p := range clauses.Paragraphs {
		text := p.Text
		if p.N != "" {
			text = p.N + ". " + text
		}
		d.Add(Paragraph{Text: text, Align: Justify, Indent: indent})
		if p.Row != nil {
			d.AddTable(rowTable(*p.Row))
		}
	}
	position := t("docx.sign_position")
	if p := old.Document.SignedBy; p != nil && p.Position != "" {
		position = p.Position
	}
	d.Add(Paragraph{Text: position + "\t" + t("docx.sign_name"), Tab: true, Before: 720})
	return d
}

// rowTable sets out a row of the roadmap table as the clause quotes it:
// the column headings, then the row. Each column is as wide as its
// header's longest word (headerWidth), the activity column takes the rest.
func rowTable(r view.RowCells) *Table {
	n := max(len(r.Columns), len(r.Cells))
	if n == 0 {
		return &Table{}
	}
	widths := make([]int, n)
	left := textWidth
	for i := range widths {
		if i < len(r.Columns) {
			widths[i] = headerWidth(r.Columns[i])
		} else {
			widths[i] = headerWidth("")
		}
		left -= widths[i]
	}
	if grow := min(1, n-1); left > 0 {
		widths[grow] += left
	}
	row := func(texts []string, header bool) Row {
		out := Row{Header: header}
		for _, t := range texts {
			c := Cell{Text: t, Bold: header}
			if header {
				c.Align = Center
			}
			out.Cells = append(out.Cells, c)
		}
		return out
	}
	return &Table{Widths: widths, Rows: []Row{row(r.Columns, true), row(r.Cells, false)}}
}
