package check_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// eachFixture writes n roadmaps (copies of the seeds under their own
// ids, two of them the same) and an amendment file, and returns the dir.
func eachFixture(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile("../../roadmaps/bessonovsky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		id := fmt.Sprintf("id: r%03d", min(i, n-2))
		data := strings.Replace(string(src), "\nid: ", "\n"+id+"\nx-old-id: ", 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d.yaml", i)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	am, err := os.ReadFile("../../testdata/merge/apply/set-due/amendment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "zz-amendment.yaml"), am, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestEachInFileOrder: Options.Each is given every decoded roadmap in
// the order of Result.Roadmaps whatever the processors, and Result.Each
// gives them again in that order, read again when not kept; the findings
// are those of a run without Each.
func TestEachInFileOrder(t *testing.T) {
	dir := eachFixture(t, 60)
	kept, err := check.Run([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range kept.Roadmaps {
		want = append(want, r.File+" "+r.ID)
	}
	if len(want) != 60 {
		t.Fatalf("%d roadmaps, want 60", len(want))
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		var each, again []string
		res, err := check.RunWith([]string{dir}, nil, check.Options{Each: func(r *roadmap.Roadmap) {
			each = append(each, r.File+" "+r.ID)
		}})
		if err != nil {
			t.Fatal(err)
		}
		if err := res.Each(func(r *roadmap.Roadmap) { again = append(again, r.File+" "+r.ID) }); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(each, want) || !reflect.DeepEqual(again, want) {
			t.Errorf("GOMAXPROCS %d: order differs:\nEach:   %v\nagain:  %v\nwant:   %v", procs, each, again, want)
		}
		if !reflect.DeepEqual(res.Findings, kept.Findings) {
			t.Errorf("GOMAXPROCS %d: findings differ from a run keeping the roadmaps", procs)
		}
	}
}

// TestEachLetsGo: a run with Each and without Roadmaps holds none of the
// roadmaps it handed on (a country's would be gigabytes): once the run is
// over, all of them can be collected. Standard input's is kept, and given
// again by Result.Each.
func TestEachLetsGo(t *testing.T) {
	dir := eachFixture(t, 40)
	stdin, err := os.ReadFile("../../roadmaps/nikolsky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var handed []weak.Pointer[roadmap.Roadmap]
	var fromStdin *roadmap.Roadmap
	res, err := check.RunWith([]string{dir, "-"}, bytes.NewReader(stdin), check.Options{Each: func(r *roadmap.Roadmap) {
		if r.File == "-" {
			fromStdin = r
			return
		}
		handed = append(handed, weak.Make(r))
	}})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.GC()
	held := 0
	for _, w := range handed {
		if w.Value() != nil {
			held++
		}
	}
	if len(handed) != 40 || held > 0 {
		t.Errorf("%d of %d roadmaps handed to Each are still held after the run", held, len(handed))
	}
	var last *roadmap.Roadmap
	n := 0
	if err := res.Each(func(r *roadmap.Roadmap) { last = r; n++ }); err != nil {
		t.Fatal(err)
	}
	if n != 41 || last != fromStdin || fromStdin == nil {
		t.Errorf("Result.Each gave %d roadmaps, the last %p, want 41 ending with standard input's %p", n, last, fromStdin)
	}
}

// TestEachFileGone: a file gone before it is read again is an error of
// Result.Each, not a silent gap.
func TestEachFileGone(t *testing.T) {
	t.Parallel()
	dir := eachFixture(t, 5)
	res, err := check.RunWith([]string{dir}, nil, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "f002.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := res.Each(func(*roadmap.Roadmap) {}); err == nil {
		t.Error("no error for a file gone")
	}
}
