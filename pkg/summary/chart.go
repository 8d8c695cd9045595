package summary

import (
	"fmt"
	"slices"

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
		byOwner := map[string]Counts{}
		for _, r := range results {
			if byOwner[r.Owner] == nil {
				byOwner[r.Owner] = Counts{}
			}
			byOwner[r.Owner][r.Status]++
		}
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
			if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &row); err != nil {
				return err
			}
		}
		if err := f.SetColWidth(sheet, "A", "A", 28); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, "B", "H", 11); err != nil {
			return err
		}
		if len(owners) == 0 {
			return nil
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
		// Tall enough for every owner's bar: 20 px each.
		height := uint(max(300, 20*len(owners)+120))
		if err := f.AddChart(sheet, "J2", &excelize.Chart{
			Type:      excelize.BarStacked,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: i18n.T(opts.Lang, "summary.title.chart")}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: 720, Height: height},
			// The category axis top down: the first district on top.
			XAxis: excelize.ChartAxis{ReverseOrder: true},
		}); err != nil {
			return err
		}
		return xlsxpage.Print(f, sheet, 1, 1, opts.Lang)
	}
}
