package diff

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

const goldenDir = "../../testdata/diff"

// loadCase reads testdata/diff/<name>/{old,new}.yaml; the files are named
// old.yaml and new.yaml in the output.
func loadCase(t testing.TB, name string) (*roadmap.Roadmap, *roadmap.Roadmap) {
	t.Helper()
	load := func(file string) *roadmap.Roadmap {
		data, err := os.ReadFile(filepath.Join(goldenDir, name, file))
		if err != nil {
			t.Fatal(err)
		}
		r, fs := roadmap.Parse(file, data)
		if r == nil || len(fs) > 0 {
			t.Fatalf("%s/%s does not load: %v", name, file, fs)
		}
		return r
	}
	return load("old.yaml"), load("new.yaml")
}

func caseOptions(name string) Options {
	return Options{Numbers: strings.HasSuffix(name, "-numbers")}
}

// TestGolden compares every format of every case with its golden file.
// A case named *-numbers is computed with Options.Numbers.
func TestGolden(t *testing.T) {
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 15 {
		t.Fatalf("only %d cases in %s", len(entries), goldenDir)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			old, new := loadCase(t, name)
			res := Compute(old, new, caseOptions(name))
			outputs := map[string]func() ([]byte, error){}
			for _, f := range Formats {
				outputs[string(f)+".golden"] = func() ([]byte, error) {
					var b bytes.Buffer
					err := Write(&b, res, f, WriteOptions{Lang: i18n.RU, Width: 140})
					return b.Bytes(), err
				}
			}
			enPath := filepath.Join(goldenDir, name, "amendment.en.golden")
			if _, err := os.Stat(enPath); err == nil || name == "mixed" {
				outputs["amendment.en.golden"] = func() ([]byte, error) {
					var b bytes.Buffer
					err := Write(&b, res, Amendment, WriteOptions{Lang: i18n.EN})
					return b.Bytes(), err
				}
			}
			for file, produce := range outputs {
				got, err := produce()
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				path := filepath.Join(goldenDir, name, file)
				golden.Compare(t, path, got)
			}
		})
	}
}

// field finds a field change of the change of activity id (or of the
// roadmap when id is "").
func field(res *Result, id, name string) (FieldChange, bool) {
	for _, c := range res.Changes {
		if (id == "" && c.Kind == KindRoadmap) || (id != "" && c.ID == id) {
			for _, f := range c.Fields {
				if f.Field == name {
					return f, true
				}
			}
		}
	}
	return FieldChange{}, false
}

func kinds(res *Result) []Kind {
	var out []Kind
	for _, c := range res.Changes {
		out = append(out, c.Kind)
	}
	return out
}

// TestCases asserts the meaning of each case, independent of any format.
func TestCases(t *testing.T) {
	compute := func(name string) *Result {
		old, new := loadCase(t, name)
		return Compute(old, new, caseOptions(name))
	}
	for _, name := range []string{"formatting", "renumber"} {
		if res := compute(name); !res.Empty() {
			t.Errorf("%s: want no changes, got %+v", name, res.Changes)
		}
	}
	if res := compute("renumber-numbers"); len(res.Changes) != 3 {
		t.Errorf("renumber-numbers: want 3 renumbered activities, got %v", kinds(res))
	} else if f, ok := field(res, "proektoria", "n"); !ok || f.Old != "5" || f.New != "4" {
		t.Errorf("renumber-numbers: proektoria n = %+v", f)
	}

	res := compute("due")
	f, ok := field(res, "august-dialogue", "due")
	if !ok || f.SameMeaning || f.Deadlines == nil || len(f.Deadlines.New) != 1 || f.Deadlines.New[0].Year != 2022 {
		t.Errorf("due: %+v", f)
	}
	res = compute("due-meaning")
	if f, ok := field(res, "august-dialogue", "due"); !ok || !f.SameMeaning || f.Old == f.New {
		t.Errorf("due-meaning: text changed, meaning same: %+v", f)
	}
	if f, ok := field(res, "work-plan", "due"); !ok || f.SameMeaning || f.Old != f.New || len(f.Deadlines.New) != 2 {
		t.Errorf("due-meaning: same text, new meaning: %+v", f)
	}
	res = compute("indicator-threshold")
	if f, ok := field(res, "proektoria", "indicator.threshold"); !ok || f.Old != "≥ 55 %" || f.New != "≥ 60 %" {
		t.Errorf("indicator-threshold: %+v", f)
	}
	res = compute("indicator-kind")
	if f, ok := field(res, "august-dialogue", "indicator.kind"); !ok || f.Old != "count" || f.New != "document" {
		t.Errorf("indicator-kind: %+v", f)
	}
	res = compute("targets")
	if f, ok := field(res, "ticket-to-future", "indicator.targets"); !ok || len(f.Targets) != 3 ||
		f.Targets[0].Year != 2020 || f.Targets[0].New != nil || *f.Targets[1].New != 40 {
		t.Errorf("targets: %+v", f)
	}
	res = compute("executors")
	if f, ok := field(res, "proektoria", "executors"); !ok || !slices.Equal(f.Added, []string{"Управление образования"}) ||
		!slices.Equal(f.Removed, []string{"МКУ МЦПРО"}) {
		t.Errorf("executors: %+v", f)
	}
	if got := kinds(compute("added")); !slices.Equal(got, []Kind{KindAdded}) {
		t.Errorf("added (the following renumbered): %v", got)
	}
	if got := kinds(compute("removed")); !slices.Equal(got, []Kind{KindRemoved}) {
		t.Errorf("removed: %v", got)
	}
	res = compute("rename")
	if got := kinds(res); !slices.Equal(got, []Kind{KindRenamed, KindRenamed}) {
		t.Errorf("rename: %v", got)
	} else if c := res.Changes[1]; c.OldID != "ticket-to-future" || c.ID != "bilet-v-budushchee" || c.Similarity < 0.9 || c.Similarity == 1 || len(c.Fields) != 3 {
		t.Errorf("rename: %+v", c)
	}
	res = compute("reorder")
	if got := kinds(res); !slices.Equal(got, []Kind{KindReordered}) || len(res.Changes[0].Moved) != 1 ||
		res.Changes[0].Moved[0] != (Move{ID: "proektoria", OldN: 4, NewN: 3}) {
		t.Errorf("reorder: %+v", res.Changes)
	}
	res = compute("period")
	if f, ok := field(res, "", "period"); !ok || f.Old != "2020–2022" || f.New != "2020–2023" {
		t.Errorf("period: %+v", f)
	}
	res = compute("document")
	for _, name := range []string{"document.number", "document.date", "document.signed_by"} {
		if _, ok := field(res, "", name); !ok {
			t.Errorf("document: no %s change", name)
		}
	}
	res = compute("goals")
	if f, ok := field(res, "", "goals"); !ok || len(f.Added) != 2 || len(f.Removed) != 1 {
		t.Errorf("goals: %+v", f)
	}
	res = compute("expected-results")
	if c := res.Changes[0]; len(c.Fields) != 2 || c.Fields[1].Key != "Информационная система" || len(c.Fields[1].Added) != 1 {
		t.Errorf("expected-results: %+v", c.Fields)
	}
	res = compute("amendments")
	if f, ok := field(res, "", "amendments"); !ok || len(f.Added) != 1 || !strings.Contains(f.Added[0], "№ 30") {
		t.Errorf("amendments: %+v", f)
	}
}

