package report

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/xlsxpage"
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
// (named after its owner: the district, region or school), title rows
// naming the owner, roadmap and approving order, and one row per activity
// and year of the period under a merged bold heading row per section, set
// up for printing by package xlsxpage. Only the fact, date, document and
// reason columns are editable (the sheet is protected without a
// password); the fact cell validates what the indicator's kind allows.
func Template(roadmaps []*roadmap.Roadmap, lang i18n.Lang) (*excelize.File, error) {
	f := excelize.NewFile()
	styles, err := newFormStyles(f)
	if err != nil {
		return nil, err
	}
	sheets := xlsxpage.NewSheets(f)
	for _, rm := range roadmaps {
		name, err := sheets.Add(rm.Owner(), rm.ID)
		if err != nil {
			return nil, err
		}
		if err := writeForm(f, name, rm, lang, styles); err != nil {
			return nil, fmt.Errorf("%s: %w", rm.ID, err)
		}
	}
	if err := xlsxpage.DocProps(f, i18n.T(lang, "template.title"), "", lang); err != nil {
		return nil, err
	}
	return f, nil
}

type formStyles struct {
	title, header, heading, locked, lockedWrap, editable, editableDate, editableNumber int
}

func newFormStyles(f *excelize.File) (formStyles, error) {
	font := xlsxpage.Font()
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	lockedFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	styles := xlsxpage.NewStyles(f)
	var s formStyles
	dateFmt := "dd.mm.yyyy"
	s.title = styles.Add(&excelize.Style{Font: xlsxpage.Bold()})
	s.header = styles.Add(&excelize.Style{Font: xlsxpage.Bold(), Border: border, Fill: lockedFill,
		Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center", Vertical: "center"}})
	s.locked = styles.Add(&excelize.Style{Font: font, Border: border, Fill: lockedFill, Alignment: &excelize.Alignment{Vertical: "top"}})
	s.lockedWrap = styles.Add(&excelize.Style{Font: font, Border: border, Fill: lockedFill, Alignment: wrap})
	unlocked := &excelize.Protection{Locked: false}
	s.editable = styles.Add(&excelize.Style{Font: font, Border: border, Alignment: wrap, Protection: unlocked})
	s.editableNumber = styles.Add(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, Protection: unlocked})
	s.editableDate = styles.Add(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "top"},
		Protection: unlocked, CustomNumFmt: &dateFmt})
	s.heading = styles.Add(&excelize.Style{Font: xlsxpage.Bold(), Border: border, Fill: lockedFill,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	return s, styles.Err
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
		ownerLine(rm, lang),
		i18n.T(lang, "template.roadmap", rm.ID, cmp.Or(rm.Direction, rm.Title)),
		i18n.T(lang, "template.order", approval(rm, lang)),
		i18n.T(lang, "template.instruction", FieldFact.Header(lang), FieldDate.Header(lang), FieldDocument.Header(lang), FieldReason.Header(lang)),
	}
	for i, t := range titles {
		check(f.SetCellStr(sheet, cell(0, i+1), t))
		check(f.SetCellStyle(sheet, cell(0, i+1), cell(0, i+1), st.title))
	}
	var headers [numFields]string
	for _, field := range Fields {
		headers[field] = field.Header(lang)
		if field == FieldDistrict {
			headers[field] = ownerHeader(rm.LevelOf(), lang)
		}
		check(f.SetCellStr(sheet, cell(field, headerLine), headers[field]))
		check(f.SetColWidth(sheet, colName(field), colName(field), widths[field]))
	}
	check(f.SetCellStyle(sheet, cell(0, headerLine), cell(numFields-1, headerLine), st.header))
	check(f.SetRowHeight(sheet, headerLine, max(32, xlsxpage.RowHeight(headers[:], widths[:]))))

	row := firstData
	var section *roadmap.Section
	for _, a := range rm.Activities {
		// A section's heading is a row of its own, merged over the table;
		// the reader skips it (it names no activity).
		if s := rm.SectionOf(a); s != nil && s != section {
			text := sectionHeading(*s)
			check(f.SetCellStr(sheet, cell(0, row), text))
			check(f.MergeCell(sheet, cell(0, row), cell(numFields-1, row)))
			check(f.SetCellStyle(sheet, cell(0, row), cell(numFields-1, row), st.heading))
			check(f.SetRowHeight(sheet, row, xlsxpage.RowHeight([]string{text}, []float64{tableWidth()})))
			row++
		}
		section = rm.SectionOf(a)
		// One row per occurrence: a quarterly activity has four a year, each
		// with its date in the plan cell (the reader tells them apart by it);
		// a year it is not due in has one locked row.
		type line struct {
			year int
			plan string
			due  bool
		}
		var lines []line
		occ := rm.Occurrences(a)
		for year := rm.Period.From; year <= rm.Period.To; year++ {
			// The plan worded from the catalogue here: fulfilment, which reads
			// these forms, must not depend on package view.
			m := a.PlanIn(rm.Period, year).Msg()
			base := i18n.T(lang, m.Key, m.Args...)
			var inYear []phrase.Deadline
			for _, dl := range occ {
				if dl.Year == year {
					inYear = append(inYear, dl)
				}
			}
			if len(inYear) == 0 {
				lines = append(lines, line{year, i18n.T(lang, "template.not_due"), false})
			}
			for _, dl := range inYear {
				plan := base
				if len(inYear) > 1 {
					plan = i18n.T(lang, "template.plan_by", dl.By.Format("02.01.2006"), base)
				}
				lines = append(lines, line{year, plan, true})
			}
		}
		for _, ln := range lines {
			year, plan := ln.year, ln.plan
			check(f.SetCellStr(sheet, cell(FieldRoadmap, row), rm.ID))
			check(f.SetCellStr(sheet, cell(FieldDistrict, row), rm.Owner()))
			check(f.SetCellStr(sheet, cell(FieldID, row), a.ID))
			if n, ok := a.N.Int(); ok {
				check(f.SetCellInt(sheet, cell(FieldN, row), int64(n)))
			} else {
				check(f.SetCellStr(sheet, cell(FieldN, row), a.N.String()))
			}
			check(f.SetCellStr(sheet, cell(FieldTitle, row), a.Title))
			check(f.SetCellStr(sheet, cell(FieldIndicator, row), a.Measure().Text))
			check(f.SetCellInt(sheet, cell(FieldYear, row), int64(year)))
			check(f.SetCellStr(sheet, cell(FieldPlan, row), plan))
			check(f.SetCellStyle(sheet, cell(FieldRoadmap, row), cell(FieldPlan, row), st.lockedWrap))
			check(f.SetCellStyle(sheet, cell(FieldN, row), cell(FieldN, row), st.locked))
			check(f.SetCellStyle(sheet, cell(FieldYear, row), cell(FieldYear, row), st.locked))
			if ln.due {
				check(f.SetCellStyle(sheet, cell(FieldFact, row), cell(FieldFact, row), st.editableNumber))
				check(factValidation(f, sheet, cell(FieldFact, row), a.Measure(), lang))
				check(f.SetCellStyle(sheet, cell(FieldDate, row), cell(FieldDate, row), st.editableDate))
				check(f.SetCellStyle(sheet, cell(FieldDocument, row), cell(FieldReason, row), st.editable))
			} else {
				check(f.SetCellStyle(sheet, cell(FieldFact, row), cell(FieldReason, row), st.locked))
			}
			var texts [numFields]string
			texts[FieldRoadmap], texts[FieldDistrict], texts[FieldID] = rm.ID, rm.Owner(), a.ID
			texts[FieldTitle], texts[FieldIndicator], texts[FieldPlan] = a.Title, a.Measure().Text, plan
			check(f.SetRowHeight(sheet, row, xlsxpage.RowHeight(texts[:], widths[:])))
			row++
		}
	}
	check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerLine, TopLeftCell: cell(0, firstData), ActivePane: "bottomLeft"}))
	check(xlsxpage.Print(f, sheet, headerLine, headerLine, lang))
	check(f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// ownerLine is the title row naming whose roadmap it is: «Район: …» of a
// district roadmap, «Регион: …» or «Организация: …» of the others.
func ownerLine(rm *roadmap.Roadmap, lang i18n.Lang) string {
	switch rm.LevelOf() {
	case roadmap.LevelRegion:
		return i18n.T(lang, "template.owner.region", rm.Owner())
	case roadmap.LevelSchool:
		return i18n.T(lang, "template.owner.school", rm.Owner())
	}
	return i18n.T(lang, "template.district", rm.District)
}

// ownerHeader is the header of the district column: «Район», or «Регион»,
// «Организация» in the form of a regional or a school roadmap.
func ownerHeader(level string, lang i18n.Lang) string {
	switch level {
	case roadmap.LevelRegion:
		return i18n.T(lang, "template.col.owner.region")
	case roadmap.LevelSchool:
		return i18n.T(lang, "template.col.owner.school")
	}
	return FieldDistrict.Header(lang)
}

// sectionHeading is a section's heading as the document prints it: «I.
// Нормативно-правовое обеспечение». Made here as view.Heading makes it:
// fulfilment, which reads these forms, must not depend on package view.
func sectionHeading(s roadmap.Section) string {
	if s.N == "" {
		return s.Title
	}
	return strings.TrimSuffix(s.N, ".") + ". " + s.Title
}

// tableWidth is the width of the form's table in characters.
func tableWidth() float64 {
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	return sum
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
// allows: yes/no for a document, and the number of documents submitted
// (0..N) where it needs N > 1; a whole number of at least 0 for a count,
// 0..100 for a percent.
func factValidation(f *excelize.File, sheet, cell string, ind phrase.Indicator, lang i18n.Lang) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(cell)
	switch need := len(ind.Documents); {
	case ind.Kind == phrase.KindDocument && need > 1:
		// «1» of two documents is partly met: the clerk may say how many.
		items := []string{i18n.T(lang, "template.yes"), i18n.T(lang, "template.no")}
		for n := 0; n <= need; n++ {
			items = append(items, strconv.Itoa(n))
		}
		if err := dv.SetDropList(items); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "", i18n.T(lang, "template.err_documents", i18n.M("template.yes"), i18n.M("template.no"), need))
	case ind.Kind == phrase.KindDocument || ind.Kind == phrase.KindText:
		if err := dv.SetDropList([]string{i18n.T(lang, "template.yes"), i18n.T(lang, "template.no")}); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "", i18n.T(lang, "template.err_yesno", i18n.M("template.yes"), i18n.M("template.no")))
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
