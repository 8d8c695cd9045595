// Package merge owns changing roadmap files by meaning: applying
// amendments (package amendment reads and validates them) to a roadmap,
// the three-way merge of two concurrent edits of a roadmap by activity and
// field (as a git merge driver too), and writing the result so that every
// untouched line of the file stays byte for byte as it was. The YAML of a
// roadmap is edited as text guided by yaml.Node positions (encode.go);
// conflicts are written as standard git conflict markers around the
// conflicting field only (conflict.go).
package merge

// activityFields are the fields of an activity in the order of the
// format: where a new key goes.
var activityFields = []string{"id", "n", "title", "due", "indicator", "executors", "note"}

// roadmapFields are the top-level keys in the order of docs/format.md.
var roadmapFields = []string{"format", "id", "region", "district", "authority", "direction", "title", "period",
	"document", "section", "description", "goals", "expected_results", "activities", "amendments"}
