// Package summary owns the summary views officials ask for: fulfilment by
// district, each activity across districts side by side (a regional
// consolidation), by executor, and the full activity x year list in the
// shape of the Russian form "Сведения о достижении значений показателей".
// It builds localized tables from evaluation results; package render
// draws them in any format.
package summary

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
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
	return fold(r.RoadmapID) == want || fold(r.District) == want || strings.HasPrefix(fold(r.District), want+" ")
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
	t.StatusOf = statusLabels(opts.Lang)
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

func statusLabels(lang i18n.Lang) map[string]string {
	m := map[string]string{}
	for _, s := range fulfil.Statuses {
		m[s.Label(lang)] = string(s)
	}
	return m
}

func col(lang i18n.Lang, key string, typ view.ColumnType, max int) view.Column {
	return view.Column{Key: key, Header: i18n.T(lang, "summary.col."+key), Type: typ, Max: max}
}

// done reports whether a result counts as met.
func done(s fulfil.Status) bool { return s == fulfil.Met || s == fulfil.MetLate }

// judged reports whether a result is due and decided, for "% met".
func judged(s fulfil.Status) bool {
	return s == fulfil.Met || s == fulfil.MetLate || s == fulfil.NotMet || s == fulfil.Partial || s == fulfil.NoData
}

func percentOf(part, whole int) string {
	if whole == 0 {
		return ""
	}
	return view.Number(float64(int(float64(part)/float64(whole)*1000+0.5)) / 10)
}

