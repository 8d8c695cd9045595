package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// The formats only a diff has.
const (
	// Amendment writes the clauses of an amending order.
	Amendment Format = "amendment"
	// BeforeAfter writes the "Было / Стало" table.
	BeforeAfter Format = "table"
)

// DiffFormats are the formats of `roadmap diff`, in documentation order
// (an .xlsx output file gets the before / after table as a workbook).
var DiffFormats = []Format{Text, Markdown, JSON, Amendment, BeforeAfter}

// diffOnly is a renderer of a format that shows diffs only.
type diffOnly struct{}

func (diffOnly) Findings(io.Writer, []diag.Finding) error { return ErrUnsupported }
func (diffOnly) Table(io.Writer, view.Table) error        { return ErrUnsupported }

type amendmentRenderer struct {
	diffOnly
	opts Options
}

type beforeAfterRenderer struct {
	diffOnly
	opts Options
}

// ANSI colours of the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// Diff writes the diff for a terminal or a log: "--- old" and "+++ new"
// headings, one block per change with +, -, ~ marks, a summary; ANSI
// colours when Options.Color is set.
func (r textRenderer) Diff(w io.Writer, rs []*diff.Result) error {
	lang := r.opts.Lang
	bw := bufio.NewWriter(w)
	paint := func(color, s string) string {
		if !r.opts.Color || s == "" {
			return s
		}
		return color + s + ansiReset
	}
	for i, res := range rs {
		if i > 0 {
			bw.WriteString("\n")
		}
		old, new := view.DiffFileNames(res)
		bw.WriteString(paint(ansiBold, "--- "+old) + "\n")
		bw.WriteString(paint(ansiBold, "+++ "+new) + "\n")
		if h := view.DiffFileHead(res, lang); h != "" {
			bw.WriteString(h + "\n")
			continue
		}
		if res.Empty() {
			bw.WriteString(i18n.T(lang, "diff.no_changes") + "\n")
			continue
		}
		for _, b := range view.DiffBlocks(res, lang) {
			color := map[byte]string{'+': ansiGreen, '-': ansiRed, '~': ansiYellow, '>': ansiCyan}[b.Sign]
			bw.WriteString(paint(color, string(b.Sign)+" "+b.Head) + "\n")
			for _, l := range b.Lines {
				indent := strings.Repeat("  ", l.Depth)
				text := indentLines(l.Text, indent+"  ")
				switch l.Sign {
				case '+':
					bw.WriteString(indent + paint(ansiGreen, "+ "+text) + "\n")
				case '-':
					bw.WriteString(indent + paint(ansiRed, "- "+text) + "\n")
				default:
					bw.WriteString(indent + text + "\n")
				}
			}
		}
		bw.WriteString(view.DiffSummary(res, lang) + "\n")
	}
	return bw.Flush()
}

// indentLines keeps a multi-line value under its line.
func indentLines(s, indent string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+indent)
}

// Diff writes the diff as GitHub-flavoured Markdown, for a pull-request
// comment: a heading per file, a bold line per change and a nested list
// of its fields.
func (r markdownRenderer) Diff(w io.Writer, rs []*diff.Result) error {
	lang := r.opts.Lang
	bw := bufio.NewWriter(w)
	for i, res := range rs {
		if i > 0 {
			bw.WriteString("\n")
		}
		old, new := view.DiffFileNames(res)
		bw.WriteString("### " + i18n.T(lang, "diff.md.title", mdCode(old), mdCode(new)) + "\n\n")
		if h := view.DiffFileHead(res, lang); h != "" {
			bw.WriteString(mdText(h) + "\n")
			continue
		}
		if res.Empty() {
			bw.WriteString(mdText(i18n.T(lang, "diff.no_changes")) + "\n")
			continue
		}
		for _, b := range view.DiffBlocks(res, lang) {
			bw.WriteString("- **" + mdSign(b.Sign) + " " + mdText(b.Head) + "**\n")
			for _, l := range b.Lines {
				text := mdText(l.Text)
				if l.Sign != 0 {
					text = "`" + string(l.Sign) + "` " + text
				}
				bw.WriteString(strings.Repeat("  ", l.Depth) + "- " + text + "\n")
			}
		}
		bw.WriteString("\n" + mdText(view.DiffSummary(res, lang)) + "\n")
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

// Diff writes the documented JSON form (docs/diff.md).
func (r jsonRenderer) Diff(w io.Writer, rs []*diff.Result) error {
	return WriteJSON(w, DiffJSON(rs))
}

// Diff writes the changes as an amending order: the lead-in naming the
// amended document, then the numbered clauses, numbered as
// Options.Numbering asks, a row set out as a table (docs/diff.md lists
// the wording).
func (r amendmentRenderer) Diff(w io.Writer, rs []*diff.Result) error {
	lang := r.opts.Lang
	bw := bufio.NewWriter(w)
	for i, res := range rs {
		if len(rs) > 1 {
			if i > 0 {
				bw.WriteString("\n")
			}
			_, new := view.DiffFileNames(res)
			if res.Status == diff.StatusDeleted {
				new = res.OldFile
			}
			bw.WriteString(new + ":\n")
		}
		if h := view.DiffFileHead(res, lang); h != "" {
			bw.WriteString(h + "\n")
			continue
		}
		lines := view.AmendmentClauses(res, lang, r.opts.Numbering)
		if len(lines) == 0 {
			bw.WriteString(i18n.T(lang, "diff.amend.none") + "\n")
		}
		for _, l := range lines {
			bw.WriteString(strings.TrimRight(l, " ") + "\n")
		}
	}
	return bw.Flush()
}

// Diff draws the "Было / Стало" table of each file.
func (r beforeAfterRenderer) Diff(w io.Writer, rs []*diff.Result) error {
	text := textRenderer{r.opts}
	for i, res := range rs {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		t := view.BeforeAfter(res, r.opts.Lang)
		if len(t.Rows) == 0 {
			if _, err := fmt.Fprintln(w, t.Title+"\n"+view.DiffNoRows(res, r.opts.Lang)); err != nil {
				return err
			}
			continue
		}
		if err := text.Table(w, t); err != nil {
			return err
		}
	}
	return nil
}

// Diff writes the "Было / Стало" tables as a workbook, one sheet a file.
func (r xlsxRenderer) Diff(w io.Writer, rs []*diff.Result) error {
	tables := make([]view.Table, len(rs))
	for i, res := range rs {
		tables[i] = view.BeforeAfter(res, r.opts.Lang)
		if len(tables[i].Rows) == 0 {
			tables[i].Subtitle = view.DiffNoRows(res, r.opts.Lang)
		}
	}
	title := ""
	if len(tables) > 0 {
		title = tables[0].Title
	}
	return WriteXLSX(w, tables, WorkbookMeta{Title: title, Lang: r.opts.Lang})
}

func (githubRenderer) Diff(io.Writer, []*diff.Result) error { return ErrUnsupported }
func (csvRenderer) Diff(io.Writer, []*diff.Result) error    { return ErrUnsupported }
func (junitRenderer) Diff(io.Writer, []*diff.Result) error  { return ErrUnsupported }
func (sarifRenderer) Diff(io.Writer, []*diff.Result) error  { return ErrUnsupported }
