package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The form's layout: title rows, then the header, then the data.
const (
	titleRows  = 5
	headerLine = titleRows + 2
	firstData  = headerLine + 1
)

// column widths of the form, in characters.
var widths = [numFields]float64{
	FieldRoadmap: 22, FieldDistrict: 18, FieldID: 20, FieldN: 5, FieldTitle: 48, FieldIndicator: 36,
	FieldYear: 7, FieldPlan: 22, FieldFact: 12, FieldDate: 13, FieldDocument: 30, FieldReason: 30,
}

// Template builds the report form for the roadmaps: a sheet per roadmap
// (named after its district), title rows naming the district, roadmap and
// approving order, and one row per activity and year of the period. Only
// the fact, date, document and reason columns are editable (the sheet is
// protected without a password); the fact cell validates what the
// indicator's kind allows.
func Template(roadmaps []*roadmap.Roadmap, lang i18n.Lang) (*excelize.File, error) {
	f := excelize.NewFile()
	styles, err := newFormStyles(f)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for i, rm := range roadmaps {
		name := sheetName(rm, used)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		if err := writeForm(f, name, rm, lang, styles); err != nil {
			return nil, fmt.Errorf("%s: %w", rm.ID, err)
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    i18n.T(lang, "template.title"),
		Language: string(lang),
		Creator:  "roadmap",
	}); err != nil {
		return nil, err
	}
	return f, nil
}

// sheetName is the district, cut to Excel's 31 characters and made unique.
func sheetName(rm *roadmap.Roadmap, used map[string]bool) string {
	base := rm.District
	if base == "" {
		base = rm.ID
	}
	base = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return ' '
		}
		return r
	}, base)
	name := truncate(base, 31)
	for i := 2; used[name]; i++ {
		suffix := " " + strconv.Itoa(i)
		name = truncate(base, 31-len([]rune(suffix))) + suffix
	}
	used[name] = true
	return name
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return strings.TrimSpace(string(r))
}

type formStyles struct {
	title, header, locked, lockedWrap, editable, editableDate, editableNumber int
}

func newFormStyles(f *excelize.File) (formStyles, error) {
	font := &excelize.Font{Family: "Times New Roman", Size: 12}
	bold := &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	lockedFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	var s formStyles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	dateFmt := "dd.mm.yyyy"
	s.title = mk(&excelize.Style{Font: bold})
	s.header = mk(&excelize.Style{Font: bold, Border: border, Fill: lockedFill,
		Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center", Vertical: "center"}})
	s.locked = mk(&excelize.Style{Font: font, Border: border, Fill: lockedFill, Alignment: &excelize.Alignment{Vertical: "top"}})
	s.lockedWrap = mk(&excelize.Style{Font: font, Border: border, Fill: lockedFill, Alignment: wrap})
	unlocked := &excelize.Protection{Locked: false}
	s.editable = mk(&excelize.Style{Font: font, Border: border, Alignment: wrap, Protection: unlocked})
	s.editableNumber = mk(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, Protection: unlocked})
	s.editableDate = mk(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "top"},
		Protection: unlocked, CustomNumFmt: &dateFmt})
	return s, err
}

