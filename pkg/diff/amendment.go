package diff

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The columns of the roadmap table as amending orders name them, by field.
var columns = map[string]string{
	"title":     "diff.col.title",
	"due":       "diff.col.due",
	"indicator": "diff.col.indicator",
	"executors": "diff.col.executors",
	"note":      "diff.col.note",
}

// Roadmap fields that are not text of the document and get no clause.
var noClause = map[string]bool{"id": true, "amendments": true}

// writeAmendment writes the changes as the numbered clauses of an amending
// order: activities are named by their number in the old document, an
// inserted one by its new number (docs/diff.md lists the wording).
func writeAmendment(w io.Writer, rs []*Result, opts WriteOptions) error {
	bw := bufio.NewWriter(w)
	for i, res := range rs {
		if len(rs) > 1 {
			if i > 0 {
				bw.WriteString("\n")
			}
			_, new := fileNames(res)
			if res.Status == StatusDeleted {
				new = res.OldFile
			}
			bw.WriteString(new + ":\n")
		}
		if h := fileHead(res, opts.Lang); h != "" {
			bw.WriteString(h + "\n")
			continue
		}
		clauses := AmendmentClauses(res, opts.Lang)
		if len(clauses) == 0 {
			bw.WriteString(i18n.T(opts.Lang, "diff.amend.none") + "\n")
		}
		for k, c := range clauses {
			fmt.Fprintf(bw, "%d. %s\n", k+1, c)
		}
	}
	return bw.Flush()
}

// AmendmentClauses returns the clauses of an amending order, unnumbered:
// roadmap-level changes, the new order of rows, rows changed (by their old
// number), rows removed, then rows inserted (by their new number), so that
// every number before the insertions means the old document's.
func AmendmentClauses(res *Result, lang i18n.Lang) []string {
	var out []string
	t := func(key string, args ...any) { out = append(out, i18n.T(lang, key, args...)) }
	var changed, removed, added []*Change
	for ci := range res.Changes {
		c := &res.Changes[ci]
		switch c.Kind {
		case KindRoadmap:
			for _, f := range c.Fields {
				switch {
				case noClause[f.Field]:
				case f.Field == "expected_results" && len(f.Added) > 0:
					t("diff.amend.er_add", f.Key, f.New)
				case f.Field == "expected_results" && len(f.Removed) > 0:
					t("diff.amend.er_remove", f.Key)
				case f.Field == "expected_results":
					t("diff.amend.er_change", f.Key, f.New)
				case f.New == "":
					t("diff.amend.field_remove", i18n.T(lang, "diff.amend.name."+f.Field))
				default:
					t("diff.amend.field", i18n.T(lang, "diff.amend.name."+f.Field), roadmapValue(lang, f))
				}
			}
		case KindReordered:
			parts := make([]string, len(c.Moved))
			for i, m := range c.Moved {
				parts[i] = i18n.T(lang, "diff.amend.move", m.OldN, m.NewN)
			}
			t("diff.amend.reorder", strings.Join(parts, "; "))
		case KindChanged, KindRenamed:
			changed = append(changed, c)
		case KindRemoved:
			removed = append(removed, c)
		case KindAdded:
			added = append(added, c)
		}
	}
	byOld := func(a, b *Change) int { return a.OldN - b.OldN }
	slices.SortStableFunc(changed, byOld)
	slices.SortStableFunc(removed, byOld)
	for _, c := range changed {
		var text []FieldChange
		renumber := false
		for _, f := range c.Fields {
			if _, ok := columns[f.Field]; ok && f.Old != f.New {
				text = append(text, f)
			}
			renumber = renumber || f.Field == "n"
		}
		switch len(text) {
		case 0:
		case 1:
			out = append(out, cellClause(lang, c.OldN, text[0]))
		default:
			t("diff.amend.row", c.OldN, rowText(c.OldN, c.New))
		}
		if renumber {
			t("diff.amend.renumber", c.OldN, c.NewN)
		}
	}
	for _, c := range removed {
		t("diff.amend.remove", c.OldN)
	}
	for _, c := range added {
		t("diff.amend.add", c.NewN, rowText(c.NewN, c.New))
	}
	return out
}

