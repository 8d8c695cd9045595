// Package merge owns changing roadmap files by meaning: the
// roadmap-amendment/v1 format (an amending order written as a list of
// changes keyed by activity id), applying amendments to a roadmap, the
// three-way merge of two concurrent edits of a roadmap by activity and
// field (as a git merge driver too), and writing the result so that every
// untouched line of the file stays byte for byte as it was. The YAML of a
// roadmap is edited as text guided by yaml.Node positions (encode.go);
// conflicts are written as standard git conflict markers around the
// conflicting field only (conflict.go).
package merge

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// FormatAmendmentV1 is the value of the format key of an amendment file.
const FormatAmendmentV1 = "roadmap-amendment/v1"

// Document is the amending document: recorded in the roadmap's
// amendments when the amendment is applied.
type Document struct {
	Kind   string       `yaml:"kind" rm:"required,enum=order|concept|other"`
	Number string       `yaml:"number" rm:"required"`
	Date   roadmap.Date `yaml:"date" rm:"required"`
	Title  string       `yaml:"title" rm:"required"`
	// Changes say in a few words what the document changed; they are
	// recorded with it.
	Changes []string `yaml:"changes"`
}

// Amendment is one amendment file: the amending document, the roadmap it
// amends and its changes, in order.
type Amendment struct {
	Format   string
	Roadmap  string
	Document Document
	Changes  []Change

	// File is the path the amendment was read from.
	File string
	// positions of header values ("roadmap", "document.date").
	positions map[string]diag.Pos
}

// ChangeKind is what a change does.
type ChangeKind string

// The kinds of change.
const (
	ChangeSet            ChangeKind = "set"             // set fields of an activity
	ChangeAdd            ChangeKind = "add"             // add an activity
	ChangeRemove         ChangeKind = "remove"          // remove an activity
	ChangeMove           ChangeKind = "move"            // move an activity
	ChangeRenameExecutor ChangeKind = "rename_executor" // rename an executor everywhere
	ChangeRoadmap        ChangeKind = "roadmap"         // set top-level fields (period, title, ...)
)

// AfterFirst is the value of after that puts an activity first.
const AfterFirst = "first"

// Change is one item of an amendment's changes.
type Change struct {
	Kind ChangeKind
	// ID is the activity set, removed or moved, or the id of the one added.
	ID string
	// After places an added or moved activity: an activity id, AfterFirst,
	// or "" for the end (add only).
	After string
	// Fields are the fields set (ChangeSet: activity fields; ChangeRoadmap:
	// top-level fields) or, for ChangeAdd, the new activity's fields, in the
	// order written. A null value removes an optional field.
	Fields []Field
	// From and To rename an executor (ChangeRenameExecutor).
	From, To string

	// Pos is where the change starts; IDPos, AfterPos and FromPos are the
	// positions of the values named.
	Pos, IDPos, AfterPos, FromPos diag.Pos
}

// Field is a key and its YAML value.
type Field struct {
	Key   string
	Value *yaml.Node
	Pos   diag.Pos
}

// activityFields are the fields of an activity an amendment may set, in
// the order of the format.
var activityFields = []string{"id", "n", "title", "due", "indicator", "executors", "note"}

// requiredActivity are the activity fields that cannot be removed.
var requiredActivity = map[string]bool{"id": true, "n": true, "title": true, "due": true, "indicator": true, "executors": true}

// roadmapFields are the top-level keys in the order of docs/format.md.
var roadmapFields = []string{"format", "id", "region", "district", "authority", "direction", "title", "period",
	"document", "section", "description", "goals", "expected_results", "activities", "amendments"}

var requiredRoadmap = map[string]bool{"district": true, "authority": true, "direction": true, "period": true}

// The shapes of the file for the strict decoder: its tags give required
// keys, types and the did-you-mean hints for unknown keys. The change
// shapes are exported for package schema, which describes the same file
// to editors; `schema:"nullable"` marks a field that null removes.
type header struct {
	Format   string   `yaml:"format" rm:"required"`
	Roadmap  string   `yaml:"roadmap" rm:"required"`
	Document Document `yaml:"document" rm:"required"`
	Changes  []string `yaml:"changes"` // decoded by hand; listed for hints
}

