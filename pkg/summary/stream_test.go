package summary

import (
	"bytes"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"
	"unsafe"
	"weak"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// heldView is view v of results held, the listing views by the builders
// of before (old_views_test.go), which read the results themselves.
func heldView(v View, results []fulfil.Result, opts Options) view.Table {
	var t view.Table
	switch v {
	case ByActivity:
		t = oldByActivity(Filter(results, opts), opts.Lang)
	case ByYear:
		t = oldByYear(Filter(results, opts), opts.Lang)
	default:
		// The counted views never held results: their counts are the
		// reference.
		return Build(v, results, opts)
	}
	t.Name = i18n.T(opts.Lang, "summary.sheet."+string(v))
	t.Title = i18n.T(opts.Lang, "summary.title."+string(v))
	t.Subtitle = subtitle(opts)
	return t
}

// testdataResults are the results of the testdata roadmaps against each
// testdata report.
func testdataResults(t testing.TB) map[string][]fulfil.Result {
	t.Helper()
	res, err := check.Run([]string{"../../roadmaps"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]fulfil.Result{}
	for _, report := range []string{"seeds-2020-2022.xlsx", "handmade-2021.xlsx", "problems-2020.xlsx"} {
		for _, day := range []time.Time{time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC)} {
			rs, _, err := fulfil.Evaluate(res.Roadmaps, []string{"../../testdata/reports/" + report}, fulfil.Options{AsOf: day, AllYears: true, Statuses: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 {
				t.Fatalf("%s: no results", report)
			}
			out[report+"@"+day.Format("2006-01-02")] = rs
		}
	}
	return out
}

// TestStreamedAsHeld: every view gathered as results stream (one view's
// collector, and a workbook's gathering them all) draws the same bytes
// in every format as the view of the results held; the workbook, its
// chart sheet too, is the same file. On near-duplicate titles (side by
// side and as rows, in order and shuffled), on the testdata roadmaps
// against each testdata report, and on a synth tree; unfiltered, by year
// and by district.
func TestStreamedAsHeld(t *testing.T) {
	t.Parallel()
	sets := map[string][]fulfil.Result{}
	for _, owners := range []int{0, 3, 20, 60} {
		for seed := range uint64(2) {
			sets[fmt.Sprintf("near-duplicates/%d-owners/seed-%d", owners, seed)] = nearDuplicates(seed, owners)
		}
	}
	for name, rs := range testdataResults(t) {
		sets["testdata/"+name] = rs
	}
	if !testing.Short() {
		sets["synth/60-roadmaps"] = sharedSynth(t)
	}
	formats := []render.Format{render.Text, render.Markdown, render.CSV, render.JSON}
	asOf := time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC)
	for name, results := range sets {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			optsList := []Options{{AsOf: asOf, Lang: i18n.RU}, {AsOf: asOf, Lang: i18n.EN, Year: 2022}}
			if len(results) > 0 {
				optsList = append(optsList, Options{AsOf: asOf, Lang: i18n.RU, District: results[len(results)/2].Owner})
			}
			for _, opts := range optsList {
				held := map[View]view.Table{}
				for _, v := range Views {
					held[v] = heldView(v, results, opts)
				}
				for _, first := range []View{ByDistrict, ByYear} {
					workbook := NewWorkbook(first, opts)
					one := map[View]*Collector{}
					for _, v := range Views {
						one[v] = NewCollector(v, opts)
					}
					// Each result handed over in one variable, overwritten:
					// nothing may keep the pointer.
					var r fulfil.Result
					for i := range results {
						r = results[i]
						workbook.Add(&r)
						for _, c := range one {
							c.Add(&r)
						}
					}
					r = fulfil.Result{}
					for _, v := range Order(first) {
						want := held[v]
						for _, got := range []view.Table{workbook.View(v), one[v].Table()} {
							if !reflect.DeepEqual(got, want) {
								t.Fatalf("%+v, by %s: the tables differ", opts, v)
							}
						}
						if first != ByDistrict {
							continue
						}
						// The same tables draw the same; drawn once all the same.
						for _, f := range formats {
							if g, w := draw(t, f, workbook.View(v), opts.Lang), draw(t, f, want, opts.Lang); !bytes.Equal(g, w) {
								t.Fatalf("%+v, by %s, %s: streamed\n%s\nheld\n%s", opts, v, f, g, w)
							}
						}
					}
					if first != ByDistrict {
						continue
					}
					var streamed []view.Rows
					var heldTables []view.Table
					for _, v := range Order(first) {
						streamed, heldTables = append(streamed, workbook.Rows(v)), append(heldTables, held[v])
					}
					meta := render.WorkbookMeta{Title: "Сводка", Subject: "Выполнение", Lang: opts.Lang}
					var got, want bytes.Buffer
					meta.Extra = workbook.ChartSheet()
					if err := render.WriteXLSXEach(&got, len(streamed), func(i int) view.Rows { return streamed[i] }, meta); err != nil {
						t.Fatal(err)
					}
					meta.Extra = ChartSheet(results, opts)
					if err := render.WriteXLSXEach(&want, len(heldTables), func(i int) view.Rows { return view.RowsOf(heldTables[i]) }, meta); err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got.Bytes(), want.Bytes()) {
						t.Fatalf("%+v: the streamed workbook (%d bytes) differs from the held one (%d)", opts, got.Len(), want.Len())
					}
				}
			}
		})
	}
}

