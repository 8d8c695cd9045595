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
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
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
	if v == ByActivity || v == ByYear {
		// These views list the results and only read them: handed over as
		// they are, not copied in one by one (a workbook builds both).
		c.results = Filter(results, opts)
		return c.Table()
	}
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
	owners := indexOwners(results)
	districts := owners.names
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
				Key:    part + "_" + strconv.Itoa(i+1),
				Header: d + ": " + i18n.T(lang, "summary.col."+part), Max: 18,
			})
		}
	}
	// Each result's activity, and its row: the activity and the year. An
	// owner's results of one activity come one after another (a result
	// per year), so the last ones found are tried before any map.
	acts := newActivities(results)
	keyOf := map[[2]int32]int32{}
	var keyAct, keyYear []int32
	keyOfResult := make([]int32, len(results))
	lastID, lastOwner, lastAct := "", "", int32(-1)
	lastKey, lastKeyIndex := [2]int32{-1, 0}, int32(-1)
	for i := range results {
		r := &results[i]
		a := lastAct
		if a < 0 || r.ActivityID != lastID || r.Owner != lastOwner {
			a = acts.of(r, owners.of[i])
			lastID, lastOwner, lastAct = r.ActivityID, r.Owner, a
		}
		acts.place(a, int32(i))
		k := [2]int32{a, int32(r.Year)}
		if k != lastKey {
			ki, ok := keyOf[k]
			if !ok {
				ki = int32(len(keyAct))
				keyOf[k] = ki
				keyAct, keyYear = append(keyAct, a), append(keyYear, k[1])
			}
			lastKey, lastKeyIndex = k, ki
		}
		keyOfResult[i] = lastKeyIndex
	}
	// Rows activity by activity as the first result of each places it
	// (section, number), then by id and which activity under it, then by
	// year: activities sorted once, rows by two integers.
	actRank := acts.ranks()
	keyOrder := make([]int32, len(keyAct))
	for i := range keyOrder {
		keyOrder[i] = int32(i)
	}
	slices.SortFunc(keyOrder, func(a, b int32) int {
		return cmp.Or(cmp.Compare(actRank[keyAct[a]], actRank[keyAct[b]]), cmp.Compare(keyYear[a], keyYear[b]))
	})
	keyRank := make([]int32, len(keyAct))
	for i, k := range keyOrder {
		keyRank[k] = int32(i)
	}
	// The results of each row, by owner (the last of an owner's shows):
	// counted into place by row, then sorted by owner within each row.
	start := make([]int32, len(keyAct)+1)
	for _, k := range keyOfResult {
		start[keyRank[k]+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	byRow := make([]int32, len(results))
	next := slices.Clone(start[:len(keyAct)])
	for i, k := range keyOfResult {
		rank := keyRank[k]
		byRow[next[rank]] = int32(i)
		next[rank]++
	}
	owner := owners.of
	plans := newPlanTexts(lang)
	cellsOf := func(row int) []int32 {
		rs := byRow[start[row]:start[row+1]]
		slices.SortFunc(rs, func(a, b int32) int { return cmp.Or(cmp.Compare(owner[a], owner[b]), cmp.Compare(a, b)) })
		// One result per owner: the last taken in.
		out := rs[:0]
		for i, x := range rs {
			if i+1 < len(rs) && owner[rs[i+1]] == owner[x] {
				continue
			}
			out = append(out, x)
		}
		return out
	}
	if long {
		rows := make([][]int32, len(keyOrder))
		n := 0
		for i := range keyOrder {
			rows[i] = cellsOf(i)
			n += len(rows[i])
		}
		const width = 7
		slab := make([]view.Cell, n*width)
		if n > 0 {
			t.Rows = make([][]view.Cell, 0, n)
		}
		placed := make([]placedSection, 0, n)
		for i, k := range keyOrder {
			a := acts.list[keyAct[k]]
			id, title, year := view.TextCell(a.id), view.TextCell(a.title), view.IntCell(int(keyYear[k]))
			section := results[a.first].Section
			for _, x := range rows[i] {
				r := &results[x]
				row := slab[:width:width]
				slab = slab[width:]
				row[0], row[1], row[2] = id, title, year
				row[3], row[4], row[5], row[6] = view.TextCell(districts[owner[x]]), view.TextCell(plans.text(&r.Plan)),
					view.TextCell(r.Fact), view.StatusCell(string(r.Status))
				t.Rows = append(t.Rows, row)
				placed = append(placed, placedSection{section: section})
			}
		}
		t.Headings = sectionHeadings(placed)
		return t
	}
	placed := make([]placedSection, len(keyOrder))
	for i, k := range keyOrder {
		placed[i] = placedSection{section: results[acts.list[keyAct[k]].first].Section}
	}
	t.Headings = sectionHeadings(placed)
	width := 3 + 3*len(districts)
	slab := make([]view.Cell, len(keyOrder)*width)
	if len(keyOrder) > 0 {
		t.Rows = make([][]view.Cell, len(keyOrder))
	}
	empty := view.TextCell("")
	for i, k := range keyOrder {
		a := acts.list[keyAct[k]]
		row := slab[i*width : (i+1)*width : (i+1)*width]
		row[0], row[1], row[2] = view.TextCell(a.id), view.TextCell(a.title), view.IntCell(int(keyYear[k]))
		for j := 3; j < width; j++ {
			row[j] = empty
		}
		for _, x := range cellsOf(i) {
			r := &results[x]
			c := 3 + 3*int(owner[x])
			row[c], row[c+1], row[c+2] = view.TextCell(plans.text(&r.Plan)), view.TextCell(r.Fact), view.StatusCell(string(r.Status))
		}
		t.Rows[i] = row
	}
	return t
}

// owners are the owners of some results: their names sorted, and each
// result's owner as its place among them.
type owners struct {
	names []string
	of    []int32
}

func indexOwners(results []fulfil.Result) owners {
	index := map[string]int32{}
	var names []string
	of := make([]int32, len(results))
	last, lastIndex := "", int32(-1)
	for i := range results {
		o := results[i].Owner
		if lastIndex < 0 || o != last {
			j, ok := index[o]
			if !ok {
				j = int32(len(names))
				index[o] = j
				names = append(names, o)
			}
			last, lastIndex = o, j
		}
		of[i] = lastIndex
	}
	order := make([]int32, len(names))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(names[a], names[b]) })
	rank := make([]int32, len(names))
	sorted := make([]string, len(names))
	for i, j := range order {
		rank[j], sorted[i] = int32(i), names[j]
	}
	for i, j := range of {
		of[i] = rank[j]
	}
	return owners{names: sorted, of: of}
}

