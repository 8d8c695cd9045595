package docx_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/docx"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/importer"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// docxGenitive is the authority of a case as «приказом …» names it.
var docxGenitive = map[string]string{"Министерство образования Пензенской области": "Министерства образования Пензенской области"}

var seeds = []string{"../../roadmaps/bessonovsky.yaml", "../../roadmaps/nikolsky.yaml", "../../testdata/doc/sections.yaml"}

func load(t *testing.T, path string) *roadmap.Roadmap {
	t.Helper()
	r, fs, err := roadmap.Load(path, nil)
	if err != nil || r == nil || len(fs) > 0 {
		t.Fatalf("%s: %v %v", path, err, fs)
	}
	return r
}

// TestImportGivesTheRoadmapBack: `roadmap import` of the written order
// gives the roadmap it was written from. The importer makes ids of its
// own (slugs of the titles), so activities and sections take the
// original's ids by position before diff.Compute compares the two.
func TestImportGivesTheRoadmapBack(t *testing.T) {
	t.Parallel()
	for _, path := range seeds {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			r := load(t, path)
			data := docx.Order(r, i18n.RU).Bytes()
			res, err := importer.Import("prikaz.docx", data, importer.ImportOptions{Options: importer.Options{ID: r.ID}})
			if err != nil {
				t.Fatal(err)
			}
			back := res.Roadmap
			if len(back.Activities) != len(r.Activities) || len(back.Sections) != len(r.Sections) {
				t.Fatalf("%d activities and %d sections back, want %d and %d:\n%s",
					len(back.Activities), len(back.Sections), len(r.Activities), len(r.Sections), res.YAML)
			}
			sections := map[string]string{}
			for i := range back.Sections {
				sections[back.Sections[i].ID] = r.Sections[i].ID
				back.Sections[i].ID = r.Sections[i].ID
			}
			for i := range back.Activities {
				back.Activities[i].ID = r.Activities[i].ID
				back.Activities[i].Section = sections[back.Activities[i].Section]
			}
			if r.Document.Annex == "" && r.Document.Kind == roadmap.KindOrder {
				// The order gets an annex note of its date and number.
				want := "Приложение. УТВЕРЖДЕНА приказом " + docxGenitive[r.Authority] + " от " + r.Document.Date.Russian() + " № " + r.Document.Number
				if back.Document.Annex != want {
					t.Errorf("annex note %q, want %q", back.Document.Annex, want)
				}
				back.Document.Annex = ""
			}
			d := diff.Compute(r, back, diff.Options{})
			if !d.Empty() {
				var b bytes.Buffer
				tr, _ := render.New(render.Text, render.Options{Lang: i18n.EN})
				_ = tr.Diff(&b, []*diff.Result{d})
				t.Errorf("the import differs:\n%s\nimported YAML:\n%s", b.String(), res.YAML)
			}
			for _, w := range res.Warnings {
				t.Logf("import warning: %s", w.String(i18n.EN))
			}
		})
	}
}

// TestDeterministic: the same roadmap gives the same bytes.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	r := load(t, seeds[0])
	if a, b := docx.Order(r, i18n.RU).Bytes(), docx.Order(r, i18n.RU).Bytes(); !bytes.Equal(a, b) {
		t.Error("two writes of one roadmap differ")
	}
}

// amendment is the draft amending order of testdata/doc/amended.yaml
// against the Bessonovsky roadmap, its lines as the text renderer words them.
func amendment(t *testing.T, lang i18n.Lang) *docx.Document {
	t.Helper()
	old, new := load(t, seeds[0]), load(t, "../../testdata/doc/amended.yaml")
	res := diff.Compute(old, new, diff.Options{})
	if len(view.Amendment(res, lang, diff.NumberingKeep).Paragraphs) == 0 {
		t.Fatal("no clauses")
	}
	return docx.Amending(docx.AmendingOrder{Old: old, Number: "15/01-09", Date: roadmap.Date{Year: 2021, Month: 3, Day: 1}, Change: res}, lang)
}

// TestLayout reads the written XML for the layout of ГОСТ Р 7.0.97-2025:
// A4 with margins 20/10/20/20 mm, Times New Roman 14 pt in text and 12 pt
// in tables, the header row repeated, a section row over the whole table.
func TestLayout(t *testing.T) {
	t.Parallel()
	data := docx.Order(load(t, seeds[2]), i18n.RU).Bytes()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) string {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
		}
		t.Fatalf("no %s", name)
		return ""
	}
	doc, styles := part("word/document.xml"), part("word/styles.xml")
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,                      // A4 portrait, the order
		`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`, // the annex
		`<w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="1134"`,
		`<w:tblHeader/>`,
		`<w:gridSpan w:val="7"/>`,
		`<w:sz w:val="24"/>`,
		`15.03.2021`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	for _, want := range []string{`w:ascii="Times New Roman"`, `<w:sz w:val="28"/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
}
