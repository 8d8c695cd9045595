package fulfil_test

import (
	"bytes"
	"fmt"
	"go/build"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

const reports = "../../testdata/reports"

var asOf = time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC)

func roadmaps(t *testing.T, paths ...string) []*roadmap.Roadmap {
	t.Helper()
	if len(paths) == 0 {
		paths = []string{"../../roadmaps"}
	}
	res, err := check.Run(paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.Roadmaps
}

func evaluate(t *testing.T, rms []*roadmap.Roadmap, files ...string) ([]fulfil.Result, []diag.Finding) {
	t.Helper()
	results, fs, err := fulfil.Evaluate(rms, files, fulfil.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	return results, fs
}

// summary renders results and findings compactly for golden files, with
// file paths relative to testdata/reports.
func summary(results []fulfil.Result, fs []diag.Finding) []byte {
	var b bytes.Buffer
	for _, r := range results {
		ach := "-"
		if r.Achievement != nil {
			ach = fmt.Sprint(*r.Achievement)
		}
		fmt.Fprintf(&b, "%s #%s %s %d: %s | plan %q | fact %q | %s%% | done %s\n",
			r.RoadmapID, r.N, r.ActivityID, r.Year, r.Status, view.Plan(r.Plan, i18n.RU), r.Fact, ach, r.Done)
	}
	b.WriteString("--\n")
	text, _ := render.New(render.Text, render.Options{Lang: i18n.RU})
	var fb bytes.Buffer
	text.Findings(&fb, fs)
	b.WriteString(strings.ReplaceAll(strings.ReplaceAll(fb.String(), reports+"/", ""), "../../", ""))
	return b.Bytes()
}

func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Compare(t, filepath.Join(reports, name), got)
}

// TestSeedReports: the form filled in for both seed roadmaps, 2020-2022,
// gives every status and covers every indicator kind.
func TestSeedReports(t *testing.T) {
	results, fs := evaluate(t, roadmaps(t), filepath.Join(reports, "seeds-2020-2022.xlsx"))
	compareGolden(t, "seeds-2020-2022.golden", summary(results, fs))

	statuses := map[fulfil.Status]bool{}
	kinds := map[phrase.IndicatorKind]bool{}
	for _, r := range results {
		statuses[r.Status] = true
		if r.Fact != "" {
			kinds[r.Plan.Kind] = true
		}
	}
	for _, s := range fulfil.Statuses {
		if !statuses[s] {
			t.Errorf("no result with status %s", s)
		}
	}
	for _, k := range phrase.Kinds {
		if !kinds[k] {
			t.Errorf("no reported value for an indicator of kind %s", k)
		}
	}
	want := map[string]fulfil.Status{
		"bessonovsky-proforientatsiya/work-plan/2021":            fulfil.MetLate,
		"bessonovsky-proforientatsiya/proektoria/2020":           fulfil.Met, // 57 as a number
		"bessonovsky-proforientatsiya/proektoria/2021":           fulfil.Met, // 0.62 in a percent cell
		"bessonovsky-proforientatsiya/proektoria/2022":           fulfil.Met, // "57,5 %" as text
		"bessonovsky-proforientatsiya/ticket-to-future/2021":     fulfil.NotMet,
		"bessonovsky-proforientatsiya/ticket-to-future/2022":     fulfil.NotDue,
		"bessonovsky-proforientatsiya/monitoring/2022":           fulfil.NoData,
		"bessonovsky-proforientatsiya/management-decisions/2020": fulfil.Partial,
		"nikolsky-proforientatsiya/events-with-partners/2021":    fulfil.NeedsReview,
		"nikolsky-proforientatsiya/ticket-to-future/2020":        fulfil.Met, // growth: the base year
		"nikolsky-proforientatsiya/ticket-to-future/2021":        fulfil.Met,
		"nikolsky-proforientatsiya/proektoria/2021":              fulfil.NotMet, // "59,9" < 60
	}
	for _, r := range results {
		k := r.RoadmapID + "/" + r.ActivityID + "/" + fmt.Sprint(r.Year)
		if s, ok := want[k]; ok {
			if r.Status != s {
				t.Errorf("%s: status %s, want %s", k, r.Status, s)
			}
			delete(want, k)
		}
	}
	for k := range want {
		t.Errorf("%s: not evaluated", k)
	}
}

// TestFindingsWordThePlanWhenRendered: findings carry the plan as a
// message, worded in the language they are rendered in.
func TestFindingsWordThePlanWhenRendered(t *testing.T) {
	_, fs := evaluate(t, roadmaps(t), filepath.Join(reports, "seeds-2020-2022.xlsx"))
	want := map[i18n.Lang][]string{
		i18n.RU: {"план наличие документов: 2", "план ≥ 30 участников за период", "план наличие документа"},
		i18n.EN: {"plan documents present: 2", "plan ≥ 30 участников over the period", "plan the document exists"},
	}
	for lang, plans := range want {
		var all strings.Builder
		for _, f := range fs {
			all.WriteString(f.Message(lang) + "\n")
		}
		for _, p := range plans {
			if !strings.Contains(all.String(), p) {
				t.Errorf("%s: no finding says %q:\n%s", lang, p, all.String())
			}
		}
	}
}

// TestMakesNoWords: evaluation is typed data; the words are made where
// results are shown, so fulfil must not depend on the packages that make
// them.
func TestMakesNoWords(t *testing.T) {
	const module = "github.com/roadmap-edu/roadmap/"
	seen := map[string]bool{}
	var walk func(path string)
	walk = func(path string) {
		if seen[path] || !strings.HasPrefix(path, module) {
			return
		}
		seen[path] = true
		pkg, err := build.ImportDir(filepath.Join("../..", strings.TrimPrefix(path, module)), 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pkg.Imports {
			walk(imp)
		}
	}
	walk(module + "pkg/fulfil")
	for _, words := range []string{"pkg/view", "pkg/render", "pkg/summary"} {
		if seen[module+words] {
			t.Errorf("package fulfil depends on %s", words)
		}
	}
	if !seen[module+"pkg/report"] {
		t.Errorf("the walk missed fulfil's own imports: %v", seen)
	}
}

// TestHandmadeReport: a report typed by hand with title rows, a two-row
// merged header, "№ п/п" instead of ids, no year column and values as text.
func TestHandmadeReport(t *testing.T) {
	results, fs := evaluate(t, roadmaps(t), filepath.Join(reports, "handmade-2021.xlsx"))
	compareGolden(t, "handmade-2021.golden", summary(results, fs))
	facts := map[string]string{}
	for _, r := range results {
		v := "-"
		if r.FactValue != nil {
			v = fmt.Sprint(*r.FactValue)
		}
		facts[r.ActivityID] = fmt.Sprintf("%d %s %s", r.Year, r.Status, v)
	}
	for id, want := range map[string]string{
		"work-plan":        "2021 met -",
		"rmo-deputies":     "2021 met 17",
		"proektoria":       "2021 met 57.5",
		"ticket-to-future": "2021 met 40", // 0,4 in a percent cell
		"art-profi-forum":  "2021 not_met 2",
	} {
		if facts[id] != want {
			t.Errorf("%s: got %q, want %q", id, facts[id], want)
		}
	}
}

// TestLibreOfficeReportsReadTheSame: workbooks re-saved by LibreOffice Calc
// (testdata/reports/make-libreoffice.sh) give the same results as ours.
func TestLibreOfficeReportsReadTheSame(t *testing.T) {
	rms := roadmaps(t)
	for _, name := range []string{"seeds-2020-2022.xlsx", "handmade-2021.xlsx"} {
		ours, ourFs := evaluate(t, rms, filepath.Join(reports, name))
		theirs, theirFs := evaluate(t, rms, filepath.Join(reports, "libreoffice", name))
		a := strings.ReplaceAll(string(summary(ours, ourFs)), name, "X")
		b := strings.ReplaceAll(strings.ReplaceAll(string(summary(theirs, theirFs)), "libreoffice/", ""), name, "X")
		if a != b {
			t.Errorf("%s read differently after LibreOffice:\n--- ours\n%s\n--- LibreOffice\n%s", name, a, b)
		}
		if len(ours) == 0 {
			t.Errorf("%s: no results", name)
		}
	}
	// Typed into Calc from CSV: Calc stores "57%" as 0.57 with a percent
	// format and the dates as date serials.
	results, fs := evaluate(t, rms, filepath.Join(reports, "libreoffice", "typed-2021.xlsx"))
	compareGolden(t, "typed-2021.golden", summary(results, fs))
	for _, r := range results {
		if r.ActivityID == "proektoria" && (r.FactValue == nil || *r.FactValue != 57 || r.Status != fulfil.NotMet) {
			t.Errorf("proektoria from Calc: %v %s", r.FactValue, r.Status)
		}
		if r.ActivityID == "diagnostics" && r.Done.String() != "2021-12-27" {
			t.Errorf("diagnostics date from Calc: %s", r.Done)
		}
	}
}

// TestReportProblems: each problem row is named by its cell.
func TestReportProblems(t *testing.T) {
	_, fs := evaluate(t, roadmaps(t, "../../roadmaps/bessonovsky.yaml"), filepath.Join(reports, "problems-2020.xlsx"))
	compareGolden(t, "problems-2020.golden", summary(nil, fs))
	want := map[diag.Code]string{
		diag.UnknownRoadmap: "Лист1!A3", diag.UnknownActivity: "Лист1!B4", diag.YearOutside: "Лист1!C5",
		diag.UnknownYear: "Лист1!C6", diag.ConflictingRows: "Лист1!D8", diag.BadReportValue: "Лист1!D9",
	}
	for _, f := range fs {
		if cell, ok := want[f.Code]; ok && f.Cell == cell {
			delete(want, f.Code)
		}
	}
	for code, cell := range want {
		t.Errorf("no %s finding at %s", code, cell)
	}
}

// TestBadReports: broken workbooks are findings naming the file, never a
// crash or an I/O error.
func TestBadReports(t *testing.T) {
	rms := roadmaps(t)
	tests := []struct {
		file string
		code diag.Code
		text string
	}{
		{"not-xlsx.xlsx", diag.ReportUnreadable, "это не файл xlsx"},
		{"truncated.xlsx", diag.ReportUnreadable, "не читается"},
		{"password.xlsx", diag.ReportUnreadable, "защищена паролем"},
		{"empty.xlsx", diag.ReportNoHeader, "не найдена строка заголовков"},
		{"many-errors.xlsx", diag.TooManyFindings, "первые 200"},
	}
	var all []diag.Finding
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, fs := evaluate(t, rms, filepath.Join(reports, "bad", tt.file))
			all = append(all, fs...)
			found := false
			for _, f := range fs {
				if f.Code == tt.code && strings.Contains(f.Message(i18n.RU), tt.text) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s %q among %d findings: %v", tt.code, tt.text, len(fs), fs)
			}
			if len(fs) > 201 {
				t.Errorf("%d findings: the cap is 200 plus one", len(fs))
			}
		})
	}
	// The golden keeps the first findings of each file.
	var short []diag.Finding
	seen := map[string]int{}
	for _, f := range all {
		if seen[f.File] < 3 {
			short = append(short, f)
		}
		seen[f.File]++
	}
	compareGolden(t, "bad.golden", summary(nil, short))
}

