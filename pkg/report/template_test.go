package report_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/report"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

func seedRoadmaps(t *testing.T) []*roadmap.Roadmap {
	t.Helper()
	res, err := check.Run([]string{"../../roadmaps"}, nil)
	if err != nil || len(res.Roadmaps) != 2 {
		t.Fatalf("roadmaps: %v %d", err, len(res.Roadmaps))
	}
	return res.Roadmaps
}

func writeTemplate(t *testing.T, dir string) string {
	t.Helper()
	f, err := report.Template(seedRoadmaps(t), i18n.RU)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "форма.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTemplateForm checks what the form promises: Russian headers, title
// rows, one row per activity and year, only four editable columns,
// validation on the fact, frozen header, A4 landscape, protection.
func TestTemplateForm(t *testing.T) {
	path := writeTemplate(t, t.TempDir())
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); fmt.Sprint(got) != "[Бессоновский район Никольский район]" {
		t.Fatalf("sheets = %v", got)
	}
	sheet := "Бессоновский район"
	rows, _ := f.GetRows(sheet)
	if rows[1][0] != "Район: Бессоновский район" || !strings.Contains(rows[3][0], "94/01-09") {
		t.Errorf("title rows: %q", rows[:4])
	}
	header := strings.Join(rows[6], "|")
	if header != "Дорожная карта|Район|ID|№|Мероприятие|Индикативный показатель|Год|План|Факт|Дата выполнения|Документ / комментарий|Причина отклонения" {
		t.Errorf("header = %s", header)
	}
	if n := len(rows) - 7; n != 12*3 {
		t.Errorf("%d data rows, want 36 (12 activities x 3 years)", n)
	}
	locked := func(cell string) bool {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for cell, want := range map[string]bool{"A8": true, "E8": true, "H8": true, "I8": false, "J8": false, "K8": false, "L8": false, "I9": false} {
		if locked(cell) != want {
			t.Errorf("%s locked = %v, want %v", cell, !want, want)
		}
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Sqref] = dv.Type + " " + dv.Formula1
	}
	// work-plan (document) is a yes/no list; rmo-deputies (count) a whole
	// number; proektoria (percent) a decimal 0..100.
	for cell, want := range map[string]string{"I8": `list "да,нет"`, "I14": "whole 0", "I29": "decimal 0"} {
		if !strings.HasPrefix(kinds[cell], want) {
			t.Errorf("validation of %s = %q, want %s", cell, kinds[cell], want)
		}
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 7 {
		t.Errorf("panes = %+v", panes)
	}
	layout, _ := f.GetPageLayout(sheet)
	if *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout = %s size %d fit %dx%d", *layout.Orientation, *layout.Size, *layout.FitToWidth, *layout.FitToHeight)
	}
	if hf, _ := f.GetHeaderFooter(sheet); !strings.HasSuffix(hf.OddFooter, "Страница &P из &N") {
		t.Errorf("footer = %q", hf.OddFooter)
	}
	// Wrapped rows are as tall as their text: rmo-deputies' title takes
	// eight lines, work-plan's two.
	for row, want := range map[int]float64{8: 32, 14: 128} {
		if h, _ := f.GetRowHeight(sheet, row); h != want {
			t.Errorf("row %d is %v points high, want %v", row, h, want)
		}
	}
	// The template is the same bytes for the same roadmaps.
	again := writeTemplate(t, t.TempDir())
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Error("two templates of the same roadmaps differ")
	}
}

// TestTemplateRoundTrip fills every editable cell of the form and reads it
// back: every value survives.
func TestTemplateRoundTrip(t *testing.T) {
	path := writeTemplate(t, t.TempDir())
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][4]string{}
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for i := 7; i < len(rows); i++ {
			line := i + 1
			fact := fmt.Sprintf("%d", line)
			date := fmt.Sprintf("%02d.09.2021", line%28+1)
			doc := fmt.Sprintf("Приказ № %d", line)
			reason := "=причина " + sheet // a text starting with "=" stays text
			for col, v := range map[string]string{"I": fact, "J": date, "K": doc, "L": reason} {
				if err := f.SetCellStr(sheet, fmt.Sprintf("%s%d", col, line), v); err != nil {
					t.Fatal(err)
				}
			}
			want[fmt.Sprintf("%s!%d", sheet, line)] = [4]string{fact, date, doc, reason}
		}
	}
	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	if err := f.SaveAs(filled); err != nil {
		t.Fatal(err)
	}
	got := 0
	fs, err := report.Read(filled, func(r *report.Row) error {
		key := fmt.Sprintf("%s!%d", r.Sheet, r.Line)
		w, ok := want[key]
		if !ok {
			t.Errorf("unexpected row %s", key)
			return nil
		}
		have := [4]string{r.Text(report.FieldFact), r.Text(report.FieldDate), r.Text(report.FieldDocument), r.Text(report.FieldReason)}
		if have != w {
			t.Errorf("%s: read %q, wrote %q", key, have, w)
		}
		if r.Text(report.FieldID) == "" || r.Text(report.FieldRoadmap) == "" {
			t.Errorf("%s: ids lost", key)
		}
		got++
		return nil
	})
	if err != nil || len(fs) > 0 {
		t.Fatalf("read: %v %v", err, fs)
	}
	if got != len(want) || got != (12+8)*3 {
		t.Errorf("read %d rows, wrote %d", got, len(want))
	}
}

// TestTemplateOpensInLibreOffice converts the form with LibreOffice: to
// CSV (the cells as Calc reads them) and to PDF (A4 landscape pages).
func TestTemplateOpensInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	path := writeTemplate(t, dir)
	run := func(args ...string) { golden.Office(t, dir, args...) }
	// 44,34,76: comma, double quote, UTF-8; the last -1 exports every sheet.
	run("--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`, "--outdir", dir, path)
	csv, err := os.ReadFile(filepath.Join(dir, "форма-Бессоновский район.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Район: Бессоновский район", "Дорожная карта,Район,ID,№,Мероприятие,Индикативный показатель,Год,План,Факт",
		"bessonovsky-proforientatsiya,Бессоновский район,proektoria,8,", "≥ 55 %"} {
		if !strings.Contains(string(csv), want) {
			t.Errorf("LibreOffice CSV lacks %q", want)
		}
	}
	run("--convert-to", "pdf", "--outdir", dir, path)
	pdf := filepath.Join(dir, "форма.pdf")
	info, err := os.Stat(pdf)
	if err != nil || info.Size() == 0 {
		t.Fatalf("no PDF: %v", err)
	}
	pdfinfo := golden.Program(t, "pdfinfo")
	out, err := exec.Command(pdfinfo, pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(string(out))
	if m == nil || m[1] < m[2] || !strings.HasPrefix(m[1], "841") {
		t.Errorf("PDF pages are not A4 landscape: %s", out)
	}
	// Wrapped titles and indicators must not be drawn over the next row.
	for i, p := range golden.PDFPages(t, pdf) {
		if o := p.Overlaps(); len(o) > 0 {
			t.Errorf("page %d: %d pairs of words drawn over each other, e.g. %+v", i+1, len(o), o[0])
		}
	}
}