// activities tells which activity across owners each result is: owners'
// activities are one when they have the same id and similar titles
// (similarKeys). Titles are compared once per owner and id, and then only
// a title not seen before under that id, with the distinct titles seen
// under it (owners copy one title), so that a country's view is not
// quadratic in owners. Ids, owners and title keys are numbered, each key
// made ready to compare once, and what two keys compared to is
// remembered for the first memoKeys keys: ids reuse the same titles.
type activities struct {
	results []fulfil.Result
	list    []activity
	idOf    map[string]int32
	// byID are each id's activities in the order found.
	byID [][]int32
	// ofOwner is the activity of an owner's id, exact that of an id and a
	// title key (an id and the other in an uint64).
	ofOwner, exact map[uint64]int32
	keyOf          map[string]int32
	keys           []*titleKeyed
	// memo[i] holds two bits for each key j < i: compared, similar.
	memo  [][]uint64
	buf   []byte
	match titleMatcher
}

// memoKeys is how many keys' comparisons are remembered: 2 MB at most.
const memoKeys = 4096

// activity is one activity across owners: an id, which of the different
// activities under that id it is, the title naming its rows (the first
// found), its titles' keys, and the result that places it (the lowest
// section and number any roadmap gives it).
type activity struct {
	id      string
	variant int
	title   string
	keys    []int32
	first   int32
}

