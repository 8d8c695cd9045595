package amendment

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// Load reads the amendment file at path, refusing one over
// roadmap.MaxFileSize before reading it (a *safefile.TooLargeError). The
// error is for I/O only.
func Load(path string) (*Amendment, []diag.Finding, error) {
	data, err := safefile.ReadFile(path, roadmap.MaxFileSize)
	if err != nil {
		return nil, nil, err
	}
	a, fs := Parse(path, data)
	return a, fs, nil
}

// IsAmendment reports whether data is meant as an amendment file: its
// top-level format key says roadmap-amendment/... (any version, so that a
// wrong version is reported rather than read as a roadmap).
func IsAmendment(data []byte) bool {
	return strings.HasPrefix(roadmap.FormatOf(data), FormatPrefix)
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
		return nil, append(fs, diag.New(file, nodePos(root), diag.WrongType, "roadmap-amendment", i18n.M("type.mapping"), roadmap.TypeName(root)))
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
	if h.Format != "" && h.Format != FormatV1 {
		fs = append(fs, diag.New(file, pos["format"], diag.FormatVersion, h.Format, FormatV1))
	}
	switch {
	case changes == nil:
		fs = append(fs, diag.New(file, nodePos(root), diag.MissingField, "changes"))
	case changes.Kind == yaml.AliasNode:
		fs = append(fs, diag.New(file, nodePos(changes), diag.Aliasing, 0))
	case changes.Kind != yaml.SequenceNode:
		if IsNull(changes) {
			fs = append(fs, diag.New(file, nodePos(changesKey), diag.MissingField, "changes"))
		} else {
			fs = append(fs, diag.New(file, nodePos(changes), diag.WrongType, "changes", i18n.M("type.list"), roadmap.TypeName(changes)))
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

// parseChange decodes one item of changes: which action it is follows from
// its keys, then the strict decoder checks it against that action's shape.
func parseChange(file string, item *yaml.Node) (*Change, []diag.Finding) {
	if item.Kind != yaml.MappingNode {
		return nil, []diag.Finding{diag.New(file, nodePos(item), diag.WrongType, "changes", i18n.M("type.mapping"), roadmap.TypeName(item))}
	}
	var kinds []string
	for _, k := range actionKeys {
		if kn, _ := Lookup(item, string(k)); kn != nil {
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
		if _, v := Lookup(item, "add"); v != nil {
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
		var s RoadmapSpec
		_, fs = roadmap.DecodeNode(file, item, &s)
		fs = actionHints(fs)
		if k, _ := Lookup(item, "after"); k != nil {
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
		if IsNull(f.Value) && ((kind == ChangeSet && requiredActivity[f.Key]) || (kind == ChangeRoadmap && requiredRoadmap[f.Key])) {
			fs = append(fs, diag.New(file, f.Pos, diag.MissingField, f.Key))
		}
		if kind == ChangeRoadmap && f.Key == "document" && f.Value.Kind == yaml.MappingNode {
			for _, sub := range fieldsOf(f.Value, "") {
				if IsNull(sub.Value) && requiredDocument[sub.Key] {
					fs = append(fs, diag.New(file, sub.Pos, diag.MissingField, "document."+sub.Key))
				}
			}
		}
	}
	return c, fs
}

// actionHints rewords what decoding a change of top-level fields says of
// its unknown keys: a misspelt action ("sett") is hinted at, and after,
// which only an added or moved activity takes, is left to its own
// finding.
func actionHints(fs []diag.Finding) []diag.Finding {
	out := fs[:0]
	for _, f := range fs {
		if f.Code != diag.UnknownKey || len(f.Args) == 0 {
			out = append(out, f)
			continue
		}
		key, _ := f.Args[0].(string)
		if key == "after" {
			continue
		}
		for _, a := range actionKeys {
			if d := roadmap.EditDistance(key, string(a)); d > 0 && d <= 2 && d < len([]rune(key)) {
				f.Args = []any{key, i18n.M("hint.did_you_mean", string(a))}
				break
			}
		}
		out = append(out, f)
	}
	return out
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
