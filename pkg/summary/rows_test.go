package summary

import (
	"fmt"
	"reflect"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// TestRowsAsHeld: every view as rows (Collector.Rows) is the view the
// old builders make of the results held (old_views_test.go), row by row,
// with the same name, titles, columns and headings; a row asked twice is
// the same, and asked in reverse order too.
// The by-activity view both side by side and with owners as rows.
func TestRowsAsHeld(t *testing.T) {
	t.Parallel()
	sets := datasets(func(int) uint64 { return 2 })
	asOf := time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC)
	// layouts counts the by-activity views seen side by side (false) and
	// with owners as rows (true): both must be.
	layouts := make(chan bool, 8*len(sets))
	t.Cleanup(func() {
		close(layouts)
		seen := map[bool]bool{}
		for long := range layouts {
			seen[long] = true
		}
		if !seen[false] || !seen[true] {
			t.Errorf("by-activity layouts seen (owners as rows: true): %v, want both", seen)
		}
	})
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			t.Parallel()
			results := set.results(t)
			optsList := []Options{{AsOf: asOf, Lang: i18n.RU}, {AsOf: asOf, Lang: i18n.EN, Year: 2022}}
			if len(results) > 0 {
				optsList = append(optsList, Options{AsOf: asOf, Lang: i18n.RU, District: results[len(results)/2].Owner})
			}
			for _, opts := range optsList {
				workbook := NewWorkbook(ByDistrict, opts)
				one := map[View]*Collector{}
				for _, v := range Views {
					one[v] = NewCollector(v, opts)
				}
				for i := range results {
					workbook.Add(&results[i])
					for _, c := range one {
						c.Add(&results[i])
					}
				}
				for _, v := range Views {
					want := heldView(v, results, opts)
					what := fmt.Sprintf("%+v, by %s", opts, v)
					if v == ByActivity && len(want.Rows) > 0 {
						layouts <- len(want.Columns) == 7
					}
					for _, c := range []*Collector{workbook, one[v]} {
						sameRows(t, what, c.Rows(v), c.Rows(v), want)
						if got := c.View(v); !reflect.DeepEqual(got, want) {
							t.Fatalf("%s: View is not the held table", what)
						}
					}
				}
			}
		})
	}
}

// sameRows holds rows r (asked in order, each row twice) and fresh (the
// same view taken again, asked in reverse order first) to table want.
func sameRows(t *testing.T, what string, r, fresh view.Rows, want view.Table) {
	t.Helper()
	if r.Name != want.Name || r.Title != want.Title || r.Subtitle != want.Subtitle {
		t.Fatalf("%s: named %q, %q, %q; want %q, %q, %q", what, r.Name, r.Title, r.Subtitle, want.Name, want.Title, want.Subtitle)
	}
	if !reflect.DeepEqual(r.Columns, want.Columns) || r.Len != len(want.Rows) {
		t.Fatalf("%s: %d rows, columns %v; want %d, %v", what, r.Len, r.Columns, len(want.Rows), want.Columns)
	}
	if !reflect.DeepEqual(r.Headings, want.Headings) {
		t.Fatalf("%s: headings\n got %v\nwant %v", what, r.Headings, want.Headings)
	}
	for i := fresh.Len - 1; i >= 0; i-- {
		if got := fresh.Row(i); !reflect.DeepEqual(got, want.Rows[i]) {
			t.Fatalf("%s: row %d asked in reverse order\n got %v\nwant %v", what, i, got, want.Rows[i])
		}
	}
	for i := range r.Len {
		first := r.Row(i)
		if !reflect.DeepEqual(first, want.Rows[i]) {
			t.Fatalf("%s: row %d\n got %v\nwant %v", what, i, first, want.Rows[i])
		}
		if again := r.Row(i); !reflect.DeepEqual(again, want.Rows[i]) {
			t.Fatalf("%s: row %d asked again\n got %v\nwant %v", what, i, again, want.Rows[i])
		}
	}
}

// liveHeap is the heap of live objects after a collection: after two,
// since the first leaves what sync.Pools held (in their victim caches)
// for the second.
func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// TestRowsMemory: the by-year and by-activity rows of a synth tree's
// records (owners as rows, as a country's) keep a few bytes a row
// beyond the collector, where their tables keep hundreds: measured both
// ways, so that a Rows that held its cells would fail.
func TestRowsMemory(t *testing.T) {
	results := synthResults(t, 100, 1, 8000)
	opts := Options{AsOf: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Lang: i18n.RU}
	c := NewWorkbook(ByDistrict, opts)
	for i := range results {
		c.Add(&results[i])
	}
	for _, v := range []View{ByYear, ByActivity} {
		base := liveHeap()
		r := c.Rows(v)
		rowsHeld := liveHeap() - base
		runtime.KeepAlive(r)
		base = liveHeap()
		tb := c.View(v)
		tableHeld := liveHeap() - base
		runtime.KeepAlive(tb)
		n := len(tb.Rows)
		if rowsHeld < 0 || tableHeld < 0 {
			t.Fatalf("by %s: the live heap shrank (%d, %d bytes): something else was let go between the measures", v, rowsHeld, tableHeld)
		}
		if n < 5000 || v == ByActivity && len(tb.Columns) != 7 {
			t.Fatalf("by %s: %d rows, %d columns; want thousands, owners as rows", v, n, len(tb.Columns))
		}
		perRow, perTableRow := float64(rowsHeld)/float64(n), float64(tableHeld)/float64(n)
		t.Logf("by %s, %d rows: the rows keep %.1f bytes a row, the table %.0f", v, n, perRow, perTableRow)
		if perRow >= 16 {
			t.Errorf("by %s: the rows keep %.1f bytes a row, want under 16", v, perRow)
		}
		if perTableRow < 16*perRow || perTableRow < 200 {
			t.Errorf("by %s: the table keeps %.0f bytes a row: the measure does not see what is held", v, perTableRow)
		}
	}
	runtime.KeepAlive(c)
}

// TestRowAllocs: a listing view's row is made in one allocation, its
// cells: a million-row sheet drawn twice makes no more garbage than that.
func TestRowAllocs(t *testing.T) {
	opts := Options{AsOf: time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC), Lang: i18n.RU}
	for _, tc := range []struct {
		name    string
		v       View
		owners  int
		columns func(int) bool
	}{
		{"by year", ByYear, 20, func(n int) bool { return n == 12 }},
		{"by activity side by side", ByActivity, 20, func(n int) bool { return n > 7 }},
		{"by activity owners as rows", ByActivity, 200, func(n int) bool { return n == 7 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewWorkbook(ByDistrict, opts)
			for _, r := range nearDuplicates(1, tc.owners) {
				c.Add(&r)
			}
			r := c.Rows(tc.v)
			if r.Len == 0 || !tc.columns(len(r.Columns)) {
				t.Fatalf("%d rows, %d columns", r.Len, len(r.Columns))
			}
			i := 0
			if allocs := testing.AllocsPerRun(200, func() { r.Row(i % r.Len); i++ }); allocs != 1 {
				t.Errorf("%.1f allocations a row, want 1", allocs)
			}
		})
	}
}
