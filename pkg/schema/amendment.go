package schema

import (
	"reflect"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
)

// The shapes of an amendment file (roadmap-amendment/v1, package amendment).
// The changes are package amendment's own exported shapes; only the file
// header is described here, since its changes are the union of them.
// TestAmendmentExamples validates the amendments of testdata/merge
// against the schema, so a change of shape shows up there.

const formatAmendment = amendment.FormatV1

// amendmentFile mirrors package amendment's header plus its changes.
type amendmentFile struct {
	Format   string             `yaml:"format" rm:"required"`
	Roadmap  string             `yaml:"roadmap" rm:"required"`
	Document amendment.Document `yaml:"document" rm:"required"`
	Changes  []change           `yaml:"changes" rm:"required"`
}

// change is one item of changes: one of the shapes in forms.
type change struct{}

// The change shapes are package amendment's own.
type (
	changeSet            = amendment.SetSpec
	changeAdd            = amendment.AddSpec
	changeRemove         = amendment.RemoveSpec
	changeMove           = amendment.MoveSpec
	renamePair           = amendment.RenamePair
	changeRenameExecutor = amendment.RenameSpec
	changeRoadmap        = amendment.RoadmapSpec
)

// changeForms are the shapes a change may take (forms[change]).
var changeForms = []reflect.Type{
	reflect.TypeFor[changeSet](),
	reflect.TypeFor[changeAdd](),
	reflect.TypeFor[changeRemove](),
	reflect.TypeFor[changeMove](),
	reflect.TypeFor[changeRenameExecutor](),
	reflect.TypeFor[changeRoadmap](),
}

// defNames name the definitions of types whose Go name would be unclear
// or taken.
var defNames = map[reflect.Type]string{
	reflect.TypeFor[amendment.Document]():   "AmendingDocument",
	reflect.TypeFor[changeSet]():            "ChangeSet",
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
