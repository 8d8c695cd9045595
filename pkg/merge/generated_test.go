package merge

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/synth"
)

// TestApplyGenerated applies generated amendments (sets, removals,
// additions) to generated roadmaps: with verifyEdits on, every edit's
// kept tree must be the text's, and the result must read back with the
// changes made.
func TestApplyGenerated(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{1, 2, 3} {
		dir := t.TempDir()
		r, err := synth.Big(filepath.Join(dir, "big.yaml"), seed, 200)
		if err != nil {
			t.Fatal(err)
		}
		am := filepath.Join(dir, "am.yaml")
		if err := synth.Amendment(am, seed, r, 60); err != nil {
			t.Fatal(err)
		}
		base, _ := os.ReadFile(r.Path)
		data, _ := os.ReadFile(am)
		a, fs := amendment.Parse(am, data)
		if a == nil {
			t.Fatal(fs)
		}
		out, fs, err := Apply(r.Path, base, []*amendment.Amendment{a})
		if err != nil || out == nil {
			t.Fatalf("seed %d: %v %v", seed, err, fs)
		}
		got, fs := roadmap.Parse("out.yaml", out)
		if got == nil {
			t.Fatalf("seed %d: result does not read: %v", seed, fs)
		}
		// 60 changes: 6 removals, 6 additions.
		if len(got.Activities) != len(r.Activities) {
			t.Errorf("seed %d: %d activities, want %d", seed, len(got.Activities), len(r.Activities))
		}
		if len(got.Amendments) != 1 {
			t.Errorf("seed %d: %d amendments recorded, want 1", seed, len(got.Amendments))
		}
	}
}
