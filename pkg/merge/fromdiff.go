package merge

import (
	"bytes"
	"reflect"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// AmendmentFromDiff returns the amendment that turns old into new, by
// meaning: top-level fields set, activities removed, set (title, due,
// indicator, executors, note), added (after their predecessor) and moved,
// matched by id. Applying it to old gives a roadmap equal to new in every
// field but n (renumbered) and formatting. The document is the last of
// new's amendments when new records one more than old; else it is empty,
// for the caller to fill in before writing the file (Marshal).
func AmendmentFromDiff(old, new *roadmap.Roadmap) *Amendment {
	a := &Amendment{Format: FormatAmendmentV1, Roadmap: new.ID}
	if a.Roadmap == "" {
		a.Roadmap = old.ID
	}
	if n := len(new.Amendments); n > len(old.Amendments) {
		d := new.Amendments[n-1]
		a.Document = Document{Kind: d.Kind, Number: d.Number, Date: d.Date, Title: d.Title}
	}
	// Top-level fields.
	var top []Field
	strField := func(key, o, n string) {
		if o != n {
			top = append(top, Field{Key: key, Value: optStr(n)})
		}
	}
	strField("region", old.Region, new.Region)
	strField("district", old.District, new.District)
	strField("authority", old.Authority, new.Authority)
	strField("direction", old.Direction, new.Direction)
	strField("title", old.Title, new.Title)
	if old.Period != new.Period {
		top = append(top, Field{Key: "period", Value: periodNode(new.Period)})
	}
	strField("section", old.Section, new.Section)
	strField("description", old.Description, new.Description)
	if !slices.Equal(old.Goals, new.Goals) {
		var v *yaml.Node
		if len(new.Goals) == 0 {
			v = nullNode()
		} else {
			v = listNode(new.Goals, false)
		}
		top = append(top, Field{Key: "goals", Value: v})
	}
	if len(top) > 0 {
		a.Changes = append(a.Changes, Change{Kind: ChangeRoadmap, Fields: top})
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
			a.Changes = append(a.Changes, Change{Kind: ChangeRemove, ID: x.ID})
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
			a.Changes = append(a.Changes, Change{Kind: ChangeSet, ID: x.ID, Fields: fs})
		}
	}
	for i, x := range new.Activities {
		if _, ok := oldBy[x.ID]; ok {
			continue
		}
		after := AfterFirst
		if i > 0 {
			after = new.Activities[i-1].ID
		}
		fs := append([]Field{{Key: "id", Value: strNode(x.ID)}}, activityDiff(&roadmap.Activity{}, &x)...)
		a.Changes = append(a.Changes, Change{Kind: ChangeAdd, ID: x.ID, After: after, Fields: fs})
		at := 0
		if after != AfterFirst {
			at = slices.Index(cur, after) + 1
		}
		cur = slices.Insert(cur, at, x.ID)
	}
	for i, x := range new.Activities {
		want := AfterFirst
		if i > 0 {
			want = new.Activities[i-1].ID
		}
		j := slices.Index(cur, x.ID)
		have := AfterFirst
		if j > 0 {
			have = cur[j-1]
		}
		if have == want {
			continue
		}
		a.Changes = append(a.Changes, Change{Kind: ChangeMove, ID: x.ID, After: want})
		cur = slices.Delete(cur, j, j+1)
		at := 0
		if want != AfterFirst {
			at = slices.Index(cur, want) + 1
		}
		cur = slices.Insert(cur, at, x.ID)
	}
	return a
}

// activityDiff lists the fields of n that differ from o.
func activityDiff(o, n *roadmap.Activity) []Field {
	var fs []Field
	if o.Title != n.Title {
		fs = append(fs, Field{Key: "title", Value: strNode(n.Title)})
	}
	if !reflect.DeepEqual(o.Due, n.Due) {
		fs = append(fs, Field{Key: "due", Value: dueNode(n.Due)})
	}
	if !reflect.DeepEqual(o.Indicator, n.Indicator) {
		fs = append(fs, Field{Key: "indicator", Value: indicatorNode(n.Indicator)})
	}
	if !slices.Equal(o.Executors, n.Executors) {
		fs = append(fs, Field{Key: "executors", Value: listNode(n.Executors, true)})
	}
	if o.Note != n.Note {
		fs = append(fs, Field{Key: "note", Value: optStr(n.Note)})
	}
	return fs
}

func nullNode() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"} }

func optStr(s string) *yaml.Node {
	if s == "" {
		return nullNode()
	}
	return strNode(s)
}

func listNode(xs []string, flow bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, x := range xs {
		n.Content = append(n.Content, strNode(x))
	}
	if flow && flowable(n) {
		n.Style = yaml.FlowStyle
	}
	return n
}

func intNode(i int) *yaml.Node { return plainNode(strconv.Itoa(i)) }

func floatNode(f float64) *yaml.Node {
	return plainNode(strconv.FormatFloat(f, 'f', -1, 64))
}

func boolNode(b bool) *yaml.Node { return plainNode(strconv.FormatBool(b)) }

func intList(xs []int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, x := range xs {
		n.Content = append(n.Content, intNode(x))
	}
	return n
}

func periodNode(p roadmap.Period) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{
		keyNode("from"), intNode(p.From), keyNode("to"), intNode(p.To)}}
}

