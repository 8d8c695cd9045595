package view

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// DiffBlock is one change of a diff as people read it: a heading and
// indented lines. The text and Markdown formats draw the same blocks.
type DiffBlock struct {
	// Sign is '~' changed, '+' added, '-' removed, '>' moved.
	Sign  byte
	Head  string
	Lines []DiffLine
}

// DiffLine is one line under a block's heading.
type DiffLine struct {
	Depth int
	// Sign is 0, '+' or '-'.
	Sign byte
	Text string
}

// DiffFileHead is the heading of one file's diff; "" for a modified file.
func DiffFileHead(res *diff.Result, lang i18n.Lang) string {
	switch res.Status {
	case diff.StatusAdded:
		return i18n.T(lang, "diff.file_added", res.NewFile, res.RoadmapID, res.NewCount)
	case diff.StatusDeleted:
		return i18n.T(lang, "diff.file_deleted", res.OldFile, res.RoadmapID, res.OldCount)
	}
	return ""
}

// DiffFileNames are the names of the two versions, /dev/null for a
// missing one.
func DiffFileNames(res *diff.Result) (string, string) {
	old, new := res.OldFile, res.NewFile
	if old == "" {
		old = "/dev/null"
	}
	if new == "" {
		new = "/dev/null"
	}
	return old, new
}

// DiffSummary is the closing line that counts the activities changed.
func DiffSummary(res *diff.Result, lang i18n.Lang) string {
	var changed, added, removed, renamed int
	for _, c := range res.Changes {
		switch c.Kind {
		case diff.KindChanged:
			changed++
		case diff.KindAdded:
			added++
		case diff.KindRemoved:
			removed++
		case diff.KindRenamed:
			renamed++
		}
	}
	return i18n.T(lang, "diff.summary", changed, added, removed, renamed)
}

const (
	headTitle = 70
	maxMoves  = 10
)

// DiffBlocks words a result as blocks.
func DiffBlocks(res *diff.Result, lang i18n.Lang) []DiffBlock {
	var out []DiffBlock
	for ci := range res.Changes {
		c := &res.Changes[ci]
		switch c.Kind {
		case diff.KindRoadmap:
			b := DiffBlock{Sign: '~', Head: i18n.T(lang, "diff.head.roadmap", res.RoadmapID)}
			for _, f := range c.Fields {
				b.Lines = append(b.Lines, fieldLines(lang, res, c, f)...)
			}
			out = append(out, b)
		case diff.KindReordered:
			if ms := c.NumberedMoves(); len(ms) > 0 {
				out = append(out, DiffBlock{Sign: '>', Head: i18n.T(lang, "diff.head.reordered", movesText(lang, ms))})
			}
		case diff.KindChanged, diff.KindRenamed:
			b := DiffBlock{Sign: '~', Head: i18n.T(lang, "diff.head.changed", numLabel(c), c.ID, shorten(c.Title, headTitle))}
			if c.Kind == diff.KindRenamed {
				b.Head = i18n.T(lang, "diff.head.renamed", numLabel(c), c.OldID, c.ID,
					int(c.Similarity*100), shorten(c.Title, headTitle))
			}
			for _, f := range c.Fields {
				b.Lines = append(b.Lines, fieldLines(lang, res, c, f)...)
			}
			out = append(out, b)
		case diff.KindAdded:
			b := DiffBlock{Sign: '+', Head: i18n.T(lang, "diff.head.added", c.NewN, c.ID, shorten(c.Title, headTitle))}
			b.Lines = rowLines(lang, c.New)
			out = append(out, b)
		case diff.KindRemoved:
			b := DiffBlock{Sign: '-', Head: i18n.T(lang, "diff.head.removed", c.OldN, c.ID, shorten(c.Title, headTitle))}
			b.Lines = rowLines(lang, c.Old)
			out = append(out, b)
		}
	}
	return out
}

func numLabel(c *diff.Change) string {
	switch {
	case c.OldN == "":
		return c.NewN.String()
	case c.NewN == "" || c.OldN == c.NewN:
		return c.OldN.String()
	}
	return fmt.Sprintf("%s → %s", c.OldN, c.NewN)
}

