package summary_test

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/summary"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

const dir = "../../testdata/summary"

var asOf = time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC)

// results evaluates the seed roadmaps at roadmaps against the seeds'
// report, as of asOf.
func results(t *testing.T, roadmaps string) []fulfil.Result {
	t.Helper()
	return evaluate(t, roadmaps, "../../testdata/reports/seeds-2020-2022.xlsx", asOf)
}

// evaluate checks the roadmaps (which must have no findings) and
// evaluates them against report as of day.
func evaluate(t *testing.T, roadmaps, report string, day time.Time) []fulfil.Result {
	t.Helper()
	res, err := check.Run([]string{roadmaps}, nil)
	if err != nil || diag.Fails(res.Findings, true) {
		t.Fatal(err, res.Findings)
	}
	r, _, err := fulfil.Evaluate(res.Roadmaps, []string{report}, fulfil.Options{AsOf: day, AllYears: true})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Compare(t, filepath.Join(dir, name), got)
}

// TestViewsInEveryFormat: a golden file per view and format.
func TestViewsInEveryFormat(t *testing.T) {
	rs := results(t, "../../roadmaps")
	opts := summary.Options{AsOf: asOf, Lang: i18n.RU}
	formats := []struct {
		name string
		fmt  render.Format
		opts render.Options
	}{
		{"txt", render.Text, render.Options{Lang: i18n.RU, Width: 200}},
		{"md", render.Markdown, render.Options{Lang: i18n.RU}},
		{"csv", render.CSV, render.Options{Lang: i18n.RU}},
		{"excel.csv", render.CSV, render.Options{Lang: i18n.RU, CSVExcel: true}},
		{"json", render.JSON, render.Options{Lang: i18n.RU}},
	}
	for _, v := range summary.Views {
		for _, f := range formats {
			t.Run(string(v)+"."+f.name, func(t *testing.T) {
				r, err := render.New(f.fmt, f.opts)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := r.Table(&buf, summary.Build(v, rs, opts)); err != nil {
					t.Fatal(err)
				}
				compareGolden(t, string(v)+"."+f.name, buf.Bytes())
			})
		}
	}
	// English, and the filters.
	var buf bytes.Buffer
	r, _ := render.New(render.Text, render.Options{Lang: i18n.EN, Width: 200})
	r.Table(&buf, summary.Build(summary.ByDistrict, rs, summary.Options{AsOf: asOf, Lang: i18n.EN, Year: 2021}))
	r.Table(&buf, summary.Build(summary.ByYear, rs, summary.Options{AsOf: asOf, Lang: i18n.EN, Year: 2021, District: "Никольский район"}))
	compareGolden(t, "filtered.en.txt", buf.Bytes())
}

// TestConsolidation: an activity shared by two districts stands side by
// side, each with its own target and actual (ПроеКтория: 55 % vs 60 %).
func TestConsolidation(t *testing.T) {
	tbl := summary.Build(summary.ByActivity, results(t, "../../roadmaps"), summary.Options{AsOf: asOf, Lang: i18n.RU, Year: 2021})
	var row []view.Cell
	for _, r := range tbl.Rows {
		if r[0] == view.TextCell("proektoria") {
			row = r
		}
	}
	want := []view.Cell{view.TextCell("proektoria"), {}, view.IntCell(2021), view.TextCell("≥ 55 %"), view.TextCell("62.00%"),
		view.StatusCell("met"), view.TextCell("≥ 60 %"), view.TextCell("59,9"), view.StatusCell("not_met")}
	if len(row) != len(want) {
		t.Fatalf("row = %v", row)
	}
	for i := range want {
		if i != 1 && row[i] != want[i] {
			t.Errorf("column %s = %+v, want %+v", tbl.Columns[i].Header, row[i], want[i])
		}
	}
}

// readBack describes every non-empty cell of a workbook: value, type,
// number format, fill and font, to compare with a golden file.
func readBack(t *testing.T, path string) []byte {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	props, _ := f.GetDocProps()
	fmt.Fprintf(&b, "title=%q subject=%q\n", props.Title, props.Subject)
	for _, sheet := range f.GetSheetList() {
		layout, _ := f.GetPageLayout(sheet)
		panes, _ := f.GetPanes(sheet)
		hf, _ := f.GetHeaderFooter(sheet)
		fmt.Fprintf(&b, "== %s: %s A%d fit=%dx%d freeze=%v@%d footer=%q\n", sheet, *layout.Orientation, *layout.Size,
			*layout.FitToWidth, *layout.FitToHeight, panes.Freeze, panes.YSplit, hf.OddFooter)
		rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := f.GetCellType(sheet, cell)
				id, _ := f.GetCellStyle(sheet, cell)
				st, _ := f.GetStyle(id)
				fill := ""
				if len(st.Fill.Color) > 0 {
					fill = st.Fill.Color[0]
				}
				numFmt := fmt.Sprint(st.NumFmt)
				if st.CustomNumFmt != nil {
					numFmt = *st.CustomNumFmt
				}
				font := ""
				if st.Font != nil {
					font = fmt.Sprintf("%s %v bold=%v", st.Font.Family, st.Font.Size, st.Font.Bold)
				}
				fmt.Fprintf(&b, "%s %q type=%d fmt=%s fill=%s font=%s\n", cell, v, typ, numFmt, fill, font)
			}
		}
	}
	return b.Bytes()
}

