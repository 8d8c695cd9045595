package summary

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strconv"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// recordsOf keeps results as records, for the listing views.
func recordsOf(results []fulfil.Result, lang i18n.Lang) *records {
	s := newRecords(lang)
	for i := range results {
		s.add(&results[i])
	}
	return s
}

// byActivity is the by-activity view of results (records.byActivity).
func byActivity(results []fulfil.Result, lang i18n.Lang) view.Table {
	return recordsOf(results, lang).byActivity()
}

// byYear is the by-year view of results (records.byYear).
func byYear(results []fulfil.Result, lang i18n.Lang) view.Table {
	return recordsOf(results, lang).byYear()
}

// byActivity is the by-activity view as a table (activityRows).
func (s *records) byActivity() view.Table { return s.activityRows().Table() }

// activityRows puts each activity beside itself across owners
// (districts, regions, schools): each one's plan, fact and status in its
// own columns, the activities under their section headings (the section
// of the first roadmap that numbers the activity lowest). Owners'
// activities share a row only when they are the same activity: the same
// id and a similar title (similarKeys); an id two districts give to
// different activities makes a row for each, under each one's own title.
//
// Beyond MaxSideBySide owners the owners are rows instead, under each
// activity and year (an owner, its plan, fact and status): three columns
// per owner would be wider than any page, and past 5,460 owners wider
// than a sheet (16,384 columns).
//
// The order and each row's records are found once; a row's cells are
// made from its records when asked (a country's view is a million rows,
// 390 MB as cells), so that the rows keep 4 bytes a record shown.
func (s *records) activityRows() view.Rows {
	lang := s.lang
	owners := s.indexOwners()
	districts, ownerOf := owners.names, owners.ofRoadmap
	long := len(districts) > MaxSideBySide
	r := view.Rows{Columns: []view.Column{
		col(lang, "id", 0), col(lang, "title", 40), col(lang, "year", 0),
	}}
	if long {
		r.Columns = append(r.Columns, ownerColumn(s.level, lang, 24), col(lang, "plan", 18), col(lang, "fact", 18), col(lang, "status", 18))
	}
	for i, d := range districts {
		if long {
			break
		}
		for _, part := range []string{"plan", "fact", "status"} {
			r.Columns = append(r.Columns, view.Column{
				Key:    part + "_" + strconv.Itoa(i+1),
				Header: d + ": " + i18n.T(lang, "summary.col."+part), Max: 18,
			})
		}
	}
	// Each record's activity across owners, and its row: the activity and
	// the year. A roadmap's activity is one activity across owners
	// whichever of its records asks, so it is found once per roadmap's
	// activity, in the order the records first name them.
	acts := newActivities(s)
	actOf := make([]int32, len(s.acts))
	for i := range actOf {
		actOf[i] = -1
	}
	owner := make([]int32, s.recs.len())
	keyOf := map[uint64]int32{}
	var keyAct, keyYear []int32
	keyOfResult := make([]int32, s.recs.len())
	lastKey, lastKeyIndex := [2]int32{-1, 0}, int32(-1)
	for i := range s.recs.len() {
		rec := s.recs.at(i)
		ra := &s.acts[rec.act]
		owner[i] = ownerOf[ra.roadmap]
		a := actOf[rec.act]
		if a < 0 {
			a = acts.of(ra.id, ra.title, owner[i])
			actOf[rec.act] = a
		}
		acts.place(a, rec.act)
		k := [2]int32{a, int32(rec.year)}
		if k != lastKey {
			ki, ok := keyOf[pair(k[0], k[1])]
			if !ok {
				ki = int32(len(keyAct))
				keyOf[pair(k[0], k[1])] = ki
				keyAct, keyYear = append(keyAct, a), append(keyYear, k[1])
			}
			lastKey, lastKeyIndex = k, ki
		}
		keyOfResult[i] = lastKeyIndex
	}
	// Rows activity by activity as the first record of each places it
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
	// The records of each row, by owner (the last of an owner's shows):
	// counted into place by row, then sorted by owner within each row and
	// kept one per owner, end to end (start[i] is row i's first). Done
	// here, once: a row is then only read, however often it is asked.
	start := make([]int32, len(keyAct)+1)
	for _, k := range keyOfResult {
		start[keyRank[k]+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	byRow := make([]int32, s.recs.len())
	next := slices.Clone(start[:len(keyAct)])
	for i, k := range keyOfResult {
		rank := keyRank[k]
		byRow[next[rank]] = int32(i)
		next[rank]++
	}
	n := int32(0)
	for row := range len(keyOrder) {
		rs := byRow[start[row]:start[row+1]]
		slices.SortFunc(rs, func(a, b int32) int { return cmp.Or(cmp.Compare(owner[a], owner[b]), cmp.Compare(a, b)) })
		start[row] = n
		for i, x := range rs {
			if i+1 < len(rs) && owner[rs[i+1]] == owner[x] {
				continue
			}
			// n never passes i's place: the records move down, if at all.
			byRow[n] = x
			n++
		}
	}
	start[len(keyOrder)] = n
	byRow = byRow[:n]
	// title is the title naming the rows of each roadmap's activity: its
	// activity's (the first found), kept so that the activities, their
	// keys and memo, need not be.
	title := make([]int32, len(s.acts))
	for i, a := range actOf {
		if a >= 0 {
			title[i] = acts.list[a].title
		}
	}
	// The headings of the activities and years, each row of theirs the
	// section of the record that places its activity; with owners as rows
	// a run of them is a run of records, from the first one's.
	r.Headings = sectionHeadingsOf(len(keyOrder), func(i int) placedSection {
		return placedSection{section: s.sections[s.acts[acts.list[keyAct[keyOrder[i]]].first].section]}
	})
	if long {
		for i := range r.Headings {
			r.Headings[i].Before = int(start[r.Headings[i].Before])
		}
		// A row is a record (an owner's, under its activity and year).
		r.Len = len(byRow)
		r.Row = func(i int) []view.Cell {
			rec := s.recs.at(int(byRow[i]))
			ra := &s.acts[rec.act]
			return []view.Cell{view.TextCell(s.str(ra.id)), view.TextCell(s.str(title[rec.act])), view.IntCell(int(rec.year)),
				view.TextCell(districts[ownerOf[ra.roadmap]]), view.TextCell(s.planText(rec)), view.TextCell(s.str(rec.fact)),
				view.StatusCell(s.statusText(rec))}
		}
		return r
	}
	// A row is an activity and year (its records' own: every row has one),
	// each owner's record in the owner's three columns.
	width := 3 + 3*len(districts)
	empty := view.TextCell("")
	r.Len = len(keyOrder)
	r.Row = func(i int) []view.Cell {
		rs := byRow[start[i]:start[i+1]]
		row := make([]view.Cell, width)
		first := s.recs.at(int(rs[0]))
		ra := &s.acts[first.act]
		row[0], row[1], row[2] = view.TextCell(s.str(ra.id)), view.TextCell(s.str(title[first.act])), view.IntCell(int(first.year))
		for j := 3; j < width; j++ {
			row[j] = empty
		}
		for _, x := range rs {
			rec := s.recs.at(int(x))
			c := 3 + 3*int(ownerOf[s.acts[rec.act].roadmap])
			row[c], row[c+1], row[c+2] = view.TextCell(s.planText(rec)), view.TextCell(s.str(rec.fact)), view.StatusCell(s.statusText(rec))
		}
		return row
	}
	return r
}

// owners are the owners of some records: their names sorted, and each
// roadmap's owner as its place among them.
type owners struct {
	names     []string
	ofRoadmap []int32
}

func (s *records) indexOwners() owners {
	index := map[int32]int32{}
	var names []int32
	of := make([]int32, len(s.roadmaps))
	for i, rm := range s.roadmaps {
		j, ok := index[rm.owner]
		if !ok {
			j = int32(len(names))
			index[rm.owner] = j
			names = append(names, rm.owner)
		}
		of[i] = j
	}
	order := make([]int32, len(names))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(s.str(names[a]), s.str(names[b])) })
	rank := make([]int32, len(names))
	sorted := make([]string, len(names))
	for i, j := range order {
		rank[j], sorted[i] = int32(i), s.str(names[j])
	}
	for i, j := range of {
		of[i] = rank[j]
	}
	return owners{names: sorted, ofRoadmap: of}
}