func newActivities(results []fulfil.Result) *activities {
	return &activities{results: results, idOf: map[string]int32{}, ofOwner: map[uint64]int32{}, exact: map[uint64]int32{},
		keyOf: map[string]int32{}}
}

func pair(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// of is the activity of r, whose owner is numbered owner.
func (s *activities) of(r *fulfil.Result, owner int32) int32 {
	id, ok := s.idOf[r.ActivityID]
	if !ok {
		id = int32(len(s.byID))
		s.idOf[r.ActivityID] = id
		s.byID = append(s.byID, nil)
	}
	if a, ok := s.ofOwner[pair(id, owner)]; ok {
		return a
	}
	s.buf = appendTitleKey(s.buf[:0], r.Title)
	key, ok := s.keyOf[string(s.buf)]
	if !ok {
		key = int32(len(s.keys))
		k := string(s.buf)
		s.keyOf[k] = key
		s.keys = append(s.keys, newTitleKeyed(k))
	}
	// A title seen before under this id: its activity, without comparing.
	a, seen := s.exact[pair(id, key)]
	if !seen {
		vs := s.byID[id]
		a = -1
		for _, v := range vs {
			if slices.ContainsFunc(s.list[v].keys, func(k int32) bool { return s.similar(k, key) }) {
				a = v
				break
			}
		}
		if a < 0 {
			a = int32(len(s.list))
			s.list = append(s.list, activity{id: r.ActivityID, variant: len(vs), title: r.Title, first: -1})
			s.byID[id] = append(vs, a)
		}
		s.list[a].keys = append(s.list[a].keys, key)
		s.exact[pair(id, key)] = a
	}
	s.ofOwner[pair(id, owner)] = a
	return a
}

// similar is similarKeys of keys x and y, remembered.
func (s *activities) similar(x, y int32) bool {
	if x == y {
		return true
	}
	i, j := max(x, y), min(x, y)
	if i >= memoKeys {
		return s.match.similar(s.keys[x], s.keys[y])
	}
	for int(i) >= len(s.memo) {
		s.memo = append(s.memo, make([]uint64, (2*len(s.memo)+63)/64))
	}
	word, bit := &s.memo[i][2*j/64], uint(2*j%64)
	if *word&(1<<bit) != 0 {
		return *word&(2<<bit) != 0
	}
	ok := s.match.similar(s.keys[x], s.keys[y])
	*word |= 1 << bit
	if ok {
		*word |= 2 << bit
	}
	return ok
}

// place takes result i of activity a in: the first places the activity,
// and any of a lower section or number after it.
func (s *activities) place(a, i int32) {
	act := &s.list[a]
	if act.first < 0 {
		act.first = i
		return
	}
	r, f := &s.results[i], &s.results[act.first]
	if r.SectionOrder < f.SectionOrder || r.SectionOrder == f.SectionOrder && r.N != f.N && r.N.Compare(f.N) < 0 {
		act.first = i
	}
}

// ranks are the activities' places in the view's order: by the section
// and number that place each, then by id and variant.
func (s *activities) ranks() []int32 {
	var nums numberRanks
	n := make([]int, len(s.list))
	for i := range s.list {
		n[i] = nums.add(s.results[s.list[i].first].N)
	}
	nRank := nums.ranks()
	order := make([]int32, len(s.list))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		a, b := &s.list[x], &s.list[y]
		return cmp.Or(cmp.Compare(s.results[a.first].SectionOrder, s.results[b.first].SectionOrder), cmp.Compare(nRank[n[x]], nRank[n[y]]),
			cmp.Compare(a.id, b.id), cmp.Compare(a.variant, b.variant))
	})
	rank := make([]int32, len(s.list))
	for i, a := range order {
		rank[a] = int32(i)
	}
	return rank
}

