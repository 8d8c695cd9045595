// Package summary owns the views of evaluation results: the summaries
// officials ask for (fulfilment by district — by owner: a district,
// region or school —, each activity across owners side by side as a
// regional consolidation, by executor, and
// the full activity x year list in the shape of the Russian form
// "Сведения о достижении значений показателей") and the status table of
// `roadmap check --report`. It builds tables of typed cells (numbers,
// percents, status keys) from evaluation results; package view words
// plans and statuses, package render draws the tables in any format.
package summary

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// View names a summary view.
type View string

// The views.
const (
	ByDistrict View = "district"
	ByActivity View = "activity"
	ByExecutor View = "executor"
	ByYear     View = "year"
)

// Views lists every view, in workbook sheet order.
var Views = []View{ByDistrict, ByActivity, ByExecutor, ByYear}

// ParseView accepts a view name.
func ParseView(s string) (View, bool) {
	for _, v := range Views {
		if string(v) == s {
			return v, true
		}
	}
	return "", false
}

// Options select what a summary covers.
type Options struct {
	// Year limits the summary to one year (0: every year).
	Year int
	// District limits it to one district, by name or roadmap id ("": all).
	District string
	AsOf     time.Time
	Lang     i18n.Lang
}

// Filter keeps the results the options select.
func Filter(results []fulfil.Result, opts Options) []fulfil.Result {
	if opts.Year == 0 && opts.District == "" {
		// Everything: no copy (the views only read, or sort a clone).
		return results
	}
	var out []fulfil.Result
	for _, r := range results {
		if opts.Year != 0 && r.Year != opts.Year {
			continue
		}
		if opts.District != "" && !matchDistrict(r, opts.District) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func matchDistrict(r fulfil.Result, want string) bool {
	want = fold(want)
	return fold(r.RoadmapID) == want || fold(r.Owner) == want || strings.HasPrefix(fold(r.Owner), want+" ")
}

func fold(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "ё", "е"))), " ")
}

// Build makes the table of one view.
func Build(v View, results []fulfil.Result, opts Options) view.Table {
	results = Filter(results, opts)
	var t view.Table
	switch v {
	case ByActivity:
		t = byActivity(results, opts.Lang)
	case ByExecutor:
		t = byExecutor(results, opts.Lang)
	case ByYear:
		t = byYear(results, opts.Lang)
	default:
		t = byDistrict(results, opts.Lang)
	}
	t.Name = i18n.T(opts.Lang, "summary.sheet."+string(v))
	t.Title = i18n.T(opts.Lang, "summary.title."+string(v))
	t.Subtitle = subtitle(opts)
	if v == ByDistrict || v == ByExecutor {
		// Their counts are of two units: activities, and activities at
		// each of their deadlines.
		t.Subtitle += "\n" + i18n.T(opts.Lang, "summary.units")
	}
	return t
}

// All builds every view, the selected one first (a workbook's sheets).
func All(first View, results []fulfil.Result, opts Options) []view.Table {
	tables := []view.Table{Build(first, results, opts)}
	for _, v := range Views {
		if v != first {
			tables = append(tables, Build(v, results, opts))
		}
	}
	return tables
}

func subtitle(opts Options) string {
	s := i18n.T(opts.Lang, "summary.as_of", opts.AsOf.Format("02.01.2006"))
	if opts.Year != 0 {
		s += ", " + i18n.T(opts.Lang, "summary.year", opts.Year)
	}
	if opts.District != "" {
		s += ", " + opts.District
	}
	return s
}

func col(lang i18n.Lang, key string, max int) view.Column {
	return view.Column{Key: key, Header: i18n.T(lang, "summary.col."+key), Max: max}
}

// ownerCol is the column of whose roadmap a row is: «Район» while every
// roadmap is a district's, «Район / организация» once a region's or a
// school's is among them. Its key stays "district" for programs.
func ownerCol(results []fulfil.Result, lang i18n.Lang, max int) view.Column {
	c := col(lang, "district", max)
	for _, r := range results {
		if r.Level != roadmap.LevelDistrict {
			c.Header = i18n.T(lang, "summary.col.owner")
			break
		}
	}
	return c
}

// placedSection is the section a row shows and the scope its sections
// belong to (a roadmap id; "" when the rows merge roadmaps).
type placedSection struct {
	scope   string
	section roadmap.Section
}