// activities tells which activity across owners each roadmap's activity
// is: owners' activities are one when they have the same id and similar
// titles (similarKeys). Titles are compared once per owner and id, and
// then only a title not seen before under that id, with the distinct
// titles seen under it (owners copy one title), so that a country's view
// is not quadratic in owners. Ids, owners and title keys are numbered,
// each key made ready to compare once, and what two keys compared to is
// remembered for the first memoKeys keys: ids reuse the same titles.
type activities struct {
	s    *records
	list []activity
	// byID are each id's activities in the order found, by the id's text.
	byID map[int32][]int32
	// ofOwner is the activity of an owner's id, exact that of an id and a
	// title key (an id and the other in an uint64).
	ofOwner, exact map[uint64]int32
	keyOf          map[string]int32
	// keyOfTitle is the key of a title, by the title's text.
	keyOfTitle map[int32]int32
	keys       []*titleKeyed
	// memo[i] holds two bits for each key j < i: compared, similar.
	memo  [][]uint64
	buf   []byte
	match titleMatcher
}

// memoKeys is how many keys' comparisons are remembered: 2 MB at most.
const memoKeys = 4096

// activity is one activity across owners: an id, which of the different
// activities under that id it is, the title naming its rows (the first
// found), as texts, its titles' keys, and the roadmap's activity that
// places it (the lowest section and number any roadmap gives it).
type activity struct {
	id      int32
	variant int
	title   int32
	keys    []int32
	first   int32
}

