package diff

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

func TestWriteXLSX(t *testing.T) {
	old, new := loadCase(t, "mixed")
	formula := `=HYPERLINK("http://example.com","клик")`
	new.Activities = append(new.Activities, roadmap.Activity{ID: "formula", N: 6, Title: formula,
		Executors: []string{"МКУ МЦПРО"}})
	res := Compute(old, new, Options{})
	path := filepath.Join(t.TempDir(), "было-стало.xlsx")
	if err := WriteXLSX(path, []*Result{res}, i18n.RU); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if sheet != "Было-Стало" {
		t.Errorf("sheet %q", sheet)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], "|"); got != "Мероприятие|Графа|Было|Стало" {
		t.Errorf("header %q", got)
	}
	style, _ := f.GetCellStyle(sheet, "C1")
	st, err := f.GetStyle(style)
	if err != nil || st.Font == nil || !st.Font.Bold || st.Font.Family != "Times New Roman" || st.Font.Size != 12 {
		t.Errorf("header style: %+v %v", st, err)
	}
	bodyStyle, _ := f.GetCellStyle(sheet, "C2")
	if bs, _ := f.GetStyle(bodyStyle); bs == nil || bs.Font.Bold || bs.Alignment == nil || !bs.Alignment.WrapText {
		t.Errorf("body style: %+v", bs)
	}
	// Row 2: activity 1, executors.
	if rows[1][0] != "1. work-plan" || rows[1][1] != "Исполнители" || rows[1][2] != "Общественные организации" ||
		rows[1][3] != "Общественные организации, МКУ МЦПРО" {
		t.Errorf("row 2: %q", rows[1])
	}
	found := false
	for i, r := range rows {
		if len(r) == 4 && r[3] == formula {
			found = true
			cell, _ := excelize.CoordinatesToCellName(4, i+1)
			if fml, _ := f.GetCellFormula(sheet, cell); fml != "" {
				t.Errorf("%s became a formula %q", cell, fml)
			}
			if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s has type %v, want a string", cell, typ)
			}
		}
	}
	if !found {
		t.Errorf("the formula-like title is missing: %q", rows)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v %v", panes, err)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("page layout %+v %v", layout, err)
	}
}

func TestWriteFileText(t *testing.T) {
	old, new := loadCase(t, "mixed")
	res := Compute(old, new, Options{})
	path := filepath.Join(t.TempDir(), "out.md")
	if err := WriteFile(path, []*Result{res}, Markdown, WriteOptions{Lang: i18n.RU, Color: true}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "### Сравнение") || strings.Contains(string(data), "\x1b[") {
		t.Errorf("out.md: %q", data)
	}
}
