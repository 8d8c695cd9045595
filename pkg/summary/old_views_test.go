package summary

// The views as they were built before they were made fast (issue 17),
// kept as the reference the fast ones must equal cell for cell.

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// oldByActivity is byActivity before.
func oldByActivity(results []fulfil.Result, lang i18n.Lang) view.Table {
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
		key := oldTitleKey(r.Title)
		k := []rune(key)
		// A title seen before under this id: its activity, without comparing.
		a, seen := exact[[2]string{r.ActivityID, key}]
		if !seen {
			a = activity{r.ActivityID, variants[r.ActivityID]}
			for v := range variants[r.ActivityID] {
				cand := activity{r.ActivityID, v}
				if slices.ContainsFunc(keysOf[cand], func(t []rune) bool { return oldSimilarKeys(t, k) }) {
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

// oldByYear is byYear before.
func oldByYear(results []fulfil.Result, lang i18n.Lang) view.Table {
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

// oldSimilarKeys is similarKeys before.
func oldSimilarKeys(x, y []rune) bool {
	longest := max(len(x), len(y))
	if longest == 0 {
		return true
	}
	// The most edits the similarity allows, found as the float test finds it.
	k := int(float64(longest)*(1-similarity)) + 1
	for k >= 0 && 1-float64(k)/float64(longest) < similarity {
		k--
	}
	return k >= 0 && oldWithinDistance(x, y, k)
}

// oldWithinDistance is withinDistance before.
func oldWithinDistance(a, b []rune, k int) bool {
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

// oldTitleKey is titleKey before.
func oldTitleKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, strings.ReplaceAll(strings.ReplaceAll(s, "ё", "е"), "Ё", "Е"))
	return strings.Join(strings.Fields(s), " ")
}

// achievement is a result's level of achievement, if it has one.
func achievement(r fulfil.Result) view.Cell {
	if r.Achievement == nil {
		return view.EmptyCell()
	}
	return view.PercentCell(*r.Achievement)
}

// ownerCol is ownerColumn of results.
func ownerCol(results []fulfil.Result, lang i18n.Lang, max int) view.Column {
	return ownerColumn(slices.ContainsFunc(results, func(r fulfil.Result) bool { return r.Level != roadmap.LevelDistrict }), lang, max)
}
