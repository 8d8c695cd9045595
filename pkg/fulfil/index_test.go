package fulfil_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/synth"
)

// TestRowsFindRoadmapsByIndex: rows of 600 loaded roadmaps, and as many
// naming roadmaps not loaded, are matched through indexes: each kind of
// report is read in about the same time, not in time growing with rows
// times roadmaps (a report of unknown names took over 13 minutes at a
// million rows). Unknown rows are findings, capped per report.
func TestRowsFindRoadmapsByIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("a timing test on generated data; -short (the race run) skips it")
	}
	t.Parallel()
	dir := t.TempDir()
	rs, err := synth.Tree(filepath.Join(dir, "tree"), 5, 300, 2)
	if err != nil {
		t.Fatal(err)
	}
	res, err := check.Run([]string{filepath.Join(dir, "tree")}, nil)
	if err != nil || len(res.Roadmaps) != len(rs) {
		t.Fatalf("check: %v, %d roadmaps", err, len(res.Roadmaps))
	}
	unknown := make([]synth.Roadmap, len(rs))
	for i, r := range rs {
		r.ID, r.District = "x-"+r.ID, "Несуществующий район "+r.ID
		unknown[i] = r
	}
	const rows = 10_000
	took := map[string]time.Duration{}
	for name, on := range map[string][]synth.Roadmap{"known": rs, "unknown": unknown} {
		path := filepath.Join(dir, name+".xlsx")
		if err := synth.Report(path, 5, on, rows); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		_, fs, err := fulfil.Evaluate(res.Roadmaps, []string{path}, fulfil.Options{AsOf: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
		took[name] = time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range fs {
			if f.Code == diag.UnknownRoadmap {
				n++
			}
		}
		if name == "unknown" && n != 200 {
			t.Errorf("%d unknown-roadmap findings, want the cap of 200", n)
		}
		if name == "known" && n != 0 {
			t.Errorf("%d unknown-roadmap findings of loaded roadmaps", n)
		}
	}
	t.Logf("%d rows on %d roadmaps: %v; naming roadmaps not loaded: %v", rows, len(rs), took["known"], took["unknown"])
	if took["unknown"] > 3*took["known"]+time.Second || took["known"] > 20*time.Second {
		t.Errorf("reading took %v (known roadmaps) and %v (unknown)", took["known"], took["unknown"])
	}
}
