package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/xlsxpage"
)

// WriteXLSX writes the "Было / Стало" tables of the results to an Excel
// file at path: a bold frozen header row, wrapped text, set up for
// printing by package xlsxpage. Every value is written as a string, so
// that a title starting with "=" is never a formula. The file is written
// to a temporary file in the same directory and renamed over path.
func WriteXLSX(path string, rs []*Result, lang i18n.Lang) (err error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet, err := xlsxpage.NewSheets(f).Add(i18n.T(lang, "diff.xlsx.sheet"), "")
	if err != nil {
		return err
	}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	styles := xlsxpage.NewStyles(f)
	body := styles.Add(&excelize.Style{Font: xlsxpage.Font(), Alignment: wrap})
	head := styles.Add(&excelize.Style{Font: xlsxpage.Bold(), Alignment: wrap,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#D9D9D9"}}})
	if styles.Err != nil {
		return styles.Err
	}
	var header []string
	var rows [][]string
	title := sheet
	for i, res := range rs {
		t := BeforeAfter(res, lang)
		if i == 0 {
			for _, c := range t.Columns {
				header = append(header, c.Header)
			}
			title = t.Title
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
	widths := []float64{30, 26, 60, 60}
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
		if err := f.SetCellStyle(sheet, "A"+fmt.Sprint(r), last, style); err != nil {
			return err
		}
		return f.SetRowHeight(sheet, r, xlsxpage.RowHeight(vals, widths))
	}
	if err := set(1, header, head); err != nil {
		return err
	}
	for i, row := range rows {
		if err := set(i+2, row, body); err != nil {
			return err
		}
	}
	for i, width := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := xlsxpage.Print(f, sheet, 1, 1, lang); err != nil {
		return err
	}
	if err := xlsxpage.DocProps(f, title, "", lang); err != nil {
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
