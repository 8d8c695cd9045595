package merge_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/merge"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

const dataDir = "../../testdata/merge"

func findingsText(t *testing.T, fs []diag.Finding, lang i18n.Lang) []byte {
	t.Helper()
	var b bytes.Buffer
	r, _ := render.New(render.Text, render.Options{Lang: lang})
	if err := r.Findings(&b, fs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustPass fails when data is not a roadmap that passes check.Roadmap.
func mustPass(t *testing.T, name string, data []byte) *roadmap.Roadmap {
	t.Helper()
	r, fs := roadmap.Parse(name, data)
	if r != nil {
		fs = append(fs, check.Roadmap(r)...)
	}
	if r == nil || diag.Fails(fs, false) {
		t.Fatalf("%s does not pass the check:\n%s\n%s", name, findingsText(t, fs, i18n.EN), data)
	}
	return r
}

// TestApplyGolden applies each case's amendment*.yaml (given in reverse
// file order, so that the date order is what counts) to its base.yaml and
// compares the result with want.yaml, or the findings with want.txt.
func TestApplyGolden(t *testing.T) {
	dir := filepath.Join(dataDir, "apply")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			t.Chdir(filepath.Join(dir, e.Name()))
			paths, _ := filepath.Glob("amendment*.yaml")
			slices.Reverse(paths)
			var as []*amendment.Amendment
			var fs []diag.Finding
			for _, p := range paths {
				a, afs, err := amendment.Load(p)
				if err != nil {
					t.Fatal(err)
				}
				fs = append(fs, afs...)
				as = append(as, a)
			}
			base := read(t, "base.yaml")
			var out []byte
			if !diag.Fails(fs, false) {
				var afs []diag.Finding
				out, afs, err = merge.Apply("base.yaml", base, as)
				if err != nil {
					t.Fatal(err)
				}
				fs = append(fs, afs...)
			}
			if strings.HasPrefix(e.Name(), "err-") {
				if out != nil || len(fs) == 0 {
					t.Fatalf("want findings and no result, got %d findings", len(fs))
				}
				diag.Sort(fs)
				golden.Compare(t, "want.txt", findingsText(t, fs, i18n.RU))
				return
			}
			if len(fs) > 0 {
				t.Fatalf("findings:\n%s", findingsText(t, fs, i18n.EN))
			}
			golden.Compare(t, "want.yaml", out)
			r := mustPass(t, "want.yaml", out)
			last := r.Amendments[len(r.Amendments)-1]
			if last.Number == "" || last.Date.IsZero() || last.Title == "" {
				t.Errorf("the amending document is not recorded: %+v", r.Amendments)
			}
		})
	}
}

// TestApplyKeepsUntouchedLines: setting one field changes that line only;
// every other byte (comments, blank lines, quoting, flow styles) stays.
func TestApplyKeepsUntouchedLines(t *testing.T) {
	base := read(t, filepath.Join(dataDir, "apply/set-title/base.yaml"))
	a, fs, err := amendment.Load(filepath.Join(dataDir, "apply/set-title/amendment.yaml"))
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	out, fs, err := merge.Apply("base.yaml", base, []*amendment.Amendment{a})
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	bl := strings.Split(string(base), "\n")
	ol := strings.Split(string(out), "\n")
	// The title line changes; two lines (amendments:, the item) are added.
	if len(ol) != len(bl)+2 {
		t.Fatalf("got %d lines, want %d", len(ol), len(bl)+2)
	}
	var changed []int
	for i := range bl[:len(bl)-1] {
		if bl[i] != ol[i] {
			changed = append(changed, i+1)
		}
	}
	if !slices.Equal(changed, []int{26}) || ol[25] != "    title: 'Участие в открытых онлайн-уроках «ПроеКтория»'" {
		t.Errorf("changed lines %v; line 26 = %q", changed, ol[25])
	}
	if got := strings.Join(ol[len(bl)-1:], "\n"); got != "amendments:\n  - {kind: order, number: \"15/01-09\", date: 2021-03-01, title: О внесении изменений в приказ от 14.07.2020 № 94/01-09}\n" {
		t.Errorf("amendments appended as %q", got)
	}
}