func movesText(lang i18n.Lang, ms []diff.Move) string {
	var parts []string
	for i, m := range ms {
		if i == maxMoves {
			parts = append(parts, i18n.T(lang, "diff.more", len(ms)-maxMoves))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s → %s", m.ID, m.OldN, m.NewN))
	}
	return strings.Join(parts, ", ")
}

func rowLines(lang i18n.Lang, a *roadmap.Activity) []DiffLine {
	row := func(field, text string) DiffLine {
		return DiffLine{Depth: 1, Text: i18n.T(lang, "diff.row", i18n.T(lang, "diff.field."+field), text)}
	}
	out := []DiffLine{row("due", a.Due.Text)}
	if a.Indicator.Text != "" || a.Result.Text == "" {
		out = append(out, row("indicator", a.Indicator.Text))
	}
	if a.Result.Text != "" {
		out = append(out, row("result", a.Result.Text))
	}
	return append(out, row("executors", strings.Join(a.Executors, ", ")))
}

// fieldLabel is what a field is called.
func fieldLabel(lang i18n.Lang, c *diff.Change, f diff.FieldChange) string {
	if c.Kind == diff.KindRoadmap {
		if f.Field == diff.FieldExpectedResults {
			return i18n.T(lang, "diff.expected", f.Key)
		}
		return i18n.T(lang, "diff.rfield."+f.Field.String())
	}
	return i18n.T(lang, "diff.field."+f.Field.String())
}

// fieldLines words one field change; sub-fields of an indicator go one
// level deeper than the indicator.
func fieldLines(lang i18n.Lang, res *diff.Result, c *diff.Change, f diff.FieldChange) []DiffLine {
	depth := 1
	if f.Field.Sub() {
		depth = 2
	}
	name := fieldLabel(lang, c, f)
	old, new := sidesValue(lang, res, f)
	added, removed := f.Added, f.Removed
	if f.Field == diff.FieldAmendments {
		added, removed = amendmentTexts(lang, f.AddedAmendments), amendmentTexts(lang, f.RemovedAmendments)
	}
	var out []DiffLine
	switch {
	case len(added)+len(removed) > 0 && f.Field != diff.FieldExpectedResults:
		out = append(out, DiffLine{Depth: depth, Text: i18n.T(lang, "diff.list", name)})
		for _, s := range added {
			out = append(out, DiffLine{Depth: depth + 1, Sign: '+', Text: s})
		}
		for _, s := range removed {
			out = append(out, DiffLine{Depth: depth + 1, Sign: '-', Text: s})
		}
	case old == new:
		out = append(out, DiffLine{Depth: depth, Text: i18n.T(lang, "diff.same_text", name, old)})
	case old == "":
		out = append(out, DiffLine{Depth: depth, Sign: '+', Text: i18n.T(lang, "diff.set", name, new)})
	case new == "":
		out = append(out, DiffLine{Depth: depth, Sign: '-', Text: i18n.T(lang, "diff.unset", name, old)})
	default:
		out = append(out, DiffLine{Depth: depth, Text: i18n.T(lang, "diff.change", name, old, new)})
	}
	switch {
	case f.SameMeaning:
		out = append(out, DiffLine{Depth: depth + 1, Text: i18n.T(lang, "diff.same_meaning")})
	case f.Deadlines != nil:
		d := f.Deadlines
		out = append(out, DiffLine{Depth: depth + 1, Text: i18n.T(lang, "diff.due_now",
			deadlinesText(lang, d.Old, d.OldParsed), deadlinesText(lang, d.New, d.NewParsed))})
	}
	for _, t := range f.Targets {
		out = append(out, DiffLine{Depth: depth + 1, Text: i18n.T(lang, "diff.target", t.Year, targetValue(t.Old), targetValue(t.New))})
	}
	return out
}

func deadlinesText(lang i18n.Lang, ds []phrase.Deadline, parsed bool) string {
	if !parsed {
		return i18n.T(lang, "reading.unparsed")
	}
	if len(ds) == 0 {
		return i18n.T(lang, "diff.nothing")
	}
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.By.Format("02.01.2006")
	}
	return strings.Join(parts, ", ")
}