func newActivities(s *records) *activities {
	return &activities{s: s, byID: map[int32][]int32{}, ofOwner: map[uint64]int32{}, exact: map[uint64]int32{},
		keyOf: map[string]int32{}, keyOfTitle: map[int32]int32{}}
}

func pair(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// of is the activity of the id and title (texts) of an owner's roadmap,
// the owner numbered owner.
func (s *activities) of(id, title, owner int32) int32 {
	if a, ok := s.ofOwner[pair(id, owner)]; ok {
		return a
	}
	key, ok := s.keyOfTitle[title]
	if !ok {
		s.buf = appendTitleKey(s.buf[:0], s.s.str(title))
		if key, ok = s.keyOf[string(s.buf)]; !ok {
			key = int32(len(s.keys))
			k := string(s.buf)
			s.keyOf[k] = key
			s.keys = append(s.keys, newTitleKeyed(k))
		}
		s.keyOfTitle[title] = key
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
			s.list = append(s.list, activity{id: id, variant: len(vs), title: title, first: -1})
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

// place takes a roadmap's activity ra of activity a in: the first places
// the activity, and any of a lower section or number after it.
func (s *activities) place(a, ra int32) {
	act := &s.list[a]
	if act.first < 0 {
		act.first = ra
		return
	}
	if act.first == ra {
		return
	}
	r, f := &s.s.acts[ra], &s.s.acts[act.first]
	if r.sectionOrder < f.sectionOrder || r.sectionOrder == f.sectionOrder && r.n != f.n &&
		roadmap.Number(s.s.str(r.n)).Compare(roadmap.Number(s.s.str(f.n))) < 0 {
		act.first = ra
	}
}

// ranks are the activities' places in the view's order: by the section
// and number that place each, then by id and variant.
func (s *activities) ranks() []int32 {
	var nums numberRanks
	n := make([]int, len(s.list))
	for i := range s.list {
		n[i] = nums.add(roadmap.Number(s.s.str(s.s.acts[s.list[i].first].n)))
	}
	nRank := nums.ranks()
	order := make([]int32, len(s.list))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		a, b := &s.list[x], &s.list[y]
		return cmp.Or(cmp.Compare(s.s.acts[a.first].sectionOrder, s.s.acts[b.first].sectionOrder), cmp.Compare(nRank[n[x]], nRank[n[y]]),
			cmp.Compare(s.s.str(a.id), s.s.str(b.id)), cmp.Compare(a.variant, b.variant))
	})
	rank := make([]int32, len(s.list))
	for i, a := range order {
		rank[a] = int32(i)
	}
	return rank
}

// byYear is the by-year view as a table (yearRows).
func (s *records) byYear() view.Table { return s.yearRows().Table() }

// yearRows is every activity and year in the shape of the form
// "Сведения о достижении значений показателей": indicator, unit, plan,
// fact, achievement level and the reason for deviation; each roadmap's
// activities section by section under their headings, by number within
// a section (2.9 before 2.10). The order is found once, a row's cells
// made from its record when asked: the rows keep 4 bytes a row, where
// its cells are 600.
func (s *records) yearRows() view.Rows {
	lang := s.lang
	r := view.Rows{Columns: []view.Column{
		col(lang, "row", 0), ownerColumn(s.level, lang, 18), col(lang, "n", 0),
		col(lang, "title", 36), col(lang, "indicator", 36), col(lang, "unit", 12),
		col(lang, "year", 0), col(lang, "plan", 20), col(lang, "fact", 16),
		col(lang, "achievement", 0), col(lang, "status", 16), col(lang, "reason", 30),
	}}
	order := s.yearOrder()
	r.Headings = sectionHeadingsOf(len(order), func(i int) placedSection {
		ra := &s.acts[s.recs.at(int(order[i])).act]
		return placedSection{scope: s.str(s.roadmaps[ra.roadmap].id), section: s.sections[ra.section]}
	})
	r.Len = len(order)
	r.Row = func(i int) []view.Cell {
		rec := s.recs.at(int(order[i]))
		ra := &s.acts[rec.act]
		ach := view.EmptyCell()
		if rec.hasAch {
			ach = view.PercentCell(rec.ach)
		}
		return []view.Cell{view.IntCell(i + 1), view.TextCell(s.str(s.roadmaps[ra.roadmap].owner)),
			view.NumberOf(roadmap.Number(s.str(ra.n))), view.TextCell(s.str(ra.title)), view.TextCell(s.str(ra.indicator)),
			view.TextCell(s.unitText(rec)), view.IntCell(int(rec.year)), view.TextCell(s.planText(rec)), view.TextCell(s.str(rec.fact)),
			ach, view.StatusCell(s.statusText(rec)), view.TextCell(s.str(rec.reason))}
	}
	return r
}

// packPlaces lets yearOrder pack places into integers (a test turns it
// off to hold the two ways to each other).
var packPlaces = true

// yearOrder is the by-year view's order of records: by owner, roadmap,
// section, number and year, else as taken in. Each record is given small
// integers for it (its roadmap's rank, its number's), so that the sort
// compares integers and moves indices, not results.
func (s *records) yearOrder() []int32 {
	// The roadmaps by owner and id: records of one owner and id are of
	// one roadmap wherever they come.
	keyOf := map[[2]int32]int32{}
	var keys [][2]int32
	roadmapKey := make([]int32, len(s.roadmaps))
	for i, rm := range s.roadmaps {
		k := [2]int32{rm.owner, rm.id}
		j, ok := keyOf[k]
		if !ok {
			j = int32(len(keys))
			keyOf[k] = j
			keys = append(keys, k)
		}
		roadmapKey[i] = j
	}
	byName := make([]int32, len(keys))
	for i := range byName {
		byName[i] = int32(i)
	}
	slices.SortFunc(byName, func(a, b int32) int {
		return cmp.Or(cmp.Compare(s.str(keys[a][0]), s.str(keys[b][0])), cmp.Compare(s.str(keys[a][1]), s.str(keys[b][1])))
	})
	rank := make([]int32, len(keys))
	for i, j := range byName {
		rank[j] = int32(i)
	}
	var nums numberRanks
	numOf := make([]int, len(s.acts))
	for i := range s.acts {
		numOf[i] = nums.add(roadmap.Number(s.str(s.acts[i].n)))
	}
	nRank := nums.ranks()
	// Each record's place as one integer where it fits (a country's does:
	// 15 bits of roadmaps, a few of sections, numbers and years, 21 of
	// records), compared without a function; else as five. The widths are
	// found first, so that the packed places are made without the five
	// (20 bytes a record more at once).
	type place struct{ roadmap, section, n, year, i int32 }
	placeOf := func(i int) place {
		rec := s.recs.at(i)
		ra := &s.acts[rec.act]
		return place{roadmap: rank[roadmapKey[ra.roadmap]], section: ra.sectionOrder, n: int32(nRank[numOf[rec.act]]), year: int32(rec.year), i: int32(i)}
	}
	minYear, maxYear, minSection, maxSection := int32(math.MaxInt32), int32(math.MinInt32), int32(0), int32(0)
	for i := range s.recs.len() {
		rec := s.recs.at(i)
		ra := &s.acts[rec.act]
		minYear, maxYear = min(minYear, int32(rec.year)), max(maxYear, int32(rec.year))
		minSection, maxSection = min(minSection, ra.sectionOrder), max(maxSection, ra.sectionOrder)
	}
	order := make([]int32, s.recs.len())
	widths := [5]int{bits.Len(uint(len(keys))), 0, bits.Len(uint(len(nRank))), 0, bits.Len(uint(s.recs.len()))}
	if s.recs.len() > 0 {
		widths[1], widths[3] = bits.Len32(uint32(maxSection)), bits.Len32(uint32(maxYear-minYear))
	}
	if packPlaces && s.recs.len() > 0 && minSection >= 0 && widths[0]+widths[1]+widths[2]+widths[3]+widths[4] <= 64 {
		packed := make([]uint64, s.recs.len())
		for i := range packed {
			p := placeOf(i)
			v := uint64(p.roadmap)
			v = v<<widths[1] | uint64(p.section)
			v = v<<widths[2] | uint64(p.n)
			v = v<<widths[3] | uint64(p.year-minYear)
			packed[i] = v<<widths[4] | uint64(p.i)
		}
		slices.Sort(packed)
		mask := uint64(1)<<widths[4] - 1
		for i, v := range packed {
			order[i] = int32(v & mask)
		}
		return order
	}
	places := make([]place, s.recs.len())
	for i := range places {
		places[i] = placeOf(i)
	}
	slices.SortFunc(places, func(a, b place) int {
		return cmp.Or(cmp.Compare(a.roadmap, b.roadmap), cmp.Compare(a.section, b.section), cmp.Compare(a.n, b.n),
			cmp.Compare(a.year, b.year), cmp.Compare(a.i, b.i))
	})
	for i, p := range places {
		order[i] = p.i
	}
	return order
}