// sectionHeadings heads each run of rows of one section, rows[i] being
// row i's; rows without a section get none.
func sectionHeadings(rows []placedSection) []view.Heading {
	var hs []view.Heading
	for i, r := range rows {
		if r.section.ID == "" || i > 0 && rows[i-1].scope == r.scope && rows[i-1].section.ID == r.section.ID {
			continue
		}
		hs = append(hs, view.SectionHeading(r.section, i))
	}
	return hs
}

// done reports whether a result counts as met.
func done(s fulfil.Status) bool { return s == fulfil.Met || s == fulfil.MetLate }

// judged reports whether a result is due and decided, for "% met".
func judged(s fulfil.Status) bool {
	return s == fulfil.Met || s == fulfil.MetLate || s == fulfil.NotMet || s == fulfil.Partial || s == fulfil.NoData
}

// percentOf is part of whole in percent, rounded to 0.1; no value when
// whole is 0.
func percentOf(part, whole int) view.Cell {
	if whole == 0 {
		return view.EmptyCell()
	}
	return view.PercentCell(float64(int(float64(part)/float64(whole)*1000+0.5)) / 10)
}

// achievement is a result's level of achievement, if it has one.
func achievement(r fulfil.Result) view.Cell {
	if r.Achievement == nil {
		return view.EmptyCell()
	}
	return view.PercentCell(*r.Achievement)
}

func label(s fulfil.Status, lang i18n.Lang) string { return view.StatusLabel(string(s), lang) }

// byDistrict counts statuses per owner (per roadmap): district, region or
// school.
func byDistrict(results []fulfil.Result, lang i18n.Lang) view.Table {
	t := view.Table{Columns: []view.Column{
		ownerCol(results, lang, 24), col(lang, "roadmap", 30), col(lang, "activities", 0), col(lang, "positions", 12),
	}}
	for _, s := range fulfil.Statuses {
		t.Columns = append(t.Columns, view.Column{Key: string(s), Header: capitalize(label(s, lang)), Max: 12})
	}
	t.Columns = append(t.Columns, col(lang, "met_percent", 0))
	type agg struct {
		district, roadmap string
		activities        map[string]bool
		positions         int
		counts            map[fulfil.Status]int
	}
	var order []string
	groups := map[string]*agg{}
	for _, r := range results {
		g, ok := groups[r.RoadmapID]
		if !ok {
			g = &agg{district: r.Owner, roadmap: r.RoadmapName, activities: map[string]bool{}, counts: map[fulfil.Status]int{}}
			groups[r.RoadmapID] = g
			order = append(order, r.RoadmapID)
		}
		g.activities[r.ActivityID] = true
		g.positions++
		g.counts[r.Status]++
	}
	slices.SortFunc(order, func(a, b string) int {
		return cmp.Or(cmp.Compare(groups[a].district, groups[b].district), cmp.Compare(a, b))
	})
	for _, id := range order {
		g := groups[id]
		row := []view.Cell{view.TextCell(g.district), view.TextCell(g.roadmap), view.IntCell(len(g.activities)), view.IntCell(g.positions)}
		met, judgedN := 0, 0
		for _, s := range fulfil.Statuses {
			row = append(row, view.IntCell(g.counts[s]))
			if done(s) {
				met += g.counts[s]
			}
			if judged(s) {
				judgedN += g.counts[s]
			}
		}
		t.Rows = append(t.Rows, append(row, percentOf(met, judgedN)))
	}
	return t
}

