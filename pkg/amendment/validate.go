package amendment

import (
	"slices"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// State is what validating a sequence of amendments needs to know about
// the roadmap as it stands after the changes validated so far: its
// activities and executors.
type State struct {
	ids       []string
	executors map[string]bool
}

// NewState is the state of roadmap r before any amendment.
func NewState(r *roadmap.Roadmap) *State {
	s := &State{executors: map[string]bool{}}
	for _, a := range r.Activities {
		s.ids = append(s.ids, a.ID)
		for _, e := range a.Executors {
			s.executors[e] = true
		}
	}
	return s
}

func (s *State) has(id string) bool { return slices.Contains(s.ids, id) }

// Applied reports whether r already records the amending document d
// (same number and date) among its amendments.
func Applied(r *roadmap.Roadmap, d Document) bool {
	for _, am := range r.Amendments {
		if am.Number == d.Number && am.Date == d.Date {
			return true
		}
	}
	return false
}

// Validate checks the amendment against roadmap r as it stands (st):
// the roadmap it names, its date against r's document and last recorded
// amendment, and every change against the activities and executors of
// st, which it updates as the changes would. To validate amendments one
// after another, pass one State along and append each one's document to
// r.Amendments in between. Findings are in a.File.
func (a *Amendment) Validate(r *roadmap.Roadmap, st *State) []diag.Finding {
	var fs []diag.Finding
	add := func(p diag.Pos, code diag.Code, args ...any) {
		fs = append(fs, diag.New(a.File, p, code, args...))
	}
	if a.Roadmap != "" && r.ID != "" && a.Roadmap != r.ID {
		add(a.Pos("roadmap"), diag.AmendRoadmapMismatch, a.Roadmap, r.ID, r.File)
	}
	if d := a.Document.Date; !d.IsZero() {
		if bd := r.Document.Date; !bd.IsZero() && d.Time().Before(bd.Time()) {
			add(a.Pos("document.date"), diag.AmendBeforeBase, d.Russian(), i18n.M("merge.base.document"), bd.Russian())
		} else if n := len(r.Amendments); n > 0 && !r.Amendments[n-1].Date.IsZero() && d.Time().Before(r.Amendments[n-1].Date.Time()) {
			last := r.Amendments[n-1]
			add(a.Pos("document.date"), diag.AmendBeforeBase, d.Russian(), i18n.M("merge.base.amendment", last.Number), last.Date.Russian())
		}
	}
	if Applied(r, a.Document) {
		add(a.Pos("document.number"), diag.AmendAlreadyApplied, a.Document.Number, a.Document.Date.Russian(), r.File)
	}
	for _, c := range a.Changes {
		switch c.Kind {
		case ChangeSet:
			if !st.has(c.ID) {
				add(c.IDPos, diag.AmendUnknownActivity, c.ID, roadmap.Suggest(c.ID, st.ids))
			}
			for _, f := range c.Fields {
				if f.Key != "id" || len(Scalars(f.Value)) != 1 {
					continue
				}
				if id := Scalars(f.Value)[0]; id != c.ID && st.has(id) {
					add(f.Pos, diag.AmendDuplicateID, id)
				} else if i := slices.Index(st.ids, c.ID); i >= 0 {
					st.ids[i] = id
				}
			}
		case ChangeRemove:
			if !st.has(c.ID) {
				add(c.IDPos, diag.AmendUnknownActivity, c.ID, roadmap.Suggest(c.ID, st.ids))
				continue
			}
			st.ids = slices.DeleteFunc(st.ids, func(s string) bool { return s == c.ID })
		case ChangeAdd:
			if c.After != "" && c.After != AfterFirst && !st.has(c.After) {
				add(c.AfterPos, diag.AmendUnknownActivity, c.After, roadmap.Suggest(c.After, st.ids))
			}
			if st.has(c.ID) {
				add(c.IDPos, diag.AmendDuplicateID, c.ID)
				continue
			}
			if c.ID != "" {
				st.ids = append(st.ids, c.ID)
			}
			for _, f := range c.Fields {
				if f.Key == "executors" {
					for _, e := range Scalars(f.Value) {
						st.executors[e] = true
					}
				}
			}
		case ChangeMove:
			if !st.has(c.ID) {
				add(c.IDPos, diag.AmendUnknownActivity, c.ID, roadmap.Suggest(c.ID, st.ids))
			}
			if c.After != AfterFirst && !st.has(c.After) {
				add(c.AfterPos, diag.AmendUnknownActivity, c.After, roadmap.Suggest(c.After, st.ids))
			}
			if c.After == c.ID {
				add(c.AfterPos, diag.AmendBadChange, i18n.M("merge.bad.move_self", c.ID))
			}
		case ChangeRenameExecutor:
			if !st.executors[c.From] {
				add(c.FromPos, diag.AmendUnknownExecutor, c.From)
			}
			delete(st.executors, c.From)
			st.executors[c.To] = true
		}
		if c.Kind == ChangeSet {
			for _, f := range c.Fields {
				if f.Key == "executors" {
					for _, e := range Scalars(f.Value) {
						st.executors[e] = true
					}
				}
			}
		}
	}
	return fs
}

// CheckFile validates an amendment file for `roadmap check`: isAmendment
// tells whether data is one (format: roadmap-amendment/...); findings are
// its problems, and, when roadmaps are given, whether the roadmap it
// amends is among them and its changes fit that roadmap (ids, dates). An
// amendment the roadmap already records is checked on its own only: the
// roadmap has moved on since.
func CheckFile(path string, data []byte, roadmaps []*roadmap.Roadmap) (isAmendment bool, findings []diag.Finding) {
	if !IsAmendment(data) {
		return false, nil
	}
	a, fs := Parse(path, data)
	if a == nil || a.Roadmap == "" || len(roadmaps) == 0 {
		return true, fs
	}
	var r *roadmap.Roadmap
	for _, x := range roadmaps {
		if x.ID == a.Roadmap {
			r = x
			break
		}
	}
	if r == nil {
		ids := make([]string, 0, len(roadmaps))
		for _, x := range roadmaps {
			ids = append(ids, x.ID)
		}
		fs = append(fs, diag.New(path, a.Pos("roadmap"), diag.AmendUnknownRoadmap, a.Roadmap, roadmap.Suggest(a.Roadmap, ids)))
		diag.Sort(fs)
		return true, fs
	}
	if Applied(r, a.Document) {
		return true, fs
	}
	fs = append(fs, a.Validate(r, NewState(r))...)
	diag.Sort(fs)
	return true, fs
}
