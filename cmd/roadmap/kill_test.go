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

// TestKilledWritesLeaveWholeFiles kills `fmt --in-place`, `merge
// --in-place` and `summary -o` with SIGKILL at random moments within the
// length of a whole run, 200 times each: the file is always the old one or
// the new one, never half of either, and after the next run no temporary
// file is left.
func TestKilledWritesLeaveWholeFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bin := roadmapBinary(t)
	seed, err := os.ReadFile("../../roadmaps/bessonovsky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Unformatted: a key out of its place, which fmt moves.
	old := []byte(strings.Replace(string(seed), "format: roadmap/v1\n", "", 1) + "format: roadmap/v1\n")
	amend := []byte("format: roadmap-amendment/v1\nroadmap: bessonovsky-proforientatsiya\n" +
		"document: {kind: order, number: \"15/01-09\", date: 2021-03-01, title: О внесении изменений}\n" +
		"changes:\n  - set: proektoria\n    indicator: Не менее 60% обучающихся общеобразовательных организаций Бессоновского района\n")
	amendFile := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(amendFile, amend, 0o644); err != nil {
		t.Fatal(err)
	}
	reports, _ := filepath.Abs("../../testdata/reports/seeds-2020-2022.xlsx")
	roadmaps, _ := filepath.Abs("../../roadmaps")
	for _, tc := range []struct {
		name   string
		args   []string
		target string
		from   []byte
	}{
		{"fmt", []string{"fmt", "--in-place", "b.yaml"}, "b.yaml", old},
		{"merge", []string{"merge", "--in-place", "b.yaml", amendFile}, "b.yaml", seed},
		// An earlier summary (the old file) is replaced by today's.
		{"summary", []string{"summary", "--report", reports, "-o", "summary.xlsx", roadmaps}, "summary.xlsx", []byte("an earlier summary")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			killed(t, bin, tc.args, tc.target, tc.from)
		})
	}
}

// killed runs args in a directory of its own, where target holds from,
// once to the end and then 200 times killed at a random moment.
func killed(t *testing.T, bin string, args []string, target string, from []byte) {
	work := t.TempDir()
	target = filepath.Join(work, target)
	run := func() *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Dir = work
		return cmd
	}
	// The new content: one run to the end, timed.
	if err := os.WriteFile(target, from, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	whole := time.Since(start)
	want, _ := os.ReadFile(target)
	if bytes.Equal(want, from) {
		t.Fatal("changed nothing")
	}
	for i := 0; i < 200; i++ {
		if err := os.WriteFile(target, from, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := run()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Anywhere in a whole run, and a little past its end.
		time.Sleep(time.Duration(rand.Int64N(int64(whole) * 6 / 5)))
		cmd.Process.Kill()
		cmd.Wait()
		got, err := os.ReadFile(target)
		if err != nil || !bytes.Equal(got, from) && !bytes.Equal(got, want) {
			t.Fatalf("killed (run %d): the file is neither the old nor the new one (%d bytes, %v)", i, len(got), err)
		}
	}
	// The next run sweeps what the killed ones left.
	if err := os.WriteFile(target, from, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	entries, _ := os.ReadDir(work)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("%s left after the next run", e.Name())
		}
	}
}
