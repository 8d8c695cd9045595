package merge_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

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
			var as []*merge.Amendment
			var fs []diag.Finding
			for _, p := range paths {
				a, afs, err := merge.Load(p)
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
	a, fs, err := merge.Load(filepath.Join(dataDir, "apply/set-title/amendment.yaml"))
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	out, fs, err := merge.Apply("base.yaml", base, []*merge.Amendment{a})
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

// TestRuleExamples runs each RM2xx example of testdata/merge/rules and
// compares its findings with the golden file (.golden in Russian,
// .en.golden in English). RM201 is checked as `roadmap check` does
// (CheckFile with base.yaml among the roadmaps), RM208 and RM209 by a
// three-way merge of the example directory, the others by applying the
// amendment to base.yaml.
func TestRuleExamples(t *testing.T) {
	t.Chdir(filepath.Join(dataDir, "rules"))
	base := read(t, "base.yaml")
	br, _ := roadmap.Parse("base.yaml", base)
	entries, _ := os.ReadDir(".")
	covered := map[diag.Code]bool{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "RM") || strings.HasSuffix(name, ".golden") {
			continue
		}
		code := diag.Code(name[:5])
		stem := strings.TrimSuffix(name, ".yaml")
		t.Run(stem, func(t *testing.T) {
			var fs []diag.Finding
			switch {
			case e.IsDir():
				res, lfs, err := merge.ThreeWay(
					merge.Input{File: name + "/o.yaml", Data: read(t, name+"/o.yaml")},
					merge.Input{File: name + "/a.yaml", Data: read(t, name+"/a.yaml")},
					merge.Input{File: name + "/b.yaml", Data: read(t, name+"/b.yaml")})
				if err != nil || res == nil {
					t.Fatal(err, lfs)
				}
				fs = append(res.Findings, merge.ConflictFindings(name+"/a.yaml", res.Conflicts)...)
			case code == diag.AmendUnknownRoadmap:
				isA, cfs := merge.CheckFile(name, read(t, name), []*roadmap.Roadmap{br})
				if !isA {
					t.Fatal("not recognised as an amendment")
				}
				fs = cfs
			default:
				a, afs, err := merge.Load(name)
				if err != nil {
					t.Fatal(err)
				}
				fs = afs
				if !diag.Fails(afs, false) {
					out, apfs, err := merge.Apply("base.yaml", base, []*merge.Amendment{a})
					if err != nil {
						t.Fatal(err)
					}
					if out != nil {
						t.Error("a result despite findings")
					}
					fs = append(fs, apfs...)
				}
			}
			found := false
			for _, f := range fs {
				found = found || f.Code == code
			}
			if !found {
				t.Errorf("no %s finding: %s", code, findingsText(t, fs, i18n.EN))
			}
			covered[code] = true
			diag.Sort(fs)
			golden.Compare(t, stem+".golden", findingsText(t, fs, i18n.RU))
			golden.Compare(t, stem+".en.golden", findingsText(t, fs, i18n.EN))
		})
	}
	for _, r := range diag.Rules {
		if r.Code >= "RM200" && r.Code < "RM300" && !covered[r.Code] {
			t.Errorf("%s has no example in testdata/merge/rules", r.Code)
		}
	}
}
