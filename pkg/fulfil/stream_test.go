package fulfil_test

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// TestReportsOfAnIndex: reports read against an index of roadmaps that
// are then let go, and the roadmaps evaluated from a second reading of
// their files, give Evaluate's results and findings on roadmaps held,
// for each report of testdata (a duplicated roadmap id among them); the
// index keeps none of the roadmaps.
func TestReportsOfAnIndex(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"bessonovsky.yaml", "nikolsky.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../roadmaps", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
		// The same roadmap again under its id: rows go to the first.
		os.WriteFile(filepath.Join(dir, "z-"+f), []byte(strings.Replace(string(data), "district:", "x-district:", 1)), 0o644)
	}
	files, err := fulfil.ReportFiles([]string{reports})
	if err != nil || len(files) < 3 {
		t.Fatalf("report files: %v, %v", files, err)
	}
	total := 0
	for _, opts := range []fulfil.Options{{AsOf: asOf}, {AsOf: asOf, AllYears: true, Statuses: true}} {
		for _, file := range files {
			held := roadmaps(t, dir)
			want, wantFs, err := fulfil.Evaluate(held, []string{file}, opts)
			if err != nil {
				t.Fatal(err)
			}
			ix := fulfil.NewIndex()
			var indexed []weak.Pointer[roadmap.Roadmap]
			res, err := check.RunWith([]string{dir}, nil, check.Options{Each: func(r *roadmap.Roadmap) {
				ix.Add(r)
				indexed = append(indexed, weak.Make(r))
			}})
			if err != nil {
				t.Fatal(err)
			}
			read, err := fulfil.ReadReports(ix, []string{file}, opts)
			if err != nil {
				t.Fatal(err)
			}
			runtime.GC()
			for i, w := range indexed {
				if w.Value() != nil {
					t.Errorf("roadmap %d is held after it was indexed", i)
				}
			}
			var got []fulfil.Result
			if err := res.Each(func(r *roadmap.Roadmap) {
				read.Evaluate(r, func(r *fulfil.Result) { got = append(got, *r) })
			}); err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 && opts.AllYears {
				t.Fatalf("%s: no results", file)
			}
			total += len(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %+v: %d results, want Evaluate's %d (or they differ)", file, opts, len(got), len(want))
			}
			if fs := read.Findings(); !reflect.DeepEqual(fs, wantFs) {
				t.Errorf("%s %+v: findings differ:\n%v\nwant\n%v", file, opts, fs, wantFs)
			}
		}
	}
	if total < 100 {
		t.Errorf("%d results in all: the reports should report on the roadmaps", total)
	}
}

// TestEvaluateWithoutReports: with no report read, a roadmap is evaluated
// the same whether the index holds it or not (a summary without reports
// evaluates each roadmap as it is checked).
func TestEvaluateWithoutReports(t *testing.T) {
	t.Parallel()
	held := roadmaps(t)
	opts := fulfil.Options{AsOf: asOf, AllYears: true}
	want, wantFs, err := fulfil.Evaluate(held, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	none, err := fulfil.ReadReports(fulfil.NewIndex(), nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []fulfil.Result
	for _, r := range held {
		none.Evaluate(r, func(r *fulfil.Result) { got = append(got, *r) })
	}
	if len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("%d results, want %d", len(got), len(want))
	}
	if fs := none.Findings(); len(wantFs) == 0 || !reflect.DeepEqual(fs, wantFs) {
		t.Errorf("findings differ: %d, want %d", len(fs), len(wantFs))
	}
}
