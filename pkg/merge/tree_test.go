package merge

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/synth"
)

// TestMergedReadsAsParsed: a merge result read from the tree the editor
// kept is the roadmap, positions and findings included, that parsing its
// text gives: for every apply case of testdata/merge and generated
// roadmaps and amendments.
func TestMergedReadsAsParsed(t *testing.T) {
	t.Parallel()
	type input struct {
		base       []byte
		amendments []string
	}
	var inputs []input
	dirs, _ := filepath.Glob("../../testdata/merge/apply/*")
	for _, d := range dirs {
		base, err := os.ReadFile(filepath.Join(d, "base.yaml"))
		if err != nil {
			continue
		}
		paths, _ := filepath.Glob(filepath.Join(d, "amendment*.yaml"))
		slices.Reverse(paths)
		inputs = append(inputs, input{base, paths})
	}
	dir := t.TempDir()
	for _, seed := range []uint64{4, 5} {
		r, err := synth.Big(filepath.Join(dir, "big.yaml"), seed, 150)
		if err != nil {
			t.Fatal(err)
		}
		am := filepath.Join(dir, "am.yaml")
		if err := synth.Amendment(am, seed, r, 40); err != nil {
			t.Fatal(err)
		}
		base, _ := os.ReadFile(r.Path)
		inputs = append(inputs, input{base, []string{am}})
	}
	trees := 0
	for _, in := range inputs {
		var as []*amendment.Amendment
		for _, p := range in.amendments {
			if a, _, err := amendment.Load(p); err == nil && a != nil {
				as = append(as, a)
			}
		}
		m, fs, err := ApplyMerged("base.yaml", in.base, as)
		if err != nil {
			t.Fatal(err)
		}
		if m == nil || diag.Fails(fs, false) {
			continue
		}
		if m.tree != nil {
			trees++
		}
		got, gotFs := m.Read("out.yaml")
		want, wantFs := roadmap.Parse("out.yaml", m.Data)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotFs, wantFs) {
			t.Errorf("%v: read from the tree differs from the parse:\n%+v\n%v\nwant\n%+v\n%v", in.amendments, got, gotFs, want, wantFs)
		}
	}
	if trees < 10 {
		t.Errorf("only %d results came with their tree", trees)
	}
}
