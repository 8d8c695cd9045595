package merge

import (
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// FromDiff returns the amendment that turns the old version of res into
// the new one: top-level fields set, activities removed, set (a renamed
// one gets its new id), moved and added, all as the change set says. It
// is made from the change set alone, so it names the same activities and
// fields as the clauses of the amending order (diff.Clauses). Applying it
// to the old version gives one equal in meaning to the new, n renumbered.
//
// What an amendment file cannot say is returned as left: a changed
// roadmap id, recorded amendments removed or more than one added, and a
// change of n alone (n follows from the order). The caller must say so.
//
// The document is the amendment the new version records in addition;
// else it is empty, for the caller to fill in.
func FromDiff(res *diff.Result) (a *Amendment, left []diff.FieldChange) {
	a = &Amendment{Format: FormatAmendmentV1, Roadmap: res.RoadmapID}
	if res.Old == nil || res.New == nil {
		return a, nil
	}
	var (
		top, doc                []Field
		removes, sets, adds     []Change
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
						top = append(top, Field{Key: "expected_results", Value: expectedResultsNode(res.New.ExpectedResults)})
					}
				case f.Field == diff.FieldAmendments:
					n := len(res.New.Amendments)
					if len(f.AddedAmendments) != 1 || len(f.RemovedAmendments) > 0 || n == 0 ||
						!amendmentIs(res.New.Amendments[n-1], f.AddedAmendments[0]) {
						left = append(left, f)
						continue
					}
					d := f.AddedAmendments[0]
					a.Document = Document{Kind: d.Kind, Number: d.Number, Date: d.Date, Title: d.Title, Changes: d.Changes}
				case f.Field == diff.FieldID:
					left = append(left, f)
				case f.Field.Key() == "document":
					doc = append(doc, Field{Key: strings.TrimPrefix(f.Field.String(), "document."), Value: roadmapValue(f.Field, f.New)})
				default:
					top = append(top, Field{Key: f.Field.Key(), Value: roadmapValue(f.Field, f.New)})
				}
			}
		case diff.KindReordered:
			structural = true
			for _, m := range c.Moved {
				moved[m.ID] = true
			}
		case diff.KindChanged, diff.KindRenamed:
			set := Change{Kind: ChangeSet, ID: c.ID}
			if c.Kind == diff.KindRenamed {
				set.ID = c.OldID
				set.Fields = append(set.Fields, Field{Key: "id", Value: strNode(c.ID)})
			}
			for _, f := range c.Fields {
				if f.Field == diff.FieldN {
					renumbering = true
					continue
				}
				if !hasKey(set.Fields, f.Field.Key()) {
					set.Fields = append(set.Fields, Field{Key: f.Field.Key(), Value: activityValue(f.Field.Key(), c.New)})
				}
			}
			if len(set.Fields) > 0 {
				sets = append(sets, set)
			}
		case diff.KindRemoved:
			structural = true
			removes = append(removes, Change{Kind: ChangeRemove, ID: c.ID})
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
		top = append(top, Field{Key: "document", Value: fieldsNode(doc)})
	}
	if len(top) > 0 {
		a.Changes = append(a.Changes, Change{Kind: ChangeRoadmap, Fields: top})
	}
	a.Changes = append(a.Changes, removes...)
	a.Changes = append(a.Changes, sets...)
	// Moves in the new order, each after its nearest predecessor that is
	// already there: the activities not moved keep their relative order,
	// so each moved one lands in its place among them.
	acts := res.New.Activities
	for i, x := range acts {
		if !moved[x.ID] {
			continue
		}
		after := AfterFirst
		for p := i - 1; p >= 0; p-- {
			if !added[acts[p].ID] {
				after = acts[p].ID
				break
			}
		}
		a.Changes = append(a.Changes, Change{Kind: ChangeMove, ID: x.ID, After: after})
	}
	// Then the new activities in the new order, each after its
	// predecessor, which is in place by then.
	for i := range acts {
		x := &acts[i]
		if !added[x.ID] {
			continue
		}
		after := AfterFirst
		if i > 0 {
			after = acts[i-1].ID
		}
		fs := []Field{{Key: "id", Value: strNode(x.ID)}}
		for _, k := range []string{"title", "due", "indicator", "executors", "note"} {
			if k == "note" && x.Note == "" {
				continue
			}
			fs = append(fs, Field{Key: k, Value: activityValue(k, x)})
		}
		adds = append(adds, Change{Kind: ChangeAdd, ID: x.ID, After: after, Fields: fs})
	}
	a.Changes = append(a.Changes, adds...)
	return a, left
}