// TestShortfallsSayWhy: every result not met or partly met says why, and
// its finding ends with the reason (which documents, dates or value).
func TestShortfallsSayWhy(t *testing.T) {
	for _, book := range []string{"seeds-2020-2022.xlsx", "handmade-2021.xlsx", "problems-2020.xlsx"} {
		results, fs := evaluate(t, roadmaps(t), filepath.Join(reports, book))
		short := 0
		for _, r := range results {
			if (r.Status == fulfil.NotMet || r.Status == fulfil.Partial) && r.Why.Key == "" {
				t.Errorf("%s: %s %d is %s with no reason", book, r.ActivityID, r.Year, r.Status)
			}
		}
		for _, f := range fs {
			if f.Code == diag.NotMet || f.Code == diag.Partial {
				short++
				if m, ok := f.Args[len(f.Args)-1].(i18n.Msg); !ok || !strings.HasPrefix(m.Key, "fulfil.why.") {
					t.Errorf("%s: %s %v gives no reason", book, f.Code, f.Args)
				}
			}
		}
		if book == "seeds-2020-2022.xlsx" && short == 0 {
			t.Errorf("%s: no shortfall to test", book)
		}
	}
}

// TestPercentShare: a fraction up to 1 in the fact of a percent indicator
// is a share with a warning naming the cell, unless the cell is
// percent-formatted or the number is typed with «%».
func TestPercentShare(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	for c, v := range []any{"Дорожная карта", "ID", "Год", "Факт",
		"bessonovsky-proforientatsiya", "proektoria", 2020, 0.55, // General format
		"bessonovsky-proforientatsiya", "proektoria", 2021, "0,55", // text
		"bessonovsky-proforientatsiya", "proektoria", 2022, 0.55, // percent format below
		"nikolsky-proforientatsiya", "proektoria", 2021, "0,55 %", // typed percent
	} {
		cell, _ := excelize.CoordinatesToCellName(c%4+1, c/4+1)
		must(t, f.SetCellValue("Sheet1", cell, v))
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	must(t, err)
	must(t, f.SetCellStyle("Sheet1", "D4", "D4", pct))
	book := filepath.Join(t.TempDir(), "r.xlsx")
	must(t, f.SaveAs(book))
	results, fs := evaluate(t, roadmaps(t), book)
	want := map[string]float64{"bessonovsky-proforientatsiya 2020": 55, "bessonovsky-proforientatsiya 2021": 55,
		"bessonovsky-proforientatsiya 2022": 55, "nikolsky-proforientatsiya 2021": 0.55}
	for _, r := range results {
		k := fmt.Sprint(r.RoadmapID, " ", r.Year)
		if w, ok := want[k]; ok && r.ActivityID == "proektoria" {
			if r.FactValue == nil || *r.FactValue != w {
				t.Errorf("%s: fact %v, want %v", k, r.FactValue, w)
			}
			delete(want, k)
		}
	}
	if len(want) > 0 {
		t.Errorf("not evaluated: %v", want)
	}
	var cells []string
	for _, f := range fs {
		if f.Code == diag.PercentShare {
			cells = append(cells, f.Cell)
		}
	}
	if fmt.Sprint(cells) != "[Sheet1!D2 Sheet1!D3]" {
		t.Errorf("RM116 in %v, want D2 and D3", cells)
	}
}
