package view

import (
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// ShowData is the JSON form of `roadmap show`: the parsed structure of
// every activity, for programs rather than people.
type ShowData struct {
	File       string         `json:"file"`
	ID         string         `json:"id"`
	District   string         `json:"district"`
	Period     PeriodData     `json:"period"`
	Activities []ActivityData `json:"activities"`
}

// PeriodData is a roadmap period in JSON.
type PeriodData struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// ActivityData is one activity as understood.
type ActivityData struct {
	ID        string           `json:"id"`
	N         roadmap.Number   `json:"n"`
	Title     string           `json:"title"`
	Due       phrase.Due       `json:"due"`
	Deadlines []DeadlineData   `json:"deadlines"`
	Indicator phrase.Indicator `json:"indicator"`
	Per       string           `json:"per"`
	Executors []string         `json:"executors"`
}

// DeadlineData is a deadline in one year, the date as YYYY-MM-DD.
type DeadlineData struct {
	Year int    `json:"year"`
	By   string `json:"by"`
}

// Data builds the JSON form of show.
func Data(r *roadmap.Roadmap) ShowData {
	d := ShowData{File: r.File, ID: r.ID, District: r.District,
		Period: PeriodData{r.Period.From, r.Period.To}, Activities: []ActivityData{}}
	for _, a := range r.Activities {
		ad := ActivityData{ID: a.ID, N: a.N, Title: a.Title, Due: a.Due, Indicator: a.Indicator,
			Per: a.Per(r.Period), Executors: a.Executors, Deadlines: []DeadlineData{}}
		for _, dl := range a.Due.Schedule(r.Period.From, r.Period.To) {
			ad.Deadlines = append(ad.Deadlines, DeadlineData{dl.Year, dl.By.Format("2006-01-02")})
		}
		d.Activities = append(d.Activities, ad)
	}
	return d
}