func mapNode(flow bool, kv ...*yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Content: kv}
	if flow && flowable(n) {
		n.Style = yaml.FlowStyle
	}
	return n
}

func ymNode(ym *phrase.YearMonth) *yaml.Node {
	return mapNode(true, keyNode("year"), intNode(ym.Year), keyNode("month"), intNode(ym.Month))
}

// dueNode writes a deadline as its text, or as a mapping with the fields
// that the text alone would not give.
func dueNode(d phrase.Due) *yaml.Node {
	p := phrase.ParseDue(d.Text)
	if reflect.DeepEqual(d, p) {
		return strNode(d.Text)
	}
	m := mapNode(true, keyNode("text"), strNode(d.Text))
	add := func(k string, v *yaml.Node) { m.Content = append(m.Content, keyNode(k), v) }
	if d.Every != p.Every {
		add("every", boolNode(d.Every))
	}
	if !slices.Equal(d.Years, p.Years) {
		add("years", intList(d.Years))
	}
	if !slices.Equal(d.Months, p.Months) {
		add("months", intList(d.Months))
	}
	if d.Day != p.Day {
		add("day", intNode(d.Day))
	}
	if !slices.Equal(d.Quarters, p.Quarters) {
		add("quarters", intList(d.Quarters))
	}
	if d.SchoolYear != p.SchoolYear {
		add("school_year", boolNode(d.SchoolYear))
	}
	if d.Throughout != p.Throughout {
		add("throughout", boolNode(d.Throughout))
	}
	if d.Plan != p.Plan {
		add("plan", strNode(d.Plan))
	}
	if d.From != nil && !reflect.DeepEqual(d.From, p.From) {
		add("from", ymNode(d.From))
	}
	if d.To != nil && !reflect.DeepEqual(d.To, p.To) {
		add("to", ymNode(d.To))
	}
	if !flowable(m) {
		m.Style = 0
	}
	return m
}

// indicatorNode writes an indicator as its text, or as a mapping with the
// fields that the text alone would not give.
func indicatorNode(ind phrase.Indicator) *yaml.Node {
	p := phrase.ParseIndicator(ind.Text)
	if reflect.DeepEqual(ind, p) {
		return strNode(ind.Text)
	}
	m := mapNode(true, keyNode("text"), strNode(ind.Text))
	add := func(k string, v *yaml.Node) { m.Content = append(m.Content, keyNode(k), v) }
	if ind.Kind != "" && (ind.Kind != p.Kind || ind.Parsed != p.Parsed) {
		add("kind", strNode(string(ind.Kind)))
	}
	if ind.Min != nil && !reflect.DeepEqual(ind.Min, p.Min) {
		add("min", floatNode(*ind.Min))
	}
	if ind.Max != nil && !reflect.DeepEqual(ind.Max, p.Max) {
		add("max", floatNode(*ind.Max))
	}
	if ind.Unit != p.Unit {
		add("unit", strNode(ind.Unit))
	}
	if ind.Per != p.Per && ind.Per != "" {
		add("per", strNode(ind.Per))
	}
	if ind.Of != p.Of {
		add("of", strNode(ind.Of))
	}
	if !reflect.DeepEqual(ind.Targets, p.Targets) {
		t := mapNode(true)
		for _, x := range ind.Targets {
			t.Content = append(t.Content, intNode(x.Year), floatNode(x.Value))
		}
		add("targets", t)
	}
	if !slices.Equal(ind.Documents, p.Documents) {
		add("documents", listNode(ind.Documents, true))
	}
	if !flowable(m) {
		m.Style = 0
	}
	return m
}

// Marshal writes the amendment as a roadmap-amendment/v1 file.
func (a *Amendment) Marshal() ([]byte, error) {
	doc := documentNode(a.Document)
	if a.Document.Date.IsZero() {
		doc.Content[5] = nullNode()
	}
	changes := &yaml.Node{Kind: yaml.SequenceNode}
	for _, c := range a.Changes {
		changes.Content = append(changes.Content, changeNode(c))
	}
	root := mapNode(false,
		keyNode("format"), strNode(FormatAmendmentV1),
		keyNode("roadmap"), strNode(a.Roadmap),
		keyNode("document"), doc,
		keyNode("changes"), changes)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func changeNode(c Change) *yaml.Node {
	m := mapNode(false)
	add := func(k string, v *yaml.Node) { m.Content = append(m.Content, keyNode(k), v) }
	fields := func() {
		for _, f := range c.Fields {
			add(f.Key, copyNode(f.Value))
		}
	}
	switch c.Kind {
	case ChangeSet:
		add("set", strNode(c.ID))
		fields()
	case ChangeAdd:
		act := mapNode(false)
		for _, f := range c.Fields {
			act.Content = append(act.Content, keyNode(f.Key), copyNode(f.Value))
		}
		add("add", act)
		if c.After != "" {
			add("after", strNode(c.After))
		}
	case ChangeRemove:
		add("remove", strNode(c.ID))
	case ChangeMove:
		add("move", strNode(c.ID))
		add("after", strNode(c.After))
	case ChangeRenameExecutor:
		add("rename_executor", mapNode(true, keyNode("from"), strNode(c.From), keyNode("to"), strNode(c.To)))
	case ChangeRoadmap:
		fields()
	}
	return m
}
