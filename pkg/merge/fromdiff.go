package merge

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// FromDiff returns the amendment that turns the old version of res into
// the new one: top-level fields set (the approving document's details and
// the expected results too), activities removed, set (a renamed one gets
// its new id), moved and added, all as the change set says. It is made
// from the change set alone, so it names the same activities and fields
// as the clauses of the amending order (diff.Clauses); applying it to the
// old version gives one equal in meaning to the new, n renumbered.
//
// What an amendment file cannot say is returned as left, for the caller
// to name: a changed roadmap id, recorded amendments removed or more than
// one added, and a change of n alone (n follows from the order).
//
// The document is the amendment the new version records in addition;
// else it is empty, for the caller to fill in.
func FromDiff(res *diff.Result) (a *amendment.Amendment, left []diff.FieldChange) {
	a = &amendment.Amendment{Format: amendment.FormatV1, Roadmap: res.RoadmapID}
	if res.Old == nil || res.New == nil {
		return a, nil
	}
	var (
		top, doc                []amendment.Field
		removes, sets           []amendment.Change
		moved                   = map[string]bool{}
		added                   = map[string]bool{}
		structural, renumbering bool
	)
	for _, c := range res.Changes {
		switch c.Kind {
		case diff.KindRoadmap:
			for _, f := range c.Fields {
				switch {
				case f.Field == diff.FieldExpectedResults:
					if !hasKey(top, "expected_results") {
						top = append(top, amendment.Field{Key: "expected_results",
							Value: amendment.ExpectedResultsValue(res.New.ExpectedResults)})
					}
				case f.Field == diff.FieldAmendments:
					n := len(res.New.Amendments)
					if len(f.AddedAmendments) != 1 || len(f.RemovedAmendments) > 0 || n == 0 ||
						!sameAmendment(res.New.Amendments[n-1], f.AddedAmendments[0]) {
						left = append(left, f)
						continue
					}
					d := f.AddedAmendments[0]
					a.Document = amendment.Document{Kind: d.Kind, Number: d.Number, Date: d.Date, Title: d.Title, Changes: d.Changes}
				case f.Field == diff.FieldID:
					left = append(left, f)
				case f.Field.Key() == "document":
					doc = append(doc, amendment.Field{Key: strings.TrimPrefix(f.Field.String(), "document."), Value: roadmapValue(f.Field, f.New)})
				default:
					top = append(top, amendment.Field{Key: f.Field.Key(), Value: roadmapValue(f.Field, f.New)})
				}
			}
		case diff.KindReordered:
			structural = true
			for _, m := range c.Moved {
				moved[m.ID] = true
			}
		case diff.KindChanged, diff.KindRenamed:
			set := amendment.Change{Kind: amendment.ChangeSet, ID: c.ID}
			if c.Kind == diff.KindRenamed {
				set.ID = c.OldID
				set.Fields = append(set.Fields, amendment.Field{Key: "id", Value: amendment.IDValue(c.ID)})
			}
			for _, f := range c.Fields {
				if f.Field == diff.FieldN {
					renumbering = true
				} else if !hasKey(set.Fields, f.Field.Key()) {
					set.Fields = append(set.Fields, amendment.Field{Key: f.Field.Key(), Value: activityValue(f.Field.Key(), c.New)})
				}
			}
			if len(set.Fields) > 0 {
				sets = append(sets, set)
			}
		case diff.KindRemoved:
			structural = true
			removes = append(removes, amendment.Change{Kind: amendment.ChangeRemove, ID: c.ID})
		case diff.KindAdded:
			structural = true
			added[c.ID] = true
		}
	}
	if renumbering && !structural {
		for _, c := range res.Changes {
			for _, f := range c.Fields {
				if f.Field == diff.FieldN {
					left = append(left, f)
				}
			}
		}
	}
	if len(doc) > 0 {
		top = append(top, amendment.Field{Key: "document", Value: amendment.MappingValue(doc)})
	}
	if len(top) > 0 {
		a.Changes = append(a.Changes, amendment.Change{Kind: amendment.ChangeRoadmap, Fields: top})
	}
	a.Changes = append(a.Changes, removes...)
	a.Changes = append(a.Changes, sets...)
	a.Changes = append(a.Changes, placements(res.New.Activities, moved, added)...)
	return a, left
}