func draw(t *testing.T, f render.Format, tb view.Table, lang i18n.Lang) []byte {
	t.Helper()
	r, err := render.New(f, render.Options{Lang: lang, Width: 200})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.Table(&b, tb); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fresh is a copy of r on the heap with texts of its own, and weak
// pointers to it and to the texts no view shows (its source and
// document): a collector that kept r would keep them.
func fresh(r fulfil.Result, i int) (*fulfil.Result, []weak.Pointer[byte], weak.Pointer[fulfil.Result]) {
	c := new(fulfil.Result)
	*c = r
	c.Source = fmt.Sprintf("report.xlsx: Лист1!I%d", i)
	c.Document = fmt.Sprintf("Приказ № %d", i)
	c.Executors = slices.Clone(r.Executors)
	ws := []weak.Pointer[byte]{weak.Make(unsafe.StringData(c.Source)), weak.Make(unsafe.StringData(c.Document))}
	return c, ws, weak.Make(c)
}

// TestResultsNotHeld: a workbook's collector (every view, the chart
// sheet) keeps none of the results handed to it, nor their texts, and
// keeps a record of each in well under what a result takes.
func TestResultsNotHeld(t *testing.T) {
	src := nearDuplicates(2, 60)
	opts := Options{AsOf: time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC), Lang: i18n.RU}
	c := NewWorkbook(ByDistrict, opts)
	var results []weak.Pointer[fulfil.Result]
	var texts []weak.Pointer[byte]
	for i, r := range src {
		r, ws, w := fresh(r, i)
		c.Add(r)
		results, texts = append(results, w), append(texts, ws...)
	}
	runtime.GC()
	for i, w := range results {
		if w.Value() != nil {
			t.Fatalf("result %d is held", i)
		}
	}
	for i, w := range texts {
		if w.Value() != nil {
			t.Fatalf("a text of result %d is held", i/2)
		}
	}
	for _, v := range Views {
		if got, want := c.View(v), heldView(v, src, opts); !reflect.DeepEqual(got, want) {
			t.Fatalf("by %s: the streamed table differs", v)
		}
	}

	// The heap a collector keeps per result, on a country's worth of
	// owners that copy one list (synth-like): fresh roadmaps and facts.
	const rounds = 40
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c = NewWorkbook(ByDistrict, opts)
	n := 0
	for round := range rounds {
		for i := range src {
			r := src[i]
			r.RoadmapID = fmt.Sprintf("%s-%d", r.RoadmapID, round)
			r.Owner = fmt.Sprintf("%s-%d", r.Owner, round)
			r.Source = fmt.Sprintf("report.xlsx: Лист1!I%d", n)
			c.Add(&r)
			n++
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	perResult := float64(after.HeapAlloc-before.HeapAlloc) / float64(n)
	runtime.KeepAlive(c)
	size := unsafe.Sizeof(fulfil.Result{})
	t.Logf("%d results: %.0f bytes a result kept (a Result is %d bytes without its texts)", n, perResult, size)
	if perResult > float64(size)/2 {
		t.Errorf("%.0f bytes kept a result, want under %d", perResult, size/2)
	}
}

// TestYearOrderPacked: the by-year order of places packed into integers
// is the order of places compared field by field.
func TestYearOrderPacked(t *testing.T) {
	for seed := range uint64(4) {
		s := recordsOf(nearDuplicates(seed, 30), i18n.RU)
		packed := s.yearOrder()
		packPlaces = false
		plain := s.yearOrder()
		packPlaces = true
		if len(packed) == 0 || !slices.Equal(packed, plain) {
			t.Fatalf("seed %d: packed order %v, want %v", seed, packed[:min(20, len(packed))], plain[:min(20, len(plain))])
		}
	}
}
