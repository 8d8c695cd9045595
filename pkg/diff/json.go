package diff

import (
	"io"

	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/render"
)

// JSONFormat is the value of the format key of the JSON output; it
// changes only if the schema in docs/diff.md changes incompatibly.
const JSONFormat = "roadmap-diff/v1"

// DocumentJSON is the documented JSON output (docs/diff.md).
type DocumentJSON struct {
	Format string     `json:"format"`
	Files  []FileJSON `json:"files"`
}

// FileJSON is the diff of one file.
type FileJSON struct {
	OldFile   string       `json:"old_file"`
	NewFile   string       `json:"new_file"`
	Status    Status       `json:"status"`
	RoadmapID string       `json:"roadmap_id"`
	Changes   []ChangeJSON `json:"changes"`
}

// ChangeJSON is one change.
type ChangeJSON struct {
	Kind       Kind          `json:"kind"`
	ID         string        `json:"id,omitempty"`
	OldID      string        `json:"old_id,omitempty"`
	OldN       int           `json:"old_n,omitempty"`
	NewN       int           `json:"new_n,omitempty"`
	Title      string        `json:"title,omitempty"`
	Similarity float64       `json:"similarity,omitempty"`
	Fields     []FieldJSON   `json:"fields,omitempty"`
	Moved      []MoveJSON    `json:"moved,omitempty"`
	Activity   *ActivityJSON `json:"activity,omitempty"`
}

// MoveJSON is an activity that changed place.
type MoveJSON struct {
	ID   string `json:"id"`
	OldN int    `json:"old_n"`
	NewN int    `json:"new_n"`
}

// FieldJSON is one changed field.
type FieldJSON struct {
	Field       string         `json:"field"`
	Key         string         `json:"key,omitempty"`
	Old         string         `json:"old"`
	New         string         `json:"new"`
	SameMeaning bool           `json:"same_meaning,omitempty"`
	Added       []string       `json:"added,omitempty"`
	Removed     []string       `json:"removed,omitempty"`
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

// DeadlineJSON is the deadline of one year, the date as YYYY-MM-DD.
type DeadlineJSON struct {
	Year int    `json:"year"`
	By   string `json:"by"`
}

// ActivityJSON is the whole row of an added or removed activity.
type ActivityJSON struct {
	Title     string   `json:"title"`
	Due       string   `json:"due"`
	Indicator string   `json:"indicator"`
	Executors []string `json:"executors"`
	Note      string   `json:"note,omitempty"`
}

// ToJSON converts results to the documented JSON form.
func ToJSON(rs []*Result) DocumentJSON {
	doc := DocumentJSON{Format: JSONFormat, Files: []FileJSON{}}
	for _, res := range rs {
		f := FileJSON{OldFile: res.OldFile, NewFile: res.NewFile, Status: res.Status,
			RoadmapID: res.RoadmapID, Changes: []ChangeJSON{}}
		for _, c := range res.Changes {
			cj := ChangeJSON{Kind: c.Kind, ID: c.ID, OldID: c.OldID, OldN: c.OldN, NewN: c.NewN,
				Title: c.Title, Similarity: float64(int(c.Similarity*1000)) / 1000}
			for _, m := range c.Moved {
				cj.Moved = append(cj.Moved, MoveJSON(m))
			}
			for _, fc := range c.Fields {
				fj := FieldJSON{Field: fc.Field, Key: fc.Key, Old: fc.Old, New: fc.New,
					SameMeaning: fc.SameMeaning, Added: fc.Added, Removed: fc.Removed}
				for _, t := range fc.Targets {
					fj.Targets = append(fj.Targets, TargetJSON(t))
				}
				if d := fc.Deadlines; d != nil {
					fj.Deadlines = &DeadlinesJSON{Old: deadlinesJSON(d.Old, d.OldParsed), New: deadlinesJSON(d.New, d.NewParsed)}
				}
				cj.Fields = append(cj.Fields, fj)
			}
			switch c.Kind {
			case KindAdded:
				cj.Activity = activityJSON(c.New.Title, c.New.Due, c.New.Indicator, c.New.Executors, c.New.Note)
			case KindRemoved:
				cj.Activity = activityJSON(c.Old.Title, c.Old.Due, c.Old.Indicator, c.Old.Executors, c.Old.Note)
			}
			f.Changes = append(f.Changes, cj)
		}
		doc.Files = append(doc.Files, f)
	}
	return doc
}

func activityJSON(title string, due phrase.Due, ind phrase.Indicator, ex []string, note string) *ActivityJSON {
	if ex == nil {
		ex = []string{}
	}
	return &ActivityJSON{Title: title, Due: due.Text, Indicator: ind.Text, Executors: ex, Note: note}
}

func deadlinesJSON(ds []phrase.Deadline, parsed bool) []DeadlineJSON {
	if !parsed {
		return nil
	}
	out := make([]DeadlineJSON, len(ds))
	for i, d := range ds {
		out[i] = DeadlineJSON{Year: d.Year, By: d.By.Format("2006-01-02")}
	}
	return out
}

func writeJSON(w io.Writer, rs []*Result) error {
	return render.WriteJSON(w, ToJSON(rs))
}
