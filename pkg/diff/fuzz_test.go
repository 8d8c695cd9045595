package diff_test

import (
	"os"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// FuzzCompute compares two arbitrary roadmap texts (seeded with the
// shipped roadmaps): never a panic, and a roadmap compared with itself
// has no change.
func FuzzCompute(f *testing.F) {
	for _, p := range []string{"../../roadmaps/bessonovsky.yaml", "../../roadmaps/nikolsky.yaml"} {
		data, _ := os.ReadFile(p)
		f.Add(data, data)
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		ra, _ := roadmap.Parse("a.yaml", a)
		rb, _ := roadmap.Parse("b.yaml", b)
		if ra == nil || rb == nil {
			return
		}
		diff.Compute(ra, rb, diff.Options{})
		diff.Clauses(diff.Compute(ra, rb, diff.Options{}), diff.NumberingKeep)
		if res := diff.Compute(ra, ra, diff.Options{}); !res.Empty() {
			t.Fatalf("a roadmap differs from itself")
		}
	})
}
