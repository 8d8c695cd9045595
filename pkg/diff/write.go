package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// Format names an output format of a diff.
type Format string

// The formats, one file each.
const (
	Text      Format = "text"
	Markdown  Format = "markdown"
	JSON      Format = "json"
	Amendment Format = "amendment"
	Table     Format = "table"
)

// Formats lists the formats in documentation order.
var Formats = []Format{Text, Markdown, JSON, Amendment, Table}

// Valid reports whether f is one of Formats.
func (f Format) Valid() bool {
	for _, v := range Formats {
		if f == v {
			return true
		}
	}
	return false
}

// WriteOptions tune the formats.
type WriteOptions struct {
	Lang i18n.Lang
	// Color writes ANSI colours in the text format (the command sets it
	// when standard output is a terminal and NO_COLOR is unset).
	Color bool
	// Width is the width the table format must fit (0: 160).
	Width int
}

// Write writes one result in format.
func Write(w io.Writer, res *Result, format Format, opts WriteOptions) error {
	return WriteAll(w, []*Result{res}, format, opts)
}

// WriteAll writes the results of several files in format: one after the
// other, or one JSON document holding them all.
func WriteAll(w io.Writer, rs []*Result, format Format, opts WriteOptions) error {
	switch format {
	case Text, "":
		return writeText(w, rs, opts)
	case Markdown:
		return writeMarkdown(w, rs, opts)
	case JSON:
		return writeJSON(w, rs)
	case Amendment:
		return writeAmendment(w, rs, opts)
	case Table:
		return writeTable(w, rs, opts)
	}
	return fmt.Errorf("unknown format %q", format)
}

// A block is one change as people read it: a heading and indented lines.
// Text and Markdown draw the same blocks.
type block struct {
	sign  byte // '~' changed, '+' added, '-' removed, '>' moved
	head  string
	lines []line
}

type line struct {
	depth int
	sign  byte // 0, '+' or '-'
	text  string
}

// fileHead is the heading of one file's diff; "" for a modified file.
func fileHead(res *Result, lang i18n.Lang) string {
	switch res.Status {
	case StatusAdded:
		return i18n.T(lang, "diff.file_added", res.NewFile, res.RoadmapID, res.NewCount)
	case StatusDeleted:
		return i18n.T(lang, "diff.file_deleted", res.OldFile, res.RoadmapID, res.OldCount)
	}
	return ""
}

// label is what a field is called.
func label(lang i18n.Lang, c *Change, f FieldChange) string {
	if c.Kind == KindRoadmap {
		if f.Field == "expected_results" {
			return i18n.T(lang, "diff.expected", f.Key)
		}
		return i18n.T(lang, "diff.rfield."+f.Field)
	}
	return i18n.T(lang, "diff.field."+f.Field)
}

// value shows a field value, translating the few that are codes.
func value(lang i18n.Lang, field, v string) string {
	switch {
	case v == "":
		return ""
	case field == "indicator.kind":
		return i18n.T(lang, "kind."+v)
	case field == "indicator.per":
		return i18n.T(lang, "per."+v)
	}
	return v
}

func numLabel(c *Change) string {
	switch {
	case c.OldN == 0:
		return fmt.Sprint(c.NewN)
	case c.NewN == 0 || c.OldN == c.NewN:
		return fmt.Sprint(c.OldN)
	}
	return fmt.Sprintf("%d → %d", c.OldN, c.NewN)
}

const (
	headTitle = 70
	maxMoves  = 10
)

// blocks turns a result into readable blocks.
func blocks(res *Result, lang i18n.Lang) []block {
	var out []block
	for ci := range res.Changes {
		c := &res.Changes[ci]
		switch c.Kind {
		case KindRoadmap:
			b := block{sign: '~', head: i18n.T(lang, "diff.head.roadmap", res.RoadmapID)}
			for _, f := range c.Fields {
				b.lines = append(b.lines, fieldLines(lang, c, f)...)
			}
			out = append(out, b)
		case KindReordered:
			out = append(out, block{sign: '>', head: i18n.T(lang, "diff.head.reordered", movesText(lang, c.Moved))})
		case KindChanged, KindRenamed:
			b := block{sign: '~', head: i18n.T(lang, "diff.head.changed", numLabel(c), c.ID, shorten(c.Title, headTitle))}
			if c.Kind == KindRenamed {
				b.head = i18n.T(lang, "diff.head.renamed", numLabel(c), c.OldID, c.ID,
					int(c.Similarity*100), shorten(c.Title, headTitle))
			}
			for _, f := range c.Fields {
				b.lines = append(b.lines, fieldLines(lang, c, f)...)
			}
			out = append(out, b)
		case KindAdded:
			b := block{sign: '+', head: i18n.T(lang, "diff.head.added", c.NewN, c.ID, shorten(c.Title, headTitle))}
			b.lines = rowLines(lang, c.New.Due.Text, c.New.Indicator.Text, c.New.Executors)
			out = append(out, b)
		case KindRemoved:
			b := block{sign: '-', head: i18n.T(lang, "diff.head.removed", c.OldN, c.ID, shorten(c.Title, headTitle))}
			b.lines = rowLines(lang, c.Old.Due.Text, c.Old.Indicator.Text, c.Old.Executors)
			out = append(out, b)
		}
	}
	return out
}