// TestApplyCRLF: a CRLF file stays CRLF; an LF file gets no CR.
func TestApplyCRLF(t *testing.T) {
	out, err := os.ReadFile(filepath.Join(dataDir, "apply/crlf/want.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if n, crlf := bytes.Count(out, []byte("\n")), bytes.Count(out, []byte("\r\n")); n == 0 || n != crlf {
		t.Errorf("CRLF input: %d line ends, %d CRLF", n, crlf)
	}
	lf, _ := os.ReadFile(filepath.Join(dataDir, "apply/remove/want.yaml"))
	if bytes.Contains(lf, []byte("\r")) {
		t.Error("LF input got CR")
	}
}

// TestThreeWayGolden merges each case's a.yaml (ours) and b.yaml (theirs)
// from o.yaml and compares with want.yaml; conflicts go to want.txt.
func TestThreeWayGolden(t *testing.T) {
	dir := filepath.Join(dataDir, "three")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			t.Chdir(filepath.Join(dir, e.Name()))
			res, fs, err := merge.ThreeWay(
				merge.Input{File: "o.yaml", Data: read(t, "o.yaml")},
				merge.Input{File: "a.yaml", Data: read(t, "a.yaml")},
				merge.Input{File: "b.yaml", Data: read(t, "b.yaml")})
			if err != nil || res == nil {
				t.Fatalf("%v %s", err, findingsText(t, fs, i18n.EN))
			}
			golden.Compare(t, "want.yaml", res.Data)
			cfs := append(res.Findings, merge.ConflictFindings("want.yaml", res.Conflicts)...)
			golden.Compare(t, "want.txt", findingsText(t, cfs, i18n.RU))
			if len(res.Conflicts) == 0 {
				mustPass(t, "want.yaml", res.Data)
				return
			}
			// Markers: the loader reports each of them (RM019), at the
			// lines the conflicts give.
			_, lfs := roadmap.Parse("want.yaml", res.Data)
			var lines []int
			for _, f := range lfs {
				if f.Code == diag.ConflictMarker && strings.HasPrefix(f.Args[0].(string), "<<<") {
					lines = append(lines, f.Line)
				}
			}
			var want []int
			for _, c := range res.Conflicts {
				want = append(want, c.Line)
			}
			if !slices.Equal(lines, want) {
				t.Errorf("markers at %v, conflicts at %v", lines, want)
			}
		})
	}
}

// TestRuleExamples: the RM2xx examples of testdata/merge/rules that are
// directories (RM208, RM209) are three-way merges; each gives its rule's
// finding, compared with the golden files (.golden in Russian, .en.golden
// in English). The amendment files there are package amendment's
// examples; applying one gives no result and exactly the findings of its
// golden file (written by package amendment's test).
func TestRuleExamples(t *testing.T) {
	t.Chdir(filepath.Join(dataDir, "rules"))
	base := read(t, "base.yaml")
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "RM") || strings.HasSuffix(name, ".golden") {
			continue
		}
		code := diag.Code(name[:5])
		if code == diag.AmendUnknownRoadmap {
			continue // found by checking a repository, not by applying
		}
		stem := strings.TrimSuffix(name, ".yaml")
		t.Run(stem, func(t *testing.T) {
			if !e.IsDir() {
				a, fs, err := amendment.Load(name)
				if err != nil {
					t.Fatal(err)
				}
				if !diag.Fails(fs, false) {
					out, afs, err := merge.Apply("base.yaml", base, []*amendment.Amendment{a})
					if err != nil {
						t.Fatal(err)
					}
					if out != nil {
						t.Error("a result despite findings")
					}
					fs = append(fs, afs...)
				}
				diag.Sort(fs)
				if got, want := findingsText(t, fs, i18n.EN), read(t, stem+".en.golden"); !bytes.Equal(got, want) {
					t.Errorf("applying %s:\n%s\nwant (%s.en.golden):\n%s", name, got, stem, want)
				}
				return
			}
			res, lfs, err := merge.ThreeWay(
				merge.Input{File: name + "/o.yaml", Data: read(t, name+"/o.yaml")},
				merge.Input{File: name + "/a.yaml", Data: read(t, name+"/a.yaml")},
				merge.Input{File: name + "/b.yaml", Data: read(t, name+"/b.yaml")})
			if err != nil || res == nil {
				t.Fatal(err, lfs)
			}
			fs := append(res.Findings, merge.ConflictFindings(name+"/a.yaml", res.Conflicts)...)
			if !slices.ContainsFunc(fs, func(f diag.Finding) bool { return f.Code == code }) {
				t.Errorf("no %s finding: %s", code, findingsText(t, fs, i18n.EN))
			}
			diag.Sort(fs)
			golden.Compare(t, stem+".golden", findingsText(t, fs, i18n.RU))
			golden.Compare(t, stem+".en.golden", findingsText(t, fs, i18n.EN))
		})
	}
}
