package diff

import (
	"bufio"
	"io"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// writeMarkdown writes the diff as GitHub-flavoured Markdown, for a
// pull-request comment: a heading per file, a bold line per change and a
// nested list of its fields.
func writeMarkdown(w io.Writer, rs []*Result, opts WriteOptions) error {
	bw := bufio.NewWriter(w)
	for i, res := range rs {
		if i > 0 {
			bw.WriteString("\n")
		}
		old, new := fileNames(res)
		bw.WriteString("### " + i18n.T(opts.Lang, "diff.md.title", mdCode(old), mdCode(new)) + "\n\n")
		if h := fileHead(res, opts.Lang); h != "" {
			bw.WriteString(mdText(h) + "\n")
			continue
		}
		if res.Empty() {
			bw.WriteString(mdText(i18n.T(opts.Lang, "diff.no_changes")) + "\n")
			continue
		}
		for _, b := range blocks(res, opts.Lang) {
			bw.WriteString("- **" + mdSign(b.sign) + " " + mdText(b.head) + "**\n")
			for _, l := range b.lines {
				text := mdText(l.text)
				if l.sign != 0 {
					text = "`" + string(l.sign) + "` " + text
				}
				bw.WriteString(strings.Repeat("  ", l.depth) + "- " + text + "\n")
			}
		}
		changed, added, removed, renamed := counts(res)
		bw.WriteString("\n" + mdText(i18n.T(opts.Lang, "diff.summary", changed, added, removed, renamed)) + "\n")
	}
	return bw.Flush()
}

func mdSign(b byte) string {
	switch b {
	case '+':
		return "➕"
	case '-':
		return "➖"
	case '>':
		return "↕"
	}
	return "✏️"
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "|", `\|`, "#", `\#`)

// mdText escapes Markdown in document text and keeps it on one line.
func mdText(s string) string {
	s = mdEscaper.Replace(strings.TrimSpace(s))
	return strings.ReplaceAll(s, "\n", "<br>")
}

func mdCode(s string) string {
	return "`" + strings.ReplaceAll(s, "`", "'") + "`"
}
