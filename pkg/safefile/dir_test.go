package safefile

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
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

// TestReplaceDirStaleSwept: what a killed ReplaceDir left beside the
// output is dealt with by the next run in that directory: the half-built
// new directory removed, an old one set aside put back when the output is
// missing, else removed.
func TestReplaceDirStaleSwept(t *testing.T) {
	t.Parallel()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	dead := cmd.Process.Pid
	dir := t.TempDir()
	mk := func(name string) {
		if err := os.MkdirAll(filepath.Join(dir, name, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	mk(fmt.Sprintf(".site.tmp-%d-123", dead)) // a new site half written
	mk(fmt.Sprintf(".other.old-%d", dead))    // the old site, its output missing
	mk(fmt.Sprintf(".kept.old-%d", dead))     // an old site whose new one is in place
	mk("kept")
	mk(".user.tmp-notes") // a user's own directory: not ours
	if err := ReplaceDir(filepath.Join(dir, "site"), func(string) error { return nil }); err != nil {
		t.Fatal(err)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != ".user.tmp-notes kept other site" {
		t.Errorf("left %q", got)
	}
}