// byActivity puts each activity beside itself across owners (districts,
// regions, schools): each one's plan, fact and status in its own columns,
// the activities under their section headings (the section of the first
// roadmap that numbers the activity lowest). Owners' activities share a
// row only when they are the same activity: the same id and a similar
// title (sameActivity); an id two districts give to different
// activities makes a row for each, under each one's own title.
func byActivity(results []fulfil.Result, lang i18n.Lang) view.Table {
	var districts []string
	seen := map[string]bool{}
	for _, r := range results {
		if !seen[r.Owner] {
			seen[r.Owner] = true
			districts = append(districts, r.Owner)
		}
	}
	slices.Sort(districts)
	t := view.Table{Columns: []view.Column{
		col(lang, "id", 0), col(lang, "title", 40), col(lang, "year", 0),
	}}
	for i, d := range districts {
		for _, part := range []string{"plan", "fact", "status"} {
			t.Columns = append(t.Columns, view.Column{
				Key:    fmt.Sprintf("%s_%d", part, i+1),
				Header: d + ": " + i18n.T(lang, "summary.col."+part), Max: 18,
			})
		}
	}
	// activity is one activity across owners: an id and which of the
	// different activities under that id it is.
	type activity struct {
		id      string
		variant int
	}
	type key struct {
		activity
		year int
	}
	// titles of each activity, the first naming its rows; variantOf the
	// activity of an owner's id.
	titles := map[activity][]string{}
	variants := map[string]int{}
	variantOf := map[[2]string]activity{}
	activityOf := func(r fulfil.Result) activity {
		if a, ok := variantOf[[2]string{r.ActivityID, r.Owner}]; ok {
			return a
		}
		a := activity{r.ActivityID, variants[r.ActivityID]}
		for v := range variants[r.ActivityID] {
			cand := activity{r.ActivityID, v}
			if slices.ContainsFunc(titles[cand], func(t string) bool { return sameActivity(t, r.Title) }) {
				a = cand
				break
			}
		}
		if a.variant == variants[r.ActivityID] {
			variants[r.ActivityID]++
		}
		titles[a] = append(titles[a], r.Title)
		variantOf[[2]string{r.ActivityID, r.Owner}] = a
		return a
	}
	cells := map[key]map[string]fulfil.Result{}
	var keys []key
	// first is the result that places an activity: the lowest section and
	// number any roadmap gives it.
	first := map[activity]fulfil.Result{}
	for _, r := range results {
		a := activityOf(r)
		k := key{a, r.Year}
		if cells[k] == nil {
			cells[k] = map[string]fulfil.Result{}
			keys = append(keys, k)
		}
		cells[k][r.Owner] = r
		if f, ok := first[a]; !ok || cmp.Or(cmp.Compare(r.SectionOrder, f.SectionOrder), r.N.Compare(f.N)) < 0 {
			first[a] = r
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		fa, fb := first[a.activity], first[b.activity]
		return cmp.Or(cmp.Compare(fa.SectionOrder, fb.SectionOrder), fa.N.Compare(fb.N), cmp.Compare(a.id, b.id),
			cmp.Compare(a.variant, b.variant), cmp.Compare(a.year, b.year))
	})
	placed := make([]placedSection, len(keys))
	for i, k := range keys {
		placed[i] = placedSection{section: first[k.activity].Section}
	}
	t.Headings = sectionHeadings(placed)
	for _, k := range keys {
		row := []view.Cell{view.TextCell(k.id), view.TextCell(titles[k.activity][0]), view.IntCell(k.year)}
		for _, d := range districts {
			r, ok := cells[k][d]
			if !ok {
				row = append(row, view.TextCell(""), view.TextCell(""), view.TextCell(""))
				continue
			}
			row = append(row, view.TextCell(view.Plan(r.Plan, lang)), view.TextCell(r.Fact), view.StatusCell(string(r.Status)))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// similarity is how alike two titles must be, 0..1, to be one activity:
// districts copy the regional list with typos and small edits
// («Поведение …», «… организаций.», «ПроеКтория»), not with other words.
const similarity = 0.8

// sameActivity reports whether two titles of one id name the same
// activity: their letters and digits, in lower case, differ by at most a
// fifth of the longer (edit distance).
func sameActivity(a, b string) bool {
	x, y := []rune(titleKey(a)), []rune(titleKey(b))
	longest := max(len(x), len(y))
	if longest == 0 {
		return true
	}
	return 1-float64(editDistance(x, y))/float64(longest) >= similarity
}

// titleKey keeps a title's letters and digits, lower case, ё as е, words
// split by single spaces.
func titleKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, strings.ReplaceAll(strings.ReplaceAll(s, "ё", "е"), "Ё", "Е"))
	return strings.Join(strings.Fields(s), " ")
}

// editDistance is the Levenshtein distance of two rune strings.
func editDistance(a, b []rune) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// byExecutor tells each organisation what it owes and what is overdue.
func byExecutor(results []fulfil.Result, lang i18n.Lang) view.Table {
	t := view.Table{Columns: []view.Column{
		col(lang, "executor", 36), ownerCol(results, lang, 20),
		col(lang, "activities", 0), col(lang, "due", 0),
		col(lang, "overdue", 0), col(lang, "overdue_list", 40),
	}}
	type key struct{ executor, district string }
	type agg struct {
		activities map[string]bool
		due        int
		overdue    []string
	}
	groups := map[key]*agg{}
	var keys []key
	for _, r := range results {
		for _, e := range r.Executors {
			k := key{e, r.Owner}
			g, ok := groups[k]
			if !ok {
				g = &agg{activities: map[string]bool{}}
				groups[k] = g
				keys = append(keys, k)
			}
			g.activities[r.ActivityID] = true
			if r.Status == fulfil.NotDue {
				continue
			}
			g.due++
			if r.Status == fulfil.NotMet || r.Status == fulfil.NoData || r.Status == fulfil.Partial {
				g.overdue = append(g.overdue, i18n.T(lang, "summary.overdue_item", r.N, r.Year, label(r.Status, lang)))
			}
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.executor, b.executor), cmp.Compare(a.district, b.district))
	})
	for _, k := range keys {
		g := groups[k]
		t.Rows = append(t.Rows, []view.Cell{view.TextCell(k.executor), view.TextCell(k.district), view.IntCell(len(g.activities)),
			view.IntCell(g.due), view.IntCell(len(g.overdue)), view.TextCell(strings.Join(g.overdue, "; "))})
	}
	return t
}

