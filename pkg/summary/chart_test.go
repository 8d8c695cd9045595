package summary_test

import (
	"archive/zip"
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/summary"
)

// TestChartSheet: the summary workbook's chart sheet counts each
// district's results by status (every result once) beside a stacked bar
// chart of them.
func TestChartSheet(t *testing.T) {
	t.Parallel()
	rs := results(t, "../../roadmaps")
	opts := summary.Options{AsOf: asOf, Lang: i18n.RU}
	var buf bytes.Buffer
	if err := render.WriteXLSX(&buf, summary.All(summary.ByDistrict, rs, opts), render.WorkbookMeta{
		Lang: i18n.RU, Extra: summary.ChartSheet(rs, opts)}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	// The same workbook, the same bytes: excelize lists a drawing's image
	// types from a map.
	for range 3 {
		var again bytes.Buffer
		if err := render.WriteXLSX(&again, summary.All(summary.ByDistrict, rs, opts), render.WorkbookMeta{
			Lang: i18n.RU, Extra: summary.ChartSheet(rs, opts)}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again.Bytes(), data) {
			t.Fatal("the workbook with a chart differs from run to run")
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Диаграмма")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][1] != "Выполнено" || rows[1][0] != "Бессоновский район" || rows[2][0] != "Никольский район" {
		t.Fatalf("chart sheet rows: %q", rows)
	}
	total := 0
	for _, row := range rows[1:] {
		for _, v := range row[1:] {
			n := 0
			for _, d := range v {
				n = n*10 + int(d-'0')
			}
			total += n
		}
	}
	if total != len(rs) {
		t.Errorf("chart sheet counts %d results, want %d", total, len(rs))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
	}
	if !slices.Contains(names, "xl/charts/chart1.xml") {
		t.Errorf("no chart in the workbook: %v", names)
	}
	if summary.Count(rs).MetPercent().Num <= 0 || !summary.Overdue("not_met") || summary.Overdue("met") {
		t.Error("counts helpers")
	}
}