// SetSpec sets fields of an activity.
type SetSpec struct {
	Set       string           `yaml:"set" rm:"required"`
	Title     string           `yaml:"title"`
	Due       phrase.Due       `yaml:"due"`
	Indicator phrase.Indicator `yaml:"indicator"`
	Executors []string         `yaml:"executors"`
	Note      string           `yaml:"note" schema:"nullable"`
}

// NewActivity is an activity an amendment adds.
type NewActivity struct {
	ID        string           `yaml:"id" rm:"required"`
	N         int              `yaml:"n"` // ignored: activities are renumbered
	Title     string           `yaml:"title" rm:"required"`
	Due       phrase.Due       `yaml:"due" rm:"required"`
	Indicator phrase.Indicator `yaml:"indicator" rm:"required"`
	Executors []string         `yaml:"executors" rm:"required"`
	Note      string           `yaml:"note"`
}

// AddSpec adds an activity, after another or first.
type AddSpec struct {
	Add   NewActivity `yaml:"add" rm:"required"`
	After string      `yaml:"after"`
}

// RemoveSpec removes an activity.
type RemoveSpec struct {
	Remove string `yaml:"remove" rm:"required"`
}

// MoveSpec moves an activity.
type MoveSpec struct {
	Move  string `yaml:"move" rm:"required"`
	After string `yaml:"after" rm:"required"`
}

// RenamePair renames an executor everywhere.
type RenamePair struct {
	From string `yaml:"from" rm:"required"`
	To   string `yaml:"to" rm:"required"`
}

// RenameSpec is the rename_executor change.
type RenameSpec struct {
	RenameExecutor RenamePair `yaml:"rename_executor" rm:"required"`
}

type roadmapSpec struct {
	Region      string          `yaml:"region"`
	District    string          `yaml:"district"`
	Authority   string          `yaml:"authority"`
	Direction   string          `yaml:"direction"`
	Title       string          `yaml:"title"`
	Period      *roadmap.Period `yaml:"period"`
	Section     string          `yaml:"section"`
	Description string          `yaml:"description"`
	Goals       []string        `yaml:"goals"`
	// The action keys, never decoded here: listed so that a misspelt
	// action ("sett") gets a did-you-mean hint.
	Set            string `yaml:"set"`
	Add            string `yaml:"add"`
	Remove         string `yaml:"remove"`
	Move           string `yaml:"move"`
	After          string `yaml:"after"`
	RenameExecutor string `yaml:"rename_executor"`
}

var actionKeys = []ChangeKind{ChangeSet, ChangeAdd, ChangeRemove, ChangeMove, ChangeRenameExecutor}

// Load reads the amendment file at path. The error is for I/O only.
func Load(path string) (*Amendment, []diag.Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if len(data) > roadmap.MaxFileSize {
		return nil, nil, fmt.Errorf("%s: %w", path, roadmap.ErrTooLarge)
	}
	a, fs := Parse(path, data)
	return a, fs, nil
}

// IsAmendment reports whether data is meant as an amendment file: its
// top-level format key says roadmap-amendment/... (any version, so that a
// wrong version is reported rather than read as a roadmap).
func IsAmendment(data []byte) bool {
	data = bytes.TrimPrefix(data, bom)
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimRight(l, "\r")
		v, ok := strings.CutPrefix(l, "format:")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		v = strings.Trim(v, `"'`)
		return strings.HasPrefix(v, "roadmap-amendment/")
	}
	return false
}

