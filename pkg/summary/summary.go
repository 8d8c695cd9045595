// Package summary owns the views of evaluation results: the summaries
// officials ask for (fulfilment by district — by owner: a district,
// region or school —, each activity across owners side by side as a
// regional consolidation, by executor, and
// the full activity x year list in the shape of the Russian form
// "Сведения о достижении значений показателей") and the status table of
// `roadmap check --report`. It builds tables of typed cells (numbers,
// percents, status keys) from evaluation results, and the views as rows
// made as they are drawn (Collector.Rows: a country's by-year list is too
// large to hold as cells); package view words plans and statuses,
// package render draws the tables in any format.
package summary

import (
	"cmp"
	"slices"
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
	for i := range results {
		c.Add(&results[i])
	}
	return c.Table()
}

// Collector makes views of results handed to it one by one
// (fulfil.EvaluateEach), without holding the results: the by-district
// and by-executor views keep only their counts, the views that list
// results (by activity, by year) and the chart sheet a compact record of
// each (records), so that a country's summary (millions of results) holds
// a few tens of bytes a result.
type Collector struct {
	v        View
	opts     Options
	district *districtCounts
	executor *executorCounts
	records  *records
}

// NewCollector starts view v.
func NewCollector(v View, opts Options) *Collector {
	c := &Collector{v: v, opts: opts}
	switch v {
	case ByActivity, ByYear:
		c.records = newRecords(opts.Lang)
	case ByExecutor:
		c.executor = newExecutorCounts(opts.Lang)
	default:
		c.district = newDistrictCounts()
	}
	return c
}

// NewWorkbook starts every view and the chart sheet, v the first: a
// workbook's (Order, View, ChartSheet).
func NewWorkbook(v View, opts Options) *Collector {
	c := NewCollector(v, opts)
	if c.district == nil {
		c.district = newDistrictCounts()
	}
	if c.executor == nil {
		c.executor = newExecutorCounts(opts.Lang)
	}
	if c.records == nil {
		c.records = newRecords(opts.Lang)
	}
	return c
}

// Add takes a result in, if the options select it.
func (c *Collector) Add(r *fulfil.Result) {
	if !selected(r, c.opts) {
		return
	}
	if c.district != nil {
		c.district.add(r)
	}
	if c.executor != nil {
		c.executor.add(r)
	}
	if c.records != nil {
		c.records.add(r)
	}
}

// Table is the view started (NewCollector's) of the results taken in.
func (c *Collector) Table() view.Table { return c.View(c.v) }

// View is view v of the results taken in, held: Rows(v)'s table.
func (c *Collector) View(v View) view.Table { return c.Rows(v).Table() }

