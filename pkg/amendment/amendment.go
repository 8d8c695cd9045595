// Package amendment owns the roadmap-amendment/v1 file format: an amending
// order written as a list of changes keyed by activity id. It holds the
// model (Amendment, Change, Field), parsing with positioned findings,
// validating an amendment against the roadmap it amends (ids, executors,
// dates), CheckFile for `roadmap check`, and writing an amendment back
// (Marshal) with the YAML value builders its fields are made of. Applying
// amendments and merging roadmap versions is package merge's.
package amendment

import (
	"reflect"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// FormatPrefix starts the format key of every version of the amendment
// format; FormatV1 is the version this package reads and writes.
const (
	FormatPrefix = "roadmap-amendment/"
	FormatV1     = FormatPrefix + "v1"
)

// KeyOrder is the top-level key order of an amendment file.
var KeyOrder = []string{"format", "roadmap", "document", "changes"}

// Document is the amending document: recorded in the roadmap's
// amendments when the amendment is applied.
type Document struct {
	Kind   string       `yaml:"kind" rm:"required,enum=order|concept|other"`
	Number string       `yaml:"number" rm:"required"`
	Date   roadmap.Date `yaml:"date" rm:"required"`
	Title  string       `yaml:"title" rm:"required"`
	// Changes say in a few words what the document changed; they are
	// recorded with it in the roadmap's amendments.
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

// requiredActivity are the activity fields that cannot be removed.
var requiredActivity = roadmap.RequiredKeys(reflect.TypeFor[roadmap.Activity]())

// requiredRoadmap are the top-level fields that cannot be removed.
var requiredRoadmap = roadmap.RequiredKeys(reflect.TypeFor[roadmap.Roadmap]())

// requiredDocument are the fields of the approving document that cannot
// be removed.
var requiredDocument = roadmap.RequiredKeys(reflect.TypeFor[roadmap.Document]())

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
	Set string `yaml:"set" rm:"required"`
	// ID renames the activity.
	ID        string           `yaml:"id"`
	Section   string           `yaml:"section" schema:"nullable"`
	Title     string           `yaml:"title"`
	Due       phrase.Due       `yaml:"due"`
	Indicator phrase.Indicator `yaml:"indicator" schema:"nullable"`
	Result    phrase.Indicator `yaml:"result" schema:"nullable"`
	Executors []string         `yaml:"executors"`
	Note      string           `yaml:"note" schema:"nullable"`
}

// AddSpec adds an activity, after another or first.
type AddSpec struct {
	// Add is the new activity; its n is not needed (activities are
	// renumbered) and is ignored.
	Add   roadmap.Activity `yaml:"add" rm:"required,loose=n" schema:"def=NewActivity"`
	After string           `yaml:"after"`
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

// RoadmapSpec sets top-level fields of the roadmap; null removes an
// optional one.
type RoadmapSpec struct {
	Level        string          `yaml:"level" rm:"enum=district|region|school"`
	Region       string          `yaml:"region" schema:"nullable"`
	District     string          `yaml:"district" schema:"nullable"`
	Organisation string          `yaml:"organisation" schema:"nullable"`
	Authority    string          `yaml:"authority"`
	Direction    string          `yaml:"direction"`
	Title        string          `yaml:"title" schema:"nullable"`
	Period       *roadmap.Period `yaml:"period"`
	// Document corrects fields of the approving document: only those
	// given; null removes an optional one.
	Document    *roadmap.Document `yaml:"document" rm:"patch"`
	Section     string            `yaml:"section" schema:"nullable"`
	Description string            `yaml:"description" schema:"nullable"`
	Goals       []string          `yaml:"goals" schema:"nullable"`
	// ExpectedResults replaces the whole table of expected results.
	ExpectedResults []roadmap.ExpectedResult `yaml:"expected_results" schema:"nullable"`
	// Sections replaces the list of sections.
	Sections []roadmap.Section `yaml:"sections" schema:"nullable"`
}

var actionKeys = []ChangeKind{ChangeSet, ChangeAdd, ChangeRemove, ChangeMove, ChangeRenameExecutor}
