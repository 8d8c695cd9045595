package report_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/report"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

const regional = "../../testdata/regional"

func regionalRoadmap(t *testing.T) *roadmap.Roadmap {
	t.Helper()
	res, err := check.Run([]string{filepath.Join(regional, "roadmap.yaml")}, nil)
	if err != nil || len(res.Roadmaps) != 1 || len(res.Findings) > 0 {
		t.Fatalf("regional roadmap: %v %v", err, res.Findings)
	}
	return res.Roadmaps[0]
}

// writeRegionalForm writes the form of the regional roadmap in lang.
func writeRegionalForm(t *testing.T, dir string, lang i18n.Lang) string {
	t.Helper()
	return saveForm(t, filepath.Join(dir, map[i18n.Lang]string{i18n.RU: "регион.xlsx", i18n.EN: "region.xlsx"}[lang]),
		[]*roadmap.Roadmap{regionalRoadmap(t)}, lang)
}

// TestRegionalForm reads back the form of a regional roadmap: the sheet
// and the title and column name the region, each section has a merged
// bold heading row, dotted numbers are text, and the reader passes the
// heading rows by.
func TestRegionalForm(t *testing.T) {
	t.Parallel()
	path := writeRegionalForm(t, t.TempDir(), i18n.RU)
	f := openForm(t, path)
	sheet := "Пензенская область"
	if got := f.GetSheetList(); fmt.Sprint(got) != "["+sheet+"]" {
		t.Fatalf("sheets = %v", got)
	}
	rows, _ := f.GetRows(sheet)
	if rows[1][0] != "Регион: Пензенская область" || rows[6][1] != "Регион" {
		t.Errorf("owner: title %q, column %q", rows[1][0], rows[6][1])
	}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var merged []string
	for _, m := range merges {
		merged = append(merged, m.GetStartAxis()+":"+m.GetEndAxis()+" "+m.GetCellValue())
	}
	want := "[A8:L8 I. Нормативно-правовое обеспечение A15:L15 II. Организационно-методическое сопровождение]"
	if fmt.Sprint(merged) != want {
		t.Errorf("merged headings = %v, want %s", merged, want)
	}
	for _, cell := range []string{"A8", "A15"} {
		id, _ := f.GetCellStyle(sheet, cell)
		if st, _ := f.GetStyle(id); st.Font == nil || !st.Font.Bold {
			t.Errorf("heading %s is not bold", cell)
		}
	}
	// 1.1, 1.2, 2.1, three years each, numbers as text («2.10» must not
	// become 2.1).
	for cell, want := range map[string]string{"D9": "1.1", "D12": "1.2", "D16": "2.1", "B9": "Пензенская область"} {
		v, _ := f.GetCellValue(sheet, cell)
		typ, _ := f.GetCellType(sheet, cell)
		if v != want || !isText(typ) {
			t.Errorf("%s = %q (type %d), want the text %q", cell, v, typ, want)
		}
	}
	var read []string
	fs, err := report.Read(path, func(r *report.Row) error {
		read = append(read, fmt.Sprintf("%d:%s/%s", r.Line, r.Text(report.FieldN), r.Text(report.FieldYear)))
		return nil
	})
	if err != nil || len(fs) > 0 {
		t.Fatalf("read: %v %v", err, fs)
	}
	wantRead := "[9:1.1/2021 10:1.1/2022 11:1.1/2023 12:1.2/2021 13:1.2/2022 14:1.2/2023 16:2.1/2021 17:2.1/2022 18:2.1/2023]"
	if fmt.Sprint(read) != wantRead {
		t.Errorf("rows read = %v\nwant %s", read, wantRead)
	}
}

// TestOwnerHeadersReadBack: the district column of a regional or a
// school's form, in either language, reads as the district column.
func TestOwnerHeadersReadBack(t *testing.T) {
	t.Parallel()
	for _, h := range []string{"Регион", "Region", "Организация", "Organisation", "Район / организация"} {
		if f, ok := report.MatchHeader(h); !ok || f != report.FieldDistrict {
			t.Errorf("%q reads as %s (%v)", h, f.Key(), ok)
		}
	}
}

// TestRegionalReport makes testdata/regional/report-2022.xlsx: the
// regional form filled in for 2021 and 2022 as a ministry clerk would,
// who retyped the numbers of sections 1.2 and 2.1 without the ID column,
// 2.1 as a number Excel stored (2.1), 1.2 as text. -update rewrites it;
// package fulfil and summary read it.
func TestRegionalReport(t *testing.T) {
	t.Parallel()
	path := writeRegionalForm(t, t.TempDir(), i18n.RU)
	f := openForm(t, path)
	sheet := "Пензенская область"
	set := func(cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	// 1.1 regional-plan: 2021 in time, 2022 late (due 01.09.2022).
	set("I9", "да")
	set("J9", "20.08.2021")
	set("K9", "Приказ Министерства от 20.08.2021 № 401/01-07")
	set("I10", "да")
	set("J10", "15.09.2022")
	set("K10", "Приказ Министерства от 15.09.2022 № 455/01-07")
	// 1.2 municipal-plans (its expected result, ≥ 80 %): met, then not.
	set("I12", 85)
	set("I13", 70)
	set("L13", "планы не утвердили 8 районов из 27")
	// 2.1 teacher-training (its indicator, ≥ 120 a year): met in 2022.
	set("I17", 130)
	set("K17", "Отчёт ИРР о курсах 2022 года")
	for _, line := range []int{12, 13, 14, 16, 17, 18} {
		set(fmt.Sprintf("C%d", line), "")
	}
	for _, line := range []int{16, 17, 18} {
		if err := f.SetCellFloat(sheet, fmt.Sprintf("D%d", line), 2.1, -1, 64); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	golden.Compare(t, filepath.Join(regional, "report-2022.xlsx"), buf.Bytes())
	if typ, _ := f.GetCellType(sheet, "D17"); isText(typ) {
		t.Errorf("D17 is not a stored number: %d", typ)
	}
	if !strings.HasPrefix(f.GetSheetList()[0], "Пензенская") {
		t.Errorf("sheets = %v", f.GetSheetList())
	}
}

// isText tells a string cell; excelize writes a number with no type.
func isText(typ excelize.CellType) bool {
	return typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
}