func targetValue(v *float64) string {
	if v == nil {
		return "—"
	}
	return Number(*v)
}

// sidesValue words both sides of a field change; an activity's section is
// named by its heading in each version, not by its id.
func sidesValue(lang i18n.Lang, res *diff.Result, f diff.FieldChange) (string, string) {
	if f.Field == diff.FieldActivitySection {
		name := func(r *roadmap.Roadmap, id string) string {
			if r != nil {
				if s := r.SectionOf(roadmap.Activity{Section: id}); s != nil {
					return sectionLabel(s)
				}
			}
			return id
		}
		return name(res.Old, f.Old.Text), name(res.New, f.New.Text)
	}
	return FieldValue(lang, f.Field, f.Old), FieldValue(lang, f.Field, f.New)
}

// FieldValue words one side of a field change ("" when it has none).
func FieldValue(lang i18n.Lang, f diff.Field, v diff.Value) string {
	switch f.Type() {
	case diff.TypeText:
		switch {
		case v.Text == "":
			return ""
		case f == diff.FieldIndicatorPer:
			return i18n.T(lang, "per."+v.Text)
		case f == diff.FieldDocumentKind && documentKind(v.Text):
			return i18n.T(lang, "diff.dockind."+v.Text)
		}
		return v.Text
	case diff.TypeNumber:
		return v.Number.String()
	case diff.TypeList:
		sep := "; "
		if f == diff.FieldExecutors {
			sep = ", "
		}
		return strings.Join(v.List, sep)
	case diff.TypeDue, diff.TypeIndicator:
		return diff.CellText(f, v)
	case diff.TypeKind:
		if v.Kind == "" {
			return ""
		}
		return i18n.T(lang, "kind."+string(v.Kind))
	case diff.TypeThreshold:
		if v.Threshold == nil {
			return ""
		}
		return Threshold(phrase.Indicator{Min: v.Threshold.Min, Max: v.Threshold.Max, Unit: v.Threshold.Unit})
	case diff.TypeTargets:
		if len(v.Targets) == 0 {
			return ""
		}
		return Targets(phrase.Indicator{Targets: v.Targets, Unit: v.Unit})
	case diff.TypePeriod:
		if v.Period == nil {
			return ""
		}
		return fmt.Sprintf("%d–%d", v.Period.From, v.Period.To)
	case diff.TypeDate:
		if v.Date.IsZero() {
			return ""
		}
		return v.Date.String()
	case diff.TypePerson:
		return personText(v.Person)
	case diff.TypeRef:
		return refText(lang, v.Ref)
	case diff.TypeAmendments:
		return strings.Join(amendmentTexts(lang, v.Amendments), "; ")
	case diff.TypeByYear:
		return byYearText(v.ByYear)
	case diff.TypeSections:
		parts := make([]string, len(v.Sections))
		for i, sec := range v.Sections {
			parts[i] = sectionLabel(&sec)
		}
		return strings.Join(parts, "; ")
	}
	return ""
}

// sectionLabel names a section as a table prints it: "II. Title".
func sectionLabel(s *roadmap.Section) string {
	if s.N == "" {
		return s.Title
	}
	return strings.TrimSuffix(s.N, ".") + ". " + s.Title
}

func personText(p *roadmap.Person) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(p.Position + " " + p.Name)
}

// DocRef names a document as documents do: "приказ от 14.07.2020 №
// 94/01-09".
func DocRef(lang i18n.Lang, kind, number string, date roadmap.Date) string {
	if !documentKind(kind) {
		kind = roadmap.KindOther
	}
	s := i18n.T(lang, "diff.dockind."+kind)
	if !date.IsZero() {
		s += i18n.T(lang, "diff.docref.date", date.Russian())
	}
	if number != "" {
		s += i18n.T(lang, "diff.docref.number", number)
	}
	return s
}

// documentKind reports whether kind is one the format knows (a file the
// check rejects may still be diffed).
func documentKind(kind string) bool {
	return kind == roadmap.KindOrder || kind == roadmap.KindConcept || kind == roadmap.KindOther
}

