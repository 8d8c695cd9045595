package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// WriteXLSX writes the "Было / Стало" tables of the results to an Excel
// file at path: Times New Roman 12, a bold frozen header row, wrapped
// text, A4 landscape. Every value is written as a string, so that a title
// starting with "=" is never a formula. The file is written to a
// temporary file in the same directory and renamed over path.
func WriteXLSX(path string, rs []*Result, lang i18n.Lang) (err error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := i18n.T(lang, "diff.xlsx.sheet")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	base := &excelize.Font{Family: "Times New Roman", Size: 12}
	bold := *base
	bold.Bold = true
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	body, err := f.NewStyle(&excelize.Style{Font: base, Alignment: wrap})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &bold, Alignment: wrap,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#D9D9D9"}}})
	if err != nil {
		return err
	}
	var header []string
	var rows [][]string
	for i, res := range rs {
		t := BeforeAfter(res, lang)
		if i == 0 {
			for _, c := range t.Columns {
				header = append(header, c.Header)
			}
		}
		if len(rs) > 1 {
			rows = append(rows, []string{t.Title})
		}
		if len(t.Rows) == 0 {
			rows = append(rows, []string{noRows(res, lang)})
		}
		for _, row := range t.Rows {
			texts := make([]string, len(row))
			for c, cell := range row {
				texts[c] = cell.Text
			}
			rows = append(rows, texts)
		}
	}
	set := func(r int, vals []string, style int) error {
		for c, v := range vals {
			cell, err := excelize.CoordinatesToCellName(c+1, r)
			if err != nil {
				return err
			}
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				return err
			}
		}
		last, _ := excelize.CoordinatesToCellName(len(header), r)
		return f.SetCellStyle(sheet, "A"+fmt.Sprint(r), last, style)
	}
	if err := set(1, header, head); err != nil {
		return err
	}
	for i, row := range rows {
		if err := set(i+2, row, body); err != nil {
			return err
		}
	}
	for col, width := range map[string]float64{"A": 30, "B": 26, "C": 60, "D": 60} {
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	a4, landscape := 9, "landscape"
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}); err != nil {
		return err
	}
	return writeAtomic(path, func(out *os.File) error {
		_, err := f.WriteTo(out)
		return err
	})
}

// writeAtomic writes a temporary file beside path and renames it over
// path, so that a reader never sees half a file.
func writeAtomic(path string, write func(*os.File) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// WriteFile writes the results in format to path atomically: an .xlsx
// path gets the Excel table whatever the format.
func WriteFile(path string, rs []*Result, format Format, opts WriteOptions) error {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return WriteXLSX(path, rs, opts.Lang)
	}
	opts.Color = false
	return writeAtomic(path, func(out *os.File) error { return WriteAll(out, rs, format, opts) })
}
