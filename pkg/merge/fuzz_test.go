package merge_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/merge"
)

// FuzzLoadAmendment: the amendment loader never panics, always places its
// findings, and what it accepts applies to a roadmap without an error (a
// finding at most).
func FuzzLoadAmendment(f *testing.F) {
	for _, pattern := range []string{"apply/*/amendment*.yaml", "rules/*.yaml"} {
		paths, _ := filepath.Glob(filepath.Join(dataDir, pattern))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	base, err := os.ReadFile(filepath.Join(dataDir, "apply/set-title/base.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, fs := merge.Parse("a.yaml", data)
		for _, x := range fs {
			if x.Line < 1 || x.Col < 1 {
				t.Fatalf("finding without a position: %+v", x)
			}
		}
		merge.IsAmendment(data)
		if a == nil || diag.Fails(fs, false) {
			return
		}
		out, _, err := merge.Apply("base.yaml", base, []*merge.Amendment{a})
		if err != nil {
			t.Fatalf("apply: %v\n%s", err, data)
		}
		_ = out
	})
}
