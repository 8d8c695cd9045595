// Package diff owns the semantic comparison of two versions of a roadmap:
// Compute matches activities by id (never by number or line) and returns a
// Result, an ordered list of typed changes — roadmap-level field changes
// (order metadata, period, goals, expected results, amendments), activities
// added, removed, changed, probably renamed, and one compact entry for a
// changed order of activities — each with per-field old and new values,
// executors added and removed, per-year targets and what a deadline now
// means. It compares meaning, not YAML formatting: comments, key order,
// quoting and flow or block style never make a change.
//
// The package owns the one model of "what changed": every output (package
// view words it, package render draws it), the clauses of an amending
// order (Clauses), the amendment file (merge.FromDiff) and the three-way
// merge's per-field comparison (ChangedKeys) are made from it. It makes
// no words: values are typed (numbers, periods, dates, parsed phrases).
package diff

import (
	"cmp"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Options tune Compute.
type Options struct {
	// Numbers reports a changed activity number (n) as a change. By default
	// renumbering (an activity inserted or removed before) is not a change.
	Numbers bool
}

// Kind is the kind of a Change. The string values are part of the JSON
// format (docs/diff.md).
type Kind string

// The kinds of change.
const (
	// KindRoadmap: fields of the roadmap itself (period, order, goals...).
	KindRoadmap Kind = "roadmap_changed"
	// KindReordered: the relative order of activities changed; one entry
	// lists the moved ones.
	KindReordered Kind = "activities_reordered"
	// KindChanged: an activity kept its id; Fields say what changed.
	KindChanged Kind = "activity_changed"
	// KindRenamed: an id vanished and a new id has the same or a nearly
	// identical title: probably the same activity renamed.
	KindRenamed Kind = "activity_renamed"
	// KindAdded: an activity with a new id.
	KindAdded Kind = "activity_added"
	// KindRemoved: an activity whose id is gone.
	KindRemoved Kind = "activity_removed"
)

// Status says whether a file was modified, added or deleted.
type Status string

// File statuses.
const (
	StatusModified Status = "modified"
	StatusAdded    Status = "added"
	StatusDeleted  Status = "deleted"
)

// RenameSimilarity is the least normalised Levenshtein similarity of two
// titles (case and runs of whitespace ignored) for a removed and an added
// activity to count as one activity renamed.
const RenameSimilarity = 0.9

// Result is the semantic difference of two versions of one roadmap file.
type Result struct {
	// OldFile and NewFile name the versions compared.
	OldFile, NewFile string
	Status           Status
	// RoadmapID is the id of the new version (of the old one when deleted).
	RoadmapID string
	// Changes, in a fixed order: roadmap-level fields, the reorder entry,
	// activities by position in the new file, removed activities by
	// position in the old file.
	Changes []Change
	// OldPeriod and NewPeriod are the roadmap periods, for what is due.
	OldPeriod, NewPeriod roadmap.Period
	// OldCount and NewCount are the numbers of activities.
	OldCount, NewCount int
	// Old and New are the versions compared (nil when absent), for what is
	// written whole: the new order of activities, expected results.
	Old, New *roadmap.Roadmap
}

// Empty reports whether the two versions mean the same.
func (r *Result) Empty() bool {
	return r.Status == StatusModified && len(r.Changes) == 0
}

// Change is one difference.
type Change struct {
	Kind Kind
	// ID is the activity id (the new id of a renamed one).
	ID string
	// OldID is the id before a probable rename.
	OldID string
	// OldN and NewN are the activity numbers in the old and new version
	// ("" when absent).
	OldN, NewN roadmap.Number
	// Title is the activity title (the new one; the old one when removed).
	Title string
	// Similarity of the titles of a renamed activity, 0..1.
	Similarity float64
	// Fields are the changed fields, in a fixed order.
	Fields []FieldChange
	// Moved lists the activities that changed place (KindReordered).
	Moved []Move
	// Old and New are the activity rows (nil when absent), for formats
	// that print whole rows.
	Old, New *roadmap.Activity
}

// NumberedMoves are the moves of a reorder that change a row's number: a
// row that keeps its number moved only because another went to another
// section, and the words of that other change say so.
func (c *Change) NumberedMoves() []Move {
	var out []Move
	for _, m := range c.Moved {
		if m.OldN != m.NewN {
			out = append(out, m)
		}
	}
	return out
}

// Move is an activity that changed place among the others.
type Move struct {
	ID         string
	OldN, NewN roadmap.Number
}

// FieldChange is one changed field with its typed old and new value (a
// zero Value when absent).
type FieldChange struct {
	Field Field
	// Key names the element of a keyed list (an expected result's title).
	Key      string
	Old, New Value
	// Added and Removed are the elements added to and removed from a list
	// field (executors, goals, clauses, documents); for an expected result
	// its title, when the whole row was added or removed.
	Added, Removed []string
	// AddedAmendments and RemovedAmendments are the amending documents
	// recorded or no longer recorded (amendments).
	AddedAmendments, RemovedAmendments []roadmap.Amendment
	// Targets are the per-year targets that changed (indicator.targets).
	Targets []TargetChange
	// Deadlines are what is due, per year, before and after (due).
	Deadlines *DeadlineChange
	// SameMeaning is set when the text changed but the parsed meaning is
	// the same (a due written as a phrase and as an equivalent mapping).
	SameMeaning bool
}

// TargetChange is the target of one year before and after (nil: none).
type TargetChange struct {
	Year     int
	Old, New *float64
}

// DeadlineChange is the schedule of a deadline before and after.
type DeadlineChange struct {
	Old, New []phrase.Deadline
	// OldParsed and NewParsed tell whether the phrase was read at all.
	OldParsed, NewParsed bool
}

// Compute compares two versions of a roadmap. old nil means the file was
// added, new nil that it was deleted. It never panics on loadable
// roadmaps and runs in O(n log n) in the number of activities.
func Compute(old, new *roadmap.Roadmap, opts Options) *Result {
	res := &Result{Status: StatusModified, Old: old, New: new}
	switch {
	case old == nil && new == nil:
		return res
	case old == nil:
		res.Status, res.NewFile, res.RoadmapID = StatusAdded, new.File, new.ID
		res.NewPeriod, res.NewCount = new.Period, len(new.Activities)
		return res
	case new == nil:
		res.Status, res.OldFile, res.RoadmapID = StatusDeleted, old.File, old.ID
		res.OldPeriod, res.OldCount = old.Period, len(old.Activities)
		return res
	}
	res.OldFile, res.NewFile, res.RoadmapID = old.File, new.File, new.ID
	res.OldPeriod, res.NewPeriod = old.Period, new.Period
	res.OldCount, res.NewCount = len(old.Activities), len(new.Activities)
	if fs := roadmapFields(old, new); len(fs) > 0 {
		res.Changes = append(res.Changes, Change{Kind: KindRoadmap, Fields: fs})
	}
	res.Changes = append(res.Changes, activities(old, new, opts)...)
	return res
}

// keys gives each activity a unique matching key: its id, and for a
// repeated id (an error check reports) the id with its occurrence number.
func keys(as []roadmap.Activity) []string {
	seen := make(map[string]int, len(as))
	out := make([]string, len(as))
	for i, a := range as {
		seen[a.ID]++
		out[i] = a.ID
		if c := seen[a.ID]; c > 1 {
			out[i] = a.ID + "\x00" + strconv.Itoa(c)
		}
	}
	return out
}

func activities(old, new *roadmap.Roadmap, opts Options) []Change {
	oldKeys, newKeys := keys(old.Activities), keys(new.Activities)
	oldIdx := make(map[string]int, len(oldKeys))
	for i, k := range oldKeys {
		oldIdx[k] = i
	}
	// match[j] is the old index of new activity j, or -1.
	match := make([]int, len(newKeys))
	matched := make([]bool, len(oldKeys))
	var added []int
	for j, k := range newKeys {
		if i, ok := oldIdx[k]; ok {
			match[j] = i
			matched[i] = true
		} else {
			match[j] = -1
			added = append(added, j)
		}
	}
	var removed []int
	for i := range oldKeys {
		if !matched[i] {
			removed = append(removed, i)
		}
	}
	renamed := renames(old.Activities, new.Activities, removed, added)
	sim := map[int]float64{}
	for _, rn := range renamed {
		match[rn.new] = rn.old
		matched[rn.old] = true
		sim[rn.new] = rn.sim
	}

	var out []Change
	if moved := moves(old.Activities, new.Activities, match); len(moved) > 0 {
		out = append(out, Change{Kind: KindReordered, Moved: moved})
	}
	for j := range new.Activities {
		na := &new.Activities[j]
		i := match[j]
		if i < 0 {
			out = append(out, Change{Kind: KindAdded, ID: na.ID, NewN: na.N, Title: na.Title, New: na})
			continue
		}
		oa := &old.Activities[i]
		fs := activityFields(oa, na, old.Period, new.Period, opts)
		c := Change{Kind: KindChanged, ID: na.ID, OldN: oa.N, NewN: na.N, Title: na.Title, Fields: fs, Old: oa, New: na}
		if s, ok := sim[j]; ok {
			c.Kind, c.OldID, c.Similarity = KindRenamed, oa.ID, s
		} else if len(fs) == 0 {
			continue
		}
		out = append(out, c)
	}
	for i := range old.Activities {
		if !matched[i] {
			oa := &old.Activities[i]
			out = append(out, Change{Kind: KindRemoved, ID: oa.ID, OldN: oa.N, Title: oa.Title, Old: oa})
		}
	}
	return out
}

// moves finds the matched activities whose relative order changed: those
// outside a longest increasing subsequence of old positions taken in new
// order (O(n log n)).
func moves(old, new []roadmap.Activity, match []int) []Move {
	var seq, at []int // old index, new index
	for j, i := range match {
		if i >= 0 {
			seq = append(seq, i)
			at = append(at, j)
		}
	}
	if len(seq) < 2 {
		return nil
	}
	// Patience sorting with predecessor links.
	tails := []int{} // indexes into seq
	prev := make([]int, len(seq))
	for k, v := range seq {
		p := sort.Search(len(tails), func(t int) bool { return seq[tails[t]] >= v })
		if p > 0 {
			prev[k] = tails[p-1]
		} else {
			prev[k] = -1
		}
		if p == len(tails) {
			tails = append(tails, k)
		} else {
			tails[p] = k
		}
	}
	if len(tails) == len(seq) {
		return nil
	}
	inLIS := make([]bool, len(seq))
	for k := tails[len(tails)-1]; k >= 0; k = prev[k] {
		inLIS[k] = true
	}
	var out []Move
	for k := range seq {
		if !inLIS[k] {
			n := new[at[k]]
			out = append(out, Move{ID: n.ID, OldN: old[seq[k]].N, NewN: n.N})
		}
	}
	return out
}

type rename struct {
	old, new int
	sim      float64
}

// Bounds of the search for renames: candidates per removed activity and
// similarity computations in all, so that a file where everything was
// replaced stays fast.
const (
	renameCandidates = 64
	renameBudget     = 20000
)

// renames pairs removed and added activities whose titles are equal or
// nearly so. Exact matches (after normalising) come from a map; near ones
// are searched among added titles of similar length only, within bounds.
func renames(old, new []roadmap.Activity, removed, added []int) []rename {
	if len(removed) == 0 || len(added) == 0 {
		return nil
	}
	type cand struct {
		j     int
		title []rune
	}
	used := make(map[int]bool, len(added))
	exact := make(map[string][]int, len(added))
	cands := make([]cand, 0, len(added))
	for _, j := range added {
		t := normTitle(new[j].Title)
		exact[t] = append(exact[t], j)
		cands = append(cands, cand{j, []rune(t)})
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(len(a.title), len(b.title)) })
	var out []rename
	budget := renameBudget
	for _, i := range removed {
		t := normTitle(old[i].Title)
		if js := exact[t]; len(js) > 0 {
			found := false
			for _, j := range js {
				if !used[j] {
					used[j] = true
					out = append(out, rename{i, j, 1})
					found = true
					break
				}
			}
			if found {
				continue
			}
		}
		rt := []rune(t)
		if len(rt) == 0 {
			continue
		}
		lo := int(float64(len(rt)) * RenameSimilarity)
		hi := int(float64(len(rt))/RenameSimilarity) + 1
		start := sort.Search(len(cands), func(k int) bool { return len(cands[k].title) >= lo })
		best, bestSim := -1, 0.0
		for k, n := start, 0; k < len(cands) && len(cands[k].title) <= hi && n < renameCandidates && budget > 0; k++ {
			c := cands[k]
			if used[c.j] {
				continue
			}
			n++
			budget--
			if s := similarity(rt, c.title); s >= RenameSimilarity && s > bestSim {
				best, bestSim = c.j, s
			}
		}
		if best >= 0 {
			used[best] = true
			out = append(out, rename{i, best, bestSim})
		}
	}
	return out
}

