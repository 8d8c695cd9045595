//go:build unix

package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestKilledWritesLeaveWholeFiles kills `fmt --in-place` and `merge
// --in-place` with SIGKILL at random moments, 100 times each: the file is
// always the old one or the new one, never half of either, and after the
// next run no temporary file is left.
func TestKilledWritesLeaveWholeFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "roadmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	seed, err := os.ReadFile("../../roadmaps/bessonovsky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Unformatted: a key out of its place, which fmt moves.
	old := []byte(strings.Replace(string(seed), "format: roadmap/v1\n", "", 1) + "format: roadmap/v1\n")
	amend := []byte("format: roadmap-amendment/v1\nroadmap: bessonovsky-proforientatsiya\n" +
		"document: {kind: order, number: \"15/01-09\", date: 2021-03-01, title: О внесении изменений}\n" +
		"changes:\n  - set: proektoria\n    indicator: Не менее 60% обучающихся общеобразовательных организаций Бессоновского района\n")
	work := filepath.Join(dir, "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	file, amendFile := filepath.Join(work, "b.yaml"), filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(amendFile, amend, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		from []byte
	}{
		{"fmt", []string{"fmt", "--in-place", file}, old},
		{"merge", []string{"merge", "--in-place", file, amendFile}, seed},
	} {
		// The new content: one run to the end.
		if err := os.WriteFile(file, tc.from, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, tc.args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", tc.name, err, out)
		}
		want, _ := os.ReadFile(file)
		if bytes.Equal(want, tc.from) {
			t.Fatalf("%s changed nothing", tc.name)
		}
		for i := 0; i < 100; i++ {
			if err := os.WriteFile(file, tc.from, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, tc.args...)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Duration(rand.IntN(20_000)) * time.Microsecond)
			cmd.Process.Kill()
			cmd.Wait()
			got, err := os.ReadFile(file)
			if err != nil || !bytes.Equal(got, tc.from) && !bytes.Equal(got, want) {
				t.Fatalf("%s killed (run %d): the file is neither the old nor the new one (%d bytes, %v)", tc.name, i, len(got), err)
			}
		}
		// The next run sweeps what the killed ones left.
		if err := os.WriteFile(file, tc.from, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, tc.args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", tc.name, err, out)
		}
		entries, _ := os.ReadDir(work)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("%s: %s left after the next run", tc.name, e.Name())
			}
		}
	}
}
