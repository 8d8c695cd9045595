package merge

import (
	"cmp"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// Conflict markers, as git writes them; `roadmap check` reports them
// (RM019) until a person has chosen.
const (
	markerOurs   = "<<<<<<< ours"
	markerSep    = "======="
	markerTheirs = ">>>>>>> theirs"
)

// edit replaces lines from..to (1-based, inclusive; to = from-1 inserts).
type edit struct {
	from, to int
	lines    []string
	conflict int // index into the conflicts
}

// writeConflicts writes the conflicts into the merged text as conflict
// markers around the lines of the conflicting field (or activity, or
// top-level key) only, and returns the text and the conflicts with the
// lines of their markers. It is the last step: the text is no longer YAML.
func writeConflicts(e *editor, cs []Conflict) ([]byte, []Conflict) {
	t := e.t.clone()
	var edits []edit
	for ci := range cs {
		c := &cs[ci]
		from, to := 0, -1
		switch {
		case c.Activity == "": // a top-level key
			from, to = e.entryRange(e.root, len(e.t.lines), c.Field, roadmapFields)
		case c.Field == "" && c.missingOurs:
			from = e.insertAt(c.after)
			to = from - 1
		case c.Field == "":
			j := e.index(c.Activity)
			from, _, to = e.bounds(j)
		default:
			j := e.index(c.Activity)
			_, _, end := e.bounds(j)
			from, to = e.entryRange(e.items()[j], end, c.Field, activityFields)
		}
		c.ours = slices.Clone(t.lines[from-1 : to])
		block := append([]string{markerOurs}, c.ours...)
		block = append(block, markerSep)
		block = append(block, c.theirs...)
		block = append(block, markerTheirs)
		edits = append(edits, edit{from: from, to: to, lines: block, conflict: ci})
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Compare(a.from, b.from) })
	delta := 0
	for _, ed := range edits {
		cs[ed.conflict].Line = ed.from + delta
		delta += len(ed.lines) - (ed.to - ed.from + 1)
	}
	for i := len(edits) - 1; i >= 0; i-- {
		t.replace(edits[i].from, edits[i].to, edits[i].lines)
	}
	slices.SortStableFunc(cs, func(a, b Conflict) int { return cmp.Compare(a.Line, b.Line) })
	return t.bytes(), cs
}

// entryRange returns the lines of key's entry in the block mapping m, or
// the empty range where it would be inserted.
func (e *editor) entryRange(m *yaml.Node, limit int, key string, order []string) (from, to int) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line, e.entryEnd(m, i, limit)
		}
	}
	line, _ := e.insertLine(m, limit, key, order)
	return line, line - 1
}

// ConflictFindings describes conflicts as findings (RM208) in file, at
// their markers' lines.
func ConflictFindings(file string, cs []Conflict) []diag.Finding {
	var fs []diag.Finding
	for _, c := range cs {
		var what i18n.Msg
		switch {
		case c.Activity == "":
			what = i18n.M("merge.what.key", c.Field)
		case c.Field == "":
			what = i18n.M("merge.what.activity", c.Activity)
		default:
			what = i18n.M("merge.what.field", c.Field, c.Activity)
		}
		fs = append(fs, diag.New(file, diag.Pos{Line: c.Line, Col: 1}, diag.MergeConflict, what))
	}
	return fs
}