// numberRanks ranks activity numbers in Compare order (2 < 2.1 < 2.10 <
// 3), each distinct number split into parts once, not at every
// comparison.
type numberRanks struct {
	index map[roadmap.Number]int
	nums  []roadmap.Number
}

// add takes n in and returns its index among the distinct numbers.
func (x *numberRanks) add(n roadmap.Number) int {
	if x.index == nil {
		x.index = map[roadmap.Number]int{}
	}
	i, ok := x.index[n]
	if !ok {
		i = len(x.nums)
		x.index[n] = i
		x.nums = append(x.nums, n)
	}
	return i
}

// ranks are the distinct numbers' ranks, by index: equal numbers rank
// equal.
func (x *numberRanks) ranks() []int {
	parts := make([][]int, len(x.nums))
	order := make([]int, len(x.nums))
	for i, n := range x.nums {
		parts[i], order[i] = n.Parts(), i
	}
	slices.SortFunc(order, func(a, b int) int { return slices.Compare(parts[a], parts[b]) })
	rank := make([]int, len(x.nums))
	for i, j := range order {
		rank[j] = i
		if i > 0 && slices.Equal(parts[j], parts[order[i-1]]) {
			rank[j] = rank[order[i-1]]
		}
	}
	return rank
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
	var m titleMatcher
	return m.similar(newTitleKeyedRunes(x), newTitleKeyedRunes(y))
}

// allowedEdits is the most edits the similarity allows between titles
// of which the longer has n letters, found as the float test finds it.
func allowedEdits(n int) int {
	k := int(float64(n)*(1-similarity)) + 1
	for k >= 0 && 1-float64(k)/float64(n) < similarity {
		k--
	}
	return k
}

// titleKeyed is a title's key (titleKey) ready to be compared: its
// letters, how many of them fall in each of 64 classes (by their low
// bits, counts capped at 255), and its pairs of adjacent letters (by
// their low 16 bits), sorted.
type titleKeyed struct {
	r     []rune
	count [64]uint8
	pairs []uint32
}

func newTitleKeyed(key string) *titleKeyed { return newTitleKeyedRunes([]rune(key)) }

func newTitleKeyedRunes(r []rune) *titleKeyed {
	k := &titleKeyed{r: r}
	for _, c := range r {
		if n := &k.count[c&63]; *n < 255 {
			*n++
		}
	}
	if len(r) > 1 {
		k.pairs = make([]uint32, len(r)-1)
		for i := range k.pairs {
			k.pairs[i] = uint32(r[i]&0xffff)<<16 | uint32(r[i+1]&0xffff)
		}
		slices.Sort(k.pairs)
	}
	return k
}

// sharedPairs counts the pairs two keys share (as many times as both
// have one).
func sharedPairs(x, y []uint32) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			n, i, j = n+1, i+1, j+1
		}
	}
	return n
}

// titleMatcher compares title keys, its rows of the edit distance table
// kept from one comparison to the next.
type titleMatcher struct{ prev, cur []int }

// similar is similarKeys of two keys.
func (m *titleMatcher) similar(x, y *titleKeyed) bool {
	longest := max(len(x.r), len(y.r))
	if longest == 0 {
		return true
	}
	k := allowedEdits(longest)
	if k < 0 || len(x.r)-len(y.r) > k || len(y.r)-len(x.r) > k {
		return false
	}
	// The letters one has and the other lacks are edits too: a bound
	// found from the counts (of classes of letters, and capped: both can
	// only lower it) rules most different titles out before the table.
	more, less := 0, 0
	for i := range x.count {
		if d := int(x.count[i]) - int(y.count[i]); d > 0 {
			more += d
		} else {
			less -= d
		}
	}
	if max(more, less) > k {
		return false
	}
	// An edit changes at most two of a key's pairs of adjacent letters, so
	// keys within k edits share all but 2k of the longer's pairs (pairs
	// told by their low bits can only share more).
	if need := longest - 1 - 2*k; need > 0 && sharedPairs(x.pairs, y.pairs) < need {
		return false
	}
	return m.band(x.r, y.r, k)
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
	var m titleMatcher
	return m.band(a, b, k)
}

