package schema

import (
	"reflect"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The shapes of an amendment file (roadmap-amendment/v1, package amendment).
// The changes are package amendment's own exported shapes; the file header
// and the change of top-level fields are described here, since amendment's
// versions also list the action keys only to hint at misspellings.
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
	newActivity          = amendment.NewActivity
	changeAdd            = amendment.AddSpec
	changeRemove         = amendment.RemoveSpec
	changeMove           = amendment.MoveSpec
	renamePair           = amendment.RenamePair
	changeRenameExecutor = amendment.RenameSpec
)

// changeRoadmap sets top-level fields; the optional ones may be removed
// with null.
type changeRoadmap struct {
	Region          string                   `yaml:"region" schema:"nullable"`
	District        string                   `yaml:"district"`
	Authority       string                   `yaml:"authority"`
	Direction       string                   `yaml:"direction"`
	Title           string                   `yaml:"title" schema:"nullable"`
	Period          *roadmap.Period          `yaml:"period"`
	Document        *amendment.DocumentPatch `yaml:"document"`
	Section         string                   `yaml:"section" schema:"nullable"`
	Description     string                   `yaml:"description" schema:"nullable"`
	Goals           []string                 `yaml:"goals" schema:"nullable"`
	ExpectedResults []roadmap.ExpectedResult `yaml:"expected_results" schema:"nullable"`
}

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
