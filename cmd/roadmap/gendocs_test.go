package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/golden"
)

// TestDocsCurrent fails when docs/cli (made by `make docs`) is not what
// the commands generate today: the reference must follow the code.
func TestDocsCurrent(t *testing.T) {
	tmp := t.TempDir()
	for _, lang := range []string{"ru", "en"} {
		if code := run([]string{"gen-docs", "--lang", lang, tmp}, nil, io.Discard, io.Discard); code != 0 {
			t.Fatalf("gen-docs --lang %s: exit %d", lang, code)
		}
	}
	want := "../../docs/cli"
	count := 0
	err := filepath.WalkDir(tmp, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(tmp, path)
		got, _ := os.ReadFile(path)
		have, err := os.ReadFile(filepath.Join(want, rel))
		if err != nil || !bytes.Equal(got, have) {
			t.Errorf("docs/cli/%s is not current: run make docs", rel)
		}
		count++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(want, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(want, path)
		if _, err := os.Stat(filepath.Join(tmp, rel)); err != nil {
			t.Errorf("docs/cli/%s is for a command that no longer exists: run make docs", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if count < 20 {
		t.Errorf("only %d pages generated", count)
	}
}

// TestManLint: mandoc -Tlint passes the man pages with no warning, and
// the English ones with no note of style either (Russian lines are long
// by mandoc's count, which takes a letter outside ASCII for its 8-byte
// escape). Each page is titled by its name, in man1/ as man(1) finds it.
func TestManLint(t *testing.T) {
	t.Parallel()
	mandoc := golden.Program(t, "mandoc")
	for _, lang := range []string{"en", "ru"} {
		pages, err := filepath.Glob(filepath.Join("../../docs/cli/man", lang, "man1", "*.1"))
		if err != nil || len(pages) < 15 {
			t.Fatalf("%s: %d pages (%v)", lang, len(pages), err)
		}
		level := "-Wstyle"
		if lang == "ru" {
			level = "-Wwarning"
		}
		out, err := exec.Command(mandoc, append([]string{"-Tlint", level}, pages...)...).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("mandoc -Tlint %s (%v):\n%s", level, err, out)
		}
		check, err := os.ReadFile(filepath.Join("../../docs/cli/man", lang, "man1", "roadmap-check.1"))
		if err != nil || !bytes.HasPrefix(check, []byte(`.TH "ROADMAP-CHECK" "1" `)) {
			t.Errorf("%s roadmap-check.1 starts %.40q (%v)", lang, check, err)
		}
	}
}