// Parse decodes an amendment file's bytes; file names it in findings. The
// amendment is nil when the file could not be decoded at all; with
// findings it may be partial and must not be applied.
func Parse(file string, data []byte) (*Amendment, []diag.Finding) {
	root, fs := roadmap.ParseYAML(file, data)
	if root == nil {
		return nil, fs
	}
	a := &Amendment{File: file}
	if root.Kind != yaml.MappingNode {
		return nil, append(fs, diag.New(file, nodePos(root), diag.WrongType, "roadmap-amendment", i18n.M("type.mapping"), typeName(root)))
	}
	// The header without changes, decoded strictly.
	head := &yaml.Node{Kind: root.Kind, Tag: root.Tag, Line: root.Line, Column: root.Column}
	var changes, changesKey *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "changes" && changes == nil {
			changesKey, changes = root.Content[i], root.Content[i+1]
			continue
		}
		head.Content = append(head.Content, root.Content[i], root.Content[i+1])
	}
	var h header
	pos, hfs := roadmap.DecodeNode(file, head, &h)
	fs = append(fs, hfs...)
	a.Format, a.Roadmap, a.Document, a.positions = h.Format, h.Roadmap, h.Document, pos
	a.Document.Number = roadmap.DocumentNumber(a.Document.Number)
	if h.Format != "" && h.Format != FormatAmendmentV1 {
		fs = append(fs, diag.New(file, pos["format"], diag.FormatVersion, h.Format, FormatAmendmentV1))
	}
	switch {
	case changes == nil:
		fs = append(fs, diag.New(file, nodePos(root), diag.MissingField, "changes"))
	case changes.Kind == yaml.AliasNode:
		fs = append(fs, diag.New(file, nodePos(changes), diag.Aliasing, 0))
	case changes.Kind != yaml.SequenceNode:
		if isNullNode(changes) {
			fs = append(fs, diag.New(file, nodePos(changesKey), diag.MissingField, "changes"))
		} else {
			fs = append(fs, diag.New(file, nodePos(changes), diag.WrongType, "changes", i18n.M("type.list"), typeName(changes)))
		}
	default:
		for _, item := range changes.Content {
			c, cfs := parseChange(file, item)
			fs = append(fs, cfs...)
			if c != nil {
				a.Changes = append(a.Changes, *c)
			}
		}
	}
	diag.Sort(fs)
	return a, fs
}

func nodePos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }

func isNullNode(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

func typeName(n *yaml.Node) i18n.Msg {
	switch n.Kind {
	case yaml.MappingNode:
		return i18n.M("type.mapping")
	case yaml.SequenceNode:
		return i18n.M("type.list")
	case yaml.AliasNode:
		return i18n.M("type.mapping")
	}
	if isNullNode(n) {
		return i18n.M("type.null")
	}
	return i18n.M("type.string")
}

// value returns the value node of key in mapping m and its key node.
func value(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// parseChange decodes one item of changes: which action it is follows from
// its keys, then the strict decoder checks it against that action's shape.
func parseChange(file string, item *yaml.Node) (*Change, []diag.Finding) {
	if item.Kind != yaml.MappingNode {
		return nil, []diag.Finding{diag.New(file, nodePos(item), diag.WrongType, "changes", i18n.M("type.mapping"), typeName(item))}
	}
	var kinds []string
	for _, k := range actionKeys {
		if kn, _ := value(item, string(k)); kn != nil {
			kinds = append(kinds, string(k))
		}
	}
	c := &Change{Pos: nodePos(item)}
	bad := func(key string, args ...any) (*Change, []diag.Finding) {
		return nil, []diag.Finding{diag.New(file, nodePos(item), diag.AmendBadChange, i18n.M(key, args...))}
	}
	if len(kinds) > 1 {
		return bad("merge.bad.two_actions", strings.Join(kinds, ", "))
	}
	if len(item.Content) == 0 {
		return bad("merge.bad.empty")
	}
	kind := ChangeRoadmap
	if len(kinds) == 1 {
		kind = ChangeKind(kinds[0])
	}
	c.Kind = kind
	var (
		pos map[string]diag.Pos
		fs  []diag.Finding
	)
	switch kind {
	case ChangeSet:
		var s SetSpec
		pos, fs = roadmap.DecodeNode(file, item, &s)
		c.ID, c.IDPos = s.Set, pos["set"]
		c.Fields = fieldsOf(item, "set")
		if len(c.Fields) == 0 && len(fs) == 0 {
			return bad("merge.bad.nothing_to_set", s.Set)
		}
	case ChangeAdd:
		var s AddSpec
		pos, fs = roadmap.DecodeNode(file, item, &s)
		c.ID, c.IDPos = s.Add.ID, pos["add.id"]
		c.After, c.AfterPos = s.After, pos["after"]
		if _, v := value(item, "add"); v != nil {
			for v.Kind == yaml.AliasNode && v.Alias != nil {
				v = v.Alias
			}
			c.Fields = fieldsOf(v, "n")
		}
	case ChangeRemove:
		var s RemoveSpec
		pos, fs = roadmap.DecodeNode(file, item, &s)
		c.ID, c.IDPos = s.Remove, pos["remove"]
	case ChangeMove:
		var s MoveSpec
		pos, fs = roadmap.DecodeNode(file, item, &s)
		c.ID, c.IDPos = s.Move, pos["move"]
		c.After, c.AfterPos = s.After, pos["after"]
	case ChangeRenameExecutor:
		var s RenameSpec
		pos, fs = roadmap.DecodeNode(file, item, &s)
		c.From, c.To, c.FromPos = s.RenameExecutor.From, s.RenameExecutor.To, pos["rename_executor.from"]
		if c.FromPos == (diag.Pos{}) {
			c.FromPos = c.Pos
		}
	case ChangeRoadmap:
		var s roadmapSpec
		_, fs = roadmap.DecodeNode(file, item, &s)
		if k, _ := value(item, "after"); k != nil {
			fs = append(fs, diag.New(file, nodePos(k), diag.AmendBadChange, i18n.M("merge.bad.after")))
		}
		c.Fields = fieldsOf(item, "")
	}
	if c.IDPos == (diag.Pos{}) {
		c.IDPos = c.Pos
	}
	if c.AfterPos == (diag.Pos{}) {
		c.AfterPos = c.Pos
	}
	// Removing a field the format requires is not a change a roadmap can take.
	for _, f := range c.Fields {
		if isNullNode(f.Value) && ((kind == ChangeSet && requiredActivity[f.Key]) || (kind == ChangeRoadmap && requiredRoadmap[f.Key])) {
			fs = append(fs, diag.New(file, f.Pos, diag.MissingField, f.Key))
		}
	}
	return c, fs
}

// fieldsOf lists the key/value pairs of m except skip, aliases resolved.
func fieldsOf(m *yaml.Node, skip string) []Field {
	var out []Field
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value == skip || k.ShortTag() == "!!merge" {
			continue
		}
		for v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		out = append(out, Field{Key: k.Value, Value: v, Pos: nodePos(k)})
	}
	return out
}

// Pos returns the position of a header value ("roadmap", "document.date").
func (a *Amendment) Pos(path string) diag.Pos {
	if p, ok := a.positions[path]; ok {
		return p
	}
	return diag.Pos{Line: 1, Col: 1}
}

// state is what validating a sequence of changes needs to know about the
// roadmap as it stands: its activities and executors.
type state struct {
	ids       []string
	executors map[string]bool
}

func newState(r *roadmap.Roadmap) *state {
	s := &state{executors: map[string]bool{}}
	for _, a := range r.Activities {
		s.ids = append(s.ids, a.ID)
		for _, e := range a.Executors {
			s.executors[e] = true
		}
	}
	return s
}

func (s *state) has(id string) bool { return slices.Contains(s.ids, id) }

// applied reports whether r already records the amending document.
func applied(r *roadmap.Roadmap, d Document) bool {
	for _, am := range r.Amendments {
		if am.Number == d.Number && am.Date == d.Date {
			return true
		}
	}
	return false
}

// validate checks the amendment against the roadmap as it stands (st),
// updating st as the changes would. It returns findings in a.File.
func (a *Amendment) validate(r *roadmap.Roadmap, st *state) []diag.Finding {
	var fs []diag.Finding
	add := func(p diag.Pos, code diag.Code, args ...any) {
		fs = append(fs, diag.New(a.File, p, code, args...))
	}
	if a.Roadmap != "" && r.ID != "" && a.Roadmap != r.ID {
		add(a.Pos("roadmap"), diag.AmendRoadmapMismatch, a.Roadmap, r.ID, r.File)
	}
	if d := a.Document.Date; !d.IsZero() {
		if bd := r.Document.Date; !bd.IsZero() && d.Time().Before(bd.Time()) {
			add(a.Pos("document.date"), diag.AmendBeforeBase, d.Russian(), i18n.M("merge.base.document"), bd.Russian())
		} else if n := len(r.Amendments); n > 0 && !r.Amendments[n-1].Date.IsZero() && d.Time().Before(r.Amendments[n-1].Date.Time()) {
			last := r.Amendments[n-1]
			add(a.Pos("document.date"), diag.AmendBeforeBase, d.Russian(), i18n.M("merge.base.amendment", last.Number), last.Date.Russian())
		}
	}
	if applied(r, a.Document) {
		add(a.Pos("document.number"), diag.AmendAlreadyApplied, a.Document.Number, a.Document.Date.Russian(), r.File)
	}
	for _, c := range a.Changes {
		switch c.Kind {
		case ChangeSet:
			if !st.has(c.ID) {
				add(c.IDPos, diag.AmendUnknownActivity, c.ID, suggestID(c.ID, st.ids))
			}
		case ChangeRemove:
			if !st.has(c.ID) {
				add(c.IDPos, diag.AmendUnknownActivity, c.ID, suggestID(c.ID, st.ids))
				continue
			}
			st.ids = slices.DeleteFunc(st.ids, func(s string) bool { return s == c.ID })
		case ChangeAdd:
			if c.After != "" && c.After != AfterFirst && !st.has(c.After) {
				add(c.AfterPos, diag.AmendUnknownActivity, c.After, suggestID(c.After, st.ids))
			}
			if st.has(c.ID) {
				add(c.IDPos, diag.AmendDuplicateID, c.ID)
				continue
			}
			if c.ID != "" {
				st.ids = append(st.ids, c.ID)
			}
			for _, f := range c.Fields {
				if f.Key == "executors" {
					for _, e := range scalars(f.Value) {
						st.executors[e] = true
					}
				}
			}
		case ChangeMove:
			if !st.has(c.ID) {
				add(c.IDPos, diag.AmendUnknownActivity, c.ID, suggestID(c.ID, st.ids))
			}
			if c.After != AfterFirst && !st.has(c.After) {
				add(c.AfterPos, diag.AmendUnknownActivity, c.After, suggestID(c.After, st.ids))
			}
			if c.After == c.ID {
				add(c.AfterPos, diag.AmendBadChange, i18n.M("merge.bad.move_self", c.ID))
			}
		case ChangeRenameExecutor:
			if !st.executors[c.From] {
				add(c.FromPos, diag.AmendUnknownExecutor, c.From)
			}
			delete(st.executors, c.From)
			st.executors[c.To] = true
		}
		if c.Kind == ChangeSet {
			for _, f := range c.Fields {
				if f.Key == "executors" {
					for _, e := range scalars(f.Value) {
						st.executors[e] = true
					}
				}
			}
		}
	}
	return fs
}

// scalars lists the texts of a scalar or a list of scalars.
func scalars(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if isNullNode(n) {
			return nil
		}
		return []string{strings.TrimSpace(n.Value)}
	}
	var out []string
	for _, c := range n.Content {
		for c.Kind == yaml.AliasNode && c.Alias != nil {
			c = c.Alias
		}
		if c.Kind == yaml.ScalarNode {
			out = append(out, strings.TrimSpace(c.Value))
		}
	}
	return out
}

