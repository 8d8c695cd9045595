package schema

import (
	"reflect"

	"github.com/roadmap-edu/roadmap/pkg/merge"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The shapes of an amendment file (roadmap-amendment/v1, package merge).
// Package merge decodes them with the same strict, tag-driven decoder as
// roadmaps, but keeps its shapes unexported; these mirror them (header,
// setSpec, addSpec, ... in pkg/merge/amendment.go) and reuse every type
// merge exports (merge.Document) or shares with roadmaps (Period, due,
// indicator). TestAmendmentExamples validates the amendments of
// testdata/merge against the schema, so a change of shape shows up there.
// When package merge exports its shapes, replace these with them.

const formatAmendment = merge.FormatAmendmentV1

// amendmentFile mirrors merge's header plus its changes.
type amendmentFile struct {
	Format   string         `yaml:"format" rm:"required"`
	Roadmap  string         `yaml:"roadmap" rm:"required"`
	Document merge.Document `yaml:"document" rm:"required"`
	Changes  []change       `yaml:"changes" rm:"required"`
}

// change is one item of changes: one of the shapes in forms.
type change struct{}

type changeSet struct {
	Set       string           `yaml:"set" rm:"required"`
	Title     string           `yaml:"title"`
	Due       phrase.Due       `yaml:"due"`
	Indicator phrase.Indicator `yaml:"indicator"`
	Executors []string         `yaml:"executors"`
	Note      string           `yaml:"note" schema:"nullable"`
}

type newActivity struct {
	ID        string           `yaml:"id" rm:"required"`
	N         int              `yaml:"n"`
	Title     string           `yaml:"title" rm:"required"`
	Due       phrase.Due       `yaml:"due" rm:"required"`
	Indicator phrase.Indicator `yaml:"indicator" rm:"required"`
	Executors []string         `yaml:"executors" rm:"required"`
	Note      string           `yaml:"note"`
}

type changeAdd struct {
	Add   newActivity `yaml:"add" rm:"required"`
	After string      `yaml:"after"`
}

type changeRemove struct {
	Remove string `yaml:"remove" rm:"required"`
}

type changeMove struct {
	Move  string `yaml:"move" rm:"required"`
	After string `yaml:"after" rm:"required"`
}

type renamePair struct {
	From string `yaml:"from" rm:"required"`
	To   string `yaml:"to" rm:"required"`
}

type changeRenameExecutor struct {
	RenameExecutor renamePair `yaml:"rename_executor" rm:"required"`
}

// changeRoadmap sets top-level fields; the optional ones may be removed
// with null.
type changeRoadmap struct {
	Region      string          `yaml:"region" schema:"nullable"`
	District    string          `yaml:"district"`
	Authority   string          `yaml:"authority"`
	Direction   string          `yaml:"direction"`
	Title       string          `yaml:"title" schema:"nullable"`
	Period      *roadmap.Period `yaml:"period"`
	Section     string          `yaml:"section" schema:"nullable"`
	Description string          `yaml:"description" schema:"nullable"`
	Goals       []string        `yaml:"goals" schema:"nullable"`
}

func init() {
	forms[reflect.TypeFor[change]()] = []reflect.Type{
		reflect.TypeFor[changeSet](),
		reflect.TypeFor[changeAdd](),
		reflect.TypeFor[changeRemove](),
		reflect.TypeFor[changeMove](),
		reflect.TypeFor[changeRenameExecutor](),
		reflect.TypeFor[changeRoadmap](),
	}
}

// defNames name the definitions of types whose Go name would be unclear
// or taken.
var defNames = map[reflect.Type]string{
	reflect.TypeFor[merge.Document]():       "AmendingDocument",
	reflect.TypeFor[changeSet]():            "ChangeSet",
	reflect.TypeFor[newActivity]():          "NewActivity",
	reflect.TypeFor[changeAdd]():            "ChangeAdd",
	reflect.TypeFor[changeRemove]():         "ChangeRemove",
	reflect.TypeFor[changeMove]():           "ChangeMove",
	reflect.TypeFor[renamePair]():           "RenamePair",
	reflect.TypeFor[changeRenameExecutor](): "ChangeRenameExecutor",
	reflect.TypeFor[changeRoadmap]():        "ChangeRoadmap",
}

// minProperties: set needs a field besides set; a change of top-level
// fields needs one field.
var minProperties = map[string]int{
	"ChangeSet":     2,
	"ChangeRoadmap": 1,
}
