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
// as tables (View: Rows(v).Table()), and as rows each made and let go,
// once and twice (a writer measures, then draws).
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
			for _, passes := range []int{1, 2} {
				b.Run(fmt.Sprintf("%s/%s/rows-%dx", name, v, passes), func(b *testing.B) {
					c := benchCollectors(b)[name]
					b.ReportAllocs()
					cells := 0
					for b.Loop() {
						r := c.Rows(v)
						cells = 0
						for range passes {
							for i := range r.Len {
								cells += len(r.Row(i))
							}
						}
					}
					b.ReportMetric(float64(cells), "cells")
				})
			}
		}
	}
}

// BenchmarkRow: a row of the by-year and by-activity views made from the
// records, the rows taken once (what a writer pays a row a pass).
func BenchmarkRow(b *testing.B) {
	for _, name := range []string{"30-districts", "120-districts"} {
		for _, v := range []View{ByYear, ByActivity} {
			b.Run(fmt.Sprintf("%s/%s", name, v), func(b *testing.B) {
				r := benchCollectors(b)[name].Rows(v)
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					_ = r.Row(i)
					if i++; i == r.Len {
						i = 0
					}
				}
			})
		}
	}
}
