package render_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// TestLongTitleIsLinear: a 1 MB activity title is laid out as a table in
// well under a second per megabyte, not in the tens of seconds of a
// quadratic wrap (issue 16).
func TestLongTitleIsLinear(t *testing.T) {
	t.Parallel()
	seed, err := os.ReadFile("../../roadmaps/bessonovsky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("очень длинного названия ", 45_000) // about 1 MB
	data := strings.Replace(string(seed), "title: Составление Плана работы по профессиональной ориентации обучающихся", "title: "+long, 1)
	r, fs := roadmap.Parse("long.yaml", []byte(data))
	if r == nil {
		t.Fatal(fs)
	}
	start := time.Now()
	rr, _ := render.New(render.Text, render.Options{Lang: i18n.RU})
	var b bytes.Buffer
	if err := rr.Table(&b, view.Show(r, i18n.RU)); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 10*time.Second || !strings.Contains(b.String(), "очень длинного") {
		t.Errorf("a 1 MB title took %v (%d bytes out)", took, b.Len())
	}
}

// TestLongCellCutVisibly: a text longer than an Excel cell holds is cut
// to 32,767 characters ending in "…", where excelize would cut it
// silently.
func TestLongCellCutVisibly(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("очень длинного названия ", 2_000) + "конец"
	table := view.Table{Name: "t", Columns: []view.Column{{Header: "Название"}}, Rows: [][]view.Cell{{view.TextCell(long)}, {view.TextCell("коротко")}}}
	var b bytes.Buffer
	if err := render.WriteXLSX(&b, []view.Table{table}, render.WorkbookMeta{Lang: i18n.RU}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		for _, c := range r {
			if strings.HasPrefix(c, "очень") || c == "коротко" {
				got = append(got, c)
			}
		}
	}
	if len(got) != 2 || got[1] != "коротко" {
		t.Fatalf("cells %d", len(got))
	}
	if n := len([]rune(got[0])); n != excelize.TotalCellChars || !strings.HasSuffix(got[0], "…") {
		t.Errorf("the long cell: %d characters, ends %q", n, got[0][len(got[0])-10:])
	}
}
