//go:build linux

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/synth"
)

// TestHugeInputsRefusedBounded: a 100 MB and a 1 GB one-line file are
// refused by the size message before they are read, whatever the command:
// the process stays small (peak RSS), and the exit code is check's 1 (a
// finding for that file) or 2 for the others.
func TestHugeInputsRefusedBounded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seed := "../../roadmaps/bessonovsky.yaml"
	for _, size := range []int64{100_000_000, 1 << 30} {
		// One line of a billion bytes: sparse, so the disk holds nothing.
		path := filepath.Join(dir, "big.yaml")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteString("title: "); err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		for _, tc := range []struct {
			args []string
			exit int
		}{
			{[]string{"check", path}, 1},
			{[]string{"fmt", "--check", path}, 2},
			{[]string{"fmt", "--in-place", path}, 2},
			{[]string{"show", path}, 2},
			{[]string{"diff", path, seed}, 2},
			{[]string{"merge", path, seed}, 2},
			{[]string{"merge", seed, path}, 2},
			{[]string{"import", path, "-o", filepath.Join(dir, "out.yaml")}, 2},
		} {
			var out bytes.Buffer
			// The test binary as roadmap, reporting its own peak (VmHWM):
			// a child's rusage would count this test process's memory at
			// the fork.
			cmd := ours("", tc.args...)()
			cmd.Stdout, cmd.Stderr = &out, &out
			use, _ := synth.Measure(cmd)
			if code := cmd.ProcessState.ExitCode(); code != tc.exit {
				t.Errorf("%d bytes, %s: exit %d, want %d\n%s", size, tc.args[0], code, tc.exit, out.String())
			}
			if !strings.Contains(out.String(), "слишком велик") || !strings.Contains(out.String(), "--max-size") {
				t.Errorf("%d bytes, %s: %q, want the size message naming --max-size", size, tc.args[0], out.String())
			}
			if use.PeakRSS == 0 || use.PeakRSS > 100<<20 {
				t.Errorf("%d bytes, %s: peak RSS %d bytes", size, tc.args[0], use.PeakRSS)
			}
		}
		if info, err := os.Stat(path); err != nil || info.Size() != size {
			t.Errorf("the input changed: %v", err)
		}
	}
}
