package merge

import (
	"fmt"
	"reflect"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Input is one version of a roadmap file for a three-way merge.
type Input struct {
	File string // names it in findings
	Data []byte
}

// Conflict is a field (or a whole activity, or a top-level key) both
// sides changed differently. In the merged text it sits between conflict
// markers starting at Line.
type Conflict struct {
	// Activity is the activity id; "" for a top-level key.
	Activity string
	// Field is the field (or top-level key); "" when the whole activity is
	// in conflict (one side removed it, the other changed it).
	Field string
	// Line is the line of "<<<<<<< ours" in the result.
	Line int

	ours, theirs []string // the two versions' lines
	missingOurs  bool     // ours has no such field or activity
	after        string   // where a missing activity goes (an id or amendment.AfterFirst)
}

// ThreeWayResult is the outcome of a three-way merge.
type ThreeWayResult struct {
	// Data is the merged file: OURS's text with THEIRS's changes, conflicts
	// between markers.
	Data      []byte
	Conflicts []Conflict
	// Findings are warnings about the merge (an order both sides changed).
	Findings []diag.Finding
}

// side is one parsed version.
type side struct {
	e     *editor
	items map[string]*yaml.Node
	ids   []string
}

func loadSide(in Input) (*side, []diag.Finding) {
	r, fs := roadmap.Parse(in.File, in.Data)
	if r == nil || diag.Fails(fs, false) {
		return nil, fs
	}
	e, efs := newEditor(in.File, in.Data)
	if e == nil {
		return nil, efs
	}
	s := &side{e: e, items: map[string]*yaml.Node{}}
	for i, item := range e.items() {
		id := itemID(item)
		if id == "" {
			return nil, []diag.Finding{diag.New(in.File, r.Pos(fmt.Sprintf("activities[%d]", i)), diag.MissingField, "id")}
		}
		if _, dup := s.items[id]; dup {
			return nil, []diag.Finding{diag.New(in.File, r.Pos(fmt.Sprintf("activities[%d].id", i)), diag.DuplicateID, id, 0)}
		}
		s.items[id] = item
		s.ids = append(s.ids, id)
	}
	return s, nil
}

// canon is a node's meaning for comparison: its decoded value; nil for an
// absent or null node.
func canon(n *yaml.Node) any {
	if n == nil {
		return nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return fmt.Sprintf("\x00undecodable %d:%d", n.Line, n.Column)
	}
	return v
}

func same(a, b *yaml.Node) bool { return reflect.DeepEqual(canon(a), canon(b)) }

// itemSame compares two activities, n aside.
func itemSame(a, b *yaml.Node) bool {
	return reflect.DeepEqual(itemCanon(a), itemCanon(b))
}

func itemCanon(item *yaml.Node) map[string]any {
	out := map[string]any{}
	if item == nil {
		return nil
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		if k := item.Content[i].Value; k != "n" {
			out[k] = canon(item.Content[i+1])
		}
	}
	return out
}

// keysOf lists the keys of mappings in first-seen order, skipping skip.
func keysOf(skip []string, ms ...*yaml.Node) []string {
	var out []string
	for _, m := range ms {
		if m == nil {
			continue
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			k := m.Content[i].Value
			if !slices.Contains(out, k) && !slices.Contains(skip, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// listKeys are the lists merged item by item rather than as a whole.
var listKeys = map[string]bool{"executors": true, "goals": true, "amendments": true}

// fieldMerge decides one field: the node to set (nil deletes), whether to
// set it at all, or a conflict.
func fieldMerge(key string, o, a, b *yaml.Node) (val *yaml.Node, set, conflict bool) {
	switch {
	case same(a, b), same(o, b):
		return nil, false, false
	case same(o, a):
		if b == nil || amendment.IsNull(b) {
			return nil, true, false
		}
		return copyKeepComments(b), true, false
	}
	if listKeys[key] && (o == nil || isSeq(o)) && isSeq(a) && isSeq(b) {
		return mergeList(o, a, b), true, false
	}
	return nil, false, true
}

func isSeq(n *yaml.Node) bool { return n != nil && n.Kind == yaml.SequenceNode }

// mergeList merges lists item by item: OURS's items, less those THEIRS
// removed, plus those THEIRS added, each after its predecessor in THEIRS.
// Items added by both sides at one place are ordered by their text, so
// that the result does not depend on which side is ours.
func mergeList(o, a, b *yaml.Node) *yaml.Node {
	key := func(n *yaml.Node) string { return fmt.Sprint(canon(n)) }
	keys := func(s *yaml.Node) []string {
		var out []string
		if s == nil {
			return nil
		}
		for _, c := range s.Content {
			out = append(out, key(c))
		}
		return out
	}
	ok, ak, bk := keys(o), keys(a), keys(b)
	byKey := map[string]*yaml.Node{}
	for _, s := range []*yaml.Node{a, b} {
		for _, c := range s.Content {
			if _, seen := byKey[key(c)]; !seen {
				byKey[key(c)] = c
			}
		}
	}
	order := mergeOrder(ok, ak, bk)
	out := copyKeepComments(a)
	out.Content = nil
	for _, k := range order {
		out.Content = append(out.Content, copyKeepComments(byKey[k]))
	}
	return out
}

// mergeOrder merges sequences of distinct keys: OURS (a) less what THEIRS
// (b) removed from o, plus what THEIRS added, after its predecessor in
// THEIRS; items added by both sides after one predecessor are ordered by
// key.
func mergeOrder(o, a, b []string) []string {
	out := slices.Clone(a)
	for _, k := range o {
		if !slices.Contains(b, k) {
			out = slices.DeleteFunc(out, func(x string) bool { return x == k })
		}
	}
	for i, k := range b {
		if slices.Contains(o, k) || slices.Contains(out, k) {
			continue
		}
		at := 0 // insert before index at
		for p := i - 1; p >= 0; p-- {
			if j := slices.Index(out, b[p]); j >= 0 {
				at = j + 1
				break
			}
		}
		for at < len(out) && !slices.Contains(o, out[at]) && !slices.Contains(b, out[at]) && out[at] < k {
			at++
		}
		out = slices.Insert(out, at, k)
	}
	return out
}

// ThreeWay merges two versions, ours and theirs, of the roadmap base, by
// activity id and field: what only one side changed is taken, what both
// changed alike is kept, what they changed differently is a conflict. The
// result is OURS's text with THEIRS's changes: OURS's comments, key order
// and formatting survive. Findings (of severity error) mean an input could
// not be read; there is no result then.
func ThreeWay(base, ours, theirs Input) (*ThreeWayResult, []diag.Finding, error) {
	so, fo := loadSide(base)
	sa, fa := loadSide(ours)
	sb, fb := loadSide(theirs)
	if fs := slices.Concat(fo, fa, fb); so == nil || sa == nil || sb == nil {
		diag.Sort(fs)
		return nil, fs, nil
	}
	m := &merger{o: so, a: sa, b: sb, e: sa.e}
	if err := m.run(); err != nil {
		return nil, nil, err
	}
	res := &ThreeWayResult{Findings: m.findings}
	data, conflicts := writeConflicts(m.e, m.conflicts)
	res.Data, res.Conflicts = data, conflicts
	return res, nil, nil
}

type merger struct {
	o, a, b   *side
	e         *editor // ours, edited
	conflicts []Conflict
	findings  []diag.Finding
}

func (m *merger) run() error {
	if err := m.topLevel(); err != nil {
		return err
	}
	if err := m.activities(); err != nil {
		return err
	}
	if err := m.order(); err != nil {
		return err
	}
	if m.e.structural {
		return m.e.renumber()
	}
	return nil
}

func (m *merger) topLevel() error {
	skip := []string{"activities"}
	for _, k := range keysOf(skip, m.a.e.root, m.b.e.root, m.o.e.root) {
		_, o := amendment.Lookup(m.o.e.root, k)
		_, a := amendment.Lookup(m.e.root, k)
		_, b := amendment.Lookup(m.b.e.root, k)
		val, set, conflict := fieldMerge(k, o, a, b)
		switch {
		case conflict:
			m.conflicts = append(m.conflicts, Conflict{Field: k, theirs: entryLines(m.b.e, m.b.e.root, len(m.b.e.t.lines), k, 0)})
		case set:
			if err := m.e.setTop(k, val); err != nil {
				return err
			}
		}
	}
	return nil
}

// entryLines renders key's entry of mapping mp in side e at indent: its own
// lines when indented alike, else its encoding; nil when absent.
func entryLines(e *editor, mp *yaml.Node, limit int, key string, indent int) []string {
	for i := 0; i+1 < len(mp.Content); i += 2 {
		k := mp.Content[i]
		if k.Value != key {
			continue
		}
		if k.Column-1 == indent && mp.Style&yaml.FlowStyle == 0 {
			end := e.entryEnd(mp, i, limit)
			return slices.Clone(e.t.lines[k.Line-1 : end])
		}
		return encodeEntry(amendment.Key(key), copyKeepComments(mp.Content[i+1]), indent)
	}
	return nil
}

// itemLines renders activity id of side s at indent.
func itemLines(s *side, id string, indent int) []string {
	j := slices.Index(s.e.ids(), id)
	head, start, end := s.e.bounds(j)
	item := s.e.items()[j]
	if indentOf(s.e.t.line(start)) == indent {
		return slices.Clone(s.e.t.lines[head-1 : end])
	}
	return encodeItem(copyKeepComments(item), indent)
}

func (m *merger) activities() error {
	o, b := m.o, m.b
	// Activities in ours.
	for _, id := range m.e.ids() {
		oi, inO := o.items[id]
		bi, inB := b.items[id]
		ai := m.e.items()[m.e.index(id)]
		switch {
		case inO && !inB:
			if itemSame(oi, ai) {
				if _, err := m.e.removeActivity(m.e.index(id)); err != nil {
					return err
				}
				continue
			}
			m.conflicts = append(m.conflicts, Conflict{Activity: id})
		case inB:
			if err := m.fields(id, oi, bi); err != nil {
				return err
			}
		}
	}
	// Activities only theirs has.
	for i, id := range b.ids {
		if m.e.index(id) >= 0 {
			continue
		}
		after := m.placeAfter(b.ids[:i], id)
		if oi, inO := o.items[id]; inO {
			// Ours removed it: fine unless theirs changed it.
			if !itemSame(oi, b.items[id]) {
				m.conflicts = append(m.conflicts, Conflict{Activity: id, missingOurs: true, after: after,
					theirs: itemLines(b, id, m.e.dashIndent())})
			}
			continue
		}
		if err := m.e.insertItem(after, itemLines(b, id, m.e.dashIndent())); err != nil {
			return err
		}
	}
	return nil
}

// placeAfter is where an activity THEIRS added goes in ours: after its
// nearest predecessor in THEIRS that ours has, past activities ours added
// there whose ids sort before it (so both merge orders agree).
func (m *merger) placeAfter(before []string, id string) string {
	after := amendment.AfterFirst
	for p := len(before) - 1; p >= 0; p-- {
		if m.e.index(before[p]) >= 0 {
			after = before[p]
			break
		}
	}
	ids := m.e.ids()
	at := 0
	if after != amendment.AfterFirst {
		at = slices.Index(ids, after) + 1
	}
	for at < len(ids) {
		next := ids[at]
		_, inO := m.o.items[next]
		_, inB := m.b.items[next]
		if inO || inB || next > id {
			break
		}
		after = next
		at++
	}
	return after
}

// fields merges the fields of an activity both sides have (o is nil when
// both added it).
func (m *merger) fields(id string, o, b *yaml.Node) error {
	a := m.e.items()[m.e.index(id)]
	for _, k := range keysOf([]string{"n", "id"}, a, b, o) {
		_, ov := amendment.Lookup(o, k)
		_, av := amendment.Lookup(a, k)
		_, bv := amendment.Lookup(b, k)
		val, set, conflict := fieldMerge(k, ov, av, bv)
		switch {
		case conflict:
			_, _, bend := m.b.e.bounds(slices.Index(m.b.ids, id))
			m.conflicts = append(m.conflicts, Conflict{Activity: id, Field: k, theirs: entryLines(m.b.e, b, bend, k, a.Content[0].Column-1)})
		case set:
			if err := m.e.setField(m.e.index(id), k, val); err != nil {
				return err
			}
		}
		a = m.e.items()[m.e.index(id)]
	}
	return nil
}

// order applies THEIRS's new order of the activities all three have, when
// ours kept the old one; when both reordered differently ours wins and a
// warning says so.
func (m *merger) order() error {
	common := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			_, inO := m.o.items[id]
			_, inA := m.a.items[id]
			_, inB := m.b.items[id]
			if inO && inA && inB && m.e.index(id) >= 0 {
				out = append(out, id)
			}
		}
		return out
	}
	co, ca, cb := common(m.o.ids), common(m.a.ids), common(m.b.ids)
	if slices.Equal(cb, co) || slices.Equal(ca, cb) {
		return nil
	}
	if !slices.Equal(ca, co) {
		ai, _ := m.e.activities()
		k := m.e.root.Content[ai]
		m.findings = append(m.findings, diag.New(m.e.file, diag.Pos{Line: k.Line, Col: k.Column}, diag.MergeOrderConflict))
		return nil
	}
	// Bring ours's common activities into THEIRS's order.
	for i, id := range cb {
		cur := common(m.e.ids())
		if cur[i] == id {
			continue
		}
		after := amendment.AfterFirst
		if i > 0 {
			after = cb[i-1]
		} else {
			// Before the first common activity.
			ids := m.e.ids()
			first := slices.Index(ids, cur[0])
			if first > 0 {
				after = ids[first-1]
			}
		}
		if err := m.e.moveActivity(id, after); err != nil {
			return err
		}
	}
	return nil
}
