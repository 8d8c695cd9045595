package docx

import (
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
	Lines  []string
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
	for _, l := range a.Lines {
		if strings.TrimSpace(l) != "" {
			d.Add(Paragraph{Text: l, Align: Justify, Indent: indent})
		}
	}
	position := t("docx.sign_position")
	if p := old.Document.SignedBy; p != nil && p.Position != "" {
		position = p.Position
	}
	d.Add(Paragraph{Text: position + "\t" + t("docx.sign_name"), Tab: true, Before: 720})
	return d
}