// byDistrict counts statuses per district (per roadmap).
func byDistrict(results []fulfil.Result, lang i18n.Lang) view.Table {
	t := view.Table{Columns: []view.Column{
		col(lang, "district", view.TypeText, 24), col(lang, "roadmap", view.TypeText, 30), col(lang, "activities", view.TypeInt, 0),
	}}
	for _, s := range fulfil.Statuses {
		t.Columns = append(t.Columns, view.Column{Key: string(s), Header: capitalize(s.Label(lang)), Type: view.TypeInt, Max: 12})
	}
	t.Columns = append(t.Columns, col(lang, "met_percent", view.TypePercent, 0))
	type agg struct {
		district, roadmap string
		activities        map[string]bool
		counts            map[fulfil.Status]int
	}
	var order []string
	groups := map[string]*agg{}
	for _, r := range results {
		g, ok := groups[r.RoadmapID]
		if !ok {
			g = &agg{district: r.District, roadmap: r.RoadmapID, activities: map[string]bool{}, counts: map[fulfil.Status]int{}}
			groups[r.RoadmapID] = g
			order = append(order, r.RoadmapID)
		}
		g.activities[r.ActivityID] = true
		g.counts[r.Status]++
	}
	slices.SortFunc(order, func(a, b string) int {
		return cmp.Or(cmp.Compare(groups[a].district, groups[b].district), cmp.Compare(a, b))
	})
	for _, id := range order {
		g := groups[id]
		row := []string{g.district, g.roadmap, strconv.Itoa(len(g.activities))}
		met, judgedN := 0, 0
		for _, s := range fulfil.Statuses {
			row = append(row, strconv.Itoa(g.counts[s]))
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

// byActivity puts each activity id beside itself across districts: each
// district's plan, fact and status in its own columns.
func byActivity(results []fulfil.Result, lang i18n.Lang) view.Table {
	var districts []string
	seen := map[string]bool{}
	for _, r := range results {
		if !seen[r.District] {
			seen[r.District] = true
			districts = append(districts, r.District)
		}
	}
	slices.Sort(districts)
	t := view.Table{Columns: []view.Column{
		col(lang, "id", view.TypeText, 0), col(lang, "title", view.TypeText, 40), col(lang, "year", view.TypeInt, 0),
	}}
	for i, d := range districts {
		for _, part := range []struct {
			key string
			typ view.ColumnType
		}{{"plan", view.TypeText}, {"fact", view.TypeText}, {"status", view.TypeStatus}} {
			t.Columns = append(t.Columns, view.Column{
				Key:    fmt.Sprintf("%s_%d", part.key, i+1),
				Header: d + ": " + i18n.T(lang, "summary.col."+part.key), Type: part.typ, Max: 18,
			})
		}
	}
	type key struct {
		id   string
		year int
	}
	cells := map[key]map[string]fulfil.Result{}
	var keys []key
	firstN := map[string]int{}
	titles := map[string]string{}
	for _, r := range results {
		k := key{r.ActivityID, r.Year}
		if cells[k] == nil {
			cells[k] = map[string]fulfil.Result{}
			keys = append(keys, k)
		}
		cells[k][r.District] = r
		if n, ok := firstN[r.ActivityID]; !ok || r.N < n {
			firstN[r.ActivityID] = r.N
		}
		if titles[r.ActivityID] == "" {
			titles[r.ActivityID] = r.Title
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(firstN[a.id], firstN[b.id]), cmp.Compare(a.id, b.id), cmp.Compare(a.year, b.year))
	})
	for _, k := range keys {
		row := []string{k.id, titles[k.id], strconv.Itoa(k.year)}
		for _, d := range districts {
			r, ok := cells[k][d]
			if !ok {
				row = append(row, "", "", "")
				continue
			}
			row = append(row, r.Plan, r.Fact, r.Status.Label(lang))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// byExecutor tells each organisation what it owes and what is overdue.
func byExecutor(results []fulfil.Result, lang i18n.Lang) view.Table {
	t := view.Table{Columns: []view.Column{
		col(lang, "executor", view.TypeText, 36), col(lang, "district", view.TypeText, 20),
		col(lang, "activities", view.TypeInt, 0), col(lang, "due", view.TypeInt, 0),
		col(lang, "overdue", view.TypeInt, 0), col(lang, "overdue_list", view.TypeText, 40),
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
			k := key{e, r.District}
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
				g.overdue = append(g.overdue, i18n.T(lang, "summary.overdue_item", r.N, r.Year, r.Status.Label(lang)))
			}
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.executor, b.executor), cmp.Compare(a.district, b.district))
	})
	for _, k := range keys {
		g := groups[k]
		t.Rows = append(t.Rows, []string{k.executor, k.district, strconv.Itoa(len(g.activities)),
			strconv.Itoa(g.due), strconv.Itoa(len(g.overdue)), strings.Join(g.overdue, "; ")})
	}
	return t
}

// byYear is every activity and year in the shape of the form "Сведения о
// достижении значений показателей": indicator, unit, plan, fact,
// achievement level and the reason for deviation.
func byYear(results []fulfil.Result, lang i18n.Lang) view.Table {
	t := view.Table{Columns: []view.Column{
		col(lang, "row", view.TypeInt, 0), col(lang, "district", view.TypeText, 18), col(lang, "n", view.TypeInt, 0),
		col(lang, "title", view.TypeText, 36), col(lang, "indicator", view.TypeText, 36), col(lang, "unit", view.TypeText, 12),
		col(lang, "year", view.TypeInt, 0), col(lang, "plan", view.TypeText, 20), col(lang, "fact", view.TypeText, 16),
		col(lang, "achievement", view.TypePercent, 0), col(lang, "status", view.TypeStatus, 16), col(lang, "reason", view.TypeText, 30),
	}}
	sorted := slices.Clone(results)
	slices.SortStableFunc(sorted, func(a, b fulfil.Result) int {
		return cmp.Or(cmp.Compare(a.District, b.District), cmp.Compare(a.RoadmapID, b.RoadmapID), cmp.Compare(a.N, b.N), cmp.Compare(a.Year, b.Year))
	})
	for i, r := range sorted {
		ach := ""
		if r.Achievement != nil {
			ach = view.Number(*r.Achievement)
		}
		unit := r.Unit
		if unit == "" {
			unit = i18n.T(lang, "summary.unit."+string(r.Kind))
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), r.District, strconv.Itoa(r.N), r.Title, r.Indicator, unit,
			strconv.Itoa(r.Year), r.Plan, r.Fact, ach, r.Status.Label(lang), r.Reason})
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
