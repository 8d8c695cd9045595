package synth

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/xuri/excelize/v2"
)

// Report writes an xlsx report of rows rows on roadmaps to path, with
// excelize's StreamWriter so that a million rows take little memory. The
// sheet is what districts send: title rows above a header worded one of
// the ways the reader accepts, then one row per activity and year,
// cycling over the roadmaps' activities and years, with messy facts
// (numbers, "57,5 %", percents stored as fractions, "15 чел.", yes and
// no words, document references, blanks), dates as date cells or text,
// documents and deviation reasons. The same seed gives the same rows.
func Report(path string, seed uint64, roadmaps []Roadmap, rows int) error {
	if len(roadmaps) == 0 {
		return fmt.Errorf("synth: a report needs roadmaps")
	}
	rnd := rand.New(rand.NewPCG(seed, 0x7265706f7274))
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Отчет"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		return err
	}
	dateFmt := "dd.mm.yyyy"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	line := 1
	put := func(cells []any) error {
		cell, _ := excelize.CoordinatesToCellName(1, line)
		line++
		return sw.SetRow(cell, cells)
	}
	if err := put([]any{"Отчет о реализации дорожных карт"}); err != nil {
		return err
	}
	if err := put([]any{fmt.Sprintf("(сформирован программой, seed %d)", seed)}); err != nil {
		return err
	}
	headers := [][]any{
		{"Дорожная карта", "Район", "ID", "№", "Мероприятие", "Год", "Факт", "Дата выполнения", "Документ / комментарий", "Причина отклонения"},
		{"Код дорожной карты", "Муниципальный район", "Код мероприятия", "№ п/п", "Наименование мероприятия", "Отчетный год", "Фактическое значение", "Дата исполнения", "Подтверждающий документ", "Обоснование причин отклонения"},
	}
	if err := put(headers[rnd.IntN(len(headers))]); err != nil {
		return err
	}
	ri, ai, year := 0, 0, 0
	for range rows {
		r := &roadmaps[ri]
		a := r.Activities[ai]
		y := r.From + year
		// Next: the years of an activity, then the next activity, then
		// the next roadmap, round again when rows outnumber them.
		if year++; r.From+year > r.To {
			year = 0
			if ai++; ai == len(r.Activities) {
				ai = 0
				ri = (ri + 1) % len(roadmaps)
			}
		}
		cells := []any{r.ID, r.District, a.ID, a.N, a.Title, y, fact(rnd, pct), nil, documents[rnd.IntN(len(documents))], reasons[rnd.IntN(len(reasons))]}
		switch rnd.IntN(6) {
		case 0:
			cells[7] = excelize.Cell{StyleID: date, Value: time.Date(y, time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), 0, 0, 0, 0, time.UTC)}
		case 1:
			cells[7] = fmt.Sprintf("%02d.%02d.%d", 1+rnd.IntN(28), 1+rnd.IntN(12), y)
		}
		if rnd.IntN(4) == 0 {
			cells[5] = fmt.Sprint(y) // typed as text
		}
		if err := put(cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// fact is a messy fact cell.
func fact(rnd *rand.Rand, pct int) any {
	switch rnd.IntN(10) {
	case 0, 1, 2:
		return rnd.IntN(200)
	case 3:
		return fmt.Sprintf("%d,%d %%", rnd.IntN(100), rnd.IntN(10))
	case 4:
		return excelize.Cell{StyleID: pct, Value: float64(rnd.IntN(1000)) / 1000}
	case 5:
		return fmt.Sprintf("%d чел.", 1+rnd.IntN(300))
	case 6:
		return ""
	case 7:
		return fmt.Sprint(rnd.IntN(100))
	default:
		return factWords[rnd.IntN(len(factWords))]
	}
}
