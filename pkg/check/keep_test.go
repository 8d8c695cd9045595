package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
)

// TestSameFindingsWithoutRoadmaps: a run that keeps no roadmaps (check
// without reports) finds exactly what a run keeping them does, duplicate
// ids across files and amendment files (against their roadmap, against
// an unknown one) included.
func TestSameFindingsWithoutRoadmaps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	put := func(name, src string, edit func(string) string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(edit(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	same := func(s string) string { return s }
	for i := range 6 {
		put(fmt.Sprintf("a%d-bessonovsky.yaml", i), "../../roadmaps/bessonovsky.yaml", func(s string) string {
			return strings.Replace(s, "\nid: ", fmt.Sprintf("\nid: b%d\nx-old-id: ", i/2), 1)
		})
	}
	put("b-base.yaml", "../../testdata/merge/apply/set-due/base.yaml", same)
	put("c-rules.yaml", "../../testdata/rules/RM029-due-assumed.yaml", same)
	put("d-set-due.yaml", "../../testdata/merge/apply/set-due/amendment.yaml", same)
	put("e-unknown-id.yaml", "../../testdata/merge/apply/err-unknown-id/amendment.yaml", same)
	put("f-other-roadmap.yaml", "../../testdata/merge/apply/set-title/amendment.yaml", func(s string) string {
		return strings.Replace(s, "roadmap: test-district", "roadmap: test-distric", 1)
	})
	kept, err := check.Run([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := check.RunWith([]string{dir}, nil, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(kept.Roadmaps) == 0 || len(lean.Roadmaps) != 0 {
		t.Fatalf("kept %d roadmaps and %d without Roadmaps", len(kept.Roadmaps), len(lean.Roadmaps))
	}
	if len(kept.Findings) < 5 {
		t.Fatalf("only %d findings: the fixture should give duplicates and amendment findings", len(kept.Findings))
	}
	if !reflect.DeepEqual(kept.Findings, lean.Findings) {
		t.Errorf("findings differ:\nkept: %v\nlean: %v", kept.Findings, lean.Findings)
	}
}
