package golden

import (
	"encoding/xml"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Office runs LibreOffice headless on args (e.g. "--convert-to", "pdf",
// "--outdir", dir, file) with a profile of its own under dir, so that
// tests running at once do not share one.
func Office(t testing.TB, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command(Program(t, "soffice"), append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice %v: %v\n%s", args, err, out)
	}
}

// Page is one page of a PDF as pdftotext -bbox reads it.
type Page struct {
	Width, Height float64
	Words         []Word
}

// Word is a word on a page and its box, in points from the top left.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// PDFPages reads the pages of a PDF with pdftotext -bbox.
func PDFPages(t testing.TB, pdf string) []Page {
	t.Helper()
	out, err := exec.Command(Program(t, "pdftotext"), "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	var doc struct {
		Pages []struct {
			Width  float64 `xml:"width,attr"`
			Height float64 `xml:"height,attr"`
			Words  []struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	d := xml.NewDecoder(strings.NewReader(string(out)))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", pdf, err)
	}
	pages := make([]Page, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = Page{Width: p.Width, Height: p.Height}
		for _, w := range p.Words {
			pages[i].Words = append(pages[i].Words, Word{w.Text, w.XMin, w.YMin, w.XMax, w.YMax})
		}
	}
	return pages
}

// Overlaps lists the pairs of words of a page drawn over each other: their
// boxes share more than 2 pt across and more than a quarter of the lower
// box's height down. pdftotext's boxes run from the font's ascent to its
// descent, so two lines of one single-spaced paragraph share up to about
// a tenth of their height (2.1 pt at 14 pt in one poppler build); lines
// drawn over each other share most of it.
func (p Page) Overlaps() [][2]Word {
	var out [][2]Word
	for i, a := range p.Words {
		for _, b := range p.Words[i+1:] {
			down := max(2, min(a.YMax-a.YMin, b.YMax-b.YMin)/4)
			if min(a.XMax, b.XMax)-max(a.XMin, b.XMin) > 2 && min(a.YMax, b.YMax)-max(a.YMin, b.YMin) > down {
				out = append(out, [2]Word{a, b})
			}
		}
	}
	return out
}

// Text is the page's words joined by single spaces.
func (p Page) Text() string {
	ws := make([]string, len(p.Words))
	for i, w := range p.Words {
		ws[i] = w.Text
	}
	return strings.Join(ws, " ")
}
