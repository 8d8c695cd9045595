package yamlfmt

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// TestShippedRoadmapsAreCanonical: the roadmaps in roadmaps/ are already
// formatted (CI runs roadmap fmt --check on them).
func TestShippedRoadmapsAreCanonical(t *testing.T) {
	files, _ := filepath.Glob("../../roadmaps/*.yaml")
	if len(files) < 2 {
		t.Fatal("no roadmaps")
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		got, err := Format(data)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(data) {
			t.Errorf("%s is not in canonical layout", f)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"key order, comments kept",
			"activities:\n  - executors: [A]  # who\n    # the id\n    id: a\n    n: 1\nid: x\nformat: roadmap/v1\n",
			"format: roadmap/v1\nid: x\nactivities:\n  # the id\n  - id: a\n    n: 1\n    executors: [A] # who\n"},
		{"quoting",
			"id: 'plain'\ntitle: \"yes\"\nregion: \"2021\"\ndistrict: 'a: b'\ndocument: {number: 70, title: \"Об утверждении\"}\n",
			"id: plain\nregion: \"2021\"\ndistrict: \"a: b\"\ntitle: yes\ndocument: {number: \"70\", title: Об утверждении}\n"},
		{"indentation",
			"activities:\n    -   id: a\n        executors:\n        - A\n",
			"activities:\n  - id: a\n    executors:\n      - A\n"},
		// Line ends and a BOM are kept (Notepad, Git for Windows' autocrlf).
		{"CRLF and BOM kept", "\xEF\xBB\xBFid: x\r\nformat: roadmap/v1\r\n", "\xEF\xBB\xBFformat: roadmap/v1\r\nid: x\r\n"},
		{"CRLF kept", "id: x\r\nformat: roadmap/v1\r\n", "format: roadmap/v1\r\nid: x\r\n"},
		{"formatted CRLF file unchanged", "format: roadmap/v1\r\nid: x\r\n", "format: roadmap/v1\r\nid: x\r\n"},
		{"anchors stay before their aliases",
			"format: roadmap/v1\nx-common: &c\n  executors: [A]\nactivities:\n  - <<: *c\n    id: a\n",
			"x-common: &c\n  executors: [A]\nformat: roadmap/v1\nactivities:\n  - <<: *c\n    id: a\n"},
		{"indicator mapping in spec order",
			"activities:\n  - indicator: {kind: text, text: 'Площадки СПО, ВПО'}\n", "activities:\n  - indicator: {text: \"Площадки СПО, ВПО\", kind: text}\n"},
		{"amendment header order",
			"changes: []\nformat: roadmap-amendment/v1\nroadmap: x\n", "format: roadmap-amendment/v1\nroadmap: x\nchanges: []\n"},
		{"multi-line text keeps its block", "description: |\n  Первая строка.\n  Вторая.\n", "description: |\n  Первая строка.\n  Вторая.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Format([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			again, _ := Format(got)
			if string(again) != string(got) {
				t.Errorf("not idempotent:\n%s", again)
			}
		})
	}
}

// TestFormatKeepsMeaning: formatting every rule example and shipped
// roadmap leaves what the loader reads unchanged.
func TestFormatKeepsMeaning(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/rules/*.yaml")
	files = append(files, "../../roadmaps/bessonovsky.yaml", "../../roadmaps/nikolsky.yaml")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		before, fs1 := roadmap.Parse("f.yaml", data)
		out, err := Format(data)
		if err != nil {
			continue // not well-formed: roadmap check says why
		}
		after, fs2 := roadmap.Parse("f.yaml", out)
		if (before == nil) != (after == nil) || len(fs1) != len(fs2) {
			t.Errorf("%s: findings %d -> %d", f, len(fs1), len(fs2))
			continue
		}
		if before != nil && !strings.EqualFold(dump(before), dump(after)) {
			t.Errorf("%s: meaning changed", f)
		}
	}
}

func dump(r *roadmap.Roadmap) string {
	r.File = ""
	var b strings.Builder
	b.WriteString(r.ID + r.District + r.Document.Number + r.Document.Date.String())
	for _, a := range r.Activities {
		b.WriteString(a.ID + a.Title + a.Due.Text + a.Indicator.Text + strings.Join(a.Executors, "|"))
	}
	return b.String()
}

func FuzzFormat(f *testing.F) {
	for _, s := range []string{"id: x\n", "a: &a [*a]\n", "- 1\n- 2\n", "x: \"yes\"\n", "number: 070\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Format(data)
		if err != nil {
			return
		}
		again, err := Format(out)
		if err != nil || string(again) != string(out) {
			t.Errorf("not idempotent: %q -> %q -> %q", data, out, again)
		}
	})
}

// TestFormatRefusesNonUTF8: a UTF-16 or CP1251 file, which check rejects
// (RM020), is not converted by fmt.
func TestFormatRefusesNonUTF8(t *testing.T) {
	t.Parallel()
	for name, data := range map[string][]byte{
		"UTF-16 with a BOM": {0xFF, 0xFE, 'i', 0, 'd', 0, ':', 0, ' ', 0, 'x', 0, '\n', 0},
		"CP1251":            {'i', 'd', ':', ' ', 0xEF, 0xF0, 0xE8, '\n'},
	} {
		if _, err := Format(data); !errors.Is(err, ErrNotYAML) {
			t.Errorf("%s: %v, want ErrNotYAML", name, err)
		}
	}
}
