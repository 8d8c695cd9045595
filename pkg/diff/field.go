package diff

import (
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Field names a compared field of an activity or of the roadmap. Its
// String is the field path of the JSON format (docs/diff.md).
type Field int

// The fields, in the order changes list them.
const (
	// Activity fields.
	FieldN Field = iota
	FieldTitle
	FieldDue
	FieldIndicator
	FieldIndicatorKind
	FieldIndicatorThreshold
	FieldIndicatorPer
	FieldIndicatorOf
	FieldIndicatorTargets
	FieldIndicatorDocuments
	FieldResult
	FieldExecutors
	FieldNote
	FieldActivitySection

	// Roadmap fields.
	FieldID
	FieldLevel
	FieldRegion
	FieldDistrict
	FieldOrganisation
	FieldAuthority
	FieldDirection
	FieldRoadmapTitle
	FieldPeriod
	FieldDocumentKind
	FieldDocumentNumber
	FieldDocumentDate
	FieldDocumentPlace
	FieldDocumentTitle
	FieldDocumentPreamble
	FieldDocumentSignedBy
	FieldDocumentResponsible
	FieldDocumentControl
	FieldDocumentClauses
	FieldDocumentAnnex
	FieldDocumentApprovedBy
	FieldSection
	FieldDescription
	FieldGoals
	FieldExpectedResults
	FieldSections
	FieldAmendments

	fieldCount
)

// ValueType tells which member of a Value a field fills.
type ValueType int

// The value types.
const (
	TypeText       ValueType = iota // Value.Text
	TypeNumber                      // Value.Number
	TypeList                        // Value.List
	TypeDue                         // Value.Due
	TypeIndicator                   // Value.Indicator
	TypeKind                        // Value.Kind ("" when the phrase was not read)
	TypeThreshold                   // Value.Threshold
	TypeTargets                     // Value.Targets
	TypePeriod                      // Value.Period
	TypeDate                        // Value.Date
	TypePerson                      // Value.Person
	TypeRef                         // Value.Ref
	TypeAmendments                  // Value.Amendments
	TypeByYear                      // Value.ByYear
	TypeSections                    // Value.Sections
)

type fieldInfo struct {
	path string
	// key is the YAML key of the activity or of the roadmap that holds
	// the field ("indicator" for indicator.min, "document" for
	// document.number).
	key string
	typ ValueType
}

var fields = [fieldCount]fieldInfo{
	FieldN:                   {"n", "n", TypeNumber},
	FieldTitle:               {"title", "title", TypeText},
	FieldDue:                 {"due", "due", TypeDue},
	FieldIndicator:           {"indicator", "indicator", TypeIndicator},
	FieldIndicatorKind:       {"indicator.kind", "indicator", TypeKind},
	FieldIndicatorThreshold:  {"indicator.threshold", "indicator", TypeThreshold},
	FieldIndicatorPer:        {"indicator.per", "indicator", TypeText},
	FieldIndicatorOf:         {"indicator.of", "indicator", TypeText},
	FieldIndicatorTargets:    {"indicator.targets", "indicator", TypeTargets},
	FieldIndicatorDocuments:  {"indicator.documents", "indicator", TypeList},
	FieldResult:              {"result", "result", TypeIndicator},
	FieldExecutors:           {"executors", "executors", TypeList},
	FieldNote:                {"note", "note", TypeText},
	FieldActivitySection:     {"section", "section", TypeText},
	FieldID:                  {"id", "id", TypeText},
	FieldLevel:               {"level", "level", TypeText},
	FieldRegion:              {"region", "region", TypeText},
	FieldDistrict:            {"district", "district", TypeText},
	FieldOrganisation:        {"organisation", "organisation", TypeText},
	FieldAuthority:           {"authority", "authority", TypeText},
	FieldDirection:           {"direction", "direction", TypeText},
	FieldRoadmapTitle:        {"title", "title", TypeText},
	FieldPeriod:              {"period", "period", TypePeriod},
	FieldDocumentKind:        {"document.kind", "document", TypeText},
	FieldDocumentNumber:      {"document.number", "document", TypeText},
	FieldDocumentDate:        {"document.date", "document", TypeDate},
	FieldDocumentPlace:       {"document.place", "document", TypeText},
	FieldDocumentTitle:       {"document.title", "document", TypeText},
	FieldDocumentPreamble:    {"document.preamble", "document", TypeText},
	FieldDocumentSignedBy:    {"document.signed_by", "document", TypePerson},
	FieldDocumentResponsible: {"document.responsible", "document", TypePerson},
	FieldDocumentControl:     {"document.control", "document", TypePerson},
	FieldDocumentClauses:     {"document.clauses", "document", TypeList},
	FieldDocumentAnnex:       {"document.annex", "document", TypeText},
	FieldDocumentApprovedBy:  {"document.approved_by", "document", TypeRef},
	FieldSection:             {"section", "section", TypeText},
	FieldDescription:         {"description", "description", TypeText},
	FieldGoals:               {"goals", "goals", TypeList},
	FieldExpectedResults:     {"expected_results", "expected_results", TypeByYear},
	FieldSections:            {"sections", "sections", TypeSections},
	FieldAmendments:          {"amendments", "amendments", TypeAmendments},
}

// String is the field path: "title", "indicator.threshold",
// "document.number".
func (f Field) String() string {
	if f < 0 || f >= fieldCount {
		return "unknown"
	}
	return fields[f].path
}

// Key is the YAML key holding the field, in the activity or the roadmap.
func (f Field) Key() string { return fields[f].key }

// Type tells which member of a Value holds the field.
func (f Field) Type() ValueType { return fields[f].typ }

// Sub reports whether f is a part of the indicator (indicator.kind ...),
// shown under the indicator's own change.
func (f Field) Sub() bool { return f >= FieldIndicatorKind && f <= FieldIndicatorDocuments }

// Value is one side of a field change; the member Field.Type names is
// set, and a zero Value means the side has none.
type Value struct {
	Text       string
	Number     roadmap.Number
	List       []string
	Due        *phrase.Due
	Indicator  *phrase.Indicator
	Kind       phrase.IndicatorKind
	Threshold  *Threshold
	Targets    []phrase.Target
	Unit       string // of Targets
	Period     *roadmap.Period
	Date       roadmap.Date
	Person     *roadmap.Person
	Ref        *roadmap.DocumentRef
	Amendments []roadmap.Amendment
	ByYear     map[int]string
	Sections   []roadmap.Section
}

// IsZero reports whether the side has no value.
func (v Value) IsZero() bool {
	return v.Text == "" && v.Number == "" && len(v.List) == 0 && v.Due == nil && v.Indicator == nil &&
		v.Kind == "" && v.Threshold == nil && len(v.Targets) == 0 && v.Unit == "" && v.Period == nil && v.Date.IsZero() &&
		v.Person == nil && v.Ref == nil && len(v.Amendments) == 0 && len(v.ByYear) == 0 && len(v.Sections) == 0
}

// Threshold is the bounds of a count or percent indicator.
type Threshold struct {
	Min, Max *float64
	Unit     string
}

func thresholdOf(ind phrase.Indicator) *Threshold {
	if ind.Min == nil && ind.Max == nil && ind.Unit == "" {
		return nil
	}
	return &Threshold{Min: ind.Min, Max: ind.Max, Unit: ind.Unit}
}

func (t *Threshold) equal(u *Threshold) bool {
	if t == nil || u == nil {
		return t == u
	}
	return floatEqual(t.Min, u.Min) && floatEqual(t.Max, u.Max) && t.Unit == u.Unit
}

// ComparedKeys are the YAML keys whose values Compute compares: of an
// activity (n aside), or with roadmap set of the roadmap (activities
// aside). A three-way merge judges these keys by ChangedKeys and
// ChangedRoadmapKeys.
func ComparedKeys(roadmap bool) map[string]bool {
	out := map[string]bool{}
	for f := FieldTitle; f < fieldCount; f++ {
		if (f >= FieldID) == roadmap {
			out[f.Key()] = true
		}
	}
	if !roadmap {
		out["id"] = true
	}
	return out
}
