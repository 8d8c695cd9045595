package roadmap

import (
	"bytes"
	"reflect"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// This file exports the loader's building blocks for other YAML formats of
// the project (roadmap-amendment/v1, package merge), so that they report
// problems exactly as roadmap files do.

// ParseYAML checks a file's bytes as the roadmap loader does (BOM, UTF-8,
// leftover conflict markers, YAML syntax, a single document) and returns
// the root node of its document. The root is nil when the file cannot be
// read at all; findings may accompany a non-nil root (a second document).
func ParseYAML(file string, data []byte) (*yaml.Node, []diag.Finding) {
	data = bytes.TrimPrefix(data, bom)
	if f, ok := checkEncoding(file, data); !ok {
		return nil, []diag.Finding{f}
	}
	if fs := conflictMarkers(file, data); len(fs) > 0 {
		return nil, fs
	}
	return parseNode(file, data)
}

// DecodeNode decodes root into v (a pointer to a struct) with the strict
// decoder of roadmap files: `yaml:"key"` and `rm:"required,enum=a|b"` tags,
// duplicate and unknown keys (with a did-you-mean hint), wrong types, bad
// dates, the alias budget. positions maps each decoded value's path
// ("changes[2].set", and "path#key" for keys) to its place in file.
func DecodeNode(file string, root *yaml.Node, v any) (positions map[string]diag.Pos, findings []diag.Finding) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("roadmap.DecodeNode: v must be a non-nil pointer")
	}
	d := &decoder{file: file, positions: map[string]diag.Pos{}}
	d.decode(root, rv.Elem(), "")
	return d.positions, d.findings
}

// FieldTag is a struct field as the file formats see it: its key and the
// options of its `rm` tag. Fields is the one reader of those tags: the
// loader, the amendment format, the editor's key orders, fmt and the
// JSON Schema all take them from here.
type FieldTag struct {
	Key      string
	Index    int
	Required bool
	Enum     []string
	// Patch is set by rm:"patch": the value sets some fields of a struct,
	// none of them required there.
	Patch bool
	// Loose are the keys of the value's struct that rm:"loose=a|b" does
	// not require there.
	Loose []string
}

// Fields lists the keys of struct type t in the order of its fields.
func Fields(t reflect.Type) []FieldTag {
	fs := fieldsOf(t)
	out := make([]FieldTag, len(fs))
	for i, f := range fs {
		out[i] = FieldTag{Key: f.key, Index: f.index, Required: f.required, Enum: f.enum, Patch: f.patch, Loose: f.loose}
	}
	return out
}

// Keys lists the keys of struct type t in the order of its fields: where
// a new key goes.
func Keys(t reflect.Type) []string {
	fs := fieldsOf(t)
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.key
	}
	return out
}

// RequiredKeys is the set of the keys of t that the format requires.
func RequiredKeys(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for _, f := range fieldsOf(t) {
		if f.required {
			out[f.key] = true
		}
	}
	return out
}

// TypeName describes a node's type for a wrong-type message ("a list",
// "a number"), as the loader's own findings do.
func TypeName(n *yaml.Node) i18n.Msg { return typeName(n) }

// Suggest is the did-you-mean hint for a name that names nothing, the
// nearest of names within three edits; "" when none is near.
func Suggest(name string, names []string) any {
	best, bestDist := "", 4
	for _, c := range names {
		if d := EditDistance(name, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return i18n.M("hint.did_you_mean", best)
}
