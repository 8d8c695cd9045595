package render

import (
	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// DiffJSONFormat is the value of the format key of a diff's JSON output;
// it changes only if the schema in docs/diff.md changes incompatibly (v2:
// old and new values are typed).
const DiffJSONFormat = "roadmap-diff/v2"

// DiffDocumentJSON is the documented JSON output of a diff (docs/diff.md).
type DiffDocumentJSON struct {
	Format string         `json:"format"`
	Files  []DiffFileJSON `json:"files"`
}

// DiffFileJSON is the diff of one file.
type DiffFileJSON struct {
	OldFile   string           `json:"old_file"`
	NewFile   string           `json:"new_file"`
	Status    diff.Status      `json:"status"`
	RoadmapID string           `json:"roadmap_id"`
	Changes   []DiffChangeJSON `json:"changes"`
}

// DiffChangeJSON is one change.
type DiffChangeJSON struct {
	Kind       diff.Kind      `json:"kind"`
	ID         string         `json:"id,omitempty"`
	OldID      string         `json:"old_id,omitempty"`
	OldN       roadmap.Number `json:"old_n,omitempty"`
	NewN       roadmap.Number `json:"new_n,omitempty"`
	Title      string         `json:"title,omitempty"`
	Similarity float64        `json:"similarity,omitempty"`
	Fields     []FieldJSON    `json:"fields,omitempty"`
	Moved      []MoveJSON     `json:"moved,omitempty"`
	Activity   *ActivityJSON  `json:"activity,omitempty"`
}

// MoveJSON is an activity that changed place.
type MoveJSON struct {
	ID   string         `json:"id"`
	OldN roadmap.Number `json:"old_n"`
	NewN roadmap.Number `json:"new_n"`
}

// FieldJSON is one changed field; old and new are typed by the field
// (docs/diff.md), null when the side has no value.
type FieldJSON struct {
	Field       string         `json:"field"`
	Key         string         `json:"key,omitempty"`
	Old         any            `json:"old"`
	New         any            `json:"new"`
	SameMeaning bool           `json:"same_meaning,omitempty"`
	Added       []any          `json:"added,omitempty"`
	Removed     []any          `json:"removed,omitempty"`
	Targets     []TargetJSON   `json:"targets,omitempty"`
	Deadlines   *DeadlinesJSON `json:"deadlines,omitempty"`
}

// TargetJSON is a per-year target before and after (null: none).
type TargetJSON struct {
	Year int      `json:"year"`
	Old  *float64 `json:"old"`
	New  *float64 `json:"new"`
}

// DeadlinesJSON is what is due by year before and after; null when the
// phrase was not read.
type DeadlinesJSON struct {
	Old []DeadlineJSON `json:"old"`
	New []DeadlineJSON `json:"new"`
}

// DeadlineJSON is the deadline of one year.
type DeadlineJSON struct {
	Year int          `json:"year"`
	By   roadmap.Date `json:"by"`
}

// ActivityJSON is the whole row of an added or removed activity.
type ActivityJSON struct {
	Title     string           `json:"title"`
	Due       phrase.Due       `json:"due"`
	Indicator phrase.Indicator `json:"indicator"`
	Executors []string         `json:"executors"`
	Note      string           `json:"note,omitempty"`
}

// ThresholdJSON is the bounds of an indicator.
type ThresholdJSON struct {
	Min  *float64 `json:"min"`
	Max  *float64 `json:"max"`
	Unit string   `json:"unit,omitempty"`
}

// PeriodJSON is a roadmap period.
type PeriodJSON struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// PersonJSON is an official.
type PersonJSON struct {
	Position string `json:"position,omitempty"`
	Name     string `json:"name"`
}

// DocumentRefJSON names a document.
type DocumentRefJSON struct {
	Kind      string       `json:"kind"`
	Number    string       `json:"number"`
	Date      roadmap.Date `json:"date"`
	Authority string       `json:"authority,omitempty"`
	Title     string       `json:"title,omitempty"`
	Text      string       `json:"text,omitempty"`
}

// SectionJSON is a section of the roadmap table.
type SectionJSON struct {
	ID    string `json:"id"`
	N     string `json:"n,omitempty"`
	Title string `json:"title"`
}

// AmendmentJSON is an amending document recorded in a roadmap.
type AmendmentJSON struct {
	Kind    string       `json:"kind"`
	Number  string       `json:"number"`
	Date    roadmap.Date `json:"date"`
	Title   string       `json:"title,omitempty"`
	Changes []string     `json:"changes,omitempty"`
}

// DiffJSON converts results to the documented JSON form.
func DiffJSON(rs []*diff.Result) DiffDocumentJSON {
	doc := DiffDocumentJSON{Format: DiffJSONFormat, Files: []DiffFileJSON{}}
	for _, res := range rs {
		f := DiffFileJSON{OldFile: res.OldFile, NewFile: res.NewFile, Status: res.Status,
			RoadmapID: res.RoadmapID, Changes: []DiffChangeJSON{}}
		for _, c := range res.Changes {
			cj := DiffChangeJSON{Kind: c.Kind, ID: c.ID, OldID: c.OldID, OldN: c.OldN, NewN: c.NewN,
				Title: c.Title, Similarity: float64(int(c.Similarity*1000)) / 1000}
			for _, m := range c.Moved {
				cj.Moved = append(cj.Moved, MoveJSON(m))
			}
			for _, fc := range c.Fields {
				cj.Fields = append(cj.Fields, fieldJSON(fc))
			}
			switch c.Kind {
			case diff.KindAdded:
				cj.Activity = activityJSON(c.New)
			case diff.KindRemoved:
				cj.Activity = activityJSON(c.Old)
			}
			f.Changes = append(f.Changes, cj)
		}
		doc.Files = append(doc.Files, f)
	}
	return doc
}

func fieldJSON(fc diff.FieldChange) FieldJSON {
	fj := FieldJSON{Field: fc.Field.String(), Key: fc.Key, Old: valueJSON(fc.Field, fc.Old), New: valueJSON(fc.Field, fc.New),
		SameMeaning: fc.SameMeaning}
	for _, s := range fc.Added {
		fj.Added = append(fj.Added, s)
	}
	for _, s := range fc.Removed {
		fj.Removed = append(fj.Removed, s)
	}
	for _, a := range fc.AddedAmendments {
		fj.Added = append(fj.Added, amendmentJSON(a))
	}
	for _, a := range fc.RemovedAmendments {
		fj.Removed = append(fj.Removed, amendmentJSON(a))
	}
	for _, t := range fc.Targets {
		fj.Targets = append(fj.Targets, TargetJSON(t))
	}
	if d := fc.Deadlines; d != nil {
		fj.Deadlines = &DeadlinesJSON{Old: deadlinesJSON(d.Old, d.OldParsed), New: deadlinesJSON(d.New, d.NewParsed)}
	}
	return fj
}

// valueJSON is one side of a field as its JSON type; nil when absent.
func valueJSON(f diff.Field, v diff.Value) any {
	if v.IsZero() {
		return nil
	}
	switch f.Type() {
	case diff.TypeText:
		return v.Text
	case diff.TypeNumber:
		return v.Number
	case diff.TypeList:
		return v.List
	case diff.TypeDue:
		return v.Due
	case diff.TypeIndicator:
		return v.Indicator
	case diff.TypeKind:
		return v.Kind
	case diff.TypeThreshold:
		return ThresholdJSON{Min: v.Threshold.Min, Max: v.Threshold.Max, Unit: v.Threshold.Unit}
	case diff.TypeTargets:
		return v.Targets
	case diff.TypePeriod:
		return PeriodJSON{From: v.Period.From, To: v.Period.To}
	case diff.TypeDate:
		return v.Date
	case diff.TypePerson:
		return PersonJSON{Position: v.Person.Position, Name: v.Person.Name}
	case diff.TypeRef:
		r := v.Ref
		return DocumentRefJSON{Kind: r.Kind, Number: r.Number, Date: r.Date, Authority: r.Authority, Title: r.Title, Text: r.Text}
	case diff.TypeAmendments:
		out := make([]AmendmentJSON, len(v.Amendments))
		for i, a := range v.Amendments {
			out[i] = amendmentJSON(a)
		}
		return out
	case diff.TypeByYear:
		return v.ByYear
	case diff.TypeSections:
		out := make([]SectionJSON, len(v.Sections))
		for i, sec := range v.Sections {
			out[i] = SectionJSON{ID: sec.ID, N: sec.N, Title: sec.Title}
		}
		return out
	}
	return nil
}

func amendmentJSON(a roadmap.Amendment) AmendmentJSON {
	return AmendmentJSON{Kind: a.Kind, Number: a.Number, Date: a.Date, Title: a.Title, Changes: a.Changes}
}

func activityJSON(a *roadmap.Activity) *ActivityJSON {
	ex := a.Executors
	if ex == nil {
		ex = []string{}
	}
	return &ActivityJSON{Title: a.Title, Due: a.Due, Indicator: a.Indicator, Executors: ex, Note: a.Note}
}

func deadlinesJSON(ds []phrase.Deadline, parsed bool) []DeadlineJSON {
	if !parsed {
		return nil
	}
	out := make([]DeadlineJSON, len(ds))
	for i, d := range ds {
		y, m, day := d.By.Date()
		out[i] = DeadlineJSON{Year: d.Year, By: roadmap.Date{Year: y, Month: int(m), Day: day}}
	}
	return out
}
