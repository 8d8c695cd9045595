package render_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/summary"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// TestViewsBookAsExcelize: the summary's workbooks (its goldens' tables,
// every first view, both languages) and the site's district workbooks
// (a district's roadmaps, items and executors) are the bytes excelize
// writes of them.
func TestViewsBookAsExcelize(t *testing.T) {
	t.Parallel()
	res, err := check.Run([]string{"../../roadmaps"}, nil)
	if err != nil || diag.Fails(res.Findings, true) {
		t.Fatal(err, res.Findings)
	}
	asOf := time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC)
	rs, _, err := fulfil.Evaluate(res.Roadmaps, []string{"../../testdata/reports/seeds-2020-2022.xlsx"}, fulfil.Options{AsOf: asOf, AllYears: true})
	if err != nil {
		t.Fatal(err)
	}
	byOwner := map[string][]fulfil.Result{}
	for _, r := range rs {
		byOwner[r.Owner] = append(byOwner[r.Owner], r)
	}
	var owners []string
	for o := range byOwner {
		owners = append(owners, o)
	}
	slices.Sort(owners)
	if len(owners) < 2 {
		t.Fatalf("districts %q, want the seeds' two or more", owners)
	}
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		meta := render.WorkbookMeta{Title: "Сводка", Subject: "Выполнение дорожных карт", Lang: lang}
		for _, first := range []summary.View{summary.ByDistrict, summary.ByActivity, summary.ByExecutor, summary.ByYear} {
			for _, year := range []int{0, 2021} {
				opts := summary.Options{AsOf: asOf, Lang: lang, Year: year}
				sameBooks(t, fmt.Sprintf("summary %s %s %d", lang, first, year), summary.All(first, rs, opts), meta)
			}
		}
		opts := summary.Options{AsOf: asOf, Lang: lang}
		for _, o := range owners {
			d := byOwner[o]
			sheets := []view.Table{summary.Build(summary.ByDistrict, d, opts), summary.Build(summary.ByYear, d, opts), summary.Build(summary.ByExecutor, d, opts)}
			sameBooks(t, fmt.Sprintf("district %s %s", lang, o), sheets, meta)
		}
	}
}

func sameBooks(t *testing.T, name string, tables []view.Table, meta render.WorkbookMeta) {
	t.Helper()
	var got, want bytes.Buffer
	if err := render.WriteXLSX(&got, tables, meta); err != nil {
		t.Fatal(err)
	}
	if err := render.WriteXLSXExcelize(&want, tables, meta); err != nil {
		t.Fatal(err)
	}
	render.SameWorkbook(t, name, got.Bytes(), want.Bytes())
}
