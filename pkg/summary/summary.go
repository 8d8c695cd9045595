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
	"maps"
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
		if selected(&r, opts) {
			out = append(out, r)
		}
	}
	return out
}

func selected(r *fulfil.Result, opts Options) bool {
	return (opts.Year == 0 || r.Year == opts.Year) && (opts.District == "" || matchDistrict(*r, opts.District))
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
	c := NewCollector(v, opts)
	for i := range results {
		c.Add(&results[i])
	}
	return c.Table()
}

// Collector makes one view of results handed to it one by one
// (fulfil.EvaluateEach): the by-district and by-executor views keep only
// their counts, so that a country's summary (two million results) does
// not hold its results; the others keep the results they list.
type Collector struct {
	v        View
	opts     Options
	district *districtCounts
	executor *executorCounts
	results  []fulfil.Result
}

// NewCollector starts view v.
func NewCollector(v View, opts Options) *Collector {
	c := &Collector{v: v, opts: opts}
	switch v {
	case ByActivity, ByYear:
	case ByExecutor:
		c.executor = newExecutorCounts(opts.Lang)
	default:
		c.district = newDistrictCounts()
	}
	return c
}

// Add takes a result in, if the options select it.
func (c *Collector) Add(r *fulfil.Result) {
	if !selected(r, c.opts) {
		return
	}
	switch {
	case c.district != nil:
		c.district.add(r)
	case c.executor != nil:
		c.executor.add(r)
	default:
		c.results = append(c.results, *r)
	}
}

