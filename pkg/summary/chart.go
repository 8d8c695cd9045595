package summary

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/view"
	"github.com/roadmap-edu/roadmap/pkg/xlsxpage"
)

// Counts are the results of some activities and years by status.
type Counts map[fulfil.Status]int

// Count counts results by status.
func Count(results []fulfil.Result) Counts {
	c := Counts{}
	for _, r := range results {
		c[r.Status]++
	}
	return c
}

// MetPercent is the share of the due and decided that is met, as the
// district view's "% met" counts it; no value when nothing is judged.
func (c Counts) MetPercent() view.Cell {
	met, n := 0, 0
	for s, k := range c {
		if done(s) {
			met += k
		}
		if judged(s) {
			n += k
		}
	}
	return percentOf(met, n)
}

// Overdue reports whether a status is one the executor view lists as
// overdue: due, and not (or not wholly) met, or not reported.
func Overdue(s fulfil.Status) bool {
	return s == fulfil.NotMet || s == fulfil.NoData || s == fulfil.Partial
}

// ChartSheet adds to a summary workbook a sheet of status bars per
// district (per owner: the district view's rows added up by owner): a
// table of counts by status and a stacked bar chart of it in the status
// colours of the other sheets. It returns a function for
// render.WorkbookMeta.Extra.
func ChartSheet(results []fulfil.Result, opts Options) func(*excelize.File) error {
	return func(f *excelize.File) error {
		results := Filter(results, opts)
		// An owner's results come together: its counts are looked up once
		// per run of them, not per result.
		byOwner := map[string]Counts{}
		var run Counts
		lastOwner := ""
		for i := range results {
			r := &results[i]
			if run == nil || r.Owner != lastOwner {
				if run = byOwner[r.Owner]; run == nil {
					run = Counts{}
					byOwner[r.Owner] = run
				}
				lastOwner = r.Owner
			}
			run[r.Status]++
		}
		return chartSheet(f, byOwner, opts)
	}
}

// ChartSheet is the chart sheet (the package's ChartSheet) of the
// results taken in by a workbook's collector (NewWorkbook).
func (c *Collector) ChartSheet() func(*excelize.File) error {
	return func(f *excelize.File) error {
		byOwner := map[string]Counts{}
		if s := c.records; s != nil {
			// Counted by the texts of owners and statuses, then named.
			type key struct {
				owner  int32
				status uint8
			}
			n := map[key]int{}
			for i := range s.recs.len() {
				n[key{s.roadmapOf(i).owner, s.recs.at(i).status}]++
			}
			for k, v := range n {
				o := s.str(k.owner)
				if byOwner[o] == nil {
					byOwner[o] = Counts{}
				}
				byOwner[o][s.statuses[k.status].status] += v
			}
		}
		return chartSheet(f, byOwner, c.opts)
	}
}

// chartSheet adds the chart sheet of the counts of each owner.
func chartSheet(f *excelize.File, byOwner map[string]Counts, opts Options) error {
	owners := make([]string, 0, len(byOwner))
	for o := range byOwner {
		owners = append(owners, o)
	}
	slices.Sort(owners)
	sheet := i18n.T(opts.Lang, "summary.sheet.chart")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	header := []any{i18n.T(opts.Lang, "summary.col.district")}
	for _, s := range render.StatusOrder {
		header = append(header, capitalize(view.StatusLabel(s, opts.Lang)))
	}
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	for i, o := range owners {
		row := []any{o}
		for _, s := range render.StatusOrder {
			row = append(row, byOwner[o][fulfil.Status(s)])
		}
		if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(i+2), &row); err != nil {
			return err
		}
	}
	// Printed like the other sheets: Times New Roman, a bold wrapped
	// header with borders, the row as tall as its wrapped labels (or
	// LibreOffice draws them over each other).
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	styles := xlsxpage.NewStyles(f)
	head := styles.Add(&excelize.Style{Font: xlsxpage.Bold(), Border: border,
		Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center", Vertical: "center"}})
	body := styles.Add(&excelize.Style{Font: xlsxpage.Font(), Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if styles.Err != nil {
		return styles.Err
	}
	const nameWidth, countWidth = 30, 14
	if err := f.SetColWidth(sheet, "A", "A", nameWidth); err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(len(render.StatusOrder) + 1)
	if err := f.SetColWidth(sheet, "B", lastCol, countWidth); err != nil {
		return err
	}
	widths := []float64{nameWidth}
	texts := []string{fmt.Sprint(header[0])}
	for _, h := range header[1:] {
		widths, texts = append(widths, countWidth), append(texts, fmt.Sprint(h))
	}
	if err := f.SetRowHeight(sheet, 1, xlsxpage.RowHeight(texts, widths)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", lastCol+"1", head); err != nil {
		return err
	}
	if len(owners) == 0 {
		return nil
	}
	if err := f.SetCellStyle(sheet, "A2", fmt.Sprintf("%s%d", lastCol, len(owners)+1), body); err != nil {
		return err
	}
	last := len(owners) + 1
	var series []excelize.ChartSeries
	for i, s := range render.StatusOrder {
		col, _ := excelize.ColumnNumberToName(i + 2)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$1", sheet, col),
			Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", sheet, last),
			Values:     fmt.Sprintf("'%s'!$%s$2:$%s$%d", sheet, col, col, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{render.StatusColours[s]}},
		})
	}
	// Below the table, as wide as it: on a landscape page a chart beside
	// it would be printed at a fraction of its size. Tall enough for
	// every owner's bar: 20 px each.
	height := uint(max(300, 20*len(owners)+120))
	if err := f.AddChart(sheet, fmt.Sprintf("A%d", last+3), &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: i18n.T(opts.Lang, "summary.title.chart")}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 900, Height: height},
		// The category axis top down: the first district on top.
		XAxis: excelize.ChartAxis{ReverseOrder: true},
	}); err != nil {
		return err
	}
	return xlsxpage.Print(f, sheet, 1, 1, opts.Lang)
}
