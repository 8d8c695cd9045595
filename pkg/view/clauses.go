package view

import (
	"fmt"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// AmendmentClauses words the clauses of the amending order that turns
// the old version into the new one (diff.Clauses), unnumbered.
func AmendmentClauses(res *diff.Result, lang i18n.Lang) []string {
	cs := diff.Clauses(res)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = ClauseText(c, lang)
	}
	return out
}

// ClauseText words one clause (docs/diff.md lists the wording).
func ClauseText(c diff.Clause, lang i18n.Lang) string {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	col := func() string { return t("diff.col." + c.Field.String()) }
	switch c.Kind {
	case diff.ClauseSet:
		return t("diff.amend.field", t("diff.amend.name."+c.Field.String()), clauseValue(lang, c.Field, c.Value))
	case diff.ClauseUnset:
		return t("diff.amend.field_remove", t("diff.amend.name."+c.Field.String()))
	case diff.ClauseResultAdd:
		return t("diff.amend.er_add", c.Key, byYearText(c.Value.ByYear))
	case diff.ClauseResultRemove:
		return t("diff.amend.er_remove", c.Key)
	case diff.ClauseResultSet:
		return t("diff.amend.er_change", c.Key, byYearText(c.Value.ByYear))
	case diff.ClauseReorder:
		parts := make([]string, len(c.Moves))
		for i, m := range c.Moves {
			parts[i] = t("diff.amend.move", m.OldN, m.NewN)
		}
		return t("diff.amend.reorder", strings.Join(parts, "; "))
	case diff.ClauseCell:
		return t("diff.amend.cell", c.N, col(), diff.CellText(c.Field, c.Value))
	case diff.ClauseCellClear:
		return t("diff.amend.cell_remove", c.N, col())
	case diff.ClauseReplace:
		return t("diff.amend.replace", c.N, col(), c.Old, c.New)
	case diff.ClauseInsert:
		return t("diff.amend.insert", c.N, col(), c.Anchor, c.New)
	case diff.ClauseDelete:
		return t("diff.amend.delete", c.N, col(), c.Old)
	case diff.ClauseRow:
		return t("diff.amend.row", c.N, rowText(c.N, c.Activity))
	case diff.ClauseRenumber:
		return t("diff.amend.renumber", c.N, c.NewN)
	case diff.ClauseRemove:
		return t("diff.amend.remove", c.N)
	case diff.ClauseAdd:
		if c.Section != nil {
			return t("diff.amend.add_in_section", sectionName(c.Section), c.N, rowText(c.N, c.Activity))
		}
		return t("diff.amend.add", c.N, rowText(c.N, c.Activity))
	case diff.ClauseSection:
		if c.Section == nil {
			return t("diff.amend.no_section", c.N)
		}
		if c.NewN != "" && c.NewN != c.N {
			return t("diff.amend.section_n", c.N, c.NewN, sectionName(c.Section))
		}
		return t("diff.amend.section", c.N, sectionName(c.Section))
	}
	return ""
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

// rowText renders a row of the table on one line: "N. title | due |
// indicator | executors" (and " | note" when there is one).
func rowText(n roadmap.Number, a *roadmap.Activity) string {
	parts := []string{fmt.Sprintf("%s. %s", n, a.Title), a.Due.Text}
	for _, s := range []string{a.Indicator.Text, a.Result.Text} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, strings.Join(a.Executors, ", "))
	if a.Note != "" {
		parts = append(parts, a.Note)
	}
	return strings.Join(parts, " | ")
}