// Table is the view of the results taken in.
func (c *Collector) Table() view.Table {
	v, opts := c.v, c.opts
	var t view.Table
	switch {
	case c.district != nil:
		t = c.district.table(opts.Lang)
	case c.executor != nil:
		t = c.executor.table()
	case v == ByActivity:
		t = byActivity(c.results, opts.Lang)
	default:
		t = byYear(c.results, opts.Lang)
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
	var tables []view.Table
	for _, v := range Order(first) {
		tables = append(tables, Build(v, results, opts))
	}
	return tables
}

// Order is every view, first the one given: a workbook's sheets.
func Order(first View) []View {
	order := []View{first}
	for _, v := range Views {
		if v != first {
			order = append(order, v)
		}
	}
	return order
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

// districtCounts is the by-district view, gathered result by result: it
// counts statuses per owner (per roadmap: a district, region or school),
// a few counts per roadmap whatever the number of results.
type districtCounts struct {
	order  []string
	groups map[string]*districtGroup
	// level is whether a region's or a school's roadmap is among them.
	level bool
}

type districtGroup struct {
	district, roadmap string
	activities        map[string]bool
	positions         int
	counts            map[fulfil.Status]int
}

func newDistrictCounts() *districtCounts { return &districtCounts{groups: map[string]*districtGroup{}} }

func (d *districtCounts) add(r *fulfil.Result) {
	d.level = d.level || r.Level != roadmap.LevelDistrict
	g, ok := d.groups[r.RoadmapID]
	if !ok {
		g = &districtGroup{district: r.Owner, roadmap: r.RoadmapName, activities: map[string]bool{}, counts: map[fulfil.Status]int{}}
		d.groups[r.RoadmapID] = g
		d.order = append(d.order, r.RoadmapID)
	}
	g.activities[r.ActivityID] = true
	g.positions++
	g.counts[r.Status]++
}

func (d *districtCounts) table(lang i18n.Lang) view.Table {
	owner := col(lang, "district", 24)
	if d.level {
		owner.Header = i18n.T(lang, "summary.col.owner")
	}
	t := view.Table{Columns: []view.Column{owner, col(lang, "roadmap", 30), col(lang, "activities", 0), col(lang, "positions", 12)}}
	for _, s := range fulfil.Statuses {
		t.Columns = append(t.Columns, view.Column{Key: string(s), Header: capitalize(label(s, lang)), Max: 12})
	}
	t.Columns = append(t.Columns, col(lang, "met_percent", 0))
	order := slices.Clone(d.order)
	slices.SortFunc(order, func(a, b string) int {
		return cmp.Or(cmp.Compare(d.groups[a].district, d.groups[b].district), cmp.Compare(a, b))
	})
	for _, id := range order {
		g := d.groups[id]
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
// title (similarKeys); an id two districts give to different
// activities makes a row for each, under each one's own title.
//
// Beyond MaxSideBySide owners the owners are rows instead, under each
// activity and year (an owner, its plan, fact and status): three columns
// per owner would be wider than any page, and past 5,460 owners wider
// than a sheet (16,384 columns).
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
	long := len(districts) > MaxSideBySide
	t := view.Table{Columns: []view.Column{
		col(lang, "id", 0), col(lang, "title", 40), col(lang, "year", 0),
	}}
	if long {
		t.Columns = append(t.Columns, ownerCol(results, lang, 24), col(lang, "plan", 18), col(lang, "fact", 18), col(lang, "status", 18))
	}
	for i, d := range districts {
		if long {
			break
		}
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
	// titles of each activity, the first naming its rows, and the distinct
	// keys of its titles (titleKey): owners copy one title, so comparing
	// with each distinct one, not each owner's, keeps a country's view
	// from being quadratic in owners. variantOf is the activity of an
	// owner's id.
	titles := map[activity]string{}
	keysOf := map[activity][][]rune{}
	exact := map[[2]string]activity{}
	variants := map[string]int{}
	variantOf := map[[2]string]activity{}
	activityOf := func(r fulfil.Result) activity {
		if a, ok := variantOf[[2]string{r.ActivityID, r.Owner}]; ok {
			return a
		}
		key := titleKey(r.Title)
		k := []rune(key)
		// A title seen before under this id: its activity, without comparing.
		a, seen := exact[[2]string{r.ActivityID, key}]
		if !seen {
			a = activity{r.ActivityID, variants[r.ActivityID]}
			for v := range variants[r.ActivityID] {
				cand := activity{r.ActivityID, v}
				if slices.ContainsFunc(keysOf[cand], func(t []rune) bool { return similarKeys(t, k) }) {
					a = cand
					break
				}
			}
			if a.variant == variants[r.ActivityID] {
				variants[r.ActivityID]++
				titles[a] = r.Title
			}
			keysOf[a] = append(keysOf[a], k)
			exact[[2]string{r.ActivityID, key}] = a
		}
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
	if long {
		var placed []placedSection
		for _, k := range keys {
			for _, d := range slices.Sorted(maps.Keys(cells[k])) {
				r := cells[k][d]
				placed = append(placed, placedSection{section: first[k.activity].Section})
				t.Rows = append(t.Rows, []view.Cell{view.TextCell(k.id), view.TextCell(titles[k.activity]), view.IntCell(k.year),
					view.TextCell(d), view.TextCell(view.Plan(r.Plan, lang)), view.TextCell(r.Fact), view.StatusCell(string(r.Status))})
			}
		}
		t.Headings = sectionHeadings(placed)
		return t
	}
	placed := make([]placedSection, len(keys))
	for i, k := range keys {
		placed[i] = placedSection{section: first[k.activity].Section}
	}
	t.Headings = sectionHeadings(placed)
	for _, k := range keys {
		row := []view.Cell{view.TextCell(k.id), view.TextCell(titles[k.activity]), view.IntCell(k.year)}
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

// MaxSideBySide is the most owners the by-activity view puts side by
// side, three columns each; past it they are rows.
const MaxSideBySide = 50

// similarity is how alike two titles must be, 0..1, to be one activity:
// districts copy the regional list with typos and small edits
// («Поведение …», «… организаций.», «ПроеКтория»), not with other words.
const similarity = 0.8

// similarKeys reports whether two titles of one id name the same
// activity, given their keys (titleKey): their letters and digits, in
// lower case, differ by at most a fifth of the longer (edit distance).
func similarKeys(x, y []rune) bool {
	longest := max(len(x), len(y))
	if longest == 0 {
		return true
	}
	// The most edits the similarity allows, found as the float test finds it.
	k := int(float64(longest)*(1-similarity)) + 1
	for k >= 0 && 1-float64(k)/float64(longest) < similarity {
		k--
	}
	return k >= 0 && withinDistance(x, y, k)
}

// withinDistance reports whether the edit distance of a and b is at most
// k, computing only the band of k cells either side of the diagonal and
// stopping once a row is past k: titles of one id that differ are told in
// a few steps, not len(a) × len(b) (a country's by-activity view compares
// thousands).
func withinDistance(a, b []rune, k int) bool {
	if len(a)-len(b) > k || len(b)-len(a) > k {
		return false
	}
	// The letters one has and the other lacks are edits too: a bound
	// found in one pass (letters counted by their low byte, which can only
	// lower it) rules most different titles out before the table.
	var count [256]int
	for _, r := range a {
		count[r&255]++
	}
	for _, r := range b {
		count[r&255]--
	}
	more, less := 0, 0
	for _, n := range count {
		if n > 0 {
			more += n
		} else {
			less -= n
		}
	}
	if max(more, less) > k {
		return false
	}
	const inf = 1 << 30
	prev, cur := make([]int, len(b)+2), make([]int, len(b)+2)
	for j := range prev {
		prev[j] = inf
		if j <= k {
			prev[j] = j
		}
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		cur[0] = inf
		if i <= k {
			cur[0] = i
		}
		if lo > 1 {
			cur[lo-1] = inf
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		cur[hi+1] = inf
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= k
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

// executorCounts is the by-executor view, gathered result by result: it
// tells each organisation what it owes and what is overdue.
type executorCounts struct {
	lang   i18n.Lang
	groups map[executorKey]*executorGroup
	keys   []executorKey
	level  bool
}

type executorKey struct{ executor, district string }

type executorGroup struct {
	activities map[string]bool
	due        int
	overdue    []string
}

func newExecutorCounts(lang i18n.Lang) *executorCounts {
	return &executorCounts{lang: lang, groups: map[executorKey]*executorGroup{}}
}

func (x *executorCounts) add(r *fulfil.Result) {
	x.level = x.level || r.Level != roadmap.LevelDistrict
	for _, e := range r.Executors {
		k := executorKey{e, r.Owner}
		g, ok := x.groups[k]
		if !ok {
			g = &executorGroup{activities: map[string]bool{}}
			x.groups[k] = g
			x.keys = append(x.keys, k)
		}
		g.activities[r.ActivityID] = true
		if r.Status == fulfil.NotDue {
			continue
		}
		g.due++
		if r.Status == fulfil.NotMet || r.Status == fulfil.NoData || r.Status == fulfil.Partial {
			g.overdue = append(g.overdue, i18n.T(x.lang, "summary.overdue_item", r.N, r.Year, label(r.Status, x.lang)))
		}
	}
}

func (x *executorCounts) table() view.Table {
	lang := x.lang
	owner := col(lang, "district", 20)
	if x.level {
		owner.Header = i18n.T(lang, "summary.col.owner")
	}
	t := view.Table{Columns: []view.Column{
		col(lang, "executor", 36), owner,
		col(lang, "activities", 0), col(lang, "due", 0),
		col(lang, "overdue", 0), col(lang, "overdue_list", 40),
	}}
	keys := slices.Clone(x.keys)
	slices.SortFunc(keys, func(a, b executorKey) int {
		return cmp.Or(cmp.Compare(a.executor, b.executor), cmp.Compare(a.district, b.district))
	})
	for _, k := range keys {
		g := x.groups[k]
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
		if unit == "" && r.Plan.Kind != "" {
			// An indicator not understood has no kind, and no unit to say.
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
	t := view.Table{Title: StatusTitle(asOf, lang), Columns: StatusColumns(lang)}
	lines := NewStatusLines(lang)
	for i := range results {
		lines.Add(&results[i])
	}
	for i := range lines.Len() {
		t.Rows = append(t.Rows, lines.Row(i))
	}
	return t
}

// StatusTitle is the status table's title.
func StatusTitle(asOf time.Time, lang i18n.Lang) string {
	return i18n.T(lang, "fulfil.title", asOf.Format("02.01.2006"))
}

// StatusColumns are the status table's columns.
func StatusColumns(lang i18n.Lang) []view.Column {
	return []view.Column{
		{Key: "roadmap", Header: i18n.T(lang, "col.roadmap")},
		{Key: "n", Header: i18n.T(lang, "col.n")},
		{Key: "id", Header: i18n.T(lang, "col.id")},
		{Key: "year", Header: i18n.T(lang, "col.year")},
		{Key: "plan", Header: i18n.T(lang, "col.plan"), Max: 28},
		{Key: "fact", Header: i18n.T(lang, "col.fact"), Max: 20},
		{Key: "achievement", Header: i18n.T(lang, "col.achievement")},
		{Key: "status", Header: i18n.T(lang, "col.status"), Max: 20},
		{Key: "reason", Header: i18n.T(lang, "col.reason"), Max: 30},
	}
}

// StatusLines are the rows of the status table, kept in about 40 bytes a
// result (a Result is ten times that, a row of cells more): a
// million-row report keeps one per row until the table is drawn. The
// activity and the repeated texts (plans, reasons) are kept once.
type StatusLines struct {
	lang   i18n.Lang
	acts   []statusActivity
	actOf  map[[2]string]int32
	texts  []string
	textOf map[string]int32
	lines  []statusLine
}

type statusActivity struct {
	roadmap, id string
	n           roadmap.Number
}

type statusLine struct {
	act          int32
	year         int32
	plan, reason int32
	fact         string
	achievement  float64
	status       fulfil.Status
	hasAch       bool
}

// NewStatusLines starts an empty table in lang.
func NewStatusLines(lang i18n.Lang) *StatusLines {
	return &StatusLines{lang: lang, actOf: map[[2]string]int32{}, textOf: map[string]int32{}}
}

func (s *StatusLines) text(t string) int32 {
	if i, ok := s.textOf[t]; ok {
		return i
	}
	s.texts = append(s.texts, t)
	i := int32(len(s.texts) - 1)
	s.textOf[t] = i
	return i
}

// Add adds r's line.
func (s *StatusLines) Add(r *fulfil.Result) {
	k := [2]string{r.RoadmapID, r.ActivityID}
	act, ok := s.actOf[k]
	if !ok {
		s.acts = append(s.acts, statusActivity{r.RoadmapID, r.ActivityID, r.N})
		act = int32(len(s.acts) - 1)
		s.actOf[k] = act
	}
	l := statusLine{act: act, year: int32(r.Year), plan: s.text(view.Plan(r.Plan, s.lang)), reason: s.text(r.Reason),
		fact: r.Fact, status: r.Status}
	if r.Achievement != nil {
		l.achievement, l.hasAch = *r.Achievement, true
	}
	s.lines = append(s.lines, l)
}

// Len is the number of lines.
func (s *StatusLines) Len() int { return len(s.lines) }

// Row is line i's cells, in StatusColumns' order.
func (s *StatusLines) Row(i int) []view.Cell {
	l := s.lines[i]
	a := s.acts[l.act]
	ach := view.EmptyCell()
	if l.hasAch {
		ach = view.PercentCell(l.achievement)
	}
	return []view.Cell{view.TextCell(a.roadmap), view.NumberOf(a.n), view.TextCell(a.id),
		view.IntCell(int(l.year)), view.TextCell(s.texts[l.plan]), view.TextCell(l.fact), ach,
		view.StatusCell(string(l.status)), view.TextCell(s.texts[l.reason])}
}

func capitalize(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}