// TestWorkbook writes every view to one workbook and compares the cells'
// values and styles, read back, with a golden file.
func TestWorkbook(t *testing.T) {
	rs := results(t, "../../roadmaps")
	path := filepath.Join(t.TempDir(), "svodka.xlsx")
	writeWorkbook(t, path, rs, summary.Options{AsOf: asOf, Lang: i18n.RU, Year: 2021})
	got := readBack(t, path)
	compareGolden(t, "workbook.golden", got)
	for _, want := range []string{
		`"Выполнение дорожных карт по районам"`, `"по состоянию на 01.07.2022, 2021 год"`,
		`fill=C6EFCE`, `fill=FFC7CE`, `fill=FFEB9C`, `fmt=0.0%`, `font=Times New Roman 12 bold=true`,
	} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("workbook lacks %s", want)
		}
	}
}

func writeWorkbook(t *testing.T, path string, rs []fulfil.Result, opts summary.Options) {
	t.Helper()
	var buf bytes.Buffer
	if err := render.WriteXLSX(&buf, summary.All(summary.ByDistrict, rs, opts), render.WorkbookMeta{
		Title: "Сводка", Subject: "Выполнение дорожных карт", Lang: i18n.RU}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWorkbookInLibreOffice opens the workbook in a real office program:
// as CSV its values equal ours, and as PDF its pages are A4 landscape with
// every column of the table on the page.
func TestWorkbookInLibreOffice(t *testing.T) {
	rs := results(t, "../../roadmaps")
	tmp := t.TempDir()
	path := filepath.Join(tmp, "svodka.xlsx")
	opts := summary.Options{AsOf: asOf, Lang: i18n.RU, Year: 2021}
	writeWorkbook(t, path, rs, opts)
	golden.Office(t, tmp, "--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1`, "--outdir", tmp, path)
	for i, v := range summary.Views {
		tbl := summary.All(summary.ByDistrict, rs, opts)[i]
		lo, err := os.ReadFile(filepath.Join(tmp, "svodka-"+tbl.Name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		// LibreOffice's CSV has the title rows above the table and writes
		// percents as it formats them; compare the table's cells as text.
		loCells := csvCells(string(lo))
		for _, row := range tbl.Rows {
			for _, cell := range row {
				var want string
				switch cell.Kind {
				case view.CellText:
					want = cell.Text
				case view.CellInt, view.CellNumber:
					want = strconv.FormatFloat(cell.Num, 'f', -1, 64)
				case view.CellStatus:
					want = view.StatusLabel(cell.Status, i18n.RU)
				}
				if want == "" {
					continue // percents are written as LibreOffice formats them
				}
				if !loCells[want] {
					t.Errorf("%s: LibreOffice lost the cell %q", v, want)
				}
			}
		}
	}
	golden.Office(t, tmp, "--convert-to", "pdf", "--outdir", tmp, path)
	pdf := filepath.Join(tmp, "svodka.pdf")
	out, err := exec.Command(golden.Program(t, "pdfinfo"), pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)`).Match(out) {
		t.Errorf("not A4 landscape:\n%s", out)
	}
	pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(out)
	t.Logf("PDF: %s pages", pages[1])
	// One page wide: the first page holds the last column's header.
	text, err := exec.Command(golden.Program(t, "pdftotext"), "-f", "1", "-l", "1", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range golden.PDFPages(t, pdf) {
		if o := p.Overlaps(); len(o) > 0 {
			t.Errorf("page %d: %d pairs of words drawn over each other, e.g. %+v", i+1, len(o), o[0])
		}
	}
	first := summary.All(summary.ByDistrict, rs, opts)[0]
	lastHeader := first.Columns[len(first.Columns)-1].Header
	if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), lastHeader) {
		t.Errorf("page 1 lacks the last column %q:\n%s", lastHeader, text)
	}
	printed(t, golden.PDFPages(t, pdf), summary.All(summary.ByDistrict, rs, opts))
}

// printed checks the PDF of the summary workbook: every page A4, the
// units and names an official reads (no roadmap ids), the legend's labels
// whole, every activity's title, and each table's last column header on
// every page of its sheet.
func printed(t *testing.T, pages []golden.Page, tables []view.Table) {
	t.Helper()
	var all []string
	for i, p := range pages {
		if p.Width < 840 || p.Width > 843 || p.Height < 594 || p.Height > 597 {
			t.Errorf("page %d: %.0f × %.0f pt, want A4 landscape", i+1, p.Width, p.Height)
		}
		all = append(all, p.Text())
	}
	text := strings.Join(all, " ")
	for _, want := range []string{"Мероприятий", "Организация системы работы по самоопределению",
		"Развитие системы профориентации", "выполнено с нарушением срока", "срок не наступил", "требует оценки"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if !hasWords(text, "Позиций «мероприятие — срок»") {
		t.Errorf("the PDF lacks the unit «Позиций «мероприятие — срок»»")
	}
	for _, id := range []string{"bessonovsky-proforientatsiya", "nikolsky-proforientatsiya"} {
		if strings.Contains(text, id) {
			t.Errorf("the PDF names a roadmap by its id %q", id)
		}
	}
	for _, tbl := range tables {
		title := -1
		for i, c := range tbl.Columns {
			if c.Key == "title" {
				title = i
			}
		}
		for _, row := range tbl.Rows {
			if title >= 0 {
				// The title's first words: the rest wraps, hyphenated or not.
				words := strings.Fields(row[title].Text)
				if w := strings.Join(words[:min(3, len(words))], " "); !strings.Contains(text, w) {
					t.Errorf("%s: the PDF lacks the activity title %q", tbl.Name, w)
				}
			}
		}
	}
	// A sheet's pages run from its title's page to the next title's: each
	// has the table's last column header (repeated on every page).
	sheet := -1
	for i, p := range all {
		for k, tbl := range tables {
			if strings.Contains(p, tbl.Title) {
				sheet = k
			}
		}
		if sheet < 0 {
			continue
		}
		if last := tables[sheet].Columns[len(tables[sheet].Columns)-1].Header; !hasWords(p, last) {
			t.Errorf("%s: page %d lacks the last column header %q", tables[sheet].Name, i+1, last)
		}
	}
}

// hasWords reports whether every word of s is a word of text: a wrapped
// cell's words come out among its neighbours'.
func hasWords(text, s string) bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(text) {
		words[w] = true
	}
	for _, w := range strings.Fields(s) {
		if !words[w] {
			return false
		}
	}
	return true
}

func csvCells(s string) map[string]bool {
	cells := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		for _, c := range splitCSV(line) {
			cells[c] = true
		}
	}
	return cells
}

func splitCSV(line string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case ch == '"' && quoted && i+1 < len(line) && line[i+1] == '"':
			cur.WriteByte('"')
			i++
		case ch == '"':
			quoted = !quoted
		case ch == ',' && !quoted:
			out = append(out, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(ch)
		}
	}
	return append(out, strings.TrimRight(cur.String(), "\r"))
}

// TestFormulaInjection: titles starting with "=", "+", "-" or "@" stay
// text: string cells in the workbook, read back by LibreOffice as the
// text itself, and apostrophe-prefixed in CSV.
func TestFormulaInjection(t *testing.T) {
	tmp := t.TempDir()
	res, err := check.Run([]string{filepath.Join(dir, "injection")}, nil)
	if err != nil || len(res.Findings) > 0 {
		t.Fatalf("%v %v", err, res.Findings)
	}
	rs, _, err := fulfil.Evaluate(res.Roadmaps, nil, fulfil.Options{AsOf: asOf, AllYears: true})
	if err != nil {
		t.Fatal(err)
	}
	opts := summary.Options{AsOf: asOf, Lang: i18n.RU}
	path := filepath.Join(tmp, "inj.xlsx")
	writeWorkbook(t, path, rs, opts)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				if !strings.HasPrefix(v, "=HYPERLINK") && v != "+1" && v != "@SUM(1+1)" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := f.GetCellType(sheet, cell)
				formula, _ := f.GetCellFormula(sheet, cell)
				if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString || formula != "" {
					t.Errorf("%s!%s %q: type %d, formula %q", sheet, cell, v, typ, formula)
				}
				found++
			}
		}
	}
	f.Close()
	if found < 4 {
		t.Errorf("only %d dangerous texts found in the workbook", found)
	}
	var csvOut bytes.Buffer
	r, _ := render.New(render.CSV, render.Options{Lang: i18n.RU})
	r.Table(&csvOut, summary.Build(summary.ByYear, rs, opts))
	for _, want := range []string{`"'=HYPERLINK(""http://example.invalid"",""нажмите"")"`, ",'+1,"} {
		if !strings.Contains(csvOut.String(), want) {
			t.Errorf("CSV lacks %s:\n%s", want, csvOut.String())
		}
	}
	golden.Office(t, tmp, "--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1`, "--outdir", tmp, path)
	lo, err := os.ReadFile(filepath.Join(tmp, "inj-"+summary.Build(summary.ByYear, rs, opts).Name+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(lo), `=HYPERLINK(""http://example.invalid"",""нажмите"")`) || !strings.Contains(string(lo), ",+1,") {
		t.Errorf("LibreOffice did not read the titles as text:\n%s", lo)
	}
}

// TestConsolidationSameActivityOnly: districts' activities share a row
// only when they are one activity, the same id and a similar title (typos
// and small edits apart); one id for two different activities gives a
// row for each under its own title.
func TestConsolidationSameActivityOnly(t *testing.T) {
	t.Parallel()
	res := func(owner, id, title string) fulfil.Result {
		return fulfil.Result{RoadmapID: owner, Owner: owner, ActivityID: id, N: "1", Title: title, Year: 2021, Status: fulfil.Met}
	}
	rs := []fulfil.Result{
		res("А-район", "plan", "Составление плана работы по профориентации"),
		res("Б-район", "plan", "Составление Плана работы по профориентации."),
		res("В-район", "plan", "Поставка оборудования в школы"),
		res("А-район", "forum", "Участие в форуме «Арт-Профи»"),
	}
	tbl := summary.Build(summary.ByActivity, rs, summary.Options{AsOf: asOf, Lang: i18n.RU})
	var got []string
	for _, r := range tbl.Rows {
		var owners []string
		for i := 3; i+2 < len(r); i += 3 {
			if r[i+2].Status != "" {
				owners = append(owners, strings.TrimSuffix(tbl.Columns[i].Header, ": план"))
			}
		}
		got = append(got, r[0].Text+" «"+r[1].Text+"» "+strings.Join(owners, "+"))
	}
	want := []string{
		"forum «Участие в форуме «Арт-Профи»» А-район",
		"plan «Составление плана работы по профориентации» А-район+Б-район",
		"plan «Поставка оборудования в школы» В-район",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestActivitiesCounted: the by-district and by-executor views count
// each roadmap's activities once whatever its years and in whatever
// order the results come, and an activity is one of a roadmap: an
// executor of «1.1» in two roadmaps of its district owes two.
func TestActivitiesCounted(t *testing.T) {
	t.Parallel()
	res := func(rm, id string, year int, status fulfil.Status, executors ...string) fulfil.Result {
		return fulfil.Result{RoadmapID: rm, RoadmapName: rm, Owner: "А-район", ActivityID: id, N: "1.1", Title: id,
			Year: year, Status: status, Executors: executors}
	}
	rs := []fulfil.Result{
		res("profor", "1.1", 2021, fulfil.Met, "УО", "Школы"),
		res("profor", "1.1", 2022, fulfil.NotMet, "УО", "Школы"),
		res("gifted", "1.1", 2021, fulfil.Met, "УО"),
		res("profor", "1.2", 2021, fulfil.NotDue, "УО"),
		res("gifted", "1.1", 2022, fulfil.NoData, "УО"), // after another roadmap's
		res("profor", "1.1", 2023, fulfil.NotDue, "Школы"),
	}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}} {
		var in []fulfil.Result
		for _, i := range order {
			in = append(in, rs[i])
		}
		opts := summary.Options{AsOf: asOf, Lang: i18n.RU}
		count := func(tbl view.Table, key string, cols ...string) map[string]int {
			at := slices.IndexFunc(tbl.Columns, func(c view.Column) bool { return c.Key == key })
			got := map[string]int{}
			for _, r := range tbl.Rows {
				var name []string
				for _, c := range cols {
					name = append(name, r[slices.IndexFunc(tbl.Columns, func(x view.Column) bool { return x.Key == c })].Text)
				}
				got[strings.Join(name, "/")] = int(r[at].Num)
			}
			return got
		}
		district := count(summary.Build(summary.ByDistrict, in, opts), "activities", "roadmap")
		if want := map[string]int{"profor": 2, "gifted": 1}; !maps.Equal(district, want) {
			t.Errorf("order %v: by district %v, want %v", order, district, want)
		}
		executor := count(summary.Build(summary.ByExecutor, in, opts), "activities", "executor")
		if want := map[string]int{"УО": 3, "Школы": 1}; !maps.Equal(executor, want) {
			t.Errorf("order %v: by executor %v, want %v", order, executor, want)
		}
		positions := count(summary.Build(summary.ByDistrict, in, opts), "positions", "roadmap")
		if want := map[string]int{"profor": 4, "gifted": 2}; !maps.Equal(positions, want) {
			t.Errorf("order %v: positions %v, want %v", order, positions, want)
		}
	}
}
