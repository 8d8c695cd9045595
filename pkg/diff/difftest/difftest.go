// Package difftest owns the corpus of diff cases in testdata/diff: each
// case is a directory with old.yaml and new.yaml and the goldens of every
// output made from their change set. It is imported by tests only.
package difftest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Dir is testdata/diff of the module.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "diff")
}

// Cases lists the case names, failing the test when the corpus is
// missing or has shrunk.
func Cases(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir(Dir())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	if len(out) < 15 {
		t.Fatalf("only %d cases in %s", len(out), Dir())
	}
	return out
}

// Options are the options a case is computed with: a case named
// *-numbers reports renumbering.
func Options(name string) diff.Options {
	return diff.Options{Numbers: strings.HasSuffix(name, "-numbers")}
}

// Load reads a case's old.yaml and new.yaml, named so in findings and
// outputs.
func Load(t testing.TB, name string) (old, new *roadmap.Roadmap) {
	t.Helper()
	return LoadFile(t, name, "old.yaml"), LoadFile(t, name, "new.yaml")
}

// LoadFile reads one file of a case.
func LoadFile(t testing.TB, name, file string) *roadmap.Roadmap {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Dir(), name, file))
	if err != nil {
		t.Fatal(err)
	}
	r, fs := roadmap.Parse(file, data)
	if r == nil || len(fs) > 0 {
		t.Fatalf("%s/%s does not load: %v", name, file, fs)
	}
	return r
}

// Compute is the change set of a case.
func Compute(t testing.TB, name string) *diff.Result {
	old, new := Load(t, name)
	return diff.Compute(old, new, Options(name))
}