// suggestID returns a did-you-mean hint among the activity ids, or "".
func suggestID(id string, ids []string) any {
	best, bestDist := "", 4
	for _, c := range ids {
		if d := roadmap.EditDistance(id, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return i18n.M("hint.did_you_mean", best)
}

// CheckFile validates an amendment file for `roadmap check`: isAmendment
// tells whether data is one (format: roadmap-amendment/...); findings are
// its problems, and, when roadmaps are given, whether the roadmap it
// amends is among them and its changes fit that roadmap (ids, dates). An
// amendment the roadmap already records is checked on its own only: the
// roadmap has moved on since.
func CheckFile(path string, data []byte, roadmaps []*roadmap.Roadmap) (isAmendment bool, findings []diag.Finding) {
	if !IsAmendment(data) {
		return false, nil
	}
	a, fs := Parse(path, data)
	if a == nil || a.Roadmap == "" || len(roadmaps) == 0 {
		return true, fs
	}
	var r *roadmap.Roadmap
	for _, x := range roadmaps {
		if x.ID == a.Roadmap {
			r = x
			break
		}
	}
	if r == nil {
		ids := make([]string, 0, len(roadmaps))
		for _, x := range roadmaps {
			ids = append(ids, x.ID)
		}
		fs = append(fs, diag.New(path, a.Pos("roadmap"), diag.AmendUnknownRoadmap, a.Roadmap, suggestID(a.Roadmap, ids)))
		diag.Sort(fs)
		return true, fs
	}
	if applied(r, a.Document) {
		return true, fs
	}
	fs = append(fs, a.validate(r, newState(r))...)
	diag.Sort(fs)
	return true, fs
}

// itoa is strconv.Itoa, short.
func itoa(i int) string { return strconv.Itoa(i) }
