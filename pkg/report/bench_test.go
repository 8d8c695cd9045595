package report_test

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/report"
)

const seedReport = "../../testdata/reports/seeds-2020-2022.xlsx"

// BenchmarkBaselineExcelizeRows is the bare cost of streaming every row of
// the seeds report with excelize.
func BenchmarkBaselineExcelizeRows(b *testing.B) {
	for b.Loop() {
		f, err := excelize.OpenFile(seedReport)
		if err != nil {
			b.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			rows, err := f.Rows(sheet)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				if _, err := rows.Columns(); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
		}
		f.Close()
	}
}

// BenchmarkRead is the report reader on the same file: two row streams
// (displayed and raw), merged cells, header detection, value parsing.
func BenchmarkRead(b *testing.B) {
	for b.Loop() {
		n := 0
		fs, err := report.Read(seedReport, func(r *report.Row) error {
			_ = r.Get(report.FieldFact).Value()
			n++
			return nil
		})
		if err != nil || len(fs) > 0 || n == 0 {
			b.Fatal(err, fs)
		}
	}
}
