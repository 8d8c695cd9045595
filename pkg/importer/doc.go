// Package importer owns reading existing roadmap documents — Word .docx
// files and text copied out of them (.txt) — into roadmap/v1 drafts.
//
// It works in three steps, one file each:
//   - a reader turns the bytes into a Document, a flat list of paragraphs
//     and tables that remembers where each came from (text.go for .txt,
//     docx.go for .docx);
//   - Recognise (recognise.go) finds in a Document the approving order's
//     or concept's header, the goals, the expected results and the roadmap
//     table, and builds a *roadmap.Roadmap, reporting what it skipped or
//     guessed as Warnings;
//   - Encode (encode.go) writes the roadmap as YAML in the key order of
//     docs/format.md, with a comment on each deadline and indicator saying
//     how the program understood it.
//
// Import and ImportFile (importer.go) run the three steps and check the
// YAML as `roadmap check` does. The rules of thumb for Russian word forms
// (genitive organisation names, accusative officials, place adjectives,
// executors run together in one cell) are in russian.go, the Latin slugs
// of ids in slug.go.
//
// Texts are kept verbatim: only runs of white space are collapsed and the
// "[bookmark: ...]" debris of conversions is removed. The package knows
// nothing of command lines, and of files on disk only how to read one
// (ReadFile, ImportFile): writing the result is the caller's business.
package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// Document is what a reader found in a file: paragraphs and tables in
// document order. Empty paragraphs are dropped.
type Document struct {
	Blocks []Block
}

// Block is a paragraph or a table; exactly one of the two is set.
type Block struct {
	Para  *Paragraph
	Table *Table
}

// Paragraph is one line of text: a paragraph of a .docx (split at line
// breaks) or a non-blank line of a .txt.
type Paragraph struct {
	Text string
	Loc  Loc
	// List is set on an item of a .docx numbered or bulleted list, whose
	// number Word generates and the text does not hold.
	List bool
}

// Table is a table: rows of cells. Rows may have different numbers of cells.
type Table struct {
	Rows []Row
	Loc  Loc
}

// Row is a table row.
type Row struct {
	Cells []Cell
	Loc   Loc
}

// Cell is a table cell. Text may hold line breaks ("\n") between the
// paragraphs or lines of a cell.
type Cell struct {
	Text string
	Loc  Loc
	// Merged is set on a cell continuing a vertically merged cell of a
	// .docx table; Text then repeats the text of the merge's first cell.
	Merged bool
	// Numbered is set on a .docx cell whose paragraph is a numbered list
	// item: Word generates its number ("1."), the text does not hold it.
	Numbered bool
}

// Loc is where something came from: a line of a .txt file, or a paragraph
// or table cell of a .docx. Numbers are 1-based; zero means not applicable.
type Loc struct {
	Line  int // .txt line
	Para  int // .docx paragraph (in the body, counting table paragraphs not)
	Table int // .docx table
	Row   int // .docx table row
	Col   int // .docx table cell in the row (grid column)
}

// String renders the location in lang: "строка 12", "таблица 1, строка 3,
// ячейка 2", "абзац 7"; empty when unknown.
func (l Loc) String(lang i18n.Lang) string {
	switch {
	case l.Line > 0:
		return i18n.T(lang, "import.loc.line", l.Line)
	case l.Table > 0 && l.Col > 0:
		return i18n.T(lang, "import.loc.cell", l.Table, l.Row, l.Col)
	case l.Table > 0 && l.Row > 0:
		return i18n.T(lang, "import.loc.row", l.Table, l.Row)
	case l.Table > 0:
		return i18n.T(lang, "import.loc.table", l.Table)
	case l.Para > 0:
		return i18n.T(lang, "import.loc.para", l.Para)
	}
	return ""
}

// Warning is something the importer skipped or guessed, with where it was
// in the source document. Key and Args name an i18n message.
type Warning struct {
	Loc  Loc
	Key  string
	Args []any
}

// Message renders the warning's text in lang.
func (w Warning) Message(lang i18n.Lang) string { return i18n.T(lang, w.Key, w.Args...) }

// String renders the warning as "where: message" in lang.
func (w Warning) String(lang i18n.Lang) string {
	if where := w.Loc.String(lang); where != "" {
		return where + ": " + w.Message(lang)
	}
	return w.Message(lang)
}