// band is withinDistance of strings whose lengths differ by at most k.
// Each row reads only cells the row before wrote, so rows left from an
// earlier comparison need no clearing.
func (m *titleMatcher) band(a, b []rune, k int) bool {
	// A common start or end costs no edits (titles of one id differ in a
	// few words): the table is only of what lies between.
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	const inf = 1 << 30
	n := len(b) + 2
	if len(m.prev) < n {
		m.prev, m.cur = make([]int, n), make([]int, n)
	}
	prev, cur := m.prev[:n], m.cur[:n]
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
func titleKey(s string) string { return string(appendTitleKey(nil, s)) }

// appendTitleKey appends s's titleKey to b, in one pass.
func appendTitleKey(b []byte, s string) []byte {
	start, space := len(b), false
	for _, r := range s {
		switch {
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case 'А' <= r && r <= 'Я':
			r += 'а' - 'А'
		case 'а' <= r && r <= 'я':
		case r < utf8.RuneSelf:
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			default:
				space = len(b) > start
				continue
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			space = len(b) > start
			continue
		}
		if space {
			b, space = append(b, ' '), false
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// executorCounts is the by-executor view, gathered result by result: it
// tells each organisation what it owes and what is overdue.
type executorCounts struct {
	lang   i18n.Lang
	groups map[executorKey]*executorGroup
	keys   []executorKey
	level  bool
	// items are the overdue items worded, each once (an activity's number,
	// year and status recur across owners and executors).
	items map[overdueKey]string
}

type overdueKey struct {
	n      roadmap.Number
	year   int
	status fulfil.Status
}

type executorKey struct{ executor, district string }

type executorGroup struct {
	activities map[string]bool
	due        int
	overdue    []string
}

func newExecutorCounts(lang i18n.Lang) *executorCounts {
	return &executorCounts{lang: lang, groups: map[executorKey]*executorGroup{}, items: map[overdueKey]string{}}
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
			g.overdue = append(g.overdue, x.item(r))
		}
	}
}

func (x *executorCounts) item(r *fulfil.Result) string {
	k := overdueKey{r.N, r.Year, r.Status}
	s, ok := x.items[k]
	if !ok {
		s = i18n.T(x.lang, "summary.overdue_item", r.N, r.Year, label(r.Status, x.lang))
		if len(x.items) < 1<<16 {
			x.items[k] = s
		}
	}
	return s
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
	order := yearOrder(results)
	placed := make([]placedSection, len(order))
	for i, j := range order {
		r := &results[j]
		placed[i] = placedSection{scope: r.RoadmapID, section: r.Section}
	}
	t.Headings = sectionHeadings(placed)
	const width = 12
	slab := make([]view.Cell, len(order)*width)
	if len(order) > 0 {
		t.Rows = make([][]view.Cell, len(order))
	}
	plans := newPlanTexts(lang)
	units := map[phrase.IndicatorKind]string{}
	for i, j := range order {
		r := &results[j]
		unit := r.Plan.Unit
		if unit == "" && r.Plan.Kind != "" {
			// An indicator not understood has no kind, and no unit to say.
			u, ok := units[r.Plan.Kind]
			if !ok {
				u = i18n.T(lang, "summary.unit."+string(r.Plan.Kind))
				units[r.Plan.Kind] = u
			}
			unit = u
		}
		row := slab[i*width : (i+1)*width : (i+1)*width]
		row[0], row[1], row[2], row[3] = view.IntCell(i+1), view.TextCell(r.Owner), view.NumberOf(r.N), view.TextCell(r.Title)
		row[4], row[5], row[6], row[7] = view.TextCell(r.Indicator), view.TextCell(unit), view.IntCell(r.Year), view.TextCell(plans.text(&r.Plan))
		row[8], row[9], row[10], row[11] = view.TextCell(r.Fact), achievement(*r), view.StatusCell(string(r.Status)), view.TextCell(r.Reason)
		t.Rows[i] = row
	}
	return t
}

// yearOrder is the by-year view's order of results: by owner, roadmap,
// section, number and year, else as taken in. Each result is given small
// integers for it (its roadmap's rank, its number's), so that the sort
// compares integers and moves indices, not results.
func yearOrder(results []fulfil.Result) []int32 {
	type place struct {
		roadmap, section, n, year int
		i                         int32
	}
	places := make([]place, len(results))
	type roadmapKey struct{ owner, id string }
	roadmapOf := map[roadmapKey]int{}
	var roadmaps []roadmapKey
	var nums numberRanks
	last, lastIndex := roadmapKey{}, -1
	for i := range results {
		r := &results[i]
		if k := (roadmapKey{r.Owner, r.RoadmapID}); lastIndex < 0 || k != last {
			j, ok := roadmapOf[k]
			if !ok {
				j = len(roadmaps)
				roadmapOf[k] = j
				roadmaps = append(roadmaps, k)
			}
			last, lastIndex = k, j
		}
		places[i] = place{roadmap: lastIndex, section: r.SectionOrder, n: nums.add(r.N), year: r.Year, i: int32(i)}
	}
	byName := make([]int, len(roadmaps))
	for i := range byName {
		byName[i] = i
	}
	slices.SortFunc(byName, func(a, b int) int {
		return cmp.Or(cmp.Compare(roadmaps[a].owner, roadmaps[b].owner), cmp.Compare(roadmaps[a].id, roadmaps[b].id))
	})
	rank := make([]int, len(roadmaps))
	for i, j := range byName {
		rank[j] = i
	}
	nRank := nums.ranks()
	for i := range places {
		places[i].roadmap, places[i].n = rank[places[i].roadmap], nRank[places[i].n]
	}
	slices.SortFunc(places, func(a, b place) int {
		return cmp.Or(cmp.Compare(a.roadmap, b.roadmap), cmp.Compare(a.section, b.section), cmp.Compare(a.n, b.n),
			cmp.Compare(a.year, b.year), cmp.Compare(a.i, b.i))
	})
	order := make([]int32, len(places))
	for i, p := range places {
		order[i] = p.i
	}
	return order
}

// planTexts words plans (view.Plan), each distinct plan once: a view's
// plans are a few per activity, repeated across owners and years.
type planTexts struct {
	lang i18n.Lang
	of   map[planKey]string
}

// planKey is what a plan's words depend on, its bounds by their bits
// (-0 is not 0 to Amount).
type planKey struct {
	kind                   phrase.IndicatorKind
	year, documents        int
	min, max               uint64
	hasMin, hasMax         bool
	unit                   string
	total, quarterly, base bool
}

func newPlanTexts(lang i18n.Lang) *planTexts {
	return &planTexts{lang: lang, of: map[planKey]string{}}
}

func (x *planTexts) text(p *roadmap.Plan) string {
	k := planKey{kind: p.Kind, year: p.Year, documents: p.Documents, unit: p.Unit, total: p.Total, quarterly: p.Quarterly, base: p.Base}
	if p.Min != nil {
		k.min, k.hasMin = math.Float64bits(*p.Min), true
	}
	if p.Max != nil {
		k.max, k.hasMax = math.Float64bits(*p.Max), true
	}
	if s, ok := x.of[k]; ok {
		return s
	}
	s := view.Plan(*p, x.lang)
	if len(x.of) < 1<<16 {
		x.of[k] = s
	}
	return s
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
