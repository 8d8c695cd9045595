package merge

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// FuzzThreeWay merges three arbitrary texts (seeded with the cases of
// testdata/merge/three): never a panic; a clean result of three loadable
// sides loads again, and merging a file with itself changes nothing.
func FuzzThreeWay(f *testing.F) {
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "merge", "three", "*"))
	for _, d := range dirs {
		o, _ := os.ReadFile(filepath.Join(d, "o.yaml"))
		a, _ := os.ReadFile(filepath.Join(d, "a.yaml"))
		b, _ := os.ReadFile(filepath.Join(d, "b.yaml"))
		f.Add(o, a, b)
	}
	f.Fuzz(func(t *testing.T, o, a, b []byte) {
		res, _, err := ThreeWay(Input{"o.yaml", o}, Input{"a.yaml", a}, Input{"b.yaml", b})
		if err != nil || res == nil {
			return
		}
		if len(res.Conflicts) == 0 {
			if r, _ := roadmap.Parse("merged.yaml", res.Data); r == nil {
				t.Fatalf("a clean merge does not load:\n%s", res.Data)
			}
		}
		same, _, err := ThreeWay(Input{"o.yaml", o}, Input{"a.yaml", o}, Input{"b.yaml", o})
		if err == nil && same != nil && len(same.Conflicts) > 0 {
			t.Fatalf("merging a file with itself conflicts")
		}
	})
}