func normTitle(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// similarity is 1 - distance/max length, with the distance computed only
// as far as it can still reach RenameSimilarity.
func similarity(a, b []rune) float64 {
	m := max(len(a), len(b))
	if m == 0 {
		return 1
	}
	limit := int(float64(m) * (1 - RenameSimilarity))
	d := boundedLevenshtein(a, b, limit)
	if d > limit {
		return 0
	}
	return 1 - float64(d)/float64(m)
}

// boundedLevenshtein returns the edit distance of a and b when it is at
// most k, else some value above k; it fills only a band of 2k+1 diagonals.
func boundedLevenshtein(a, b []rune, k int) int {
	if d := len(a) - len(b); d > k || -d > k {
		return k + 1
	}
	inf := k + 1
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		for j := range cur {
			cur[j] = inf
		}
		if i <= k {
			cur[0] = i
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1, inf)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= inf {
			return inf
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// activityFields compares two versions of one activity.
func activityFields(o, n *roadmap.Activity, op, np roadmap.Period, opts Options) []FieldChange {
	var fs []FieldChange
	if opts.Numbers && o.N != n.N {
		fs = append(fs, FieldChange{Field: FieldN, Old: Value{Number: o.N}, New: Value{Number: n.N}})
	}
	if o.Title != n.Title {
		fs = append(fs, FieldChange{Field: FieldTitle, Old: Value{Text: o.Title}, New: Value{Text: n.Title}})
	}
	if same := dueEqual(o.Due, n.Due); o.Due.Text != n.Due.Text || !same {
		od, nd := o.Due, n.Due
		fs = append(fs, FieldChange{Field: FieldDue, Old: Value{Due: &od}, New: Value{Due: &nd}, SameMeaning: same,
			Deadlines: &DeadlineChange{
				Old: o.Due.Schedule(op.Context()), New: n.Due.Schedule(np.Context()),
				OldParsed: o.Due.Parsed, NewParsed: n.Due.Parsed,
			}})
	}
	fs = append(fs, indicatorFields(o.Indicator, n.Indicator)...)
	if same := indicatorSame(o.Result, n.Result); o.Result.Text != n.Result.Text || !same {
		or, nr := o.Result, n.Result
		fs = append(fs, FieldChange{Field: FieldResult, Old: Value{Indicator: &or}, New: Value{Indicator: &nr}, SameMeaning: same})
	}
	if !slices.Equal(o.Executors, n.Executors) {
		add, rem := listDiff(o.Executors, n.Executors)
		fs = append(fs, FieldChange{Field: FieldExecutors, Old: Value{List: o.Executors}, New: Value{List: n.Executors},
			Added: add, Removed: rem})
	}
	if o.Note != n.Note {
		fs = append(fs, FieldChange{Field: FieldNote, Old: Value{Text: o.Note}, New: Value{Text: n.Note}})
	}
	if o.Section != n.Section {
		fs = append(fs, FieldChange{Field: FieldActivitySection, Old: Value{Text: o.Section}, New: Value{Text: n.Section}})
	}
	return fs
}

// ChangedKeys returns the YAML keys of an activity whose values differ in
// meaning or text between o and n (n aside): the comparison a three-way
// merge asks "did this side change this field" with.
func ChangedKeys(o, n *roadmap.Activity) map[string]bool {
	out := map[string]bool{}
	if o.ID != n.ID {
		out["id"] = true
	}
	for _, f := range activityFields(o, n, roadmap.Period{}, roadmap.Period{}, Options{}) {
		out[f.Field.Key()] = true
	}
	return out
}

// ChangedRoadmapKeys returns the top-level YAML keys of a roadmap whose
// values differ between o and n, activities aside.
func ChangedRoadmapKeys(o, n *roadmap.Roadmap) map[string]bool {
	out := map[string]bool{}
	for _, f := range roadmapFields(o, n) {
		out[f.Field.Key()] = true
	}
	return out
}

// dueEqual compares the parsed meaning of two deadlines, not their text
// (nor the words the parser left out of it).
func dueEqual(a, b phrase.Due) bool {
	a.Text, b.Text, a.Ignored, b.Ignored = "", "", "", ""
	return reflect.DeepEqual(a, b)
}

func floatEqual(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// indicatorSame compares the parsed meaning of two indicators, not their
// text.
func indicatorSame(o, n phrase.Indicator) bool {
	return o.Kind == n.Kind && o.Parsed == n.Parsed && thresholdOf(o).equal(thresholdOf(n)) &&
		slices.Equal(o.Targets, n.Targets) && slices.Equal(o.Documents, n.Documents) && o.Per == n.Per && o.Of == n.Of
}

func indicatorFields(o, n phrase.Indicator) []FieldChange {
	kindSame := o.Kind == n.Kind && o.Parsed == n.Parsed
	ot, nt := thresholdOf(o), thresholdOf(n)
	thrSame := ot.equal(nt)
	targetsSame := slices.Equal(o.Targets, n.Targets)
	docsSame := slices.Equal(o.Documents, n.Documents)
	same := indicatorSame(o, n)
	if same && o.Text == n.Text {
		return nil
	}
	oi, ni := o, n
	fs := []FieldChange{{Field: FieldIndicator, Old: Value{Indicator: &oi}, New: Value{Indicator: &ni}, SameMeaning: same}}
	if !kindSame {
		fs = append(fs, FieldChange{Field: FieldIndicatorKind, Old: Value{Kind: kindOf(o)}, New: Value{Kind: kindOf(n)}})
	}
	if !thrSame {
		fs = append(fs, FieldChange{Field: FieldIndicatorThreshold, Old: Value{Threshold: ot}, New: Value{Threshold: nt}})
	}
	if o.Per != n.Per {
		fs = append(fs, FieldChange{Field: FieldIndicatorPer, Old: Value{Text: o.Per}, New: Value{Text: n.Per}})
	}
	if o.Of != n.Of {
		fs = append(fs, FieldChange{Field: FieldIndicatorOf, Old: Value{Text: o.Of}, New: Value{Text: n.Of}})
	}
	if !targetsSame {
		fs = append(fs, FieldChange{Field: FieldIndicatorTargets, Old: Value{Targets: o.Targets, Unit: o.Unit}, New: Value{Targets: n.Targets, Unit: n.Unit},
			Targets: targetChanges(o.Targets, n.Targets)})
	}
	if !docsSame {
		add, rem := listDiff(o.Documents, n.Documents)
		fs = append(fs, FieldChange{Field: FieldIndicatorDocuments, Old: Value{List: o.Documents}, New: Value{List: n.Documents},
			Added: add, Removed: rem})
	}
	return fs
}

// kindOf is the indicator kind as in the file format; "" when unparsed.
func kindOf(ind phrase.Indicator) phrase.IndicatorKind {
	if !ind.Parsed {
		return ""
	}
	return ind.Kind
}

// targetChanges compares targets year by year, ascending.
func targetChanges(o, n []phrase.Target) []TargetChange {
	byYear := map[int]*TargetChange{}
	var years []int
	get := func(y int) *TargetChange {
		if c, ok := byYear[y]; ok {
			return c
		}
		c := &TargetChange{Year: y}
		byYear[y] = c
		years = append(years, y)
		return c
	}
	for _, t := range o {
		v := t.Value
		get(t.Year).Old = &v
	}
	for _, t := range n {
		v := t.Value
		get(t.Year).New = &v
	}
	slices.Sort(years)
	var out []TargetChange
	for _, y := range years {
		if c := byYear[y]; !floatEqual(c.Old, c.New) {
			out = append(out, *c)
		}
	}
	return out
}

// listDiff returns the elements of n not in o (in n's order) and of o not
// in n (in o's order), counting repeats.
func listDiff[T comparable](o, n []T) (added, removed []T) {
	count := make(map[T]int, len(o))
	for _, s := range o {
		count[s]++
	}
	for _, s := range n {
		if count[s] > 0 {
			count[s]--
		} else {
			added = append(added, s)
		}
	}
	count = make(map[T]int, len(n))
	for _, s := range n {
		count[s]++
	}
	for _, s := range o {
		if count[s] > 0 {
			count[s]--
		} else {
			removed = append(removed, s)
		}
	}
	return added, removed
}

// roadmapFields compares the fields of the roadmap and its document.
func roadmapFields(o, n *roadmap.Roadmap) []FieldChange {
	var fs []FieldChange
	str := func(field Field, a, b string) {
		if a != b {
			fs = append(fs, FieldChange{Field: field, Old: Value{Text: a}, New: Value{Text: b}})
		}
	}
	list := func(field Field, a, b []string) {
		if !slices.Equal(a, b) {
			add, rem := listDiff(a, b)
			fs = append(fs, FieldChange{Field: field, Old: Value{List: a}, New: Value{List: b}, Added: add, Removed: rem})
		}
	}
	person := func(field Field, a, b *roadmap.Person) {
		if !ptrEqual(a, b) {
			fs = append(fs, FieldChange{Field: field, Old: Value{Person: a}, New: Value{Person: b}})
		}
	}
	str(FieldID, o.ID, n.ID)
	str(FieldLevel, o.LevelOf(), n.LevelOf())
	str(FieldRegion, o.Region, n.Region)
	str(FieldDistrict, o.District, n.District)
	str(FieldOrganisation, o.Organisation, n.Organisation)
	str(FieldAuthority, o.Authority, n.Authority)
	str(FieldDirection, o.Direction, n.Direction)
	str(FieldRoadmapTitle, o.Title, n.Title)
	if o.Period != n.Period {
		fs = append(fs, FieldChange{Field: FieldPeriod, Old: Value{Period: periodOf(o.Period)}, New: Value{Period: periodOf(n.Period)}})
	}
	od, nd := &o.Document, &n.Document
	str(FieldDocumentKind, od.Kind, nd.Kind)
	str(FieldDocumentNumber, od.Number, nd.Number)
	if od.Date != nd.Date {
		fs = append(fs, FieldChange{Field: FieldDocumentDate, Old: Value{Date: od.Date}, New: Value{Date: nd.Date}})
	}
	str(FieldDocumentPlace, od.Place, nd.Place)
	str(FieldDocumentTitle, od.Title, nd.Title)
	str(FieldDocumentPreamble, od.Preamble, nd.Preamble)
	person(FieldDocumentSignedBy, od.SignedBy, nd.SignedBy)
	person(FieldDocumentResponsible, od.Responsible, nd.Responsible)
	person(FieldDocumentControl, od.Control, nd.Control)
	list(FieldDocumentClauses, od.Clauses, nd.Clauses)
	str(FieldDocumentAnnex, od.Annex, nd.Annex)
	if !refEqual(od.ApprovedBy, nd.ApprovedBy) {
		fs = append(fs, FieldChange{Field: FieldDocumentApprovedBy, Old: Value{Ref: od.ApprovedBy}, New: Value{Ref: nd.ApprovedBy}})
	}
	str(FieldSection, o.Section, n.Section)
	str(FieldDescription, o.Description, n.Description)
	list(FieldGoals, o.Goals, n.Goals)
	fs = append(fs, expectedResults(o.ExpectedResults, n.ExpectedResults)...)
	if !slices.Equal(o.Sections, n.Sections) {
		fs = append(fs, FieldChange{Field: FieldSections, Old: Value{Sections: o.Sections}, New: Value{Sections: n.Sections}})
	}
	if !slices.EqualFunc(o.Amendments, n.Amendments, amendmentEqual) {
		add, rem := listDiff(amendmentKeys(o.Amendments), amendmentKeys(n.Amendments))
		fs = append(fs, FieldChange{Field: FieldAmendments, Old: Value{Amendments: o.Amendments}, New: Value{Amendments: n.Amendments},
			AddedAmendments: byKey(n.Amendments, add), RemovedAmendments: byKey(o.Amendments, rem)})
	}
	return fs
}

func periodOf(p roadmap.Period) *roadmap.Period {
	if p == (roadmap.Period{}) {
		return nil
	}
	return &p
}

func ptrEqual[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func refEqual(a, b *roadmap.DocumentRef) bool { return ptrEqual(a, b) }

func amendmentEqual(a, b roadmap.Amendment) bool {
	return a.Kind == b.Kind && a.Number == b.Number && a.Date == b.Date && a.Title == b.Title &&
		slices.Equal(a.Changes, b.Changes)
}

// amendmentKeys identifies recorded amendments by every field, so that
// listDiff can pair them.
func amendmentKeys(as []roadmap.Amendment) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = strings.Join(append([]string{a.Kind, a.Number, a.Date.String(), a.Title}, a.Changes...), "\x00")
	}
	return out
}

// byKey picks the amendments whose keys are listed, in the list's order.
func byKey(as []roadmap.Amendment, keys []string) []roadmap.Amendment {
	if len(keys) == 0 {
		return nil
	}
	all := amendmentKeys(as)
	used := make([]bool, len(as))
	var out []roadmap.Amendment
	for _, k := range keys {
		for i, ak := range all {
			if !used[i] && ak == k {
				used[i] = true
				out = append(out, as[i])
				break
			}
		}
	}
	return out
}

// expectedResults matches rows by title; a row's value is its text by year.
func expectedResults(o, n []roadmap.ExpectedResult) []FieldChange {
	var fs []FieldChange
	oldBy := make(map[string]map[int]string, len(o))
	for _, e := range o {
		if _, dup := oldBy[e.Title]; !dup {
			oldBy[e.Title] = e.ByYear
		}
	}
	newBy := make(map[string]bool, len(n))
	for _, e := range n {
		if newBy[e.Title] {
			continue
		}
		newBy[e.Title] = true
		ov, ok := oldBy[e.Title]
		if !ok || !maps.Equal(ov, e.ByYear) {
			f := FieldChange{Field: FieldExpectedResults, Key: e.Title, Old: Value{ByYear: ov}, New: Value{ByYear: e.ByYear}}
			if !ok {
				f.Added = []string{e.Title}
			}
			fs = append(fs, f)
		}
	}
	done := map[string]bool{}
	for _, e := range o {
		if !newBy[e.Title] && !done[e.Title] {
			done[e.Title] = true
			fs = append(fs, FieldChange{Field: FieldExpectedResults, Key: e.Title, Old: Value{ByYear: oldBy[e.Title]},
				Removed: []string{e.Title}})
		}
	}
	return fs
}
