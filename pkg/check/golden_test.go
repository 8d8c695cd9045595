package check_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
)

const rulesDir = "../../testdata/rules"

// TestRuleGolden checks every example under testdata/rules (a file, or a
// directory for rules about several files) against its golden output, in
// Russian (.golden) and English (.en.golden). Each RMnnn example must
// produce at least one finding of its own code.
func TestRuleGolden(t *testing.T) {
	entries, err := os.ReadDir(rulesDir)
	if err != nil {
		t.Fatal(err)
	}
	covered := map[diag.Code]bool{}
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".golden") {
			continue
		}
		base := strings.TrimSuffix(name, filepath.Ext(name))
		if e.IsDir() {
			base = name
		}
		t.Run(base, func(t *testing.T) {
			// Run from testdata/rules so paths in the output are short and
			// do not depend on where the repository is.
			t.Chdir(rulesDir)
			res, err := check.Run([]string{name}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if code, ok := strings.CutPrefix(base, "RM"); ok {
				want := diag.Code("RM" + code[:3])
				found := false
				for _, f := range res.Findings {
					found = found || f.Code == want
				}
				if !found {
					t.Errorf("%s gives no %s finding: %v", name, want, res.Findings)
				}
				covered[want] = true
			} else if len(res.Findings) > 0 {
				t.Errorf("%s should be clean, got %v", name, res.Findings)
			}
			for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
				var buf bytes.Buffer
				r, _ := render.New(render.Text, render.Options{Lang: lang})
				if err := r.Findings(&buf, res.Findings); err != nil {
					t.Fatal(err)
				}
				want := base + ".golden"
				if lang == i18n.EN {
					want = base + ".en.golden"
				}
				golden.Compare(t, want, buf.Bytes())
			}
		})
	}
	t.Run("every rule has an example", func(t *testing.T) {
		for _, r := range diag.Rules {
			if r.Code >= "RM100" {
				continue // report rules: examples in testdata/reports (package fulfil)
			}
			if !covered[r.Code] {
				t.Errorf("no example under testdata/rules for %s (%s)", r.Code, r.Name)
			}
		}
	})
}
