package report_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

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

// writeTemplate writes the form in lang: форма.xlsx in Russian, form.xlsx
// in English.
func writeTemplate(t *testing.T, dir string, lang i18n.Lang) string {
	t.Helper()
	return saveForm(t, filepath.Join(dir, map[i18n.Lang]string{i18n.RU: "форма.xlsx", i18n.EN: "form.xlsx"}[lang]), seedRoadmaps(t), lang)
}

// saveForm writes the form of rms in lang to path.
func saveForm(t *testing.T, path string, rms []*roadmap.Roadmap, lang i18n.Lang) string {
	t.Helper()
	f, err := report.Template(rms, lang)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// openForm opens a workbook for the test, closed when it ends.
func openForm(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestTemplateForm checks what the form promises: Russian headers, title
// rows, one row per activity and year, only four editable columns,
// validation on the fact, frozen header, A4 landscape, protection.
func TestTemplateForm(t *testing.T) {
	path := writeTemplate(t, t.TempDir(), i18n.RU)
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
	// management-decisions needs two documents: «1» (one of them) is a
	// fact the clerk can enter, and so are да and нет.
	twoDocs := 0
	for i, r := range rows {
		if len(r) > 7 && r[2] == "management-decisions" && r[7] == "наличие документов: 2" {
			twoDocs++
			if cell := fmt.Sprintf("I%d", i+1); kinds[cell] != `list "да,нет,0,1,2"` {
				t.Errorf("validation of %s (two documents) = %q, want да, нет or 0..2", cell, kinds[cell])
			}
		}
	}
	if twoDocs == 0 {
		t.Error("no row of management-decisions, which needs two documents")
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
	again := writeTemplate(t, t.TempDir(), i18n.RU)
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Error("two templates of the same roadmaps differ")
	}
}

// TestTemplateRoundTrip fills every editable cell of the form and reads it
// back: every value survives.
func TestTemplateRoundTrip(t *testing.T) {
	path := writeTemplate(t, t.TempDir(), i18n.RU)
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
	// One row per activity and year, and one more: «февраль, сентябрь 2020 г.» falls due twice in 2020.
	if got != len(want) || got != (12+8)*3+1 {
		t.Errorf("read %d rows, wrote %d", got, len(want))
	}
}

// TestTemplateOpensInLibreOffice converts the Russian and the English form
// and the regional one (section headings, dotted numbers) with
// LibreOffice, all in one run: to CSV (the cells as Calc reads them) and
// to PDF (A4 landscape pages, no words drawn over each other).
func TestTemplateOpensInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	seeds := titles(seedRoadmaps(t))
	forms := []struct {
		path, name, sheet string
		csv               []string // in the CSV of the sheet
		lastHeader        string   // on every page
		titles            []string // somewhere in the PDF
	}{
		{writeTemplate(t, dir, i18n.RU), "форма", "Бессоновский район", []string{"Район: Бессоновский район",
			"Дорожная карта,Район,ID,№,Мероприятие,Индикативный показатель,Год,План,Факт",
			"bessonovsky-proforientatsiya,Бессоновский район,proektoria,8,", "≥ 55 %"}, "Причина отклонения", seeds},
		{writeTemplate(t, dir, i18n.EN), "form", "Бессоновский район", []string{"District: Бессоновский район",
			"Roadmap,District,ID,No.,Activity,Indicator,Year,Plan,Actual,Date done,Document / comment,Deviation reason",
			"bessonovsky-proforientatsiya,Бессоновский район,proektoria,8,", "≥ 55 %", "not due this year"}, "Deviation reason", seeds},
		{writeRegionalForm(t, dir, i18n.RU), "регион", "Пензенская область", []string{"Регион: Пензенская область",
			"Дорожная карта,Регион,ID,№,", "\nI. Нормативно-правовое обеспечение,", "\nII. Организационно-методическое сопровождение,",
			"penza-region-proforientatsiya,Пензенская область,regional-plan,1.1,", "teacher-training,2.1,"}, "Причина отклонения", nil},
	}
	run := func(args ...string) {
		for _, f := range forms {
			args = append(args, f.path)
		}
		golden.Office(t, dir, args...)
	}
	// 44,34,76: comma, double quote, UTF-8; the last -1 exports every sheet.
	run("--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`, "--outdir", dir)
	run("--convert-to", "pdf", "--outdir", dir)
	pdfinfo := golden.Program(t, "pdfinfo")
	for _, f := range forms {
		csv, err := os.ReadFile(filepath.Join(dir, f.name+"-"+f.sheet+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range f.csv {
			if !strings.Contains(string(csv), want) {
				t.Errorf("%s: LibreOffice CSV lacks %q", f.name, want)
			}
		}
		pdf := filepath.Join(dir, f.name+".pdf")
		info, err := os.Stat(pdf)
		if err != nil || info.Size() == 0 {
			t.Fatalf("%s: no PDF: %v", f.name, err)
		}
		out, err := exec.Command(pdfinfo, pdf).Output()
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(string(out))
		if m == nil || m[1] < m[2] || !strings.HasPrefix(m[1], "841") {
			t.Errorf("%s: PDF pages are not A4 landscape: %s", f.name, out)
		}
		// Wrapped titles and indicators must not be drawn over the next row.
		pages := golden.PDFPages(t, pdf)
		var all []string
		for i, p := range pages {
			if o := p.Overlaps(); len(o) > 0 {
				t.Errorf("%s: page %d: %d pairs of words drawn over each other, e.g. %+v", f.name, i+1, len(o), o[0])
			}
			if p.Width < 840 || p.Width > 843 || p.Height < 594 || p.Height > 597 {
				t.Errorf("%s: page %d is %.0f × %.0f pt, want A4 landscape", f.name, i+1, p.Width, p.Height)
			}
			// The header row is repeated on every page, its last column on it.
			if !pageHasWords(p, f.lastHeader) {
				t.Errorf("%s: page %d lacks the header %q", f.name, i+1, f.lastHeader)
			}
			all = append(all, p.Text())
		}
		text := strings.Join(all, " ")
		for _, title := range f.titles {
			// The title's first words: the rest wraps.
			words := strings.Fields(title)
			if w := strings.Join(words[:min(3, len(words))], " "); !strings.Contains(text, w) {
				t.Errorf("%s: the PDF lacks the activity %q", f.name, w)
			}
		}
	}
}

// pageHasWords reports whether every word of s is on page p.
func pageHasWords(p golden.Page, s string) bool {
	words := map[string]bool{}
	for _, w := range p.Words {
		words[w.Text] = true
	}
	for _, w := range strings.Fields(s) {
		if !words[w] {
			return false
		}
	}
	return true
}

// titles are the activity titles of roadmaps.
func titles(rms []*roadmap.Roadmap) []string {
	var out []string
	for _, rm := range rms {
		for _, a := range rm.Activities {
			out = append(out, a.Title)
		}
	}
	return out
}

// TestFormHeadersReadBack: the reader takes every header the form writes,
// in every language, for its own column.
func TestFormHeadersReadBack(t *testing.T) {
	t.Parallel()
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		for _, f := range report.Fields {
			h := f.Header(lang)
			if got, ok := report.MatchHeader(h); !ok || got != f {
				t.Errorf("%s header %q of %s reads as %s (%v)", lang, h, f.Key(), got.Key(), ok)
			}
		}
	}
}

// TestTemplateFormEnglish checks the English form: its headers, title rows,
// yes/no list and validation messages are English; the layout is the
// Russian form's.
func TestTemplateFormEnglish(t *testing.T) {
	t.Parallel()
	f, err := excelize.OpenFile(writeTemplate(t, t.TempDir(), i18n.EN))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); fmt.Sprint(got) != "[Бессоновский район Никольский район]" {
		t.Fatalf("sheets = %v", got)
	}
	sheet := "Бессоновский район"
	rows, _ := f.GetRows(sheet)
	titles := []string{
		"Roadmap fulfilment report",
		"District: Бессоновский район",
		"Roadmap: bessonovsky-proforientatsiya (Организация системы работы по самоопределению и профессиональной ориентации)",
		"Approved by: order of 14.07.2020 No. 94/01-09",
		`Fill in the columns "Actual", "Date done", "Document / comment" and "Deviation reason". The other columns are protected.`,
	}
	for i, want := range titles {
		if rows[i][0] != want {
			t.Errorf("title row %d = %q, want %q", i+1, rows[i][0], want)
		}
	}
	header := strings.Join(rows[6], "|")
	if header != "Roadmap|District|ID|No.|Activity|Indicator|Year|Plan|Actual|Date done|Document / comment|Deviation reason" {
		t.Errorf("header = %s", header)
	}
	if n := len(rows) - 7; n != 12*3 {
		t.Errorf("%d data rows, want 36 (12 activities x 3 years)", n)
	}
	if rows[7][7] != "the document exists" || rows[16][7] != "not due this year" {
		t.Errorf("plans = %q, %q", rows[7][7], rows[16][7])
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Sqref] = dv.Type + " " + dv.Formula1 + " " + *dv.Error
	}
	for cell, want := range map[string]string{
		"I8":  `list "yes,no" Choose "yes" or "no"`,
		"I14": "whole 0",
		"I29": "decimal 0",
	} {
		if !strings.HasPrefix(kinds[cell], want) {
			t.Errorf("validation of %s = %q, want %s", cell, kinds[cell], want)
		}
	}
	if hf, _ := f.GetHeaderFooter(sheet); !strings.HasSuffix(hf.OddFooter, "Page &P of &N") {
		t.Errorf("footer = %q", hf.OddFooter)
	}
	if props, _ := f.GetDocProps(); props.Title != "Roadmap fulfilment report" || props.Language != "en" {
		t.Errorf("document properties = %+v", props)
	}
}

// TestTemplateEnglishReadsLikeRussian fills the English and the Russian
// form alike, as a clerk would: the fact picked from the yes/no list or
// typed as a number, a date, a comment, a reason. Both read back to the
// same rows and values.
func TestTemplateEnglishReadsLikeRussian(t *testing.T) {
	t.Parallel()
	ru, ruFacts := fillAndRead(t, i18n.RU)
	en, enFacts := fillAndRead(t, i18n.EN)
	if len(ru) != (12+8)*3+1 || len(en) != len(ru) {
		t.Fatalf("read %d Russian and %d English rows, want %d", len(ru), len(en), (12+8)*3+1)
	}
	for key, want := range ru {
		if got := en[key]; got != want {
			t.Errorf("%s: the English form reads\n%s\nthe Russian\n%s", key, got, want)
		}
	}
	// The clerk's choices from the lists differ by language and read alike.
	if ruFacts["да"] == 0 || ruFacts["нет"] == 0 || enFacts["yes"] != ruFacts["да"] || enFacts["no"] != ruFacts["нет"] {
		t.Errorf("facts picked: Russian %v, English %v", ruFacts, enFacts)
	}
}

// fillAndRead writes the form in lang, fills the editable cells of every
// row that is due and reads it back: what each row says (but the plan and
// the title rows, which are worded in lang), by sheet and line, and how
// often each word of the yes/no lists was picked.
func fillAndRead(t *testing.T, lang i18n.Lang) (map[string]string, map[string]int) {
	t.Helper()
	dir := t.TempDir()
	f, err := excelize.OpenFile(writeTemplate(t, dir, lang))
	if err != nil {
		t.Fatal(err)
	}
	picked := map[string]int{}
	for _, sheet := range f.GetSheetList() {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			_, line, err := excelize.CellNameToCoordinates(dv.Sqref)
			if err != nil {
				t.Fatal(err)
			}
			cell := func(col string) string { return fmt.Sprintf("%s%d", col, line) }
			switch dv.Type {
			case "list":
				choices := strings.Split(strings.Trim(dv.Formula1, `"`), ",")
				word := choices[line%len(choices)]
				picked[word]++
				err = f.SetCellStr(sheet, cell("I"), word)
			case "whole":
				err = f.SetCellInt(sheet, cell("I"), int64(line))
			default:
				err = f.SetCellFloat(sheet, cell("I"), float64(line%100)+0.5, 1, 64)
			}
			if err != nil {
				t.Fatal(err)
			}
			for col, v := range map[string]any{
				"J": time.Date(2021, 9, line%28+1, 0, 0, 0, 0, time.UTC),
				"K": fmt.Sprintf("Приказ № %d от 01.09.2021", line),
				"L": "нет средств",
			} {
				if err := f.SetCellValue(sheet, cell(col), v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	filled := filepath.Join(dir, "filled.xlsx")
	if err := f.SaveAs(filled); err != nil {
		t.Fatal(err)
	}
	read := map[string]string{}
	fs, err := report.Read(filled, func(r *report.Row) error {
		var b strings.Builder
		for _, field := range report.Fields {
			if field == report.FieldPlan {
				continue
			}
			fmt.Fprintf(&b, "%s %v %s\n", field.Key(), r.Has[field], valueString(r.Get(field).Value(), field == report.FieldFact))
		}
		read[fmt.Sprintf("%s!%d", r.Sheet, r.Line)] = b.String()
		return nil
	})
	if err != nil || len(fs) > 0 {
		t.Fatalf("read the %s form: %v %v", lang, err, fs)
	}
	return read, picked
}

// valueString is what a value means; a fact's text is the word the clerk
// picked in the form's language, so it is left out.
func valueString(v report.Value, fact bool) string {
	s := fmt.Sprintf("percent=%v document=%q date=%v", v.Percent, v.Document, v.Date)
	if !fact {
		s = fmt.Sprintf("text=%q ", v.Text) + s
	}
	if v.Number != nil {
		s += fmt.Sprintf(" number=%v", *v.Number)
	}
	if v.Yes != nil {
		s += fmt.Sprintf(" yes=%v", *v.Yes)
	}
	return s
}
