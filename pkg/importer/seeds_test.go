package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The equality of an imported roadmap with the hand-encoded one is
// equality in meaning: both files are read by the roadmap loader and every
// field is compared — the document, goals, expected results and, per
// activity in order, n, title, due (text and parsed structure), indicator
// (text and parsed structure) and executors — except the ids. The hand
// files' activity ids are English words a person chose (work-plan,
// proektoria); the importer makes Latin slugs of the titles instead
// (sostavlenie-plana-raboty), so activities are matched by position and
// the generated ids are checked separately: valid, unique slugs. The
// roadmap id is given with --id as a user would.

var seedCases = []struct {
	name, source, want, id string
}{
	{"bessonovsky.txt", "../../testdata/seeds/000_a78fa937b25c20b9.txt", "../../roadmaps/bessonovsky.yaml", "bessonovsky-proforientatsiya"},
	{"nikolsky.txt", "../../testdata/seeds/002_4903afc5830eaa80.txt", "../../roadmaps/nikolsky.yaml", "nikolsky-proforientatsiya"},
	{"bessonovsky.docx", "../../testdata/import/bessonovsky.docx", "../../roadmaps/bessonovsky.yaml", "bessonovsky-proforientatsiya"},
	{"nikolsky.docx", "../../testdata/import/nikolsky.docx", "../../roadmaps/nikolsky.yaml", "nikolsky-proforientatsiya"},
}

var slugPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$`)

func TestSeedsImportAsHandEncoded(t *testing.T) {
	for _, tc := range seedCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ImportFile(tc.source, ImportOptions{Options: Options{ID: tc.id}, Output: "out.yaml"})
			if err != nil {
				t.Fatal(err)
			}
			// Notes describe the document (Bessonovsky's RM031) and are no fault of the import.
			if diag.Fails(res.Findings, true) {
				for _, f := range res.Findings {
					t.Errorf("check of the import: %s %s %s", f.Where(), f.Code, f.Message(i18n.EN))
				}
			}
			data, err := os.ReadFile(tc.want)
			if err != nil {
				t.Fatal(err)
			}
			want, fs := roadmap.Parse(tc.want, data)
			if want == nil || len(fs) > 0 {
				t.Fatalf("hand-encoded file: %v", fs)
			}
			for _, d := range sameMeaning(res.Roadmap, want) {
				t.Error(d)
			}
			seen := map[string]bool{}
			for _, a := range res.Roadmap.Activities {
				if !slugPattern.MatchString(a.ID) || seen[a.ID] {
					t.Errorf("activity %s: id %q is not a unique slug", a.N, a.ID)
				}
				seen[a.ID] = true
			}
			if t.Failed() {
				t.Logf("imported YAML:\n%s", res.YAML)
			}
		})
	}
}

// sameMeaning lists the differences between two roadmaps in every
// exported field but File and the activities' ID.
func sameMeaning(got, want *roadmap.Roadmap) []string {
	var out []string
	compareValue(&out, "", reflect.ValueOf(*got), reflect.ValueOf(*want))
	return out
}

func compareValue(out *[]string, path string, got, want reflect.Value) {
	switch got.Kind() {
	case reflect.Struct:
		tp := got.Type()
		for i := range tp.NumField() {
			f := tp.Field(i)
			if !f.IsExported() || f.Name == "File" || f.Name == "ID" && strings.HasPrefix(path, "activities[") {
				continue
			}
			compareValue(out, joinPath(path, f.Name), got.Field(i), want.Field(i))
		}
		return
	case reflect.Slice:
		if got.Len() != want.Len() {
			*out = append(*out, fmt.Sprintf("%s: %d items, want %d", path, got.Len(), want.Len()))
			return
		}
		for i := range got.Len() {
			compareValue(out, fmt.Sprintf("%s[%d]", strings.ToLower(path), i), got.Index(i), want.Index(i))
		}
		return
	}
	if !reflect.DeepEqual(got.Interface(), want.Interface()) {
		*out = append(*out, fmt.Sprintf("%s:\n  got  %#v\n  want %#v", path, deref(got), deref(want)))
	}
}

func deref(v reflect.Value) any {
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		return v.Elem().Interface()
	}
	return v.Interface()
}

func joinPath(path, name string) string {
	if path == "" {
		return strings.ToLower(name)
	}
	return path + "." + name
}

// TestSameMeaningFails makes sure the comparison can fail.
func TestSameMeaningFails(t *testing.T) {
	data, err := os.ReadFile("../../roadmaps/bessonovsky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := roadmap.Parse("a", data)
	b, _ := roadmap.Parse("b", data)
	if d := sameMeaning(a, b); len(d) != 0 {
		t.Fatalf("a file differs from itself: %v", d)
	}
	b.Activities[2].Executors = append(b.Activities[2].Executors, "Школы")
	b.Activities[8].Indicator.Targets[1].Value = 36
	b.Document.Clauses[0] += "!"
	b.Activities[0].ID = "renamed" // ids are not compared
	if d := sameMeaning(a, b); len(d) != 3 {
		t.Fatalf("want 3 differences, got %d: %v", len(d), d)
	}
}

// TestSeedsYAMLRoundTrip checks that what Recognise built is what the
// written YAML means: nothing is lost or changed by encoding.
func TestSeedsYAMLRoundTrip(t *testing.T) {
	for _, tc := range seedCases {
		doc, err := ReadFile(tc.source)
		if err != nil {
			t.Fatal(err)
		}
		r, _, err := Recognise(doc, Options{ID: tc.id})
		if err != nil {
			t.Fatal(err)
		}
		out, err := Encode(r, EncodeOptions{Source: tc.name})
		if err != nil {
			t.Fatal(err)
		}
		back, fs := roadmap.Parse(tc.name, out)
		if back == nil || len(fs) > 0 {
			t.Fatalf("%s: %v", tc.name, fs)
		}
		if d := sameMeaning(back, r); len(d) > 0 {
			t.Errorf("%s: encoding changed the meaning: %v", tc.name, d)
		}
		for i := range r.Activities {
			if back.Activities[i].ID != r.Activities[i].ID {
				t.Errorf("%s: id %q written as %q", tc.name, r.Activities[i].ID, back.Activities[i].ID)
			}
		}
		if fs := check.Roadmap(back); diag.Fails(fs, true) {
			t.Errorf("%s: check: %v", tc.name, fs)
		}
	}
}

// TestSeedWarnings pins what the importer reports for the seeds: the two
// page-break rows of Bessonovsky, the unmeasurable indicator, the guessed
// period and year columns and the two reference sentences of Nikolsky.
func TestSeedWarnings(t *testing.T) {
	tests := []struct {
		source string
		want   []string
	}{
		{seedCases[0].source, []string{
			"line 24: position and name in clause",
			"line 25: position and name in clause",
			"line 50: row without a number joined to activity 3",
			"line 58: row without a number joined to activity 9",
			"line 52: activity 5: executors split by guess",
		}},
		{seedCases[1].source, []string{
			`line 91: activity 6: indicator "Площадки СПО, ВПО" has no measure`,
			"line 48: the title gives no period: 2020–2022",
			"line 24: the table of expected results has no row of years",
			`line 17: text left out of the roadmap: "Ожидаемые результаты`,
			`line 18: text left out of the roadmap: "Дорожная карта по направлению`,
		}},
		{seedCases[2].source, []string{
			"table 1, row 5: row without a number joined to activity 3",
			"table 1, row 12: row without a number joined to activity 9",
		}},
		{seedCases[3].source, []string{
			`table 2, row 7, cell 4: activity 6: indicator "Площадки СПО, ВПО" has no measure`,
		}},
	}
	for _, tt := range tests {
		res, err := ImportFile(tt.source, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, w := range res.Warnings {
			all = append(all, w.String(i18n.EN))
		}
		text := strings.Join(all, "\n")
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no warning %q in:\n%s", tt.source, w, text)
			}
		}
	}
}

