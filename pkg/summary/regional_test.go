package summary_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/summary"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

const regional = "../../testdata/regional"

var regionalAsOf = time.Date(2023, 1, 15, 0, 0, 0, 0, time.UTC)

func regionalResults(t *testing.T) []fulfil.Result {
	t.Helper()
	return evaluate(t, filepath.Join(regional, "roadmap.yaml"), filepath.Join(regional, "report-2022.xlsx"), regionalAsOf)
}

// TestRegionalViews: the summaries of the regional roadmap, in the text,
// Markdown and CSV a person reads, group the activity views under the
// section headings and name the region as the owner.
func TestRegionalViews(t *testing.T) {
	t.Parallel()
	rs := regionalResults(t)
	opts := summary.Options{AsOf: regionalAsOf, Lang: i18n.RU}
	var b bytes.Buffer
	for _, f := range []struct {
		fmt  render.Format
		opts render.Options
	}{
		{render.Text, render.Options{Lang: i18n.RU, Width: 200}},
		{render.Markdown, render.Options{Lang: i18n.RU}},
		{render.CSV, render.Options{Lang: i18n.RU}},
	} {
		r, err := render.New(f.fmt, f.opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []summary.View{summary.ByYear, summary.ByActivity, summary.ByDistrict} {
			fmt.Fprintf(&b, "== %s %s\n", f.fmt, v)
			if err := r.Table(&b, summary.Build(v, rs, opts)); err != nil {
				t.Fatal(err)
			}
		}
	}
	golden.Compare(t, filepath.Join(regional, "summary.golden"), b.Bytes())
	// JSON keeps the rows typed: headings are no rows there.
	var js bytes.Buffer
	r, _ := render.New(render.JSON, render.Options{Lang: i18n.RU})
	if err := r.Table(&js, summary.Build(summary.ByYear, rs, opts)); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(js.String(), `"row":`); n != 8 || strings.Contains(js.String(), "Нормативно-правовое") {
		t.Errorf("JSON has %d rows (want 8) or a heading:\n%s", n, js.String())
	}
	for _, want := range []string{"Район / организация", "| **I. Нормативно-правовое обеспечение** |",
		"\nII. Организационно-методическое сопровождение,,,", "Пензенская область"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("summaries lack %q", want)
		}
	}
}

// TestRegionalWorkbook reads the summary workbook of the regional
// roadmap back: a shaded bold heading row above each section's rows, the
// dotted numbers as text, the owner column named for a region.
func TestRegionalWorkbook(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "svodka.xlsx")
	writeWorkbook(t, path, regionalResults(t), summary.Options{AsOf: regionalAsOf, Lang: i18n.RU})
	golden.Compare(t, filepath.Join(regional, "workbook.golden"), readBack(t, path))
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := "Сведения о достижении"
	rows, _ := f.GetRows(sheet)
	var got []string
	for _, row := range rows[5:] {
		if len(row) > 2 {
			got = append(got, row[2])
		} else {
			got = append(got, row[0])
		}
	}
	want := "[I. Нормативно-правовое обеспечение 1.1 1.1 1.1 1.2 1.2 1.2 II. Организационно-методическое сопровождение 2.1 2.1]"
	if fmt.Sprint(got) != want {
		t.Errorf("rows = %v\nwant %s", got, want)
	}
	if rows[4][1] != "Район / организация" {
		t.Errorf("owner column = %q", rows[4][1])
	}
	id, _ := f.GetCellStyle(sheet, "A6")
	if st, _ := f.GetStyle(id); st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 {
		t.Errorf("heading A6 is not shaded bold: %+v", st)
	}
	if typ, _ := f.GetCellType(sheet, "C7"); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("number 1.1 is not text: type %d", typ)
	}
}

// TestSectionOrder: a roadmap's activities are listed section by section
// (plain numbers start again in each), by number within one (2.9 before
// 2.10), each section under its heading.
func TestSectionOrder(t *testing.T) {
	t.Parallel()
	one := roadmap.Section{ID: "a", N: "I", Title: "Первый"}
	two := roadmap.Section{ID: "b", N: "II", Title: "Второй"}
	result := func(n string, s roadmap.Section, order int) fulfil.Result {
		return fulfil.Result{RoadmapID: "r", Owner: "Область", Level: roadmap.LevelRegion, ActivityID: "a" + n + s.ID,
			N: roadmap.Number(n), Section: s, SectionOrder: order, Year: 2021, Status: fulfil.Met,
			Plan: roadmap.Plan{Kind: phrase.KindDocument}}
	}
	tests := []struct {
		name     string
		results  []fulfil.Result
		order    string
		headings string
	}{
		{"dotted", []fulfil.Result{result("2.10", roadmap.Section{}, 0), result("2.9", roadmap.Section{}, 0), result("10", roadmap.Section{}, 0), result("2", roadmap.Section{}, 0)},
			"[2 2.9 2.10 10]", "[]"},
		{"sections", []fulfil.Result{result("2", two, 2), result("1", two, 2), result("2", one, 1), result("1", one, 1)},
			"[1 2 1 2]", "[0:I. Первый 2:II. Второй]"},
	}
	for _, tt := range tests {
		numbers := map[string]string{}
		for _, r := range tt.results {
			numbers[r.ActivityID] = string(r.N)
		}
		for _, v := range []summary.View{summary.ByYear, summary.ByActivity} {
			tbl := summary.Build(v, tt.results, summary.Options{AsOf: regionalAsOf, Lang: i18n.RU})
			var order []string
			for _, row := range tbl.Rows {
				if v == summary.ByActivity {
					order = append(order, numbers[row[0].Text])
					continue
				}
				// A plain number is an integer cell, a dotted one text.
				if n := row[2]; n.Kind == view.CellInt {
					order = append(order, fmt.Sprint(n.Num))
				} else {
					order = append(order, n.Text)
				}
			}
			var hs []string
			for _, h := range tbl.Headings {
				hs = append(hs, fmt.Sprintf("%d:%s", h.Before, h.Text()))
			}
			if fmt.Sprint(order) != tt.order || fmt.Sprint(hs) != tt.headings {
				t.Errorf("%s by %s: order %v, headings %v; want %s, %s", tt.name, v, order, hs, tt.order, tt.headings)
			}
		}
	}
}
