//go:build ignore

// Command mkhtml turns a seed text (testdata/seeds/*.txt) into an HTML
// page with real <table> rows, for LibreOffice to convert into .docx (see
// ../make-docx.sh). Tables are read with the importer's own text reader,
// which keeps every source row: a row continued after a page break stays a
// row of its own, so the .docx exercises the joining of continued rows.
// A row of one cell (a section heading) spans the table. Lines in "**"
// are bold; "[bookmark: X]" debris becomes a real bookmark.
//
//	go run ./testdata/import/mkhtml/main.go [-notable] SEED.txt > OUT.html
package main

import (
	"flag"
	"fmt"
	"html"
	"log"
	"os"
	"regexp"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/importer"
)

var bookmark = regexp.MustCompile(`\[bookmark: ([^\]]*)\]`)

func text(s string) string {
	s = html.EscapeString(strings.TrimSpace(s))
	return bookmark.ReplaceAllString(s, `<a name="$1"></a>`)
}

func main() {
	noTable := flag.Bool("notable", false, "leave the tables out")
	flag.Parse()
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	doc, err := importer.ReadText(data)
	if err != nil {
		log.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>seed</title></head><body>\n")
	bold := false
	for _, bl := range doc.Blocks {
		switch {
		case bl.Para != nil:
			s := strings.TrimSpace(bl.Para.Text)
			if strings.HasPrefix(s, "**") {
				bold, s = true, strings.TrimPrefix(s, "**")
			}
			end := strings.HasSuffix(s, "**")
			s = strings.TrimSuffix(s, "**")
			if bold {
				fmt.Fprintf(&b, "<p><b>%s</b></p>\n", text(s))
			} else {
				fmt.Fprintf(&b, "<p>%s</p>\n", text(s))
			}
			if end {
				bold = false
			}
		case bl.Table != nil && !*noTable:
			b.WriteString("<table border=\"1\">\n")
			width := 0
			for _, r := range bl.Table.Rows {
				width = max(width, len(r.Cells))
			}
			for _, r := range bl.Table.Rows {
				b.WriteString("<tr>")
				for _, c := range r.Cells {
					if len(r.Cells) == 1 && width > 1 {
						// A section heading: one cell merged over the table.
						fmt.Fprintf(&b, "<td colspan=\"%d\">", width)
					} else {
						b.WriteString("<td>")
					}
					for _, line := range strings.Split(c.Text, "\n") {
						fmt.Fprintf(&b, "<p>%s</p>", text(line))
					}
					b.WriteString("</td>")
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table>\n")
		}
	}
	b.WriteString("</body></html>\n")
	os.Stdout.WriteString(b.String())
}
