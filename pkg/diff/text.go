package diff

import (
	"bufio"
	"io"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// ANSI colours of the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// writeText writes the diff for a terminal or a log: "--- old" and
// "+++ new" headings, one block per change with +, -, ~ marks, a summary.
func writeText(w io.Writer, rs []*Result, opts WriteOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(color, s string) string {
		if !opts.Color || s == "" {
			return s
		}
		return color + s + ansiReset
	}
	for i, res := range rs {
		if i > 0 {
			bw.WriteString("\n")
		}
		old, new := fileNames(res)
		bw.WriteString(paint(ansiBold, "--- "+old) + "\n")
		bw.WriteString(paint(ansiBold, "+++ "+new) + "\n")
		if h := fileHead(res, opts.Lang); h != "" {
			bw.WriteString(h + "\n")
			continue
		}
		if res.Empty() {
			bw.WriteString(i18n.T(opts.Lang, "diff.no_changes") + "\n")
			continue
		}
		for _, b := range blocks(res, opts.Lang) {
			color := map[byte]string{'+': ansiGreen, '-': ansiRed, '~': ansiYellow, '>': ansiCyan}[b.sign]
			bw.WriteString(paint(color, string(b.sign)+" "+b.head) + "\n")
			for _, l := range b.lines {
				indent := strings.Repeat("  ", l.depth)
				text := indentLines(l.text, indent+"  ")
				switch l.sign {
				case '+':
					bw.WriteString(indent + paint(ansiGreen, "+ "+text) + "\n")
				case '-':
					bw.WriteString(indent + paint(ansiRed, "- "+text) + "\n")
				default:
					bw.WriteString(indent + text + "\n")
				}
			}
		}
		changed, added, removed, renamed := counts(res)
		bw.WriteString(i18n.T(opts.Lang, "diff.summary", changed, added, removed, renamed) + "\n")
	}
	return bw.Flush()
}

// indentLines keeps a multi-line value under its line.
func indentLines(s, indent string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+indent)
}