func writeForm(f *excelize.File, sheet string, rm *roadmap.Roadmap, lang i18n.Lang, st formStyles) error {
	cell := func(col Field, row int) string {
		name, _ := excelize.CoordinatesToCellName(int(col)+1, row)
		return name
	}
	var errs []error
	check := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	// Title rows: a reader finds the roadmap and district there too.
	titles := []string{
		i18n.T(lang, "template.title"),
		i18n.T(lang, "template.district", rm.District),
		i18n.T(lang, "template.roadmap", rm.ID, rm.Direction),
		i18n.T(lang, "template.order", approval(rm, lang)),
		i18n.T(lang, "template.instruction"),
	}
	for i, t := range titles {
		check(f.SetCellStr(sheet, cell(0, i+1), t))
		check(f.SetCellStyle(sheet, cell(0, i+1), cell(0, i+1), st.title))
	}
	for _, field := range Fields {
		check(f.SetCellStr(sheet, cell(field, headerLine), field.Header()))
		check(f.SetColWidth(sheet, colName(field), colName(field), widths[field]))
	}
	check(f.SetCellStyle(sheet, cell(0, headerLine), cell(numFields-1, headerLine), st.header))
	check(f.SetRowHeight(sheet, headerLine, 32))

	row := firstData
	for _, a := range rm.Activities {
		due := map[int]bool{}
		for _, dl := range a.Due.Schedule(rm.Period.From, rm.Period.To) {
			due[dl.Year] = true
		}
		for year := rm.Period.From; year <= rm.Period.To; year++ {
			// The plan worded from the catalogue here: fulfilment, which reads
			// these forms, must not depend on package view.
			m := a.PlanIn(rm.Period, year).Msg()
			plan := i18n.T(lang, m.Key, m.Args...)
			if !due[year] {
				plan = i18n.T(lang, "template.not_due")
			}
			check(f.SetCellStr(sheet, cell(FieldRoadmap, row), rm.ID))
			check(f.SetCellStr(sheet, cell(FieldDistrict, row), rm.District))
			check(f.SetCellStr(sheet, cell(FieldID, row), a.ID))
			check(f.SetCellInt(sheet, cell(FieldN, row), int64(a.N)))
			check(f.SetCellStr(sheet, cell(FieldTitle, row), a.Title))
			check(f.SetCellStr(sheet, cell(FieldIndicator, row), a.Indicator.Text))
			check(f.SetCellInt(sheet, cell(FieldYear, row), int64(year)))
			check(f.SetCellStr(sheet, cell(FieldPlan, row), plan))
			check(f.SetCellStyle(sheet, cell(FieldRoadmap, row), cell(FieldPlan, row), st.lockedWrap))
			check(f.SetCellStyle(sheet, cell(FieldN, row), cell(FieldN, row), st.locked))
			check(f.SetCellStyle(sheet, cell(FieldYear, row), cell(FieldYear, row), st.locked))
			if due[year] {
				check(f.SetCellStyle(sheet, cell(FieldFact, row), cell(FieldFact, row), st.editableNumber))
				check(factValidation(f, sheet, cell(FieldFact, row), a.Indicator, lang))
				check(f.SetCellStyle(sheet, cell(FieldDate, row), cell(FieldDate, row), st.editableDate))
				check(f.SetCellStyle(sheet, cell(FieldDocument, row), cell(FieldReason, row), st.editable))
			} else {
				check(f.SetCellStyle(sheet, cell(FieldFact, row), cell(FieldReason, row), st.locked))
			}
			row++
		}
	}
	check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerLine, TopLeftCell: cell(0, firstData), ActivePane: "bottomLeft"}))
	orientation, size, fitWidth, fitHeight := "landscape", 9, 1, 0
	check(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation, Size: &size, FitToWidth: &fitWidth, FitToHeight: &fitHeight}))
	fit := true
	check(f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	check(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerLine, headerLine)}))
	check(f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

func colName(f Field) string {
	name, _ := excelize.ColumnNumberToName(int(f) + 1)
	return name
}

// approval names the approving document: "приказ от 14.07.2020 № 94/01-09".
func approval(rm *roadmap.Roadmap, lang i18n.Lang) string {
	d := rm.Document
	if d.Kind == roadmap.KindOrder && d.Number != "" {
		return i18n.T(lang, "template.order_ref", d.Date.Russian(), d.Number)
	}
	if d.ApprovedBy != nil {
		return d.Title + ", " + i18n.T(lang, "template.order_ref", d.ApprovedBy.Date.Russian(), d.ApprovedBy.Number)
	}
	return d.Title
}

// factValidation restricts the fact cell to what the indicator's kind
// allows: yes/no for a document, a whole number of at least 0 for a count,
// 0..100 for a percent.
func factValidation(f *excelize.File, sheet, cell string, ind phrase.Indicator, lang i18n.Lang) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(cell)
	switch {
	case ind.Kind == phrase.KindDocument || ind.Kind == phrase.KindText:
		if err := dv.SetDropList([]string{i18n.T(lang, "template.yes"), i18n.T(lang, "template.no")}); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "", i18n.T(lang, "template.err_yesno"))
	case ind.Kind == phrase.KindPercent || ind.Unit == "%":
		if err := dv.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "", i18n.T(lang, "template.err_percent"))
	case ind.Kind == phrase.KindCount:
		if err := dv.SetRange(0, 1000000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "", i18n.T(lang, "template.err_count"))
	default:
		if err := dv.SetRange(0, 1000000000, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "", i18n.T(lang, "template.err_count"))
	}
	dv.ShowErrorMessage = true
	return f.AddDataValidation(sheet, dv)
}
