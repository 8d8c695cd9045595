// Package manpage writes manual pages in man(7) that `mandoc -Tlint`
// passes without a message: a dated .TH named after the page
// (ROADMAP-CHECK), text escaped and wrapped (maxLine), tagged paragraphs
// for options, examples in no-fill blocks. cobra's generator (through
// go-md2man) titles every page ROADMAP, prints an unparseable date and
// indents with tabs in filled text, which mandoc warns of.
package manpage

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Page is one manual page.
type Page struct {
	// Name is the page's name ("roadmap-check"); the title is its upper case.
	Name    string
	Section string
	Date    time.Time
	// Source and Manual are the footer's and the header's centre.
	Source, Manual string
	// Summary follows the name in the NAME section.
	Summary  string
	Sections []Section
}

// Section is a heading (.SH) and its blocks.
type Section struct {
	Heading string
	Blocks  []Block
}

// Block is a paragraph of filled text, with a tag when Tag is set (an
// option and its description), or lines kept as they are when Literal.
type Block struct {
	Tag     string
	Text    string
	Literal bool
}

// maxLine is how many characters a text line holds. mandoc notes lines
// over 80 bytes, counting a character outside ASCII as its escape
// (\[u0434], 8 bytes): 72 keeps English lines, which have few of them,
// under it; a Russian text could only be kept under it a word a line, and
// its lines are not (mandoc's note is of style, not a warning).
const maxLine = 72

// Write writes p.
func Write(w io.Writer, p Page) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH %s %s %s %s %s\n", quote(strings.ToUpper(p.Name)), quote(p.Section),
		quote(p.Date.Format("2006-01-02")), quote(p.Source), quote(p.Manual))
	b.WriteString(".SH NAME\n")
	fill(&b, escape(p.Name)+` \- `+escape(p.Summary))
	for _, s := range p.Sections {
		fmt.Fprintf(&b, ".SH %s\n", quote(s.Heading))
		for i, bl := range s.Blocks {
			switch {
			case bl.Literal:
				if i > 0 {
					b.WriteString(".PP\n")
				}
				b.WriteString(".nf\n.RS 4\n")
				for _, line := range strings.Split(strings.TrimRight(bl.Text, "\n"), "\n") {
					b.WriteString(textLine(escape(line)) + "\n")
				}
				b.WriteString(".RE\n.fi\n")
			case bl.Tag != "":
				b.WriteString(".TP\n")
				fill(&b, `\fB`+escape(bl.Tag)+`\fR`)
				fill(&b, escape(bl.Text))
			default:
				if i > 0 {
					b.WriteString(".PP\n")
				}
				fill(&b, escape(bl.Text))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fill writes text as lines of at most maxLine bytes, broken between
// words; a blank line in text starts a new paragraph (mandoc warns of
// blank lines in filled text).
func fill(b *strings.Builder, text string) {
	for i, para := range strings.Split(text, "\n\n") {
		if i > 0 {
			b.WriteString(".PP\n")
		}
		line := ""
		for _, word := range strings.Fields(para) {
			switch {
			case line == "":
				line = word
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > maxLine:
				b.WriteString(textLine(line) + "\n")
				line = word
			default:
				line += " " + word
			}
		}
		if line != "" {
			b.WriteString(textLine(line) + "\n")
		}
	}
}

// textLine keeps a line that starts like a request (. or ') text.
func textLine(s string) string {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		return `\&` + s
	}
	return s
}

// escape makes text safe for roff: backslashes printed, hyphens as
// minus signs (so that options can be copied and searched for).
func escape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	return strings.ReplaceAll(s, "-", `\-`)
}

// quote makes one argument of a request.
func quote(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\e`), `"`, `""`) + `"`
}
