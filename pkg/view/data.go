package view

import (
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// ShowData is the JSON form of `roadmap show`: the parsed structure of
// every activity, for programs rather than people.
type ShowData struct {
	File string `json:"file"`
	ID   string `json:"id"`
	// Level is district, region or school; Owner the district, region or
	// school the roadmap belongs to.
	Level        string         `json:"level"`
	Owner        string         `json:"owner"`
	Region       string         `json:"region,omitempty"`
	District     string         `json:"district"`
	Organisation string         `json:"organisation,omitempty"`
	Period       PeriodData     `json:"period"`
	Sections     []SectionData  `json:"sections"`
	Activities   []ActivityData `json:"activities"`
}

// PeriodData is a roadmap period in JSON.
type PeriodData struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// SectionData is a section of the table: its id (what activities name),
// its number as printed and its title.
type SectionData struct {
	ID    string `json:"id"`
	N     string `json:"n"`
	Title string `json:"title"`
}

// ActivityData is one activity as understood. Indicator and Result are
// as written and parsed; Measure says which of them fulfilment measures
// ("indicator", "result", or "" when the activity has neither).
type ActivityData struct {
	ID        string            `json:"id"`
	N         roadmap.Number    `json:"n"`
	Section   string            `json:"section,omitempty"`
	Title     string            `json:"title"`
	Due       phrase.Due        `json:"due"`
	Deadlines []DeadlineData    `json:"deadlines"`
	Indicator phrase.Indicator  `json:"indicator"`
	Result    *phrase.Indicator `json:"result,omitempty"`
	Measure   string            `json:"measure"`
	Per       string            `json:"per"`
	Executors []string          `json:"executors"`
}

// DeadlineData is a deadline in one year, the date as YYYY-MM-DD.
type DeadlineData struct {
	Year int `json:"year"`
	// From is the start of a range; By is empty for an undated occurrence.
	From string `json:"from,omitempty"`
	By   string `json:"by"`
}

// Data builds the JSON form of show.
func Data(r *roadmap.Roadmap) ShowData {
	d := ShowData{File: r.File, ID: r.ID, Level: r.LevelOf(), Owner: r.Owner(), Region: r.Region,
		District: r.District, Organisation: r.Organisation,
		Period: PeriodData{r.Period.From, r.Period.To}, Sections: []SectionData{}, Activities: []ActivityData{}}
	for _, s := range r.Sections {
		d.Sections = append(d.Sections, SectionData{ID: s.ID, N: s.N, Title: s.Title})
	}
	for _, a := range r.Activities {
		ad := ActivityData{ID: a.ID, N: a.N, Section: a.Section, Title: a.Title, Due: a.Due, Indicator: a.Indicator,
			Measure: measured(a), Per: a.Per(r.Period), Executors: a.Executors, Deadlines: []DeadlineData{}}
		if a.Result.Text != "" {
			res := a.Result
			ad.Result = &res
		}
		for _, dl := range r.Occurrences(a) {
			dd := DeadlineData{Year: dl.Year}
			if !dl.By.IsZero() {
				dd.By = dl.By.Format("2006-01-02")
			}
			if !dl.From.IsZero() {
				dd.From = dl.From.Format("2006-01-02")
			}
			ad.Deadlines = append(ad.Deadlines, dd)
		}
		d.Activities = append(d.Activities, ad)
	}
	return d
}

// measured names what Activity.Measure takes.
func measured(a roadmap.Activity) string {
	switch {
	case a.Indicator.Text != "" || a.Indicator.Parsed:
		return "indicator"
	case a.Result.Text != "" || a.Result.Parsed:
		return "result"
	}
	return ""
}
