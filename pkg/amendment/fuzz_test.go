package amendment_test

import (
	"os"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
)

// FuzzParse: the amendment parser never panics and always places its
// findings; what it accepts validates against a roadmap with placed
// findings and survives Marshal with its meaning.
func FuzzParse(f *testing.F) {
	for _, p := range examples() {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	r := rulesBase(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		amendment.IsAmendment(data)
		a, fs := amendment.Parse("a.yaml", data)
		if a == nil || diag.Fails(fs, false) {
			placed(t, fs)
			return
		}
		placed(t, append(fs, a.Validate(r, amendment.NewState(r))...))
		roundTrip(t, a)
	})
}

func placed(t *testing.T, fs []diag.Finding) {
	t.Helper()
	for _, x := range fs {
		if x.Line < 1 || x.Col < 1 {
			t.Fatalf("finding without a position: %+v", x)
		}
	}
}
