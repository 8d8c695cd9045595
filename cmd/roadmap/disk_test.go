//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFullAndReadOnlyDisk writes onto a real tiny tmpfs that is full, then
// remounted read-only: every writing command exits 2 with the Russian
// message naming the user's file, the input is untouched and no temporary
// file is left. Mounting needs root (CI runs as root); elsewhere the test
// skips, but not under CI=true.
func TestFullAndReadOnlyDisk(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bin := roadmapBinary(t)
	disk := filepath.Join(dir, "disk")
	if err := os.Mkdir(disk, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", disk, "tmpfs", 0, "size=256k"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("mount a tiny tmpfs: %v", err)
		}
		t.Skipf("cannot mount a tmpfs here (%v)", err)
	}
	t.Cleanup(func() { syscall.Unmount(disk, syscall.MNT_DETACH) })

	seed, err := os.ReadFile("../../roadmaps/bessonovsky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// fmt has work to do: a key out of its place.
	unformatted := []byte(strings.Replace(string(seed), "format: roadmap/v1\n", "", 1) + "format: roadmap/v1\n")
	amend := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(amend, []byte("format: roadmap-amendment/v1\nroadmap: bessonovsky-proforientatsiya\n"+
		"document: {kind: order, number: \"15/01-09\", date: 2021-03-01, title: О внесении изменений}\n"+
		"changes:\n  - set: proektoria\n    indicator: Не менее 60% обучающихся\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	roadmap := filepath.Join(disk, "b.yaml")
	if err := os.WriteFile(roadmap, unformatted, 0o644); err != nil {
		t.Fatal(err)
	}
	fill(t, filepath.Join(disk, "filler"))

	cases := []struct {
		name string
		args []string
	}{
		{"fmt", []string{"fmt", "--in-place", roadmap}},
		{"merge", []string{"merge", "--in-place", roadmap, amend}},
		{"summary", []string{"summary", "--report", "../../testdata/reports/seeds-2020-2022.xlsx", "-o", filepath.Join(disk, "сводка.xlsx"), "../../roadmaps"}},
		{"report-template", []string{"report", "template", "-o", filepath.Join(disk, "форма.xlsx"), "../../roadmaps"}},
	}
	for _, mode := range []struct {
		name, message string
		prepare       func()
	}{
		{"full", "на диске нет места", func() {}},
		{"read-only", "только для чтения", func() {
			if err := syscall.Mount("tmpfs", disk, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, "size=256k"); err != nil {
				t.Fatalf("remount read-only: %v", err)
			}
		}},
	} {
		mode.prepare()
		for _, tc := range cases {
			var stderr bytes.Buffer
			cmd := exec.Command(bin, tc.args...)
			cmd.Stderr = &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 2 {
				t.Errorf("%s %s: %v, want exit 2\n%s", mode.name, tc.name, err, stderr.String())
			}
			msg := stderr.String()
			if !strings.Contains(msg, mode.message) || strings.Contains(msg, ".tmp-") || strings.Contains(msg, "no space") {
				t.Errorf("%s %s: message %q, want %q naming the user's file", mode.name, tc.name, msg, mode.message)
			}
			if got, _ := os.ReadFile(roadmap); !bytes.Equal(got, unformatted) {
				t.Errorf("%s %s: the input changed", mode.name, tc.name)
			}
			entries, _ := os.ReadDir(disk)
			for _, e := range entries {
				if e.Name() != "b.yaml" && e.Name() != "filler" {
					t.Errorf("%s %s: %s left on the disk", mode.name, tc.name, e.Name())
				}
			}
		}
	}
}

// fill writes path until the file system has no space left.
func fill(t *testing.T, path string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return
			}
			t.Fatal(err)
		}
	}
}