// byYear is every activity and year in the shape of the form "Сведения о
// достижении значений показателей": indicator, unit, plan, fact,
// achievement level and the reason for deviation; each roadmap's
// activities section by section under their headings, by number within
// a section (2.9 before 2.10).
func byYear(results []fulfil.Result, lang i18n.Lang) view.Table {
	t := view.Table{Columns: []view.Column{
		col(lang, "row", 0), ownerCol(results, lang, 18), col(lang, "n", 0),
		col(lang, "title", 36), col(lang, "indicator", 36), col(lang, "unit", 12),
		col(lang, "year", 0), col(lang, "plan", 20), col(lang, "fact", 16),
		col(lang, "achievement", 0), col(lang, "status", 16), col(lang, "reason", 30),
	}}
	sorted := slices.Clone(results)
	slices.SortStableFunc(sorted, func(a, b fulfil.Result) int {
		return cmp.Or(cmp.Compare(a.Owner, b.Owner), cmp.Compare(a.RoadmapID, b.RoadmapID), cmp.Compare(a.SectionOrder, b.SectionOrder),
			a.N.Compare(b.N), cmp.Compare(a.Year, b.Year))
	})
	placed := make([]placedSection, len(sorted))
	for i, r := range sorted {
		placed[i] = placedSection{scope: r.RoadmapID, section: r.Section}
	}
	t.Headings = sectionHeadings(placed)
	for i, r := range sorted {
		unit := r.Plan.Unit
		if unit == "" {
			unit = i18n.T(lang, "summary.unit."+string(r.Plan.Kind))
		}
		t.Rows = append(t.Rows, []view.Cell{view.IntCell(i + 1), view.TextCell(r.Owner), view.NumberOf(r.N),
			view.TextCell(r.Title), view.TextCell(r.Indicator), view.TextCell(unit), view.IntCell(r.Year),
			view.TextCell(view.Plan(r.Plan, lang)), view.TextCell(r.Fact), achievement(r), view.StatusCell(string(r.Status)),
			view.TextCell(r.Reason)})
	}
	return t
}

// Statuses is the table of statuses printed after the findings of
// `roadmap check --report`: each activity and year evaluated.
func Statuses(results []fulfil.Result, asOf time.Time, lang i18n.Lang) view.Table {
	t := view.Table{
		Title: i18n.T(lang, "fulfil.title", asOf.Format("02.01.2006")),
		Columns: []view.Column{
			{Key: "roadmap", Header: i18n.T(lang, "col.roadmap")},
			{Key: "n", Header: i18n.T(lang, "col.n")},
			{Key: "id", Header: i18n.T(lang, "col.id")},
			{Key: "year", Header: i18n.T(lang, "col.year")},
			{Key: "plan", Header: i18n.T(lang, "col.plan"), Max: 28},
			{Key: "fact", Header: i18n.T(lang, "col.fact"), Max: 20},
			{Key: "achievement", Header: i18n.T(lang, "col.achievement")},
			{Key: "status", Header: i18n.T(lang, "col.status"), Max: 20},
			{Key: "reason", Header: i18n.T(lang, "col.reason"), Max: 30},
		},
	}
	for _, r := range results {
		t.Rows = append(t.Rows, []view.Cell{view.TextCell(r.RoadmapID), view.NumberOf(r.N), view.TextCell(r.ActivityID),
			view.IntCell(r.Year), view.TextCell(view.Plan(r.Plan, lang)), view.TextCell(r.Fact), achievement(r),
			view.StatusCell(string(r.Status)), view.TextCell(r.Reason)})
	}
	return t
}

func capitalize(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}