func refText(lang i18n.Lang, r *roadmap.DocumentRef) string {
	if r == nil {
		return ""
	}
	s := DocRef(lang, r.Kind, r.Number, r.Date)
	if r.Authority != "" {
		s += ", " + r.Authority
	}
	if r.Title != "" {
		s += " «" + r.Title + "»"
	}
	if r.Text != "" {
		s += " (" + r.Text + ")"
	}
	return s
}

func amendmentTexts(lang i18n.Lang, as []roadmap.Amendment) []string {
	out := make([]string, len(as))
	for i, a := range as {
		s := DocRef(lang, a.Kind, a.Number, a.Date)
		if a.Title != "" {
			s += " «" + a.Title + "»"
		}
		if len(a.Changes) > 0 {
			s += ": " + strings.Join(a.Changes, "; ")
		}
		out[i] = s
	}
	return out
}

func byYearText(m map[int]string) string {
	years := make([]int, 0, len(m))
	for y := range m {
		years = append(years, y)
	}
	slices.Sort(years)
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y) + ": " + m[y]
	}
	return strings.Join(parts, "; ")
}

// shorten cuts s to n runes with an ellipsis, for headings.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// BeforeAfter builds the "Было / Стало" (before / after) table of a
// result, as officials compare versions: under lines naming the roadmap,
// its approving order and the amending one with its date, one block of
// rows per changed activity (the first row names it by number and
// title), a row per changed field.
func BeforeAfter(res *diff.Result, lang i18n.Lang) Table {
	old, new := DiffFileNames(res)
	t := Table{
		Name:     i18n.T(lang, "diff.xlsx.sheet"),
		Title:    i18n.T(lang, "diff.table.title", old, new),
		Subtitle: strings.Join(beforeAfterHead(res, lang), "\n"),
		Columns: []Column{
			{Key: "activity", Header: i18n.T(lang, "diff.col.activity"), Max: 30},
			{Key: "field", Header: i18n.T(lang, "diff.col.field"), Max: 24},
			{Key: "before", Header: i18n.T(lang, "diff.col.before"), Max: 50},
			{Key: "after", Header: i18n.T(lang, "diff.col.after"), Max: 50},
		},
	}
	block := func(name string, rows [][3]string) {
		for i, r := range rows {
			if i > 0 {
				name = ""
			}
			t.Rows = append(t.Rows, textRow(name, r[0], r[1], r[2]))
		}
	}
	fieldRows := func(c *diff.Change) [][3]string {
		var rows [][3]string
		if c.Kind == diff.KindRenamed {
			rows = append(rows, [3]string{i18n.T(lang, "diff.field.id"), c.OldID, c.ID})
		}
		for _, f := range c.Fields {
			before, after := sidesValue(lang, res, f)
			if d := f.Deadlines; d != nil && !f.SameMeaning {
				before += "\n(" + deadlinesText(lang, d.Old, d.OldParsed) + ")"
				after += "\n(" + deadlinesText(lang, d.New, d.NewParsed) + ")"
			}
			if f.SameMeaning {
				after += "\n(" + i18n.T(lang, "diff.same_meaning") + ")"
			}
			rows = append(rows, [3]string{fieldLabel(lang, c, f), before, after})
		}
		return rows
	}
	row := func(a *roadmap.Activity, added bool) [][3]string {
		var rows [][3]string
		for _, f := range diff.Columns {
			v := FieldValue(lang, f, diff.ColumnValue(f, a))
			if (f == diff.FieldNote || f == diff.FieldResult) && v == "" {
				continue
			}
			r := [3]string{i18n.T(lang, "diff.field."+f.String()), v, ""}
			if added {
				r[1], r[2] = "", v
			}
			rows = append(rows, r)
		}
		return rows
	}
	for ci := range res.Changes {
		c := &res.Changes[ci]
		switch c.Kind {
		case diff.KindRoadmap:
			block(i18n.T(lang, "diff.table.roadmap"), fieldRows(c))
		case diff.KindReordered:
			var rows [][3]string
			for _, m := range c.NumberedMoves() {
				rows = append(rows, [3]string{activityName(res, m.ID), m.OldN.String(), m.NewN.String()})
			}
			if len(rows) > 0 {
				block(i18n.T(lang, "diff.table.order"), rows)
			}
		case diff.KindChanged, diff.KindRenamed:
			block(fmt.Sprintf("%s. %s", numLabel(c), changeTitle(c)), fieldRows(c))
		case diff.KindAdded:
			block(i18n.T(lang, "diff.table.added", c.NewN, changeTitle(c)), row(c.New, true))
		case diff.KindRemoved:
			block(i18n.T(lang, "diff.table.removed", c.OldN, changeTitle(c)), row(c.Old, false))
		}
	}
	return t
}

