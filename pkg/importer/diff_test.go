package importer

import (
	"os"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// TestSeedsNoDiff is the library equivalent of `roadmap diff --exit-code
// roadmaps/x.yaml imported.yaml`: no difference in meaning. The semantic
// diff matches activities by id, and the importer's ids are slugs of the
// titles rather than the hand-chosen ones, so the hand ids are put on the
// imported activities by position first (sameMeaning in seeds_test.go
// compares without ids at all).
func TestSeedsNoDiff(t *testing.T) {
	for _, tc := range seedCases {
		res, err := ImportFile(tc.source, ImportOptions{Options: Options{ID: tc.id}})
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(tc.want)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := roadmap.Parse(tc.want, data)
		got := res.Roadmap
		if len(got.Activities) != len(want.Activities) {
			t.Fatalf("%s: %d activities, want %d", tc.name, len(got.Activities), len(want.Activities))
		}
		for i := range got.Activities {
			got.Activities[i].ID = want.Activities[i].ID
		}
		if d := diff.Compute(want, got, diff.Options{Numbers: true}); !d.Empty() {
			t.Errorf("%s: differences: %+v", tc.name, d)
		}
		got.Activities[0].Executors = append(got.Activities[0].Executors, "Школы")
		if diff.Compute(want, got, diff.Options{}).Empty() {
			t.Errorf("%s: the diff sees no added executor", tc.name)
		}
	}
}