// Rows is view v of the results taken in, its rows made as they are
// drawn: the one started, or any of a workbook's (NewWorkbook); one not
// gathered has no rows. The listing views keep a few bytes a row (a
// country's are over a million rows, a gigabyte as cells); the counted
// ones are a few rows a roadmap, held. The rows are of the results taken
// in before: any added after are not among them.
func (c *Collector) Rows(v View) view.Rows {
	opts := c.opts
	r := view.RowsOf(view.Table{})
	switch {
	case v == ByActivity || v == ByYear:
		if c.records != nil && v == ByActivity {
			r = c.records.activityRows()
		} else if c.records != nil {
			r = c.records.yearRows()
		}
	case v == ByExecutor:
		if c.executor != nil {
			r = c.executor.rows()
		}
	case c.district != nil:
		r = c.district.rows(opts.Lang)
	}
	r.Name = i18n.T(opts.Lang, "summary.sheet."+string(v))
	r.Title = i18n.T(opts.Lang, "summary.title."+string(v))
	r.Subtitle = subtitle(opts)
	if v == ByDistrict || v == ByExecutor {
		// Their counts are of two units: activities, and activities at
		// each of their deadlines.
		r.Subtitle += "\n" + i18n.T(opts.Lang, "summary.units")
	}
	return r
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

// ownerColumn is the column of whose roadmap a row is: «Район» while
// every roadmap is a district's, «Район / организация» once a region's or
// a school's is among them (level). Its key stays "district" for
// programs.
func ownerColumn(level bool, lang i18n.Lang, max int) view.Column {
	c := col(lang, "district", max)
	if level {
		c.Header = i18n.T(lang, "summary.col.owner")
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
	return sectionHeadingsOf(len(rows), func(i int) placedSection { return rows[i] })
}

// sectionHeadingsOf is sectionHeadings of n rows, row i's at(i): a
// country's million rows placed one at a time, not 64 bytes each at once.
func sectionHeadingsOf(n int, at func(i int) placedSection) []view.Heading {
	var hs []view.Heading
	var prev placedSection
	for i := range n {
		r := at(i)
		if r.section.ID != "" && (i == 0 || prev.scope != r.scope || prev.section.ID != r.section.ID) {
			hs = append(hs, view.SectionHeading(r.section, i))
		}
		prev = r
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

func label(s fulfil.Status, lang i18n.Lang) string { return view.StatusLabel(string(s), lang) }

// districtCounts is the by-district view, gathered result by result: it
// counts statuses per owner (per roadmap: a district, region or school),
// a few counts per roadmap whatever the number of results.
type districtCounts struct {
	order      []string
	groups     map[string]*districtGroup
	activities *activitySet
	// level is whether a region's or a school's roadmap is among them.
	level bool
}

type districtGroup struct {
	district, roadmap string
	index             int32 // in activities
	positions         int
	counts            [len(statusOrder)]int
}

func newDistrictCounts() *districtCounts {
	return &districtCounts{groups: map[string]*districtGroup{}, activities: newActivitySet()}
}

// statusOrder is fulfil.Statuses, which counts are indexed by.
var statusOrder = [...]fulfil.Status{fulfil.Met, fulfil.MetLate, fulfil.NotMet, fulfil.Partial, fulfil.NoData, fulfil.NotDue, fulfil.NeedsReview}

// statusIndex is s's place in statusOrder, -1 if none.
func statusIndex(s fulfil.Status) int {
	for i, x := range statusOrder {
		if x == s {
			return i
		}
	}
	return -1
}

// activitySet counts the distinct activities of groups (a roadmap, an
// executor in a district): for each group and roadmap, the interned ids
// of its activities, a few int32 (a map of ids per group was 140 MB of a
// country's summary of 250, one map of every group's keys 44 MB). An
// activity's years and a roadmap's activities come one after another, so
// the last group and roadmap are not looked up again.
type activitySet struct {
	ids      map[string]int32
	pairs    map[[2]int32]int32 // a group and roadmap: their place in acts
	acts     [][]int32
	count    []int32 // by group
	lastPair [2]int32
	last     int32 // lastPair's place, -1 before the first
}

func newActivitySet() *activitySet {
	return &activitySet{ids: map[string]int32{}, pairs: map[[2]int32]int32{}, last: -1}
}

// group starts a group and returns its index.
func (s *activitySet) group() int32 {
	s.count = append(s.count, 0)
	return int32(len(s.count) - 1)
}

// add takes activity id of roadmap rm (an index the caller gives) into
// group g.
func (s *activitySet) add(g, rm int32, id string) {
	a, ok := s.ids[id]
	if !ok {
		a = int32(len(s.ids))
		s.ids[id] = a
	}
	p := [2]int32{g, rm}
	if s.last < 0 || p != s.lastPair {
		i, ok := s.pairs[p]
		if !ok {
			i = int32(len(s.acts))
			s.pairs[p] = i
			s.acts = append(s.acts, nil)
		}
		s.lastPair, s.last = p, i
	}
	if !slices.Contains(s.acts[s.last], a) {
		s.acts[s.last] = append(s.acts[s.last], a)
		s.count[g]++
	}
}

func (d *districtCounts) add(r *fulfil.Result) {
	d.level = d.level || r.Level != roadmap.LevelDistrict
	g, ok := d.groups[r.RoadmapID]
	if !ok {
		g = &districtGroup{district: r.Owner, roadmap: r.RoadmapName, index: d.activities.group()}
		d.groups[r.RoadmapID] = g
		d.order = append(d.order, r.RoadmapID)
	}
	d.activities.add(g.index, 0, r.ActivityID)
	g.positions++
	if i := statusIndex(r.Status); i >= 0 {
		g.counts[i]++
	}
}

// rows are the by-district view, a row made when asked: a country's is
// 23,000 rows.
func (d *districtCounts) rows(lang i18n.Lang) view.Rows {
	owner := col(lang, "district", 24)
	if d.level {
		owner.Header = i18n.T(lang, "summary.col.owner")
	}
	r := view.Rows{Columns: []view.Column{owner, col(lang, "roadmap", 30), col(lang, "activities", 0), col(lang, "positions", 12)}}
	for _, s := range fulfil.Statuses {
		r.Columns = append(r.Columns, view.Column{Key: string(s), Header: capitalize(label(s, lang)), Max: 12})
	}
	r.Columns = append(r.Columns, col(lang, "met_percent", 0))
	order := make([]*districtGroup, len(d.order))
	for i, id := range d.order {
		order[i] = d.groups[id]
	}
	ids := slices.Clone(d.order)
	byID := make([]int, len(order))
	for i := range byID {
		byID[i] = i
	}
	slices.SortFunc(byID, func(a, b int) int {
		return cmp.Or(cmp.Compare(order[a].district, order[b].district), cmp.Compare(ids[a], ids[b]))
	})
	r.Len = len(byID)
	r.Row = func(i int) []view.Cell {
		g := order[byID[i]]
		row := make([]view.Cell, 0, len(r.Columns))
		row = append(row, view.TextCell(g.district), view.TextCell(g.roadmap), view.IntCell(int(d.activities.count[g.index])), view.IntCell(g.positions))
		met, judgedN := 0, 0
		for _, s := range fulfil.Statuses {
			n := 0
			if i := statusIndex(s); i >= 0 {
				n = g.counts[i]
			}
			row = append(row, view.IntCell(n))
			if done(s) {
				met += n
			}
			if judged(s) {
				judgedN += n
			}
		}
		return append(row, percentOf(met, judgedN))
	}
	return r
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

// editsAllowed is allowedEdits of lengths up to 255, found once.
var editsAllowed = func() (t [256]int) {
	for n := 1; n < len(t); n++ {
		t[n] = allowedEdits(n)
	}
	return t
}()

// editsFor is allowedEdits(n), n > 0.
func editsFor(n int) int {
	if n < len(editsAllowed) {
		return editsAllowed[n]
	}
	return allowedEdits(n)
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
// bits, counts capped at 127, a byte each, eight to a word), and its
// pairs of adjacent letters (by their low 16 bits), sorted.
type titleKeyed struct {
	r     []rune
	count [8]uint64
	pairs []uint32
}

func newTitleKeyed(key string) *titleKeyed { return newTitleKeyedRunes([]rune(key)) }

func newTitleKeyedRunes(r []rune) *titleKeyed {
	k := &titleKeyed{r: r}
	var count [64]uint8
	for _, c := range r {
		if n := &count[c&63]; *n < 127 {
			*n++
		}
	}
	for i, n := range count {
		k.count[i/8] |= uint64(n) << (8 * (i % 8))
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

// countDiff is how many letters of x's classes y lacks (more) and of
// y's x lacks (less), eight classes a word: each byte's difference is
// found without a borrow into the next, since counts are at most 127.
func countDiff(x, y *[8]uint64) (more, less int) {
	const hi, lo16 = 0x8080808080808080, 0x00ff00ff00ff00ff
	var pos, neg uint64
	for i := range x {
		// Each byte is x-y+128: at least 128 where x >= y.
		d := (x[i] | hi) - y[i]
		ge := ((d & hi) >> 7) * 0xff
		p := d &^ hi & ge
		n := (hi - d&^ge) &^ ge
		// Sums in 16-bit lanes: at most 8 words × 2 × 127 each.
		pos += p&lo16 + p>>8&lo16
		neg += n&lo16 + n>>8&lo16
	}
	const sum16 = 0x0001000100010001
	return int(pos * sum16 >> 48), int(neg * sum16 >> 48)
}

// titleMatcher compares title keys, its rows of the edit distance table
// kept from one comparison to the next.
type titleMatcher struct {
	prev, cur []int
	eq        eqTable
}

// eqTable maps the letters of a pattern of up to maxPattern to the bits
// of their places in it (for distanceWithin), open addressed; a slot is
// in use only if it was written in the current generation, so that it
// needs no clearing between patterns.
type eqTable struct {
	gen   uint32
	slots [2 * maxPattern]eqSlot
}

// maxPattern is the longest pattern compared bit-parallel: four words.
const maxPattern = 4 * 64

type eqSlot struct {
	gen  uint32
	r    rune
	mask [maxPattern / 64]uint64
}

func eqHash(r rune) uint32 { return uint32(r) * 0x9e3779b1 >> 23 }

// reset makes the table of pattern p (at most maxPattern letters, so at
// most half the slots used).
func (t *eqTable) reset(p []rune) {
	t.gen++
	if t.gen == 0 {
		t.slots, t.gen = [2 * maxPattern]eqSlot{}, 1
	}
	for i, r := range p {
		h := eqHash(r)
		for {
			sl := &t.slots[h]
			if sl.gen != t.gen {
				sl.gen, sl.r, sl.mask = t.gen, r, [maxPattern / 64]uint64{}
			}
			if sl.r == r {
				sl.mask[i/64] |= 1 << (i % 64)
				break
			}
			h = (h + 1) % (2 * maxPattern)
		}
	}
}

// mask is the places of r in the pattern, or nil if none.
func (t *eqTable) mask(r rune) *[maxPattern / 64]uint64 {
	for h := eqHash(r); ; h = (h + 1) % (2 * maxPattern) {
		sl := &t.slots[h]
		if sl.gen != t.gen {
			return nil
		}
		if sl.r == r {
			return &sl.mask
		}
	}
}

// distanceWithin reports whether the edit distance of pattern p (1 to
// maxPattern letters) and text x is at most k, by Myers' bit-parallel
// algorithm in blocks of 64 (with Hyyrö's boundary for whole strings): a
// column of the table in two words a block per letter of x, stopped once
// the distance cannot come back within k.
func (m *titleMatcher) distanceWithin(p, x []rune, k int) bool {
	m.eq.reset(p)
	blocks := (len(p) + 63) / 64
	var pv, mv [maxPattern / 64]uint64
	for b := range blocks {
		pv[b] = ^uint64(0)
	}
	last := uint64(1) << ((len(p) - 1) % 64)
	var none [maxPattern / 64]uint64
	score := len(p)
	for j, r := range x {
		eqs := m.eq.mask(r)
		if eqs == nil {
			eqs = &none
		}
		// The row above the pattern grows by one a letter: +1 comes in.
		hin := 1
		for b := range blocks {
			eq, pb, mb := eqs[b], pv[b], mv[b]
			xv := eq | mb
			if hin < 0 {
				eq |= 1
			}
			xh := ((eq & pb) + pb) ^ pb | eq
			ph := mb | ^(xh | pb)
			mh := pb & xh
			top := uint64(1) << 63
			if b == blocks-1 {
				top = last
			}
			hout := 0
			if ph&top != 0 {
				hout = 1
			} else if mh&top != 0 {
				hout = -1
			}
			ph, mh = ph<<1, mh<<1
			if hin < 0 {
				mh |= 1
			} else if hin > 0 {
				ph |= 1
			}
			pv[b], mv[b] = mh|^(xv|ph), ph&xv
			hin = hout
		}
		score += hin
		// Each letter left can lower the distance by one at most.
		if score-(len(x)-1-j) > k {
			return false
		}
	}
	return score <= k
}

// similar is similarKeys of two keys.
func (m *titleMatcher) similar(x, y *titleKeyed) bool {
	longest := max(len(x.r), len(y.r))
	if longest == 0 {
		return true
	}
	k := editsFor(longest)
	if k < 0 || len(x.r)-len(y.r) > k || len(y.r)-len(x.r) > k {
		return false
	}
	// The letters one has and the other lacks are edits too: a bound
	// found from the counts (of classes of letters, and capped: both can
	// only lower it) rules most different titles out before the table.
	if more, less := countDiff(&x.count, &y.count); max(more, less) > k {
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
	// What lies between, if the shorter is up to four words long: a
	// column of the table in two words a block (a fraction of the band's
	// time).
	if p, x := a, b; min(len(a), len(b)) > 0 && min(len(a), len(b)) <= maxPattern {
		if len(p) > len(x) {
			p, x = x, p
		}
		return m.distanceWithin(p, x, k)
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
	items map[overdueKey]int32
	texts []string
	// activities counts each group's activities, an activity being one of
	// a roadmap: two roadmaps of a district may both number one «1.1».
	activities *activitySet
	roadmaps   map[string]int32
	lastID     string // the roadmap of the last result, and its index
	last       int32
}

type overdueKey struct {
	n      roadmap.Number
	year   int
	status fulfil.Status
}

type executorKey struct{ executor, district string }

type executorGroup struct {
	index   int32 // in activities
	due     int
	overdue []int32 // in texts
}

func newExecutorCounts(lang i18n.Lang) *executorCounts {
	return &executorCounts{lang: lang, groups: map[executorKey]*executorGroup{}, items: map[overdueKey]int32{},
		activities: newActivitySet(), roadmaps: map[string]int32{}, last: -1}
}

// roadmap is the index of the roadmap of id.
func (x *executorCounts) roadmap(id string) int32 {
	if x.last >= 0 && id == x.lastID {
		return x.last
	}
	i, ok := x.roadmaps[id]
	if !ok {
		i = int32(len(x.roadmaps))
		x.roadmaps[id] = i
	}
	x.lastID, x.last = id, i
	return i
}

func (x *executorCounts) add(r *fulfil.Result) {
	x.level = x.level || r.Level != roadmap.LevelDistrict
	for _, e := range r.Executors {
		k := executorKey{e, r.Owner}
		g, ok := x.groups[k]
		if !ok {
			g = &executorGroup{index: x.activities.group()}
			x.groups[k] = g
			x.keys = append(x.keys, k)
		}
		x.activities.add(g.index, x.roadmap(r.RoadmapID), r.ActivityID)
		if r.Status == fulfil.NotDue {
			continue
		}
		g.due++
		if r.Status == fulfil.NotMet || r.Status == fulfil.NoData || r.Status == fulfil.Partial {
			g.overdue = append(g.overdue, x.item(r))
		}
	}
}

func (x *executorCounts) item(r *fulfil.Result) int32 {
	k := overdueKey{r.N, r.Year, r.Status}
	i, ok := x.items[k]
	if !ok {
		i = int32(len(x.texts))
		x.texts = append(x.texts, i18n.T(x.lang, "summary.overdue_item", r.N, r.Year, label(r.Status, x.lang)))
		if len(x.items) < 1<<16 {
			x.items[k] = i
		}
	}
	return i
}

// overdueList is a group's overdue items, worded.
func (x *executorCounts) overdueList(g *executorGroup) string {
	var b strings.Builder
	for i, t := range g.overdue {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(x.texts[t])
	}
	return b.String()
}

// rows are the by-executor view, a row made when asked: an executor's
// list of overdue items is worded then, not held (a country's were 95 MB).
func (x *executorCounts) rows() view.Rows {
	lang := x.lang
	owner := col(lang, "district", 20)
	if x.level {
		owner.Header = i18n.T(lang, "summary.col.owner")
	}
	r := view.Rows{Columns: []view.Column{
		col(lang, "executor", 36), owner,
		col(lang, "activities", 0), col(lang, "due", 0),
		col(lang, "overdue", 0), col(lang, "overdue_list", 40),
	}}
	keys := slices.Clone(x.keys)
	slices.SortFunc(keys, func(a, b executorKey) int {
		return cmp.Or(cmp.Compare(a.executor, b.executor), cmp.Compare(a.district, b.district))
	})
	r.Len = len(keys)
	r.Row = func(i int) []view.Cell {
		k := keys[i]
		g := x.groups[k]
		return []view.Cell{view.TextCell(k.executor), view.TextCell(k.district), view.IntCell(int(x.activities.count[g.index])),
			view.IntCell(g.due), view.IntCell(len(g.overdue)), view.TextCell(x.overdueList(g))}
	}
	return r
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

// StatusLines are the rows of the status table, kept as records (32
// bytes a result; a Result is ten times that, a row of cells more): a
// million-row report keeps one per row until the table is drawn.
type StatusLines struct{ r *records }

// NewStatusLines starts an empty table in lang.
func NewStatusLines(lang i18n.Lang) *StatusLines {
	r := newRecords(lang)
	r.lean = true
	return &StatusLines{r}
}

// Add adds r's line.
func (s *StatusLines) Add(r *fulfil.Result) { s.r.add(r) }

// Len is the number of lines.
func (s *StatusLines) Len() int { return s.r.recs.len() }

// Row is line i's cells, in StatusColumns' order.
func (s *StatusLines) Row(i int) []view.Cell {
	r := s.r
	rec := r.recs.at(i)
	a := &r.acts[rec.act]
	ach := view.EmptyCell()
	if rec.hasAch {
		ach = view.PercentCell(rec.ach)
	}
	return []view.Cell{view.TextCell(r.str(r.roadmaps[a.roadmap].id)), view.NumberOf(roadmap.Number(r.str(a.n))), view.TextCell(r.str(a.id)),
		view.IntCell(int(rec.year)), view.TextCell(r.planText(rec)), view.TextCell(r.str(rec.fact)), ach,
		view.StatusCell(r.statusText(rec)), view.TextCell(r.str(rec.reason))}
}

func capitalize(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}
