//go:build scale

// The scale test runs with -tags scale (make bench): it writes and reads a
// million rows, too slow for go test ./....

package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/report"
)

// TestMillionRows reads a sheet of 1,000,000 rows with the streaming row
// iterator, and measures the peak heap while reading: it must stay bounded
// (far below the size of the sheet's XML).
func TestMillionRows(t *testing.T) {
	const n = 1_000_000
	path := filepath.Join(t.TempDir(), "million.xlsx")
	start := time.Now()
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"ID", "Год", "Факт", "Причина отклонения"})
	ids := []string{"work-plan", "proektoria", "rmo-deputies", "art-profi-forum"}
	for i := 2; i <= n+1; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := sw.SetRow(cell, []any{ids[i%len(ids)], 2020 + i%3, i % 100, ""}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	info, _ := os.Stat(path)
	t.Logf("wrote %d rows (%.1f MB xlsx) in %v", n, float64(info.Size())/1e6, time.Since(start).Round(time.Millisecond))

	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
			}
		}
	}()
	start = time.Now()
	rows := 0
	var sum float64
	fs, err := report.Read(path, func(r *report.Row) error {
		rows++
		if v := r.Get(report.FieldFact).Value(); v.Number != nil {
			sum += *v.Number
		}
		return nil
	})
	close(done)
	if err != nil || len(fs) > 0 {
		t.Fatalf("read: %v %v", err, fs)
	}
	if rows != n {
		t.Errorf("read %d rows, want %d", rows, n)
	}
	if want := float64(n) / 100 * 4950; sum < want-1e6 || sum > want+1e6 {
		t.Errorf("sum of facts %v, want about %v", sum, want)
	}
	peakMB := float64(peak.Load()-min(peak.Load(), base.HeapInuse)) / 1e6
	t.Logf("read %d rows in %v; peak heap above baseline %.1f MB", rows, time.Since(start).Round(time.Millisecond), peakMB)
	fmt.Fprintf(os.Stderr, "MillionRows: peak heap above baseline %.1f MB\n", peakMB)
	if peakMB > 200 {
		t.Errorf("peak heap %.1f MB: reading is not streaming", peakMB)
	}
}
