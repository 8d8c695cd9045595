package summary

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

var (
	benchOnce sync.Once
	benchSets map[string]*Collector
)

// benchCollectors are workbooks' collectors over synth trees: 30
// districts (the by-activity view side by side) and 120 (owners as rows).
func benchCollectors(b *testing.B) map[string]*Collector {
	b.Helper()
	benchOnce.Do(func() {
		opts := Options{AsOf: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Lang: i18n.RU}
		benchSets = map[string]*Collector{}
		for _, districts := range []int{30, 120} {
			results := synthResults(b, districts, 2, 4000*districts/30)
			c := NewWorkbook(ByDistrict, opts)
			for i := range results {
				c.Add(&results[i])
			}
			benchSets[fmt.Sprintf("%d-districts", districts)] = c
		}
	})
	return benchSets
}

// BenchmarkViews: the by-year and by-activity views of collected records
// as tables (View).
func BenchmarkViews(b *testing.B) {
	for _, name := range []string{"30-districts", "120-districts"} {
		for _, v := range []View{ByYear, ByActivity} {
			b.Run(fmt.Sprintf("%s/%s/table", name, v), func(b *testing.B) {
				c := benchCollectors(b)[name]
				b.ReportAllocs()
				rows := 0
				for b.Loop() {
					rows = len(c.View(v).Rows)
				}
				b.ReportMetric(float64(rows), "rows")
			})
		}
	}
}
