package check_test

import (
	"os"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// FuzzRoadmap runs every check rule over an arbitrary roadmap text
// (seeded with the shipped roadmaps and the rule examples): never a panic.
func FuzzRoadmap(f *testing.F) {
	for _, p := range []string{"../../roadmaps/bessonovsky.yaml", "../../roadmaps/nikolsky.yaml",
		"../../testdata/rules/RM010-numbering.yaml", "../../testdata/rules/RM029-due-assumed.yaml"} {
		data, _ := os.ReadFile(p)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, _ := roadmap.Parse("f.yaml", data)
		if r == nil {
			return
		}
		check.Roadmap(r)
		check.Across([]*roadmap.Roadmap{r, r})
		r.Occurrences(roadmap.Activity{})
		for _, a := range r.Activities {
			r.Occurrences(a)
		}
	})
}
