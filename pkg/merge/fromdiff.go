package merge

import (
	"reflect"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// AmendmentFromDiff returns the amendment that turns old into new, by
// meaning: top-level fields set, activities removed, set (title, due,
// indicator, executors, note), added (after their predecessor) and moved,
// matched by id. Applying it to old gives a roadmap equal to new in every
// field but n (renumbered) and formatting. The document is the last of
// new's amendments when new records one more than old; else it is empty,
// for the caller to fill in before writing the file with Marshal.
func AmendmentFromDiff(old, new *roadmap.Roadmap) *amendment.Amendment {
	a := &amendment.Amendment{Format: amendment.FormatV1, Roadmap: new.ID}
	if a.Roadmap == "" {
		a.Roadmap = old.ID
	}
	if n := len(new.Amendments); n > len(old.Amendments) {
		d := new.Amendments[n-1]
		a.Document = amendment.Document{Kind: d.Kind, Number: d.Number, Date: d.Date, Title: d.Title}
	}
	// Top-level fields.
	var top []amendment.Field
	strField := func(key, o, n string) {
		if o != n {
			top = append(top, amendment.Field{Key: key, Value: amendment.StringValue(n)})
		}
	}
	strField("region", old.Region, new.Region)
	strField("district", old.District, new.District)
	strField("authority", old.Authority, new.Authority)
	strField("direction", old.Direction, new.Direction)
	strField("title", old.Title, new.Title)
	if old.Period != new.Period {
		top = append(top, amendment.Field{Key: "period", Value: amendment.PeriodValue(new.Period)})
	}
	strField("section", old.Section, new.Section)
	strField("description", old.Description, new.Description)
	if !slices.Equal(old.Goals, new.Goals) {
		var v *yaml.Node
		if len(new.Goals) == 0 {
			v = amendment.NullValue()
		} else {
			v = amendment.ListValue(new.Goals, false)
		}
		top = append(top, amendment.Field{Key: "goals", Value: v})
	}
	if len(top) > 0 {
		a.Changes = append(a.Changes, amendment.Change{Kind: amendment.ChangeRoadmap, Fields: top})
	}

	oldBy := map[string]*roadmap.Activity{}
	newBy := map[string]*roadmap.Activity{}
	var cur []string
	for i := range old.Activities {
		oldBy[old.Activities[i].ID] = &old.Activities[i]
	}
	for i := range new.Activities {
		newBy[new.Activities[i].ID] = &new.Activities[i]
	}
	for _, x := range old.Activities {
		if _, ok := newBy[x.ID]; !ok {
			a.Changes = append(a.Changes, amendment.Change{Kind: amendment.ChangeRemove, ID: x.ID})
			continue
		}
		cur = append(cur, x.ID)
	}
	for _, x := range old.Activities {
		n, ok := newBy[x.ID]
		if !ok {
			continue
		}
		if fs := activityDiff(&x, n); len(fs) > 0 {
			a.Changes = append(a.Changes, amendment.Change{Kind: amendment.ChangeSet, ID: x.ID, Fields: fs})
		}
	}
	for i, x := range new.Activities {
		if _, ok := oldBy[x.ID]; ok {
			continue
		}
		after := amendment.AfterFirst
		if i > 0 {
			after = new.Activities[i-1].ID
		}
		fs := append([]amendment.Field{{Key: "id", Value: amendment.IDValue(x.ID)}}, activityDiff(&roadmap.Activity{}, &x)...)
		a.Changes = append(a.Changes, amendment.Change{Kind: amendment.ChangeAdd, ID: x.ID, After: after, Fields: fs})
		at := 0
		if after != amendment.AfterFirst {
			at = slices.Index(cur, after) + 1
		}
		cur = slices.Insert(cur, at, x.ID)
	}
	for i, x := range new.Activities {
		want := amendment.AfterFirst
		if i > 0 {
			want = new.Activities[i-1].ID
		}
		j := slices.Index(cur, x.ID)
		have := amendment.AfterFirst
		if j > 0 {
			have = cur[j-1]
		}
		if have == want {
			continue
		}
		a.Changes = append(a.Changes, amendment.Change{Kind: amendment.ChangeMove, ID: x.ID, After: want})
		cur = slices.Delete(cur, j, j+1)
		at := 0
		if want != amendment.AfterFirst {
			at = slices.Index(cur, want) + 1
		}
		cur = slices.Insert(cur, at, x.ID)
	}
	return a
}

// activityDiff lists the fields of n that differ from o.
func activityDiff(o, n *roadmap.Activity) []amendment.Field {
	var fs []amendment.Field
	if o.Title != n.Title {
		fs = append(fs, amendment.Field{Key: "title", Value: amendment.IDValue(n.Title)})
	}
	if !reflect.DeepEqual(o.Due, n.Due) {
		fs = append(fs, amendment.Field{Key: "due", Value: amendment.DueValue(n.Due)})
	}
	if !reflect.DeepEqual(o.Indicator, n.Indicator) {
		fs = append(fs, amendment.Field{Key: "indicator", Value: amendment.IndicatorValue(n.Indicator)})
	}
	if !slices.Equal(o.Executors, n.Executors) {
		fs = append(fs, amendment.Field{Key: "executors", Value: amendment.ListValue(n.Executors, true)})
	}
	if o.Note != n.Note {
		fs = append(fs, amendment.Field{Key: "note", Value: amendment.StringValue(n.Note)})
	}
	return fs
}