// roadmapValue is the new value of a roadmap field as the clause quotes
// it: lists numbered "1) ...; 2) ...", dates as DD.MM.YYYY, the period in
// years.
func roadmapValue(lang i18n.Lang, f FieldChange) string {
	switch {
	case f.newList != nil:
		var b strings.Builder
		for i, s := range f.newList {
			if i > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "%d) %s", i+1, s)
			if i < len(f.newList)-1 && !strings.ContainsAny(s[len(s)-1:], ";.,:") {
				b.WriteString(";")
			}
		}
		return b.String()
	case f.Field == "document.date":
		if d, ok := roadmap.ParseDate(f.New); ok {
			return d.Russian()
		}
	case f.Field == "period":
		return i18n.T(lang, "diff.amend.years", f.New)
	}
	return f.New
}

// rowText renders a row of the table on one line: "N. title | due |
// indicator | executors" (and " | note" when there is one).
func rowText(n int, a *roadmap.Activity) string {
	parts := []string{fmt.Sprintf("%d. %s", n, a.Title), a.Due.Text, a.Indicator.Text, strings.Join(a.Executors, ", ")}
	if a.Note != "" {
		parts = append(parts, a.Note)
	}
	return strings.Join(parts, " | ")
}

// cellClause words the change of one cell: the changed words replaced,
// added or deleted when they are a part of the cell, the cell rewritten
// when most of it changed (and the executors always rewritten: they are a
// list, not a phrase).
func cellClause(lang i18n.Lang, n int, f FieldChange) string {
	col := i18n.T(lang, columns[f.Field])
	if f.Field != "executors" {
		if s, ok := wordChange(f.Old, f.New); ok {
			switch {
			case s.old == "":
				return i18n.T(lang, "diff.amend.insert", n, col, s.anchor, s.new)
			case s.new == "":
				return i18n.T(lang, "diff.amend.delete", n, col, s.old)
			default:
				return i18n.T(lang, "diff.amend.replace", n, col, s.old, s.new)
			}
		}
	}
	if f.New == "" {
		return i18n.T(lang, "diff.amend.cell_remove", n, col)
	}
	return i18n.T(lang, "diff.amend.cell", n, col, f.New)
}

type span struct{ old, new, anchor string }

// wordChange finds the words that changed between old and new: the span
// between the common leading and trailing words, widened until the old
// words occur once in the cell, and by up to two words before a lone
// number ("Не менее 55%" rather than "55%"). ok is false when the cell is
// better rewritten whole.
func wordChange(old, new string) (span, bool) {
	ow, nw := strings.Fields(old), strings.Fields(new)
	if len(ow) == 0 || len(nw) == 0 {
		return span{}, false
	}
	p := 0
	for p < len(ow) && p < len(nw) && ow[p] == nw[p] {
		p++
	}
	s := 0
	for s < len(ow)-p && s < len(nw)-p && ow[len(ow)-1-s] == nw[len(nw)-1-s] {
		s++
	}
	oa, ob := p, len(ow)-s // old span ow[oa:ob]
	na, nb := p, len(nw)-s
	if oa == ob && na == nb {
		return span{}, false // only spacing changed
	}
	if oa == ob { // pure insertion: anchor on the words before
		if p == 0 {
			return span{}, false
		}
		a := max(0, p-2)
		return span{new: strings.Join(nw[na:nb], " "), anchor: strings.Join(ow[a:p], " ")}, true
	}
	if ob-oa == 1 && nb-na >= 1 && hasDigit(ow[oa]) {
		k := min(2, oa)
		oa, na = oa-k, na-k
	}
	for oa > 0 && strings.Count(old, strings.Join(ow[oa:ob], " ")) > 1 {
		oa, na = oa-1, na-1
	}
	if (oa == 0 && ob == len(ow)) || (len(ow) > 3 && 10*(ob-oa) > 7*len(ow)) {
		return span{}, false
	}
	return span{old: strings.Join(ow[oa:ob], " "), new: strings.Join(nw[na:nb], " ")}, true
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}
