package merge_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/merge"
)

// FuzzApply: an amendment the parser accepts applies to a roadmap without
// an error (a finding at most). The parser's own fuzz target is package
// amendment's FuzzParse.
func FuzzApply(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(dataDir, "apply/*/amendment*.yaml"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	base, err := os.ReadFile(filepath.Join(dataDir, "apply/set-title/base.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, fs := amendment.Parse("a.yaml", data)
		if a == nil || diag.Fails(fs, false) {
			return
		}
		if _, _, err := merge.Apply("base.yaml", base, []*amendment.Amendment{a}); err != nil {
			t.Fatalf("apply: %v\n%s", err, data)
		}
	})
}
