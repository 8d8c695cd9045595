package render

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/diff/difftest"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

func writeDiff(t testing.TB, format Format, opts Options, rs ...*diff.Result) []byte {
	t.Helper()
	r, err := New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.Diff(&b, rs); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

// TestDiffGolden compares every diff format of every case of
// testdata/diff with its golden file (and the English amendment clauses
// and the clauses numbered by renumbering where a case has them).
func TestDiffGolden(t *testing.T) {
	t.Parallel()
	for _, name := range difftest.Cases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := difftest.Compute(t, name)
			dir := filepath.Join(difftest.Dir(), name)
			for _, f := range DiffFormats {
				golden.Compare(t, filepath.Join(dir, string(f)+".golden"), writeDiff(t, f, Options{Lang: i18n.RU, Width: 140}, res))
			}
			// The clauses numbered by renumbering, where a case has them.
			renumber := filepath.Join(dir, "amendment.renumber.golden")
			if _, err := os.Stat(renumber); err == nil || name == "delete-add" {
				golden.Compare(t, renumber, writeDiff(t, Amendment, Options{Lang: i18n.RU, Numbering: diff.NumberingRenumber}, res))
			}
			en := filepath.Join(dir, "amendment.en.golden")
			if _, err := os.Stat(en); err == nil || name == "mixed" {
				golden.Compare(t, en, writeDiff(t, Amendment, Options{Lang: i18n.EN}, res))
			}
		})
	}
}

// TestGoldensHaveNoMessageKeys: no golden anywhere (the files under
// every testdata directory of the module, and docs/) holds a message key
// of the catalogue, the sign of a message printed unrendered.
func TestGoldensHaveNoMessageKeys(t *testing.T) {
	t.Parallel()
	root := filepath.Join(difftest.Dir(), "..", "..")
	var keys []string
	for _, k := range i18n.Keys() {
		if strings.Contains(k, ".") && !strings.HasPrefix(k, "RM") {
			keys = append(keys, k)
		}
	}
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "fuzz" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.Contains(rel, "testdata/") && !strings.HasPrefix(rel, "docs/") {
			return nil
		}
		switch strings.ToLower(filepath.Ext(rel)) {
		case ".xlsx", ".docx", ".pdf", ".png", ".go":
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		for _, k := range keys {
			if i := bytes.Index(data, []byte(k)); i >= 0 && !wordChar(data, i-1) && !wordChar(data, i+len(k)) {
				t.Errorf("%s holds the message key %q", rel, k)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 300 {
		t.Fatalf("only %d goldens under %s", n, root)
	}
	t.Logf("%d files, %d keys", n, len(keys))
}

// wordChar reports whether data[i] continues a key (so "diff.col.due" is
// not found inside "diff.col.due_x").
func wordChar(data []byte, i int) bool {
	if i < 0 || i >= len(data) {
		return false
	}
	c := data[i]
	return c == '_' || c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

func TestDiffColor(t *testing.T) {
	t.Parallel()
	res := difftest.Compute(t, "mixed")
	plain := writeDiff(t, Text, Options{}, res)
	color := writeDiff(t, Text, Options{Color: true}, res)
	if bytes.Contains(plain, []byte("\x1b[")) || !bytes.Contains(color, []byte("\x1b[32m+ ")) {
		t.Errorf("colour: plain has escapes or colour has none:\n%q", color)
	}
}

// TestDiffNoPanic diffs every loadable example of the rules against the
// seed roadmaps in every format: broken but loadable roadmaps must not
// panic.
func TestDiffNoPanic(t *testing.T) {
	t.Parallel()
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
				res := diff.Compute(pair[0], pair[1], diff.Options{Numbers: true})
				for _, f := range append(DiffFormats, XLSX) {
					writeDiff(t, f, Options{Lang: i18n.EN}, res)
				}
			}
		}
	}
}

func TestDiffXLSX(t *testing.T) {
	t.Parallel()
	old, new := difftest.Load(t, "mixed")
	formula := `=HYPERLINK("http://example.com","клик")`
	new.Activities = append(new.Activities, roadmap.Activity{ID: "formula", N: "6", Title: formula,
		Executors: []string{"МКУ МЦПРО"}})
	res := diff.Compute(old, new, diff.Options{})
	f, err := excelize.OpenReader(bytes.NewReader(writeDiff(t, XLSX, Options{Lang: i18n.RU}, res)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if sheet != "Было-Стало" {
		t.Errorf("sheet %q", sheet)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	head := -1
	for i, r := range rows {
		if strings.Join(r, "|") == "Мероприятие|Графа|Было|Стало" {
			head = i
			break
		}
	}
	if head < 0 || !strings.HasPrefix(rows[0][0], "Было / Стало: old.yaml → new.yaml") {
		t.Fatalf("no title or header: %q", rows)
	}
	// The first row under the header: activity 1, executors.
	if r := rows[head+1]; r[0] != "1. Составление Плана работы по профессиональной ориентации…" || r[1] != "Исполнители" || r[2] != "Общественные организации" ||
		r[3] != "Общественные организации, МКУ МЦПРО" {
		t.Errorf("first row: %q", r)
	}
	found := false
	for i, r := range rows {
		if len(r) == 4 && r[3] == formula {
			found = true
			cell, _ := excelize.CoordinatesToCellName(4, i+1)
			if fml, _ := f.GetCellFormula(sheet, cell); fml != "" {
				t.Errorf("%s became a formula %q", cell, fml)
			}
		}
	}
	if !found {
		t.Errorf("the formula-like title is missing: %q", rows)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("page layout %+v %v", layout, err)
	}
}

// TestDiffXLSXPrints converts the before / after workbook with LibreOffice
// as an official would print it: one A4 landscape page, every column on
// it, no line drawn over another.
func TestDiffXLSXPrints(t *testing.T) {
	t.Parallel()
	res := difftest.Compute(t, "mixed")
	dir := t.TempDir()
	path := filepath.Join(dir, "было-стало.xlsx")
	if err := os.WriteFile(path, writeDiff(t, XLSX, Options{Lang: i18n.RU}, res), 0o644); err != nil {
		t.Fatal(err)
	}
	golden.Office(t, dir, "--convert-to", "pdf", "--outdir", dir, path)
	pages := golden.PDFPages(t, filepath.Join(dir, "было-стало.pdf"))
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	p := pages[0]
	if p.Width < 840 || p.Width > 843 || p.Height < 594 || p.Height > 597 {
		t.Errorf("page %.0f × %.0f pt, want A4 landscape", p.Width, p.Height)
	}
	text := p.Text()
	for _, want := range []string{"Было / Стало", "Мероприятие", "Графа", "Было", "Стало", "Общественные организации, МКУ МЦПРО", "Страница 1",
		// The head: the roadmap, its orders and the date.
		"Дорожная карта: Профориентация — Тестовый район", "Утверждающий документ: приказ от 14.07.2020 № 94/01-09",
		"Изменяющий документ:", "Дата изменений:",
		// Rows named by number and title, not by id.
		"1. Составление Плана работы", "5. Проведение ярмарки профессий (добавлено)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, text)
		}
	}
	if o := p.Overlaps(); len(o) > 0 {
		t.Errorf("%d pairs of words drawn over each other, e.g. %+v", len(o), o[0])
	}
	if strings.Contains(text, "work-plan") {
		t.Errorf("a row is named by its id:\n%s", text)
	}
	// Every column's header on the page: its right edge within the page.
	for _, w := range p.Words {
		if w.Text == "Стало" && w.XMax > p.Width {
			t.Errorf("header %q off the page: %+v", w.Text, w)
		}
	}
}
