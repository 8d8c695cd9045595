// Package merge owns changing roadmap files by meaning: applying
// amendments (package amendment reads and validates them) to a roadmap,
// the three-way merge of two concurrent edits of a roadmap by activity and
// field (as a git merge driver too), and writing the result so that every
// untouched line of the file stays byte for byte as it was. The YAML of a
// roadmap is edited as text guided by yaml.Node positions (encode.go);
// conflicts are written as standard git conflict markers around the
// conflicting field only (conflict.go).
package merge

import (
	"reflect"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The key orders of the format, from its model: where a new key goes.
var (
	activityFields = roadmap.Keys(reflect.TypeFor[roadmap.Activity]())
	roadmapFields  = roadmap.Keys(reflect.TypeFor[roadmap.Roadmap]())
	documentFields = roadmap.Keys(reflect.TypeFor[roadmap.Document]())
)
