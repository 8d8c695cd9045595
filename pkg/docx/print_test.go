package docx_test

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/docx"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// TestPrintInLibreOffice prints each document as LibreOffice does: the
// pages are A4; no two lines are drawn over each other; every activity's
// title is in the text; every page of the roadmap table starts with its
// header row, all of whose headers are on the page. With -update, page 1
// of each but doc-sections becomes docs/examples/<name>.png.
func TestPrintInLibreOffice(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		doc    *docx.Document
		titles []string // of the activities; none for an amending order
		header []string // the table's column headers
	}{
		{name: "doc-bessonovsky", doc: docx.Order(load(t, seeds[0]), i18n.RU), titles: titles(t, seeds[0]),
			header: []string{"№ п/п", "Мероприятия", "Сроки реализации", "Индикативный показатель", "Исполнители"}},
		{name: "doc-nikolsky", doc: docx.Order(load(t, seeds[1]), i18n.RU), titles: titles(t, seeds[1]),
			header: []string{"№ п/п", "Мероприятия", "Сроки реализации", "Индикативный показатель", "Исполнители"}},
		{name: "doc-sections", doc: docx.Order(load(t, seeds[2]), i18n.RU), titles: titles(t, seeds[2]),
			header: []string{"№ п/п", "Мероприятия", "Сроки реализации", "Индикативный показатель", "Ожидаемый результат", "Исполнители", "Примечание"}},
		{name: "doc-amendment", doc: amendment(t, i18n.RU)},
	}
	dir := t.TempDir()
	for _, tc := range cases {
		if err := docx.WriteFile(filepath.Join(dir, tc.name+".docx"), tc.doc); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"--convert-to", "pdf", "--outdir", dir}
	for _, tc := range cases {
		args = append(args, filepath.Join(dir, tc.name+".docx"))
	}
	golden.Office(t, dir, args...)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pdf := filepath.Join(dir, tc.name+".pdf")
			info, err := exec.Command(golden.Program(t, "pdfinfo"), pdf).Output()
			if err != nil {
				t.Fatal(err)
			}
			if !regexp.MustCompile(`Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)`).Match(info) {
				t.Errorf("page 1 is not A4 portrait:\n%s", info)
			}
			pages := golden.PDFPages(t, pdf)
			inTable := false
			for i, p := range pages {
				if o := p.Overlaps(); len(o) > 0 {
					t.Errorf("page %d: %d pairs of words drawn over each other, e.g. %+v", i+1, len(o), o[0])
				}
				if a4 := (near(p.Width, 595) && near(p.Height, 842)) || (near(p.Width, 842) && near(p.Height, 595)); !a4 {
					t.Errorf("page %d is %.0f × %.0f pt, not A4", i+1, p.Width, p.Height)
				}
				for _, w := range p.Words {
					if w.XMin < 0 || w.YMin < 0 || w.XMax > p.Width || w.YMax > p.Height {
						t.Errorf("page %d: %q is off the page", i+1, w.Text)
					}
				}
				if len(tc.header) == 0 {
					continue
				}
				missing := missingWords(p, strings.Fields(strings.Join(tc.header, " ")))
				inTable = inTable || len(missing) == 0
				if inTable && len(missing) > 0 {
					t.Errorf("page %d of the table lacks the header words %q:\n%s", i+1, missing, p.Text())
				}
			}
			if len(tc.header) > 0 && !inTable {
				t.Errorf("no page holds the whole header row %q", strings.Join(tc.header, " | "))
			}
			for _, title := range tc.titles {
				if !inColumn(pages, title) {
					t.Errorf("activity %q is not in the PDF's «Мероприятия» column", title)
				}
			}
			if golden.Updating() && tc.name != "doc-sections" {
				png := filepath.Join("..", "..", "docs", "examples", tc.name)
				if out, err := exec.Command(golden.Program(t, "pdftoppm"), "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, png).CombinedOutput(); err != nil {
					t.Fatalf("pdftoppm: %v\n%s", err, out)
				}
			}
			t.Logf("%s: %d pages", tc.name, len(pages))
		})
	}
}

func titles(t *testing.T, path string) []string {
	var out []string
	for _, a := range load(t, path).Activities {
		out = append(out, a.Title)
	}
	return out
}

// missingWords are the words of want the page lacks.
func missingWords(p golden.Page, want []string) []string {
	have := map[string]int{}
	for _, w := range p.Words {
		have[w.Text]++
	}
	var out []string
	for _, w := range want {
		if have[w] == 0 {
			out = append(out, w)
		}
		have[w]--
	}
	return out
}

// inColumn reports whether title is printed whole in the activity column
// of a page: read down the column (the words between its left edge, where
// the title's first word starts, and its right edge, as far right of the
// centred header «Мероприятия» as the left edge is left of it), from the
// first word on, the text starts with the title.
func inColumn(pages []golden.Page, title string) bool {
	first := strings.Fields(title)[0]
	for _, p := range pages {
		center := -1.0
		for _, w := range p.Words {
			if w.Text == "Мероприятия" {
				center = (w.XMin + w.XMax) / 2
			}
		}
		if center < 0 {
			continue
		}
		for i, w := range p.Words {
			if w.Text != first || w.XMin > center {
				continue
			}
			left, right := w.XMin-1, 2*center-w.XMin+1
			var col strings.Builder
			for _, v := range p.Words[i:] {
				if v.XMin >= left && v.XMax <= right && v.YMin >= w.YMin-1 {
					col.WriteString(v.Text)
				}
			}
			if strings.HasPrefix(col.String(), squeeze(title)) {
				return true
			}
		}
	}
	return false
}

// squeeze drops white space: a title wrapped in a cell reads as one
// string again, whatever the line ends.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func near(a, b float64) bool { return a > b-2 && a < b+2 }