func hasKey(fs []Field, key string) bool {
	for _, f := range fs {
		if f.Key == key {
			return true
		}
	}
	return false
}

func amendmentIs(a, b roadmap.Amendment) bool {
	return a.Kind == b.Kind && a.Number == b.Number && a.Date == b.Date && a.Title == b.Title &&
		strings.Join(a.Changes, "\x00") == strings.Join(b.Changes, "\x00")
}

// activityValue is the value of an activity's key as the amendment
// writes it.
func activityValue(key string, x *roadmap.Activity) *yaml.Node {
	switch key {
	case "id":
		return strNode(x.ID)
	case "title":
		return strNode(x.Title)
	case "due":
		return dueNode(x.Due)
	case "indicator":
		return indicatorNode(x.Indicator)
	case "executors":
		return listNode(x.Executors, true)
	}
	return optStr(x.Note)
}

// roadmapValue is the new value of a roadmap field; null removes it.
func roadmapValue(f diff.Field, v diff.Value) *yaml.Node {
	if v.IsZero() {
		return nullNode()
	}
	switch f.Type() {
	case diff.TypeList:
		return listNode(v.List, false)
	case diff.TypePeriod:
		return periodNode(*v.Period)
	case diff.TypeDate:
		return plainNode(v.Date.String())
	case diff.TypePerson:
		return personNode(v.Person)
	case diff.TypeRef:
		r := v.Ref
		m := mapNode(false, keyNode("kind"), strNode(r.Kind), keyNode("number"), quoted(r.Number),
			keyNode("date"), plainNode(r.Date.String()))
		for _, kv := range [][2]string{{"authority", r.Authority}, {"title", r.Title}, {"text", r.Text}} {
			if kv[1] != "" {
				m.Content = append(m.Content, keyNode(kv[0]), strNode(kv[1]))
			}
		}
		return m
	}
	if f == diff.FieldDocumentNumber {
		return quoted(v.Text)
	}
	return strNode(v.Text)
}

func quoted(s string) *yaml.Node {
	n := strNode(s)
	n.Style = yaml.DoubleQuotedStyle
	return n
}

func personNode(p *roadmap.Person) *yaml.Node {
	m := mapNode(true)
	if p.Position != "" {
		m.Content = append(m.Content, keyNode("position"), strNode(p.Position))
	}
	m.Content = append(m.Content, keyNode("name"), strNode(p.Name))
	if !flowable(m) {
		m.Style = 0
	}
	return m
}

func fieldsNode(fs []Field) *yaml.Node {
	m := mapNode(false)
	for _, f := range fs {
		m.Content = append(m.Content, keyNode(f.Key), f.Value)
	}
	return m
}

func expectedResultsNode(rs []roadmap.ExpectedResult) *yaml.Node {
	if len(rs) == 0 {
		return nullNode()
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, r := range rs {
		by := mapNode(false)
		for _, y := range slices.Sorted(maps.Keys(r.ByYear)) {
			by.Content = append(by.Content, intNode(y), strNode(r.ByYear[y]))
		}
		item := mapNode(false, keyNode("title"), strNode(r.Title))
		if len(by.Content) > 0 {
			item.Content = append(item.Content, keyNode("by_year"), by)
		}
		seq.Content = append(seq.Content, item)
	}
	return seq
}