// placements moves and adds activities into the new order. The moves come
// first, in the new order, each after its nearest predecessor that is
// already there: the activities not moved keep their relative order, so
// each moved one lands in its place among them. Then the new activities,
// in the new order, each after its predecessor, in place by then.
func placements(acts []roadmap.Activity, moved, added map[string]bool) []amendment.Change {
	var out []amendment.Change
	for i, x := range acts {
		if !moved[x.ID] {
			continue
		}
		after := amendment.AfterFirst
		for p := i - 1; p >= 0; p-- {
			if !added[acts[p].ID] {
				after = acts[p].ID
				break
			}
		}
		out = append(out, amendment.Change{Kind: amendment.ChangeMove, ID: x.ID, After: after})
	}
	for i := range acts {
		x := &acts[i]
		if !added[x.ID] {
			continue
		}
		after := amendment.AfterFirst
		if i > 0 {
			after = acts[i-1].ID
		}
		fs := []amendment.Field{{Key: "id", Value: amendment.IDValue(x.ID)}}
		for _, k := range []string{"section", "title", "due", "indicator", "result", "executors", "note"} {
			if v := activityValue(k, x); !amendment.IsNull(v) {
				fs = append(fs, amendment.Field{Key: k, Value: v})
			}
		}
		out = append(out, amendment.Change{Kind: amendment.ChangeAdd, ID: x.ID, After: after, Fields: fs})
	}
	return out
}

func hasKey(fs []amendment.Field, key string) bool {
	for _, f := range fs {
		if f.Key == key {
			return true
		}
	}
	return false
}

func sameAmendment(a, b roadmap.Amendment) bool {
	return a.Kind == b.Kind && a.Number == b.Number && a.Date == b.Date && a.Title == b.Title &&
		strings.Join(a.Changes, "\x00") == strings.Join(b.Changes, "\x00")
}

// activityValue is the value of an activity's key as the amendment
// writes it.
func activityValue(key string, x *roadmap.Activity) *yaml.Node {
	switch key {
	case "title":
		return amendment.IDValue(x.Title)
	case "due":
		return amendment.DueValue(x.Due)
	case "indicator":
		if x.Indicator.Text == "" {
			return amendment.NullValue()
		}
		return amendment.IndicatorValue(x.Indicator)
	case "executors":
		return amendment.ListValue(x.Executors, true)
	case "result":
		if x.Result.Text == "" {
			return amendment.NullValue()
		}
		return amendment.IndicatorValue(x.Result)
	case "section":
		return amendment.StringValue(x.Section)
	}
	return amendment.StringValue(x.Note)
}

// roadmapValue is the new value of a roadmap field; null removes it.
func roadmapValue(f diff.Field, v diff.Value) *yaml.Node {
	if v.IsZero() {
		return amendment.NullValue()
	}
	switch f.Type() {
	case diff.TypeList:
		return amendment.ListValue(v.List, false)
	case diff.TypePeriod:
		return amendment.PeriodValue(*v.Period)
	case diff.TypeDate:
		return amendment.DateValue(v.Date)
	case diff.TypePerson:
		return amendment.PersonValue(*v.Person)
	case diff.TypeRef:
		return amendment.RefValue(*v.Ref)
	case diff.TypeSections:
		return amendment.SectionsValue(v.Sections)
	}
	if f == diff.FieldDocumentNumber {
		return amendment.NumberValue(v.Text)
	}
	return amendment.StringValue(v.Text)
}
