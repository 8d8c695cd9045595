package summary_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/summary"
	"github.com/roadmap-edu/roadmap/pkg/view"
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

// TestChartSheetPrinted: printed by LibreOffice, the chart sheet's page
// shows every status header whole (wrapped, not cut by its cell) with no
// words drawn over each other, and the chart below the table.
func TestChartSheetPrinted(t *testing.T) {
	t.Parallel()
	rs := results(t, "../../roadmaps")
	opts := summary.Options{AsOf: asOf, Lang: i18n.RU}
	tmp := t.TempDir()
	path := filepath.Join(tmp, "chart.xlsx")
	var buf bytes.Buffer
	if err := render.WriteXLSX(&buf, summary.All(summary.ByDistrict, rs, opts), render.WorkbookMeta{
		Lang: i18n.RU, Extra: summary.ChartSheet(rs, opts)}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	golden.Office(t, tmp, "--convert-to", "pdf", "--outdir", tmp, path)
	pages := golden.PDFPages(t, filepath.Join(tmp, "chart.pdf"))
	page := pages[len(pages)-1] // the chart sheet comes last
	if o := page.Overlaps(); len(o) > 0 {
		t.Errorf("%d pairs of words drawn over each other, e.g. %+v", len(o), o[0])
	}
	// The header row: the words above the first district's row (the
	// chart's legend below repeats the labels, and must not count).
	top := page.Height
	for _, w := range page.Words {
		if w.Text == "Бессоновский" {
			top = min(top, w.YMin)
		}
	}
	var header []string
	for _, w := range page.Words {
		if w.YMax <= top {
			header = append(header, strings.ToLower(w.Text))
		}
	}
	for _, s := range render.StatusOrder {
		label := view.StatusLabel(s, i18n.RU)
		for _, w := range strings.Fields(strings.ToLower(label)) {
			if !slices.Contains(header, w) {
				t.Errorf("the header %q is cut: %q is not in the header row %q", label, w, header)
			}
		}
	}
}
