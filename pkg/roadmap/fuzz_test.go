package roadmap_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// FuzzParse feeds the loader arbitrary bytes, seeded with the shipped
// roadmaps and every rule example. The loader must never panic, must
// position every finding inside the file, and must return a roadmap or a
// finding, never neither.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../../roadmaps/*.yaml", "../../testdata/rules/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(minimal))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, fs := roadmap.Parse("f.yaml", data)
		if r == nil && len(fs) == 0 {
			t.Fatal("no roadmap and no finding")
		}
		// Lines as YAML and editors count them: a lone CR (old Mac line
		// ends) breaks a line too.
		lines := strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") + strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r") + 1
		for _, f := range fs {
			if f.Line < 1 || f.Line > lines+1 || f.Col < 1 {
				t.Errorf("finding %s outside the file (%d lines): %d:%d", f.Code, lines, f.Line, f.Col)
			}
		}
		if r != nil {
			for i := range r.Activities {
				a := r.Activities[i]
				_ = a.Due.Schedule(r.Period.Context())
				_ = a.Per(r.Period)
			}
		}
	})
}