// The kinds of input that cannot be imported. Errors returned by this
// package wrap one of them (errors.Is) in an *Error.
var (
	ErrEmpty    = errors.New("empty document")
	ErrTooLarge = errors.New("document too large")
	ErrDamaged  = errors.New("damaged document")
	ErrNoTable  = errors.New("no roadmap table")
	ErrFormat   = errors.New("unsupported file type")
	ErrEncoding = errors.New("text not in UTF-8")
	ErrLegacy   = errors.New("a Word 97-2003 or encrypted document")
)

// Error is an input that cannot be imported: Kind is one of the Err
// values, Detail says more (in English; may be empty). With ErrTooLarge,
// Bound says which limit the document passed and Limit its value (bytes,
// paragraphs or rows), for the message the user reads.
type Error struct {
	Kind   error
	Detail string
	Bound  Bound
	Limit  int64
}

// Bound names a limit on what a document may hold.
type Bound int

const (
	// BoundFile is the file's size, MaxFileSize.
	BoundFile Bound = iota
	// BoundText is the unpacked text of a .docx, MaxEntrySize.
	BoundText
	// BoundParagraphs is the number of paragraphs or lines, MaxParagraphs.
	BoundParagraphs
	// BoundRows is the number of table rows, MaxRows.
	BoundRows
)

// tooMany is the error for a document past a bound.
func tooMany(b Bound, limit int64) error {
	return &Error{Kind: ErrTooLarge, Bound: b, Limit: limit, Detail: fmt.Sprintf("over %d (bound %d)", limit, b)}
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return e.Kind.Error()
	}
	return e.Kind.Error() + ": " + e.Detail
}

func (e *Error) Unwrap() error { return e.Kind }

func errorf(kind error, format string, args ...any) error {
	return &Error{Kind: kind, Detail: fmt.Sprintf(format, args...)}
}

// Limits on what is read: a roadmap document is kilobytes to a few
// megabytes; anything far larger is a mistake or an attack (a zip bomb).
var (
	// MaxFileSize bounds the file read, .txt or .docx; the command line's
	// --max-size sets it once, before any file is read.
	MaxFileSize int64 = 20 << 20
)

// The bounds of a document's content. The largest roadmap orders seen
// have a few thousand paragraphs and a few hundred table rows; a
// 139 KB .docx can unpack to a million paragraphs, which would take a
// gigabyte to read (the warnings alone a million lines).
const (
	// MaxEntrySize bounds the unpacked word/document.xml of a .docx.
	MaxEntrySize = 50 << 20
	// MaxParagraphs bounds the paragraphs of a .docx, lines of a .txt.
	MaxParagraphs = 50_000
	// MaxRows bounds the table rows of a document, all tables together.
	MaxRows = 10_000
)

var bookmark = regexp.MustCompile(`\[bookmark: [^\]\n]*\]`)

// Clean normalises a text the way the hand-encoded roadmaps do: the
// "[bookmark: ...]" debris of conversions goes, runs of white space
// (tabs, no-break and other Unicode spaces, line breaks) become one space,
// and the ends are trimmed. Zero-width and control characters go too.
func Clean(s string) string {
	s = bookmark.ReplaceAllString(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff':
			continue // soft hyphen, zero-width characters, BOM
		case unicode.IsControl(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Dump renders the document model as text, one block per line: "P" for a
// paragraph, "T" for a table followed by its rows ("R") with cells
// separated by " | " (line breaks in a cell shown as "⏎"). For tests and
// for debugging a document that imports badly.
func (d *Document) Dump() string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		switch {
		case bl.Para != nil:
			fmt.Fprintf(&b, "P %s\n", Clean(bl.Para.Text))
		case bl.Table != nil:
			fmt.Fprintf(&b, "T %d rows\n", len(bl.Table.Rows))
			for _, r := range bl.Table.Rows {
				cells := make([]string, len(r.Cells))
				for i, c := range r.Cells {
					lines := strings.Split(c.Text, "\n")
					for j := range lines {
						lines[j] = Clean(lines[j])
					}
					cells[i] = strings.Join(lines, "⏎")
				}
				fmt.Fprintf(&b, "R %s\n", strings.Join(cells, " | "))
			}
		}
	}
	return b.String()
}
