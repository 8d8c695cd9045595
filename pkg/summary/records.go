package summary

import (
	"math"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// records are results kept for the views that list them (by activity, by
// year), the chart sheet and the status table of check --report, in 32
// bytes a result: a fulfil.Result is
// several hundred bytes with its texts, and a country's summary has
// millions. What a roadmap's activity says (its id, number, section,
// title, indicator) is kept once per activity, the texts that repeat
// across owners and years (titles, plans, units, facts, reasons) once
// each.
type records struct {
	lang   i18n.Lang
	texts  []string
	textOf map[string]int32
	// roadmaps and acts are the roadmaps and activities results were of;
	// sections the distinct sections.
	roadmaps  []recRoadmap
	acts      []recAct
	sections  []roadmap.Section
	sectionOf map[roadmap.Section]int32
	recs      chunks[record]
	statuses  []statusText
	// plans are each distinct plan's words and unit, as texts; planOf
	// finds them.
	plans  [][2]int32
	planOf map[planKey]int32
	// level is whether a region's or a school's roadmap is among them.
	level bool
	// lean is for the status table: the activities' titles, indicators
	// and sections are not kept.
	lean bool
	// last is the result taken in last: a roadmap's results come together,
	// an activity's too (a result per year), so each is its roadmap's and
	// activity's again unless it differs.
	last                 lastResult
	lastRoadmap, lastAct int32
	lastFact             string
	lastFactIndex        int32
}

type recRoadmap struct{ id, owner int32 }

// recAct is an activity of a roadmap, as its results tell it.
type recAct struct {
	roadmap, id, n, section, sectionOrder, title, indicator int32
}

// record is a result: its activity, its plan and unit (in plans), the
// texts of its fact and reason, its year, its status (in statuses) and
// its achievement.
type record struct {
	act, plan, fact, reason int32
	year                    int16
	status                  uint8
	hasAch                  bool
	ach                     float64
}

// lastResult is what makes a result's roadmap and activity.
type lastResult struct {
	roadmapID, owner, activityID string
	n                            roadmap.Number
	section                      roadmap.Section
	sectionOrder                 int
	title, indicator             string
}

func newRecords(lang i18n.Lang) *records {
	// Text 0 is "", so that an empty fact or reason needs no look-up.
	return &records{lang: lang, texts: []string{""}, textOf: map[string]int32{"": 0}, sectionOf: map[roadmap.Section]int32{},
		planOf: map[planKey]int32{}, lastRoadmap: -1, lastAct: -1}
}

func (s *records) text(t string) int32 {
	if t == "" {
		return 0
	}
	if i, ok := s.textOf[t]; ok {
		return i
	}
	i := int32(len(s.texts))
	s.texts = append(s.texts, t)
	s.textOf[t] = i
	return i
}

func (s *records) str(i int32) string { return s.texts[i] }

// add takes r in.
func (s *records) add(r *fulfil.Result) {
	s.level = s.level || r.Level != roadmap.LevelDistrict
	l := &s.last
	if s.lastRoadmap < 0 || r.RoadmapID != l.roadmapID || r.Owner != l.owner {
		s.roadmaps = append(s.roadmaps, recRoadmap{id: s.text(r.RoadmapID), owner: s.text(r.Owner)})
		s.lastRoadmap, s.lastAct = int32(len(s.roadmaps)-1), -1
		l.roadmapID, l.owner = r.RoadmapID, r.Owner
	}
	if s.lastAct < 0 || r.ActivityID != l.activityID || r.N != l.n || r.Section != l.section || r.SectionOrder != l.sectionOrder ||
		r.Title != l.title || r.Indicator != l.indicator {
		ra := recAct{roadmap: s.lastRoadmap, id: s.text(r.ActivityID), n: s.text(string(r.N))}
		if !s.lean {
			sec, ok := s.sectionOf[r.Section]
			if !ok {
				sec = int32(len(s.sections))
				s.sections = append(s.sections, r.Section)
				s.sectionOf[r.Section] = sec
			}
			ra.section, ra.sectionOrder, ra.title, ra.indicator = sec, int32(r.SectionOrder), s.text(r.Title), s.text(r.Indicator)
		}
		s.acts = append(s.acts, ra)
		s.lastAct = int32(len(s.acts) - 1)
		l.activityID, l.n, l.section, l.sectionOrder, l.title, l.indicator = r.ActivityID, r.N, r.Section, r.SectionOrder, r.Title, r.Indicator
	}
	plan := s.plan(&r.Plan)
	if r.Fact != s.lastFact {
		s.lastFact, s.lastFactIndex = r.Fact, s.text(r.Fact)
	}
	rec := record{act: s.lastAct, year: int16(r.Year), plan: plan, fact: s.lastFactIndex,
		reason: s.text(r.Reason), status: s.status(r.Status)}
	if r.Achievement != nil {
		rec.ach, rec.hasAch = *r.Achievement, true
	}
	s.recs.add(rec)
}

// status is the place of st among statuses: a handful, found by
// comparing (the same constants: no hashing).
func (s *records) status(st fulfil.Status) uint8 {
	for i, x := range s.statuses {
		if x.status == st {
			return uint8(i)
		}
	}
	s.statuses = append(s.statuses, statusText{st, s.text(string(st))})
	return uint8(len(s.statuses) - 1)
}

// planText, unitText and statusText are rec's texts.
func (s *records) planText(rec *record) string   { return s.texts[s.plans[rec.plan][0]] }
func (s *records) unitText(rec *record) string   { return s.texts[s.plans[rec.plan][1]] }
func (s *records) statusText(rec *record) string { return s.texts[s.statuses[rec.status].text] }

type statusText struct {
	status fulfil.Status
	text   int32
}

// plan is the place in plans of p's words and of the unit the by-year
// view shows.
func (s *records) plan(p *roadmap.Plan) int32 {
	k := planKey{kind: p.Kind, year: p.Year, documents: p.Documents, unit: p.Unit, total: p.Total, quarterly: p.Quarterly, base: p.Base}
	if p.Min != nil {
		k.min, k.hasMin = math.Float64bits(*p.Min), true
	}
	if p.Max != nil {
		k.max, k.hasMax = math.Float64bits(*p.Max), true
	}
	if i, ok := s.planOf[k]; ok {
		return i
	}
	unit := p.Unit
	if unit == "" && p.Kind != "" {
		// An indicator not understood has no kind, and no unit to say.
		unit = i18n.T(s.lang, "summary.unit."+string(p.Kind))
	}
	i := int32(len(s.plans))
	s.plans = append(s.plans, [2]int32{s.text(view.Plan(*p, s.lang)), s.text(unit)})
	if len(s.planOf) < 1<<16 {
		s.planOf[k] = i
	}
	return i
}

// roadmapOf is record i's roadmap.
func (s *records) roadmapOf(i int) *recRoadmap { return &s.roadmaps[s.acts[s.recs.at(i).act].roadmap] }

// chunkLen is the length of every chunk of a chunks but the last.
const chunkLen = 1 << 15

// chunks is a list that grows a chunk at a time once it has chunkLen
// items: a country's 2.6 million records grew by copying into a slice a
// quarter larger, the two alive at once (the records' 84 MB went through
// 150 MB), and up to a quarter of the last was unused. The first chunk
// grows as a slice does, so that a district's few hundred records take
// what they need.
type chunks[T any] struct {
	cs [][]T
	n  int
}

func (c *chunks[T]) add(v T) {
	if len(c.cs) == 0 || len(c.cs[len(c.cs)-1]) == chunkLen {
		var next []T
		if len(c.cs) > 0 {
			next = make([]T, 0, chunkLen)
		}
		c.cs = append(c.cs, next)
	}
	last := &c.cs[len(c.cs)-1]
	*last = append(*last, v)
	c.n++
}

func (c *chunks[T]) at(i int) *T { return &c.cs[i/chunkLen][i%chunkLen] }

func (c *chunks[T]) len() int { return c.n }
