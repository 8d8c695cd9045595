package view

import (
	"strconv"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// StatusRow is one evaluated activity and year, as package fulfil gives
// it; view keeps its own shape so that it does not depend on fulfil.
type StatusRow struct {
	RoadmapID   string
	N           int
	ActivityID  string
	Year        int
	Plan        string
	Fact        string
	Status      string // the status in words
	Achievement *float64
	Reason      string
}

// Statuses is the table of statuses printed after the findings of
// `roadmap check --report`.
func Statuses(rows []StatusRow, asOf time.Time, lang i18n.Lang) Table {
	t := Table{
		Title: i18n.T(lang, "fulfil.title", asOf.Format("02.01.2006")),
		Columns: []Column{
			{Key: "roadmap", Header: i18n.T(lang, "col.roadmap")},
			{Key: "n", Header: i18n.T(lang, "col.n")},
			{Key: "id", Header: i18n.T(lang, "col.id")},
			{Key: "year", Header: i18n.T(lang, "col.year")},
			{Key: "plan", Header: i18n.T(lang, "col.plan"), Max: 28},
			{Key: "fact", Header: i18n.T(lang, "col.fact"), Max: 20},
			{Key: "achievement", Header: i18n.T(lang, "col.achievement")},
			{Key: "status", Header: i18n.T(lang, "col.status"), Max: 20},
			{Key: "reason", Header: i18n.T(lang, "col.reason"), Max: 30},
		},
	}
	for _, r := range rows {
		ach := ""
		if r.Achievement != nil {
			ach = Number(*r.Achievement)
		}
		t.Rows = append(t.Rows, []string{r.RoadmapID, strconv.Itoa(r.N), r.ActivityID, strconv.Itoa(r.Year),
			r.Plan, r.Fact, ach, r.Status, r.Reason})
	}
	return t
}
