package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering keeps the packages in their layers (go list -deps): the
// file formats and the rules do not depend on merging, and the domain
// packages make no words (view, render) and wire no flags.
func TestLayering(t *testing.T) {
	t.Parallel()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	const mod = "github.com/roadmap-edu/roadmap/"
	tests := []struct {
		pkg       string
		forbidden []string
		// notImported may be a dependency through another package but
		// not an import of the package itself: pkg/diff makes no words and
		// no findings (it reaches i18n only through pkg/roadmap, whose
		// findings are keys and arguments).
		notImported []string
	}{
		{"pkg/check", []string{"pkg/merge", "pkg/view", "pkg/render"}, nil},
		{"pkg/schema", []string{"pkg/merge"}, nil},
		{"pkg/yamlfmt", []string{"pkg/merge"}, nil},
		{"pkg/amendment", []string{"pkg/merge", "pkg/diff", "pkg/view", "pkg/render"}, nil},
		{"pkg/diff", []string{"pkg/view", "pkg/render", "pkg/merge"}, []string{"pkg/i18n", "pkg/diag"}},
		{"pkg/fulfil", []string{"pkg/view", "pkg/render", "pkg/summary"}, nil},
		{"pkg/report", []string{"pkg/view", "pkg/render"}, nil},
		{"pkg/roadmap", []string{"pkg/view", "pkg/render", "pkg/check"}, nil},
		{"pkg/phrase", []string{"pkg/i18n", "pkg/roadmap"}, nil},
		{"pkg/merge", []string{"pkg/view", "pkg/render"}, nil},
	}
	for _, tt := range tests {
		imports, err := exec.Command(gobin, "list", "-f", "{{join .Imports \" \"}}", mod+tt.pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", tt.pkg, err)
		}
		for _, f := range tt.notImported {
			if strings.Contains(" "+string(imports)+" ", " "+mod+f+" ") {
				t.Errorf("%s imports %s", tt.pkg, f)
			}
		}
		out, err := exec.Command(gobin, "list", "-deps", mod+tt.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", tt.pkg, err)
		}
		deps := map[string]bool{}
		for _, d := range strings.Fields(string(out)) {
			deps[strings.TrimPrefix(d, mod)] = true
		}
		if !deps[tt.pkg] {
			t.Fatalf("go list -deps %s does not list the package itself:\n%s", tt.pkg, out)
		}
		for _, f := range tt.forbidden {
			if deps[f] {
				t.Errorf("%s depends on %s", tt.pkg, f)
			}
		}
	}
}
