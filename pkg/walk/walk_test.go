package walk

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	for _, name := range []string{
		"r/b.yaml", "r/a.YML", "r/a/b.yaml", "r/a/notes.txt", "r/.hidden.yaml",
		"r/.git/x.yaml", "r/a/.cache/y.yaml", "r/z.yaml.bak",
		"x/report.xlsx", "x/~$report.xlsx", "x/old.XLSX", "x/sub/b.xlsx",
		".dot/in-hidden-root.yaml", "readme.md",
	} {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yaml := Options{Exts: []string{".yaml", ".yml"}, Stdin: true}
	xlsx := Options{Exts: []string{".xlsx"}, Skip: func(name string) bool { return strings.HasPrefix(name, "~$") }}
	tests := []struct {
		name  string
		paths []string
		opt   Options
		want  []string
	}{
		// The walk visits r/a/ before r/a.YML; sorted, "." < "/" puts
		// r/a.YML first.
		// Hidden files too (an interrupted write's temporary file, issue 16).
		{"a directory, sorted, hidden directories and files left out", []string{"r"}, yaml,
			[]string{"r/a.YML", "r/a/b.yaml", "r/b.yaml"}},
		{"a hidden file named itself", []string{"r/.hidden.yaml"}, yaml, []string{"r/.hidden.yaml"}},
		{"a hidden directory named itself", []string{".dot"}, yaml, []string{".dot/in-hidden-root.yaml"}},
		{"files as given, in order, whatever their name", []string{"readme.md", "r/z.yaml.bak", "-"}, yaml,
			[]string{"readme.md", "r/z.yaml.bak", "-"}},
		{"each file once, where it first comes", []string{"r/b.yaml", "r", "r/b.yaml"}, yaml,
			[]string{"r/b.yaml", "r/a.YML", "r/a/b.yaml"}},
		{"another extension, and a skip", []string{"x"}, xlsx, []string{"x/old.XLSX", "x/report.xlsx", "x/sub/b.xlsx"}},
		{"a skipped name given explicitly is kept", []string{"x/~$report.xlsx"}, xlsx, []string{"x/~$report.xlsx"}},
		{"nothing found", []string{"r/a/.cache"}, xlsx, nil},
	}
	for _, tt := range tests {
		var paths []string
		for _, p := range tt.paths {
			if p != "-" {
				p = filepath.Join(root, filepath.FromSlash(p))
			}
			paths = append(paths, p)
		}
		got, err := Expand(paths, tt.opt)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		for i, p := range got {
			if rel, err := filepath.Rel(root, p); err == nil && p != "-" {
				got[i] = filepath.ToSlash(rel)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}

	for _, tt := range []struct {
		path string
		opt  Options
	}{{filepath.Join(root, "none"), yaml}, {"-", xlsx}} {
		_, err := Expand([]string{tt.path}, tt.opt)
		var pe *fs.PathError
		if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) || pe.Path != tt.path {
			t.Errorf("%s: err = %v, want not found", tt.path, err)
		}
	}
}