// TestBadInputs: damaged, without a table, empty, huge — a clear error of
// the right kind.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(huge, []byte(strings.Repeat("Дорожная карта\tмероприятия\n", 30<<20/40)), 0o644); err != nil {
		t.Fatal(err)
	}
	legacy := filepath.Join(dir, "old.doc")
	if err := os.WriteFile(legacy, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), 0o644); err != nil {
		t.Fatal(err)
	}
	cp1251 := filepath.Join(dir, "cp1251.txt")
	if err := os.WriteFile(cp1251, []byte("\xc4\xee\xf0\xee\xe6\xed\xe0\xff \xea\xe0\xf0\xf2\xe0"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		kind error
	}{
		{"../../testdata/import/damaged.docx", ErrDamaged},
		{"../../testdata/import/notable.docx", ErrNoTable},
		{"../../testdata/import/empty.txt", ErrEmpty},
		{huge, ErrTooLarge},
		{legacy, ErrFormat},
		{cp1251, ErrEncoding},
		{filepath.Join(dir, "missing.txt"), os.ErrNotExist},
	}
	for _, tt := range tests {
		res, err := ImportFile(tt.path, ImportOptions{})
		if !errors.Is(err, tt.kind) {
			t.Errorf("%s: error %v, want %v", filepath.Base(tt.path), err, tt.kind)
		}
		if res != nil {
			t.Errorf("%s: a result with the error", filepath.Base(tt.path))
		}
	}
}
