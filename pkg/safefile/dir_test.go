package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestReplaceDir: a new directory is made, an existing one replaced
// whole, and a failed build leaves the old one as it was; nothing
// temporary is left beside it.
func TestReplaceDir(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	write := func(files ...string) func(string) error {
		return func(dir string) error {
			for _, f := range files {
				if err := os.WriteFile(filepath.Join(dir, f), []byte(f), 0o644); err != nil {
					return err
				}
			}
			return nil
		}
	}
	if err := ReplaceDir(out, write("a.html", "b.html")); err != nil {
		t.Fatal(err)
	}
	if err := ReplaceDir(out, write("c.html")); err != nil {
		t.Fatal(err)
	}
	broken := errors.New("broken")
	if err := ReplaceDir(out, func(dir string) error {
		_ = write("d.html")(dir)
		return broken
	}); !errors.Is(err, broken) {
		t.Fatalf("a failed build: %v", err)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "c.html" {
		t.Errorf("public holds %v, want c.html only", entries)
	}
	if left, _ := os.ReadDir(parent); len(left) != 1 {
		t.Errorf("beside it: %v", left)
	}
	if st, err := os.Stat(out); err != nil || runtime.GOOS != "windows" && st.Mode().Perm() != 0o755 {
		t.Errorf("mode %v, %v", st.Mode(), err)
	}
}
