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
	rulesAbs, err := filepath.Abs(rulesDir)
	if err != nil {
		t.Fatal(err)
	}
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
			if base == "RM034-unreadable-file" {
				unreadableExample(t, name)
			}
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
				golden.Compare(t, filepath.Join(rulesAbs, want), buf.Bytes())
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

// unreadableExample runs the RM034 example in a copy of it beside which a
// symbolic link loop, loop.yaml, is made: such a link cannot live in the
// repository (Windows checkouts and every tool that reads testdata/rules
// would trip on it).
func unreadableExample(t *testing.T, name string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(name)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop.yaml", filepath.Join(dir, name, "loop.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	t.Chdir(dir)
}
