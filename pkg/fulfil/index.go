package fulfil

import (
	"hash/fnv"
	"slices"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/report"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Index is what matching report rows to roadmaps needs of them: ids,
// owners, levels, periods and each activity's id, number and title (as a
// hash), some fifty bytes an activity, not the roadmap. A command adds
// the roadmaps as they are checked and lets them go, reads the reports
// against the index (ReadReports), then evaluates the roadmaps again one
// by one (Reports.Evaluate): a country's roadmaps are never all held.
type Index struct {
	list []*known
	// byID and byOwner find a row's roadmap without going over all of
	// them (rows times roadmaps was most of a country-wide run); byOwner
	// holds every owner's name and each of its leading runs of words.
	byID    map[string]*known
	byOwner map[string][]*known
	// activities is the number of activities added so far: each
	// roadmap's first is its place among all.
	activities int32
	// count is the number of roadmaps added, repeats included.
	count int
	// texts are the activities' ids and numbers, each kept once and
	// named by its place: a country's 600,000 activities have a few
	// thousand («1.1», «a01-plan»), and a copy of each was a third of the
	// index. Past maxTexts distinct ones (ids that never repeat) the rest
	// are added again each time, not looked up.
	texts  []string
	textOf map[string]int32
}

// text is the place of s among the index's texts.
func (ix *Index) text(s string) int32 {
	if i, ok := ix.textOf[s]; ok {
		return i
	}
	i := int32(len(ix.texts))
	ix.texts = append(ix.texts, strings.Clone(s))
	if len(ix.textOf) < maxTexts {
		ix.textOf[ix.texts[i]] = i
	}
	return i
}

// id is activity a's id, n its number.
func (ix *Index) id(a *knownAct) string        { return ix.texts[a.id] }
func (ix *Index) n(a *knownAct) roadmap.Number { return roadmap.Number(ix.texts[a.n]) }

const maxTexts = 1 << 16

// known is a roadmap as the index keeps it.
type known struct {
	id, owner string
	district  bool
	period    roadmap.Period
	// first is the place of its first activity among all roadmaps'.
	first int32
	acts  []knownAct
	// ids are the places of acts sorted by id, then by place: the first
	// of a duplicated id comes first.
	ids []int32
}

// knownAct is an activity as the index keeps it. title is a hash of its
// folded title: rows naming an activity by title only compare it (a
// collision of 64-bit hashes among one roadmap's titles is not to be
// met), and a country's titles are not kept.
type knownAct struct {
	id, n int32 // in Index.texts
	title uint64
}

// NewIndex is an empty index.
func NewIndex() *Index {
	return &Index{byID: map[string]*known{}, byOwner: map[string][]*known{}, textOf: map[string]int32{}}
}

// Add indexes rm, in the order the roadmaps are evaluated in (file order).
// The index keeps none of rm's memory.
func (ix *Index) Add(rm *roadmap.Roadmap) {
	ix.count++
	k := &known{id: strings.Clone(rm.ID), owner: strings.Clone(rm.Owner()), district: rm.LevelOf() == roadmap.LevelDistrict,
		period: rm.Period, first: ix.activities, acts: make([]knownAct, len(rm.Activities)), ids: make([]int32, len(rm.Activities))}
	ix.activities += int32(len(rm.Activities))
	for i, a := range rm.Activities {
		k.acts[i] = knownAct{id: ix.text(a.ID), n: ix.text(string(a.N)), title: titleHash(fold(a.Title))}
		k.ids[i] = int32(i)
	}
	slices.SortStableFunc(k.ids, func(a, b int32) int { return strings.Compare(ix.texts[k.acts[a].id], ix.texts[k.acts[b].id]) })
	ix.list = append(ix.list, k)
	if _, dup := ix.byID[k.id]; !dup {
		ix.byID[k.id] = k // the first of a duplicated id, as the scan found it
	}
	if k.owner == "" {
		return
	}
	words := strings.Fields(fold(k.owner))
	for n := 1; n <= len(words); n++ {
		key := strings.Join(words[:n], " ")
		ix.byOwner[key] = append(ix.byOwner[key], k)
	}
}

// again counts a roadmap added before once more (Evaluate was given it
// twice): «the only roadmap there is» counts it twice, as before.
func (ix *Index) again() { ix.count++ }

// place is the place of the first activity of id in k.
func (ix *Index) place(k *known, id string) (int, bool) {
	i, ok := slices.BinarySearchFunc(k.ids, id, func(p int32, id string) int { return strings.Compare(ix.texts[k.acts[p].id], id) })
	if !ok {
		return 0, false
	}
	return int(k.ids[i]), true
}

func titleHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// Reports are report files read against an index: what they say of each
// activity and year, about a hundred bytes each, to evaluate roadmaps
// with one at a time.
type Reports struct{ e *evaluator }

// ReadReports reads the report files, matching their rows through ix.
// The error is for I/O; problems of the reports are findings.
func ReadReports(ix *Index, files []string, opts Options) (*Reports, error) {
	e := newEvaluator(ix, opts)
	for _, f := range files {
		if err := e.readFile(f, report.Read); err != nil {
			return nil, err
		}
	}
	return &Reports{e}, nil
}

// Evaluate hands fn the results of every due activity of rm in every
// year reported (every year, with Options.AllYears), as EvaluateEach does
// for it: rm must be one the index was given, in the same order, unless
// no report was read. fn must not keep r.
func (r *Reports) Evaluate(rm *roadmap.Roadmap, fn func(r *Result)) { r.e.evaluateRoadmap(rm, r.e, fn) }

// Findings are the findings so far (of the reports and of the roadmaps
// evaluated), sorted.
func (r *Reports) Findings() []diag.Finding {
	diag.Sort(r.e.findings)
	return r.e.findings
}
