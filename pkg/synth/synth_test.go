package synth_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/report"
	"github.com/roadmap-edu/roadmap/pkg/synth"
)

func TestMain(m *testing.M) {
	synth.RunBaseline()
	os.Exit(m.Run())
}

// TestTree: the same seed writes the same bytes, every file reads as a
// roadmap without errors, ids are unique, and some warnings are there to
// give.
func TestTree(t *testing.T) {
	t.Parallel()
	a, b := t.TempDir(), t.TempDir()
	ra, err := synth.Tree(a, 7, 30, 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Tree(b, 7, 30, 3); err != nil {
		t.Fatal(err)
	}
	if len(ra) != 90 {
		t.Fatalf("%d roadmaps, want 90", len(ra))
	}
	for _, r := range ra {
		rel, _ := filepath.Rel(a, r.Path)
		x, _ := os.ReadFile(r.Path)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Fatalf("%s differs between two runs of one seed", rel)
		}
		if n := len(r.Activities); n < 12 || n > 40 {
			t.Errorf("%s: %d activities, want 12-40", rel, n)
		}
	}
	res, err := check.Run([]string{a}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Roadmaps) != 90 {
		t.Fatalf("check read %d roadmaps, want 90", len(res.Roadmaps))
	}
	warnings := 0
	for _, f := range res.Findings {
		if f.Severity == diag.Error {
			t.Errorf("generated file has an error: %s %s %v", f.Where(), f.Code, f.Args)
		} else {
			warnings++
		}
	}
	if warnings == 0 {
		t.Error("no warnings: the generated tree should give some")
	}
}

// TestReport: the reader takes every generated row.
func TestReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rs, err := synth.Tree(filepath.Join(dir, "tree"), 3, 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "report.xlsx")
	if err := synth.Report(path, 3, rs, 2000); err != nil {
		t.Fatal(err)
	}
	rows := 0
	ids := map[string]bool{}
	if _, err := report.Read(path, func(r *report.Row) error {
		rows++
		ids[r.Text(report.FieldRoadmap)] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if rows != 2000 {
		t.Errorf("read %d rows, want 2000", rows)
	}
	if len(ids) != len(rs) {
		t.Errorf("rows name %d roadmaps, want %d", len(ids), len(rs))
	}
}

// TestMeasure runs the baselines as processes and reads their usage.
func TestMeasure(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := synth.Tree(dir, 1, 5, 2); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(t.TempDir(), "s.xlsx")
	for _, c := range [][]string{{"hello"}, {"parse", "2", dir}, {"stream", xlsx, "200", "5"}, {"rows", xlsx}} {
		u, err := synth.Measure(synth.BaselineCmd(c[0], c[1:]...))
		if err != nil {
			t.Fatal(err)
		}
		if u.Wall <= 0 || (u.PeakRSS <= 0 && os.PathSeparator == '/') {
			t.Errorf("%v: usage %+v", c, u)
		}
	}
	if _, err := synth.Measure(synth.BaselineCmd("parse", "2", filepath.Join(dir, "none"))); err == nil {
		t.Error("a failing baseline measured as success")
	}
}
