package fulfil_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/synth"
)

// TestEvaluateAllAsEvaluate: reports read ahead and roadmaps evaluated
// on every core give Evaluate's results and findings, in its order, for
// each report of testdata and for all of them at once. The roadmaps are
// given 50 times over, so that they span many workers' jobs and the
// findings pass the per-file cap, which must count them in order.
func TestEvaluateAllAsEvaluate(t *testing.T) {
	t.Parallel()
	files, err := fulfil.ReportFiles([]string{reports})
	if err != nil || len(files) < 3 {
		t.Fatalf("report files: %v, %v", files, err)
	}
	held := roadmaps(t)
	var many []*roadmap.Roadmap
	for range 50 {
		many = append(many, held...)
	}
	sets := [][]string{files}
	for _, f := range files {
		sets = append(sets, []string{f})
	}
	total, findings := 0, 0
	for _, opts := range []fulfil.Options{{AsOf: asOf}, {AsOf: asOf, AllYears: true, Statuses: true}} {
		for _, set := range sets {
			for _, rms := range [][]*roadmap.Roadmap{held, many} {
				want, wantFs, err := fulfil.Evaluate(rms, set, opts)
				if err != nil {
					t.Fatal(err)
				}
				got, fs, err := fulfil.EvaluateAll(rms, fulfil.ReadAhead(set), opts)
				if err != nil {
					t.Fatal(err)
				}
				total += len(want)
				findings += len(wantFs)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%v %+v, %d roadmaps: %d results, want Evaluate's %d (or they differ)", set, opts, len(rms), len(got), len(want))
				}
				if !reflect.DeepEqual(fs, wantFs) {
					t.Errorf("%v %+v, %d roadmaps: %d findings, want Evaluate's %d (or they differ)", set, opts, len(rms), len(fs), len(wantFs))
				}
			}
		}
	}
	if total < 1000 || findings < 100 {
		t.Errorf("%d results, %d findings in all: the reports should report on the roadmaps", total, findings)
	}
}

// TestEvaluateAllGenerated: the same on 120 generated roadmaps and a
// messy report of 6,000 rows, whose findings pass the cap of a file
// (which of them are kept depends on their order) and whose roadmaps
// give many workers' jobs.
func TestEvaluateAllGenerated(t *testing.T) {
	t.Parallel()
	held, book := generated(t, 5, 12, 6000)
	for _, opts := range []fulfil.Options{{AsOf: asOf}, {AsOf: asOf, AllYears: true, Statuses: true}} {
		want, wantFs, err := fulfil.Evaluate(held, []string{book}, opts)
		if err != nil {
			t.Fatal(err)
		}
		got, fs, err := fulfil.EvaluateAll(held, fulfil.ReadAhead([]string{book}), opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) < 1000 || !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: %d results, want Evaluate's %d (or they differ)", opts, len(got), len(want))
		}
		if !opts.Statuses && len(wantFs) < 200 {
			t.Errorf("%+v: %d findings: the report should pass the cap", opts, len(wantFs))
		}
		if !reflect.DeepEqual(fs, wantFs) {
			t.Errorf("%+v: %d findings, want Evaluate's %d (or they differ)", opts, len(fs), len(wantFs))
		}
	}
}

// TestCountAsEvaluated: EvaluateAll's count of a roadmap's results is
// what evaluating it gives, for every roadmap and report of testdata and
// generated ones, with and without every year (a wrong count costs a
// copy of the results, which TestEvaluateAll* would not see).
func TestCountAsEvaluated(t *testing.T) {
	t.Parallel()
	files, err := fulfil.ReportFiles([]string{reports})
	if err != nil {
		t.Fatal(err)
	}
	synthetic, book := generated(t, 7, 3, 1000)
	cases := []struct {
		roadmaps []*roadmap.Roadmap
		files    []string
	}{{roadmaps(t), files}, {roadmaps(t), nil}, {synthetic, []string{book}}}
	counted := 0
	for _, c := range cases {
		for _, opts := range []fulfil.Options{{AsOf: asOf}, {AsOf: asOf, AllYears: true}} {
			ix := fulfil.NewIndex()
			for _, rm := range c.roadmaps {
				ix.Add(rm)
			}
			read, err := fulfil.ReadReports(ix, c.files, opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, rm := range c.roadmaps {
				n := 0
				read.Evaluate(rm, func(*fulfil.Result) { n++ })
				if got := read.Count(rm); got != n {
					t.Errorf("%s %+v: counted %d results, evaluated %d", rm.File, opts, got, n)
				}
				counted += n
			}
		}
	}
	if counted < 1000 {
		t.Errorf("%d results in all", counted)
	}
}

// TestReadAheadErrors: a report that cannot be read ahead stops the
// evaluation with ReadReports' error; one that is not a workbook is a
// finding, as there.
func TestReadAheadErrors(t *testing.T) {
	t.Parallel()
	held := roadmaps(t)
	opts := fulfil.Options{AsOf: asOf}
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.xlsx")
	if _, _, err := fulfil.EvaluateAll(held, fulfil.ReadAhead([]string{missing}), opts); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing report: %v, want not exist", err)
	}
	text := filepath.Join(dir, "text.xlsx")
	os.WriteFile(text, []byte("not a workbook"), 0o644)
	_, want, err := fulfil.Evaluate(held, []string{text}, opts)
	if err != nil || len(want) == 0 {
		t.Fatalf("Evaluate of a text file: %v, %d findings", err, len(want))
	}
	_, got, err := fulfil.EvaluateAll(held, fulfil.ReadAhead([]string{text}), opts)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("EvaluateAll of a text file: %v, %v; want %v", err, got, want)
	}
}

// generated is a synth tree of districts x 10 roadmaps, loaded, and a
// messy report of rows on them.
func generated(t *testing.T, seed uint64, districts, rows int) ([]*roadmap.Roadmap, string) {
	t.Helper()
	dir := t.TempDir()
	rms, err := synth.Tree(filepath.Join(dir, "roadmaps"), seed, districts, 10)
	if err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "report.xlsx")
	if err := synth.Report(book, seed, rms, rows); err != nil {
		t.Fatal(err)
	}
	return roadmaps(t, filepath.Join(dir, "roadmaps")), book
}
