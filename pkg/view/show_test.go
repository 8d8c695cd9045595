package view_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

const regional = "../../testdata/regional"

// TestShowRegional: show of the regional roadmap in text and Markdown
// (golden), its title naming the region, its activities under the two
// section headings, the expected result in a column of its own; the
// JSON carries the sections and each activity's section and measure.
func TestShowRegional(t *testing.T) {
	t.Parallel()
	res, err := check.Run([]string{filepath.Join(regional, "roadmap.yaml")}, nil)
	if err != nil || len(res.Roadmaps) != 1 || len(res.Findings) > 0 {
		t.Fatalf("%v %v", err, res.Findings)
	}
	r := res.Roadmaps[0]
	tbl := view.Show(r, i18n.RU)
	if tbl.Title != "Дорожная карта penza-region-proforientatsiya (Пензенская область, региональная), 2021–2023" {
		t.Errorf("title = %q", tbl.Title)
	}
	if len(tbl.Headings) != 2 || tbl.Headings[0] != (view.Heading{Before: 0, N: "I", Title: "Нормативно-правовое обеспечение"}) ||
		tbl.Headings[1].Before != 2 || tbl.Headings[1].Text() != "II. Организационно-методическое сопровождение" {
		t.Errorf("headings = %+v", tbl.Headings)
	}
	if last := tbl.Columns[len(tbl.Columns)-1]; last.Key != "result" {
		t.Errorf("last column = %+v", last)
	}
	var out bytes.Buffer
	for _, f := range []render.Format{render.Text, render.Markdown} {
		rr, err := render.New(f, render.Options{Lang: i18n.RU, Width: 160})
		if err != nil {
			t.Fatal(err)
		}
		if err := rr.Table(&out, tbl); err != nil {
			t.Fatal(err)
		}
	}
	golden.Compare(t, filepath.Join(regional, "show.golden"), out.Bytes())

	data, err := json.Marshal(view.Data(r))
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Level, Owner string
		Sections     []struct{ ID, N, Title string }
		Activities   []struct {
			N       any
			Section string
			Measure string
			Result  *struct{ Text string }
		}
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Level != "region" || back.Owner != "Пензенская область" || len(back.Sections) != 2 || back.Sections[1].N != "II" {
		t.Errorf("JSON roadmap: %+v", back)
	}
	want := []string{"1.1 normative indicator", "1.2 normative result", "2.1 methods indicator"}
	for i, a := range back.Activities {
		got := strings.Join([]string{a.N.(string), a.Section, a.Measure}, " ")
		if i >= len(want) || got != want[i] {
			t.Errorf("JSON activity %d: %s", i, got)
		}
	}
	if back.Activities[0].Result != nil || back.Activities[2].Result == nil {
		t.Errorf("results: %+v %+v", back.Activities[0].Result, back.Activities[2].Result)
	}
}
