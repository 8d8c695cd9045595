// Package render owns output formats: it writes findings and tables in
// text (a terminal), JSON, GitHub workflow commands, Markdown, CSV and
// xlsx, and diffs also as amendment clauses and a before / after table,
// one file per format behind the Renderer interface. It decides how things look,
// never what they say (package view and i18n do that).
package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// Format names an output format.
type Format string

// The formats.
const (
	Text     Format = "text"
	JSON     Format = "json"
	GitHub   Format = "github"
	Markdown Format = "markdown"
)

// ErrUnsupported is returned when a format cannot show a kind of output
// (a table as GitHub workflow commands).
var ErrUnsupported = errors.New("format does not support this output")

// Renderer writes findings, tables and diffs in one format; a format that
// cannot show one of them returns ErrUnsupported.
type Renderer interface {
	Findings(w io.Writer, fs []diag.Finding) error
	Table(w io.Writer, t view.Table) error
	Diff(w io.Writer, rs []*diff.Result) error
}

// Options tune renderers.
type Options struct {
	Lang i18n.Lang
	// Width is the terminal width a text table must fit (0: 160).
	Width int
	// CSVExcel writes CSV for Russian Excel: BOM, ";", decimal commas.
	CSVExcel bool
	// Color writes ANSI colours in the text format (the command sets it
	// when standard output is a terminal and NO_COLOR is unset).
	Color bool
	// Files are the files checked, so that a CI report (JUnit) lists the
	// clean ones as passed too.
	Files []string
	// Strict: warnings fail the run (check --strict), so a CI report
	// counts them as failures too.
	Strict bool
	// Numbering is how the amendment format numbers rows deleted and
	// added (diff.NumberingKeep by default).
	Numbering diff.Numbering
	// Version is the program's, for a SARIF log's tool.driver.version.
	Version string
	// Root is the repository's top directory: SARIF URIs are relative to
	// it ("" is the current directory).
	Root string
}

// New returns the renderer for format.
func New(format Format, opts Options) (Renderer, error) {
	switch format {
	case Text, "":
		return textRenderer{opts}, nil
	case JSON:
		return jsonRenderer{opts}, nil
	case GitHub:
		return githubRenderer{opts}, nil
	case Markdown:
		return markdownRenderer{opts}, nil
	case CSV:
		return csvRenderer{opts}, nil
	case XLSX:
		return xlsxRenderer{opts}, nil
	case JUnit:
		return junitRenderer{opts}, nil
	case SARIF:
		return sarifRenderer{opts}, nil
	case Amendment:
		return amendmentRenderer{opts: opts}, nil
	case BeforeAfter:
		return beforeAfterRenderer{opts: opts}, nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// WriteJSON writes v as indented JSON with a final newline, HTML
// characters unescaped (titles contain «» and quotes, not markup).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
