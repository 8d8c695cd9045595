package render

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/synth"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// The workbook benchmarks run the writer and its bare baseline (synth's
// "stream": excelize's StreamWriter writing as many plain cells) as
// children of the test binary, so that each one's user time and peak are
// its own.
func TestMain(m *testing.M) {
	synth.RunBaseline()
	runWorkbookChild()
	os.Exit(m.Run())
}

// workbookRowsEnv makes the test binary a child writing a workbook of a
// table of that many rows (benchTable) to the file it is given, and exit.
const workbookRowsEnv = "ROADMAP_RENDER_XLSX_ROWS"

func runWorkbookChild() {
	n, err := strconv.Atoi(os.Getenv(workbookRowsEnv))
	if err != nil {
		return
	}
	if err := writeBenchWorkbook(os.Args[1], n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	synth.WritePeak()
	os.Exit(0)
}

func writeBenchWorkbook(path string, rows int) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out, 1<<16)
	err = WriteXLSXEach(w, 1, func(int) view.Rows { return view.RowsOf(benchTable(rows)) }, WorkbookMeta{Title: "bench", Lang: i18n.RU})
	if err == nil {
		err = w.Flush()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// benchCols is the width of benchTable: the summary's widest sheet
// («Сведения о достижении»), twelve columns.
const benchCols = 12

// benchTable is a table like the summary's biggest sheet: numbers, a
// district, an activity's long name (wrapped), its indicator, a year,
// target and fact as text, a percent, a status, a comment; a section
// heading every 40 rows. Its texts come from a few lists, so that making
// it costs little beside writing it.
func benchTable(rows int) view.Table {
	districts := []string{"Аткарский район", "Ключевский район", "Никольский район", "г. Красноярск", "Бессоновский район"}
	activities := []string{
		"Подготовка курсов повышения квалификации педагогических работников по итогам учебного года",
		"Обеспечение открытых онлайн-уроков «Проектория» по итогам учебного года",
		"Разработка муниципального этапа всероссийской олимпиады школьников в дистанционном формате",
		"Мониторинг качества подготовки обучающихся & анализ результатов <ВПР>",
	}
	indicators := []string{"Не менее 84 участников", "Ежегодное увеличение числа участников", "Доля учителей, %", ""}
	statuses := []string{"met", "not_met", "no_data", "partial", "not_due", "met_late"}
	t := view.Table{Name: "Сведения о достижении", Title: "Сведения о достижении показателей", Subtitle: "по состоянию на 01.06.2025",
		Columns: []view.Column{{Key: "n", Header: "№"}, {Key: "district", Header: "Район"}, {Key: "a", Header: "№ мероприятия"},
			{Key: "activity", Header: "Мероприятие", Max: 60}, {Key: "indicator", Header: "Показатель", Max: 40},
			{Key: "unit", Header: "Единица"}, {Key: "year", Header: "Год"}, {Key: "target", Header: "План"},
			{Key: "fact", Header: "Факт"}, {Key: "pct", Header: "Выполнение"}, {Key: "status", Header: "Статус"},
			{Key: "note", Header: "Комментарий", Max: 40}}}
	for r := range rows {
		if r%40 == 0 {
			t.Headings = append(t.Headings, view.Heading{Before: r, N: strconv.Itoa(r/40 + 1), Title: districts[r/40%len(districts)]})
		}
		pct := view.PercentCell(float64(r%1500) / 10)
		if r%7 == 0 {
			pct = view.EmptyCell()
		}
		t.Rows = append(t.Rows, []view.Cell{view.IntCell(r + 1), view.TextCell(districts[r/40%len(districts)]), view.IntCell(r%30 + 1),
			view.TextCell(activities[r%len(activities)]), view.TextCell(indicators[r%len(indicators)]), view.TextCell("участников"),
			view.IntCell(2019 + r%7), view.TextCell("≥ " + strconv.Itoa(r%100) + " участников"), view.TextCell(strconv.Itoa(r%137) + " чел."),
			pct, view.StatusCell(statuses[r%len(statuses)]), view.TextCell([]string{"", "совещание в дистанционном формате"}[r%2])})
	}
	return t
}

// measureWorkbook measures WriteXLSXEach of a benchTable of rows rows
// beside the bare StreamWriter of as many cells, runs times each taking
// turns, and returns the medians.
func measureWorkbook(t *testing.T, rows, runs int) synth.Row {
	t.Helper()
	dir := t.TempDir()
	cells := rows * benchCols
	ours := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], filepath.Join(dir, "ours.xlsx"))
		cmd.Env = append(os.Environ(), workbookRowsEnv+"="+strconv.Itoa(rows))
		return cmd
	}
	base := func() *exec.Cmd {
		return synth.BaselineCmd("stream", filepath.Join(dir, "bare.xlsx"), strconv.Itoa(cells/10), "10")
	}
	o, b, err := synth.MeasurePair(runs, ours, base)
	if err != nil {
		t.Fatal(err)
	}
	row := synth.Row{Work: fmt.Sprintf("`WriteXLSXEach`, %d cells (median of %d)", cells, runs),
		Baseline: "bare StreamWriter, as many cells", Ours: o, Base: b}
	var table strings.Builder
	synth.WriteTable(&table, []synth.Row{row})
	t.Logf("\n%s", table.String())
	return row
}

// TestXLSXNearStreamWriter: writing a table of 120,000 cells takes at
// most twice the user time of excelize's bare StreamWriter writing as many
// plain cells (the scale test holds a million cells to 1.3 times).
func TestXLSXNearStreamWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("measures children: not in -short")
	}
	if row := measureWorkbook(t, 10_000, 3); row.Ratio() > 2 {
		t.Errorf("%s: %.2fx the baseline's user time, want at most 2x", row.Work, row.Ratio())
	}
}

// The site's district workbook: its roadmaps (a few rows), every item
// (120 rows of the widest sheet), its executors; and a region-sized one
// (1.4 MB). Run with
// `go test -run '^$' -bench 'XLSX(Fixed|District|Region)' -benchmem -count 6 ./pkg/render/`.
func BenchmarkXLSXDistrict(b *testing.B) {
	benchXLSX(b, []view.Table{benchTable(8), benchTable(120), benchTable(20)}, WriteXLSX)
}

// BenchmarkXLSXFixed is the fixed cost of a workbook: three sheets of two
// rows.
func BenchmarkXLSXFixed(b *testing.B) {
	benchXLSX(b, []view.Table{benchTable(2), benchTable(2), benchTable(2)}, WriteXLSX)
}

func BenchmarkXLSXRegion(b *testing.B) {
	benchXLSX(b, []view.Table{benchTable(40), benchTable(14_000)}, WriteXLSX)
}

func benchXLSX(b *testing.B, tables []view.Table, write func(io.Writer, []view.Table, WorkbookMeta) error) {
	meta := WorkbookMeta{Title: "Сводка по состоянию на 01.07.2022", Subject: "Выполнение дорожных карт", Lang: i18n.RU}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var n countWriter
		if err := write(&n, tables, meta); err != nil {
			b.Fatal(err)
		}
		size = int(n)
	}
	b.ReportMetric(float64(size), "bytes/book")
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
