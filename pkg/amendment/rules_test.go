package amendment_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

const dataDir = "../../testdata/merge"

// TestRuleExamples checks each RM2xx amendment example of
// testdata/merge/rules against base.yaml and compares its findings with
// the golden files: RM201 as `roadmap check` does (CheckFile with
// base.yaml among the roadmaps), the others by validating the amendment
// against base.yaml. Every RM2xx rule must have an example; those that
// are directories (RM208, RM209) are three-way merges, run by package
// merge.
func TestRuleExamples(t *testing.T) {
	t.Chdir(filepath.Join(dataDir, "rules"))
	br, bfs, err := roadmap.Load("base.yaml", nil)
	if err != nil || br == nil || len(bfs) > 0 {
		t.Fatal(err, bfs)
	}
	entries, _ := os.ReadDir(".")
	covered := map[diag.Code]bool{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "RM") || strings.HasSuffix(name, ".golden") {
			continue
		}
		code := diag.Code(name[:5])
		covered[code] = true
		if e.IsDir() {
			continue
		}
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			a, fs, err := amendment.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case code == diag.AmendUnknownRoadmap:
				data, _ := os.ReadFile(name)
				isA, cfs := amendment.CheckFile(name, data, []*roadmap.Roadmap{br})
				if !isA {
					t.Fatal("not recognised as an amendment")
				}
				fs = cfs
			case !diag.Fails(fs, false):
				fs = append(fs, a.Validate(br, amendment.NewState(br))...)
			}
			if !slices.ContainsFunc(fs, func(f diag.Finding) bool { return f.Code == code }) {
				t.Errorf("no %s finding: %s", code, codesOf(fs))
			}
			compareFindings(t, strings.TrimSuffix(name, ".yaml"), fs)
		})
	}
	for _, r := range diag.Rules {
		if r.Code >= "RM200" && r.Code < "RM300" && !covered[r.Code] {
			t.Errorf("%s has no example in testdata/merge/rules", r.Code)
		}
	}
}

// compareFindings compares the findings, as `roadmap check` prints them,
// with stem.golden (Russian) and stem.en.golden (English).
func compareFindings(t *testing.T, stem string, fs []diag.Finding) {
	t.Helper()
	diag.Sort(fs)
	for _, g := range []struct {
		lang i18n.Lang
		path string
	}{{i18n.RU, stem + ".golden"}, {i18n.EN, stem + ".en.golden"}} {
		var b bytes.Buffer
		r, _ := render.New(render.Text, render.Options{Lang: g.lang})
		if err := r.Findings(&b, fs); err != nil {
			t.Fatal(err)
		}
		golden.Compare(t, g.path, b.Bytes())
	}
}
