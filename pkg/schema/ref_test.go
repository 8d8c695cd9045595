package schema

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSchemaRef: the modeline names the schema of the repository the draft
// is written into, relative to it.
func TestRef(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	for _, d := range []string{"roadmaps", "drafts/2024"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "roadmaps", File), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for out, want := range map[string]string{
		filepath.Join(root, "roadmaps", "x.yaml"):       "roadmap.schema.json",
		filepath.Join(root, "drafts", "2024", "x.yaml"): "../../roadmaps/roadmap.schema.json",
		filepath.Join(root, "x.yaml"):                   "roadmaps/roadmap.schema.json",
		"-":                                             "roadmap.schema.json",
	} {
		if got := Ref(out); got != want {
			t.Errorf("Ref(%s) = %q, want %q", out, got, want)
		}
	}
}