func movesText(lang i18n.Lang, ms []Move) string {
	var parts []string
	for i, m := range ms {
		if i == maxMoves {
			parts = append(parts, i18n.T(lang, "diff.more", len(ms)-maxMoves))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d → %d", m.ID, m.OldN, m.NewN))
	}
	return strings.Join(parts, ", ")
}

func rowLines(lang i18n.Lang, due, ind string, executors []string) []line {
	return []line{
		{depth: 1, text: i18n.T(lang, "diff.row", i18n.T(lang, "diff.field.due"), due)},
		{depth: 1, text: i18n.T(lang, "diff.row", i18n.T(lang, "diff.field.indicator"), ind)},
		{depth: 1, text: i18n.T(lang, "diff.row", i18n.T(lang, "diff.field.executors"), strings.Join(executors, ", "))},
	}
}

// fieldLines renders one field change; sub-fields of an indicator go one
// level deeper than the indicator.
func fieldLines(lang i18n.Lang, c *Change, f FieldChange) []line {
	depth := 1
	if strings.HasPrefix(f.Field, "indicator.") {
		depth = 2
	}
	name := label(lang, c, f)
	old, new := value(lang, f.Field, f.Old), value(lang, f.Field, f.New)
	var out []line
	switch {
	case len(f.Added)+len(f.Removed) > 0 && f.Field != "expected_results":
		out = append(out, line{depth: depth, text: i18n.T(lang, "diff.list", name)})
		for _, s := range f.Added {
			out = append(out, line{depth: depth + 1, sign: '+', text: s})
		}
		for _, s := range f.Removed {
			out = append(out, line{depth: depth + 1, sign: '-', text: s})
		}
	case old == new:
		out = append(out, line{depth: depth, text: i18n.T(lang, "diff.same_text", name, old)})
	case old == "":
		out = append(out, line{depth: depth, sign: '+', text: i18n.T(lang, "diff.set", name, new)})
	case new == "":
		out = append(out, line{depth: depth, sign: '-', text: i18n.T(lang, "diff.unset", name, old)})
	default:
		out = append(out, line{depth: depth, text: i18n.T(lang, "diff.change", name, old, new)})
	}
	switch {
	case f.SameMeaning:
		out = append(out, line{depth: depth + 1, text: i18n.T(lang, "diff.same_meaning")})
	case f.Deadlines != nil:
		d := f.Deadlines
		out = append(out, line{depth: depth + 1, text: i18n.T(lang, "diff.due_now",
			deadlinesText(lang, d.Old, d.OldParsed), deadlinesText(lang, d.New, d.NewParsed))})
	}
	for _, t := range f.Targets {
		out = append(out, line{depth: depth + 1, text: i18n.T(lang, "diff.target", t.Year, targetValue(t.Old), targetValue(t.New))})
	}
	return out
}

func deadlinesText(lang i18n.Lang, ds []phrase.Deadline, parsed bool) string {
	if !parsed {
		return i18n.T(lang, "reading.unparsed")
	}
	if len(ds) == 0 {
		return i18n.T(lang, "diff.nothing")
	}
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.By.Format("02.01.2006")
	}
	return strings.Join(parts, ", ")
}

func targetValue(v *float64) string {
	if v == nil {
		return "—"
	}
	return view.Number(*v)
}

// counts tallies activity changes for summaries.
func counts(res *Result) (changed, added, removed, renamed int) {
	for _, c := range res.Changes {
		switch c.Kind {
		case KindChanged:
			changed++
		case KindAdded:
			added++
		case KindRemoved:
			removed++
		case KindRenamed:
			renamed++
		}
	}
	return
}

func fileNames(res *Result) (string, string) {
	old, new := res.OldFile, res.NewFile
	if old == "" {
		old = "/dev/null"
	}
	if new == "" {
		new = "/dev/null"
	}
	return old, new
}
