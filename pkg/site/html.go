package site

import (
	"bytes"
	"embed"
	"html/template"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

//go:embed assets/site.tmpl assets/style.css
var assets embed.FS

var templates = template.Must(template.New("site").Funcs(template.FuncMap{
	"svg": func(b []byte) template.HTML {
		// The charts are made by package chart, which escapes every word.
		return template.HTML(b)
	},
}).ParseFS(assets, "assets/site.tmpl"))

// page is what every page template gets.
type page struct {
	Lang  string
	Title string
	// Root leads from the page to the site's top ("", "../../").
	Root      string
	W         map[string]string
	Crumbs    []link
	Downloads []link
	Subtitle  string
	Stamp     string
	Body      any
}

type link struct {
	Href, Text string
	// Note says more in a smaller type (how many are overdue).
	Note string
}

// table is a view.Table ready for HTML: a caption, column headers, and
// rows that are data or section headings.
type table struct {
	Caption string
	Cols    []tcol
	Rows    []trow
}

type tcol struct {
	Header string
	Num    bool
}

type trow struct {
	// Heading, when set, is a section heading across the table.
	Heading string
	Cells   []tcell
	Class   string
}

type tcell struct {
	Text, Href, Class string
	// Head is the row's header cell (<th scope="row">).
	Head bool
}

// tableOf makes t an HTML table in lang; href gives a link for row i's
// cell of column head (the row's header), "" for none.
func tableOf(t view.Table, caption string, head int, lang i18n.Lang, href func(i int) string) table {
	out := table{Caption: caption}
	numeric := make([]bool, len(t.Columns))
	for _, row := range t.Rows {
		for i, c := range row {
			if i < len(numeric) && (c.Kind == view.CellInt || c.Kind == view.CellNumber || c.Kind == view.CellPercent) {
				numeric[i] = true
			}
		}
	}
	for i, c := range t.Columns {
		out.Cols = append(out.Cols, tcol{Header: c.Header, Num: numeric[i]})
	}
	for i, row := range t.Rows {
		for _, h := range t.HeadingsBefore(i) {
			out.Rows = append(out.Rows, trow{Heading: h.Text()})
		}
		r := trow{}
		for j := range t.Columns {
			c := view.EmptyCell()
			if j < len(row) {
				c = row[j]
			}
			tc := tcell{Text: view.Display(c, lang), Head: j == head}
			switch c.Kind {
			case view.CellInt, view.CellNumber, view.CellPercent:
				tc.Class = "num"
			case view.CellStatus:
				tc.Class = "st st-" + c.Status
			}
			if j == head && href != nil {
				tc.Href = href(i)
			}
			r.Cells = append(r.Cells, tc)
		}
		out.Rows = append(out.Rows, r)
	}
	return out
}

// HTML is the table's markup (writeHTML).
func (t table) HTML() template.HTML {
	b := newBuffer()
	defer buffers.Put(b)
	t.writeHTML(b)
	return template.HTML(b.String())
}

// writeHTML writes the table: the same markup a template would, written
// directly because a site of thousands of pages is mostly tables, and
// html/template's reflection would take most of the build's time. Every
// text is escaped.
func (t table) writeHTML(b *bytes.Buffer) {
	b.WriteString(`<div class="scroll" tabindex="0" role="region" aria-label="`)
	escape(b, t.Caption)
	b.WriteString("\"><table>\n<caption>")
	escape(b, t.Caption)
	b.WriteString("</caption>\n<thead><tr>")
	for _, c := range t.Cols {
		b.WriteString(`<th scope="col"`)
		if c.Num {
			b.WriteString(` class="num"`)
		}
		b.WriteString(">")
		escape(b, c.Header)
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>")
	for _, r := range t.Rows {
		if r.Heading != "" {
			b.WriteString("\n<tr class=\"heading\"><th scope=\"rowgroup\" colspan=\"")
			b.WriteString(strconv.Itoa(len(t.Cols)))
			b.WriteString("\">")
			escape(b, r.Heading)
			b.WriteString("</th></tr>")
			continue
		}
		b.WriteString("\n<tr>")
		for _, c := range r.Cells {
			tag := "td"
			if c.Head {
				tag = "th"
			}
			b.WriteString("<" + tag)
			if c.Head {
				b.WriteString(` scope="row"`)
			}
			if c.Class != "" {
				b.WriteString(` class="`)
				escape(b, c.Class)
				b.WriteString(`"`)
			}
			b.WriteString(">")
			if c.Href != "" {
				b.WriteString(`<a href="`)
				escape(b, c.Href)
				b.WriteString(`">`)
				escape(b, c.Text)
				b.WriteString("</a>")
			} else {
				escape(b, c.Text)
			}
			b.WriteString("</" + tag + ">")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("\n</tbody>\n</table></div>")
}

// escape writes s as html.EscapeString does (TestEscape), without a
// string of its own for each text.
func escape(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var e string
		switch s[i] {
		case '<':
			e = "&lt;"
		case '>':
			e = "&gt;"
		case '&':
			e = "&amp;"
		case '\'':
			e = "&#39;"
		case '"':
			e = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(e)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// lines splits text written on several lines (a deadline's occurrences).
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
