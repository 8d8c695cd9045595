package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
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
