package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// importAny runs the whole import on a document model and checks the
// invariants: no panic, an error only of this package's kinds, and YAML
// the roadmap loader reads without a syntax or type error whose
// activities are those recognised.
func importAny(t *testing.T, doc *Document) {
	r, _, err := Recognise(doc, Options{})
	if err != nil {
		var ie *Error
		if !errors.As(err, &ie) {
			t.Fatalf("Recognise: unexpected error %v", err)
		}
		return
	}
	out, err := Encode(r, EncodeOptions{Source: "fuzz"})
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	back, fs := roadmap.Parse("fuzz.yaml", out)
	if back == nil {
		t.Fatalf("the YAML written cannot be read: %v\n%s", fs, out)
	}
	for _, f := range fs {
		switch f.Code {
		case diag.YAMLSyntax, diag.WrongType, diag.UnknownKey, diag.DuplicateKey, diag.BadDate:
			t.Fatalf("the YAML written has %s %v\n%s", f.Code, f.Args, out)
		}
	}
	if len(back.Activities) != len(r.Activities) {
		t.Fatalf("%d activities written, %d read back", len(r.Activities), len(back.Activities))
	}
	for i, a := range back.Activities {
		if a.Title != r.Activities[i].Title || a.Due.Text != r.Activities[i].Due.Text || a.ID != r.Activities[i].ID {
			t.Fatalf("activity %d changed in YAML: %+v vs %+v", i, a, r.Activities[i])
		}
	}
}

func seed(f *testing.F, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
}

func FuzzReadText(f *testing.F) {
	seed(f, "../../testdata/seeds/000_a78fa937b25c20b9.txt")
	seed(f, "../../testdata/seeds/002_4903afc5830eaa80.txt")
	f.Add([]byte("№\tМероприятия\tСроки\tПоказатель\tИсполнители\n1.\tА\tежегодно\tНаличие плана\tМКУ\n\n\tб\t\t\t\n"))
	f.Add([]byte("\t\t№ п/п\n\tМероприятия\n\tСроки\nреализации\n\tИндикативный показатель\n\tИсполнители\n\n\t1.\n\tА\n\tмай 2021 г.\n\tНе менее 5\n\tМКУ\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadText(data)
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, b := range doc.Blocks {
			if (b.Para == nil) == (b.Table == nil) {
				t.Fatal("a block must be a paragraph or a table")
			}
		}
		importAny(t, doc)
	})
}

// FuzzReadDocx fuzzes both the archive and its XML: an input that is not
// a zip archive is packed into one as word/document.xml, so that most
// mutations reach the XML walk rather than failing the zip checksum.
func FuzzReadDocx(f *testing.F) {
	for _, name := range []string{"bessonovsky.docx", "nikolsky.docx", "notable.docx", "damaged.docx"} {
		seed(f, "../../testdata/import/"+name)
	}
	for _, name := range []string{"bessonovsky.docx", "nikolsky.docx"} {
		data, err := os.ReadFile("../../testdata/import/" + name)
		if err != nil {
			f.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		rc, err := zr.Open("word/document.xml")
		if err != nil {
			f.Fatal(err)
		}
		xmlData, _ := io.ReadAll(rc)
		f.Add(xmlData)
	}
	f.Add(makeDocx(f, p("Дорожная карта на 2021 год")+`<w:tbl><w:tr>`+tc(p("№"), "")+tc(p("Мероприятия"), `<w:gridSpan w:val="2"/>`)+tc(p("Сроки"), "")+tc(p("Показатель"), "")+tc(p("Исполнители"), `<w:vMerge w:val="restart"/>`)+`</w:tr></w:tbl>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("PK")) {
			data = makeZip(t, map[string]string{"word/document.xml": string(data)})
		}
		doc, err := ReadDocx(data)
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		importAny(t, doc)
	})
}