// TestAmendmentWording checks the clauses of a real amending order.
func TestAmendmentWording(t *testing.T) {
	old, new := loadCase(t, "mixed")
	got := AmendmentClauses(Compute(old, new, Options{}), i18n.RU)
	want := []string{
		"В пункте 1 графу «Исполнители» изложить в следующей редакции: «Общественные организации, МКУ МЦПРО».",
		"В пункте 3 в графе «Сроки реализации» слова «август 2021» заменить словами «август 2022».",
		"В пункте 4 в графе «Индикативный показатель» слова «Не менее 55%» заменить словами «Не менее 60%».",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing clause %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
	if !slices.Contains(got, "Пункт 2 исключить.") {
		t.Errorf("no removal clause in %q", got)
	}
	if !slices.ContainsFunc(got, func(s string) bool {
		return strings.HasPrefix(s, "Дополнить пунктом 5 следующего содержания: «5. Проведение ярмарки профессий | ежегодно апрель")
	}) {
		t.Errorf("no insertion clause in %q", got)
	}
	old, new = loadCase(t, "row-rewrite")
	got = AmendmentClauses(Compute(old, new, Options{}), i18n.RU)
	if len(got) != 1 || !strings.HasPrefix(got[0], "Пункт 3 изложить в следующей редакции: «3. Диалоговая площадка") {
		t.Errorf("row-rewrite: %q", got)
	}
}

func TestWordChange(t *testing.T) {
	tests := []struct{ old, new, wantOld, wantNew, anchor string }{
		{"Не менее 55% обучающихся школ района", "Не менее 60% обучающихся школ района", "Не менее 55%", "Не менее 60%", ""},
		{"ежегодно", "ежегодно август", "", "август", "ежегодно"},
		{"Проведение РМО для заместителей по ВР", "Проведение РМО для заместителей", "по ВР", "", ""},
	}
	for _, tt := range tests {
		s, ok := wordChange(tt.old, tt.new)
		if !ok || s.old != tt.wantOld || s.new != tt.wantNew || s.anchor != tt.anchor {
			t.Errorf("wordChange(%q, %q) = %+v, %v", tt.old, tt.new, s, ok)
		}
	}
	if _, ok := wordChange("Наличие плана", "Отчёт о работе"); ok {
		t.Error("a rewritten cell should not be a word change")
	}
}

// TestNoColorUnlessAsked: ANSI escapes appear only with Color.
func TestColor(t *testing.T) {
	old, new := loadCase(t, "mixed")
	res := Compute(old, new, Options{})
	var plain, color bytes.Buffer
	if err := Write(&plain, res, Text, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&color, res, Text, WriteOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") || !strings.Contains(color.String(), "\x1b[32m+ ") {
		t.Errorf("colour: plain has escapes or colour has none:\n%q", color.String())
	}
}

// TestNoPanic diffs every loadable example of the rules against the seed
// roadmaps in every format: broken but loadable roadmaps must not panic.
func TestNoPanic(t *testing.T) {
	var rs []*roadmap.Roadmap
	files, _ := filepath.Glob("../../testdata/rules/*.yaml")
	seeds, _ := filepath.Glob("../../roadmaps/*.yaml")
	for _, f := range append(seeds, files...) {
		if r, _, err := roadmap.Load(f, nil); err == nil && r != nil {
			rs = append(rs, r)
		}
	}
	if len(rs) < 5 {
		t.Fatalf("only %d roadmaps", len(rs))
	}
	for _, seed := range rs[:len(seeds)] {
		for _, r := range append(rs, nil) {
			for _, pair := range [][2]*roadmap.Roadmap{{seed, r}, {r, seed}} {
				res := Compute(pair[0], pair[1], Options{Numbers: true})
				for _, f := range Formats {
					var b bytes.Buffer
					if err := Write(&b, res, f, WriteOptions{Lang: i18n.EN}); err != nil {
						t.Errorf("%s: %v", f, err)
					}
				}
			}
		}
	}
}
