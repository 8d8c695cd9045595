//go:build unix

package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestKilledRunsTemporaryRemoved: a temporary file of a process that no
// longer runs is removed by the next write however young it is.
func TestKilledRunsTemporaryRemoved(t *testing.T) {
	t.Parallel()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	dir := t.TempDir()
	dead := filepath.Join(dir, fmt.Sprintf(".x.yaml.tmp-%d-42", cmd.Process.Pid))
	if err := os.WriteFile(dead, []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(dir, "x.yaml"), func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dead); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the killed run's temporary file is still there: %v", err)
	}
}