// titleLen is how much of an activity's title names its block of rows:
// enough to know it, short enough not to make the row tall.
const titleLen = 60

// cutTitle cuts a title to titleLen at a word's end, with an ellipsis.
func cutTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= titleLen {
		return s
	}
	cut := string(r[:titleLen])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.—-") + "…"
}

// changeTitle names a changed activity by its title (the new one, else
// the old one), cut to titleLen; by its id when it has no title.
func changeTitle(c *diff.Change) string {
	for _, a := range []*roadmap.Activity{c.New, c.Old} {
		if a != nil && strings.TrimSpace(a.Title) != "" {
			return cutTitle(a.Title)
		}
	}
	return c.ID
}

// activityName is the cut title of the activity id in the new version,
// else its id.
func activityName(res *diff.Result, id string) string {
	if res.New != nil {
		for i := range res.New.Activities {
			if a := &res.New.Activities[i]; a.ID == id && strings.TrimSpace(a.Title) != "" {
				return cutTitle(a.Title)
			}
		}
	}
	return id
}

// beforeAfterHead are the lines under the table's title, as the document
// is filed: the roadmap and whose it is, the order approving it, the
// order amending it and its date (blanks to fill in by hand when the new
// version records no amendment of its own).
func beforeAfterHead(res *diff.Result, lang i18n.Lang) []string {
	rm := res.New
	if rm == nil {
		rm = res.Old
	}
	if rm == nil {
		return nil
	}
	name := cmp.Or(rm.Direction, rm.Title, rm.ID)
	if owner := rm.Owner(); owner != "" {
		name += " — " + owner
	}
	lines := []string{i18n.T(lang, "diff.table.head.roadmap", name)}
	if d := rm.Document; d.Number != "" || !d.Date.IsZero() {
		lines = append(lines, i18n.T(lang, "diff.table.head.approved", DocRef(lang, d.Kind, d.Number, d.Date)))
	}
	if am, ok := newAmendment(res); ok {
		lines = append(lines, i18n.T(lang, "diff.table.head.amended", DocRef(lang, am.Kind, am.Number, am.Date)),
			i18n.T(lang, "diff.table.head.date", am.Date.Russian()))
	} else {
		lines = append(lines, i18n.T(lang, "diff.table.head.amended_blank"), i18n.T(lang, "diff.table.head.date_blank"))
	}
	return lines
}

// newAmendment is the last amendment the new version records and the old
// one does not: the document that makes the changes.
func newAmendment(res *diff.Result) (roadmap.Amendment, bool) {
	if res.New == nil {
		return roadmap.Amendment{}, false
	}
	known := map[string]bool{}
	if res.Old != nil {
		for _, am := range res.Old.Amendments {
			known[am.Number+"|"+am.Date.String()] = true
		}
	}
	for i := len(res.New.Amendments) - 1; i >= 0; i-- {
		if am := res.New.Amendments[i]; !known[am.Number+"|"+am.Date.String()] {
			return am, true
		}
	}
	return roadmap.Amendment{}, false
}

// DiffNoRows is what a table says for a file with no rows.
func DiffNoRows(res *diff.Result, lang i18n.Lang) string {
	if h := DiffFileHead(res, lang); h != "" {
		return h
	}
	return i18n.T(lang, "diff.no_changes")
}

// textRow is a table row of text cells.
func textRow(texts ...string) []Cell {
	row := make([]Cell, len(texts))
	for i, s := range texts {
		row[i] = TextCell(s)
	}
	return row
}
