package xlsxpage

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

func TestSheetNames(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Муниципальный район ", 3)
	tests := []struct {
		name  string
		added [][2]string // name, fallback
		want  []string
	}{
		{"forbidden characters", [][2]string{{`a[b]:c*d?e/f\g`, ""}}, []string{"a b c d e f g"}},
		{"spaces and apostrophes at the ends", [][2]string{{"  'Итоги'  ", ""}}, []string{"Итоги"}},
		{"blank takes the fallback", [][2]string{{" / ", "bessonovsky"}, {"", ""}}, []string{"bessonovsky", "Sheet"}},
		{"31 characters at most", [][2]string{{long, ""}}, []string{"Муниципальный район Муниципальн"}},
		{"unique", [][2]string{{"По районам", ""}, {"По районам", ""}, {"по РАЙОНАМ", ""}}, []string{"По районам", "По районам 2", "по РАЙОНАМ 3"}},
		{"unique within 31 characters", [][2]string{{long, ""}, {long, ""}}, []string{"Муниципальный район Муниципальн", "Муниципальный район Муниципал 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := excelize.NewFile()
			defer f.Close()
			sheets := NewSheets(f)
			for i, a := range tt.added {
				got, err := sheets.Add(a[0], a[1])
				if err != nil {
					t.Fatalf("Add(%q): %v", a[0], err)
				}
				if got != tt.want[i] || utf8.RuneCountInString(got) > 31 {
					t.Errorf("Add(%q) = %q, want %q", a[0], got, tt.want[i])
				}
			}
			if got := strings.Join(f.GetSheetList(), "|"); got != strings.Join(tt.want, "|") {
				t.Errorf("sheets %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRowHeight(t *testing.T) {
	t.Parallel()
	// A column of width 25 holds 19 characters a line.
	tests := []struct {
		name   string
		texts  []string
		widths []float64
		want   float64
	}{
		{"empty", []string{"", ""}, []float64{25, 25}, 16},
		{"one line", []string{"Бессоновский район"}, []float64{25}, 16},
		{"wrapped", []string{strings.Repeat("а", 20)}, []float64{25}, 32},
		{"line breaks", []string{"2020: до 31.12.2020\n2021: до 31.12.2021\n2022: до 31.12.2022"}, []float64{25}, 48},
		{"the tallest cell", []string{"a", strings.Repeat("б", 57), "в"}, []float64{25, 25, 25}, 48},
		{"no wider than a column allows", []string{strings.Repeat("г", 1000)}, []float64{25}, 400},
		{"cells beyond the columns", []string{"a", strings.Repeat("д", 100)}, []float64{25}, 16},
	}
	for _, tt := range tests {
		if got := RowHeight(tt.texts, tt.widths); got != tt.want {
			t.Errorf("%s: RowHeight = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPrint(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	defer f.Close()
	sheet, err := NewSheets(f).Add("Сведения о достижении", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := Print(f, sheet, 5, 6, i18n.EN); err != nil {
		t.Fatal(err)
	}
	if err := DocProps(f, "Сводка", "Выполнение", i18n.RU); err != nil {
		t.Fatal(err)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v %v", layout, err)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("fit to page: %+v %v", props, err)
	}
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil || !strings.HasSuffix(hf.OddFooter, "Page &P of &N") {
		t.Errorf("footer %+v %v", hf, err)
	}
	titles := ""
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == sheet {
			titles = n.RefersTo
		}
	}
	if titles != "'Сведения о достижении'!$5:$6" {
		t.Errorf("print titles %q", titles)
	}
	doc, err := f.GetDocProps()
	if err != nil || doc.Title != "Сводка" || doc.Subject != "Выполнение" || doc.Creator != "roadmap" || doc.Language != "ru" {
		t.Errorf("doc props %+v %v", doc, err)
	}
}

func TestStylesKeepTheFirstError(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	defer f.Close()
	styles := NewStyles(f)
	if id := styles.Add(&excelize.Style{Font: Bold()}); id == 0 || styles.Err != nil {
		t.Fatalf("id %d, %v", id, styles.Err)
	}
	styles.Add(&excelize.Style{Font: &excelize.Font{Family: strings.Repeat("x", 100)}})
	if styles.Err == nil {
		t.Fatal("a font name of 100 characters was accepted")
	}
	if id := styles.Add(&excelize.Style{Font: Font()}); id != 0 {
		t.Errorf("a style was added after an error: %d", id)
	}
}
