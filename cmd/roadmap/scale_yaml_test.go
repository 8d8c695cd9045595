package main

// The YAML side's scale measurements (issue 17): check, fmt --check,
// merge, diff and start-up as whole processes, each beside its bare
// baseline in the same run, on data pkg/synth generates. make bench runs
// them at country scale (-tags scale, scale_yaml_big_test.go); go test
// runs TestScaleYAMLReduced, a small run asserting loose bounds.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/synth"
)

// scaleSelf makes a re-executed test binary act as the roadmap command,
// so that ours runs as its own process like the baselines.
const scaleSelf = "ROADMAP_SCALE_SELF"

func init() {
	synth.RunBaseline()
	if os.Getenv(scaleSelf) != "" {
		code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		synth.WritePeak()
		os.Exit(code)
	}
}

// yamlScale is the size of one run.
type yamlScale struct {
	// Districts × Directions roadmap files in the tree.
	Districts, Directions int
	// Activities of the big roadmap merge and diff work on, and the
	// changes of the amendment merged into it.
	Activities, Changes int
	// Runs of each measurement, TreeRuns of those over the whole tree
	// (check, fmt, diff REV); the median counts.
	Runs, TreeRuns int
}

// yamlWork is one measured piece: ours and its baseline, and the bounds
// it is held to.
type yamlWork struct {
	row synth.Row
	// maxRatio bounds our user time over the baseline's; maxRSS our peak
	// resident set in bytes (0: not held).
	maxRatio float64
	maxRSS   int64
}

// ours is the command running roadmap with args in dir ("" for the test's
// directory), its output thrown away.
func ours(dir string, args ...string) func() *exec.Cmd {
	return func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), scaleSelf+"=1", "ROADMAP_LANG=", "NO_COLOR=1")
		cmd.Dir = dir
		return cmd
	}
}

func baseline(name string, args ...string) func() *exec.Cmd {
	return func() *exec.Cmd { return synth.BaselineCmd(name, args...) }
}

// measureYAML generates the data of size s under dir and measures every
// piece of work, ratios bounded as given.
func measureYAML(t *testing.T, dir string, s yamlScale, bounds map[string][2]float64) []yamlWork {
	t.Helper()
	only := os.Getenv("ROADMAP_SCALE_ONLY") // "check,merge": measure these alone
	want := func(keys ...string) bool {
		return only == "" || slices.ContainsFunc(keys, func(k string) bool { return slices.Contains(strings.Split(only, ","), k) })
	}
	tree := filepath.Join(dir, "tree")
	var rs []synth.Roadmap
	repo := tree
	if want("check", "fmt", "diffrev") {
		var err error
		if rs, err = synth.Tree(tree, 17, s.Districts, s.Directions); err != nil {
			t.Fatal(err)
		}
	}
	if want("diffrev") {
		repo = gitTree(t, tree, rs)
	}
	big := filepath.Join(dir, "big.yaml")
	am := filepath.Join(dir, "amendment.yaml")
	merged := filepath.Join(dir, "merged.yaml")
	if want("merge", "diff") {
		r, err := synth.Big(big, 17, s.Activities)
		if err != nil {
			t.Fatal(err)
		}
		if err := synth.Amendment(am, 17, r, s.Changes); err != nil {
			t.Fatal(err)
		}
		if out, err := ours("", "merge", big, am, "-o", merged)().CombinedOutput(); err != nil {
			t.Fatalf("merge: %v\n%s", err, firstLines(out))
		}
	}
	seed, _ := filepath.Abs(filepath.Join("..", "..", "roadmaps", "nikolsky.yaml"))

	n := fmt.Sprint(s.Districts * s.Directions)
	pieces := []struct {
		key, work, base string
		ours, baseline  func() *exec.Cmd
	}{
		{"check", "`check` " + n + " files", "bare yaml.Node parse, 2 workers", ours("", "check", tree), baseline("parse", "2", tree)},
		{"fmt", "`fmt --check` " + n + " files", "bare yaml.Node parse, 2 workers", ours("", "fmt", "--check", tree), baseline("parse", "2", tree)},
		{"merge", fmt.Sprintf("`merge` %d activities + %d-change amendment", s.Activities, s.Changes), "parsing both files", ours("", "merge", big, am), baseline("parse", "1", big, am)},
		{"diff", fmt.Sprintf("`diff` two %d-activity files", s.Activities), "parsing both files", ours("", "diff", big, merged), baseline("parse", "1", big, merged)},
		{"diffrev", "`diff HEAD` in a " + n + "-file repository, 3 files changed", "bare parse of the whole tree, 2 workers", ours(repo, "diff", "HEAD"), baseline("parse", "2", tree)},
		{"startup", "`check` one seed file (start-up)", "hello world", ours("", "check", seed), baseline("hello")},
	}
	var out []yamlWork
	for _, p := range pieces {
		if !want(p.key) {
			continue
		}
		runs := s.Runs
		if p.key == "check" || p.key == "fmt" || p.key == "diffrev" {
			runs = s.TreeRuns
		}
		o, b, err := synth.MeasurePair(runs, p.ours, p.baseline)
		if err != nil {
			t.Fatalf("%s: %v", p.work, err)
		}
		out = append(out, yamlWork{row: synth.Row{Work: p.work, Baseline: p.base, Ours: o, Base: b},
			maxRatio: bounds[p.key][0], maxRSS: int64(bounds[p.key][1] * 1e6)})
	}
	return out
}

// holdYAML prints the table and fails the work outside its bounds.
func holdYAML(t *testing.T, works []yamlWork) {
	t.Helper()
	rows := make([]synth.Row, len(works))
	for i, w := range works {
		rows[i] = w.row
	}
	var b strings.Builder
	if err := synth.WriteTable(&b, rows); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", b.String())
	for _, w := range works {
		if w.maxRatio > 0 && w.row.Ratio() > w.maxRatio {
			t.Errorf("%s: %.2fx the baseline's user time, want at most %.1fx", w.row.Work, w.row.Ratio(), w.maxRatio)
		}
		if w.maxRSS > 0 && w.row.Ours.PeakRSS > w.maxRSS {
			t.Errorf("%s: peak RSS %d MB, want under %d MB", w.row.Work, w.row.Ours.PeakRSS>>20, w.maxRSS>>20)
		}
	}
}

// gitTree makes a repository of the tree with three files changed since
// its one commit, and returns its directory.
func gitTree(t *testing.T, tree string, rs []synth.Roadmap) string {
	t.Helper()
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = tree
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "tree")
	for _, r := range rs[:3] {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		data = []byte(strings.Replace(string(data), "\n    title: ", "\n    title: Изменённое ", 1))
		if err := os.WriteFile(r.Path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tree
}

func firstLines(b []byte) string {
	lines := strings.SplitN(string(b), "\n", 10)
	return strings.Join(lines[:min(len(lines), 9)], "\n")
}

// TestScaleYAMLReduced runs every YAML-side scale measurement at a small
// size, so that CI exercises them; at this size start-up weighs in every
// ratio, so the bounds are loose, and the memory bounds are the point.
func TestScaleYAMLReduced(t *testing.T) {
	t.Parallel()
	holdYAML(t, measureYAML(t, t.TempDir(), yamlScale{Districts: 20, Directions: 10, Activities: 500, Changes: 20, Runs: 1, TreeRuns: 1},
		map[string][2]float64{
			"check": {4, 150}, "fmt": {4, 150}, "merge": {8, 150}, "diff": {8, 150}, "diffrev": {0, 150}, "startup": {0, 100},
		}))
}
