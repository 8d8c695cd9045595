// Package xlsxpage owns the look of printed workbooks: the typeface, A4
// landscape pages one page wide with the header rows repeated on each and
// the page number in the footer, row heights that fit wrapped text, the
// document properties, and sheet names Excel accepts. The summary
// workbook, the report form and the "Было / Стало" table all use it, so
// that they print alike. It also writes workbooks out: in a fixed part
// order (Write), with big sheets' rows written by Rows rather than
// excelize's stream writer (WriteRows), and whole workbooks of table
// sheets without excelize, the same bytes (Book).
package xlsxpage

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// Times New Roman 12 is how Russian official documents are set.
const (
	family   = "Times New Roman"
	size     = 12
	lineSize = 16 // points a line of size-12 text takes
	maxLines = 25 // rows stop growing there (Excel's limit is 409 points)
)

// Font is the body text's font.
func Font() *excelize.Font { return &excelize.Font{Family: family, Size: size} }

// Bold is the font of headers.
func Bold() *excelize.Font { return &excelize.Font{Family: family, Size: size, Bold: true} }

// Italic is the font of notes under a title.
func Italic() *excelize.Font { return &excelize.Font{Family: family, Size: size, Italic: true} }

// Title is the font of a sheet's title.
func Title() *excelize.Font { return &excelize.Font{Family: family, Size: 14, Bold: true} }

// Width is the column width that holds chars characters of the font:
// widths are counted in characters of Excel's default font, and Times New
// Roman 12, bold in headers, runs about a quarter wider.
func Width(chars int) float64 { return float64(chars) * 1.25 }

// perLine is how many characters of the font a line of a column of width
// holds, the inverse of Width less a character of padding.
func perLine(width float64) int { return max(int(width/1.25)-1, 1) }

// RowHeight is the height in points a row needs for its wrapped text:
// the most lines any of its cells takes in its column's width (Excel
// widths). Office programs do not grow the rows of a generated sheet by
// themselves; LibreOffice draws too-short wrapped rows over each other.
func RowHeight(texts []string, widths []float64) float64 {
	lines := 1
	for i, s := range texts {
		if i >= len(widths) || s == "" {
			continue
		}
		n, per := 0, perLine(widths[i])
		if len(s) <= per && strings.IndexByte(s, '\n') < 0 {
			continue // one line: no more characters than bytes
		}
		for more := true; more; {
			var para string
			para, s, more = strings.Cut(s, "\n") // not Split: no slice a cell
			n += max(1, (utf8.RuneCountInString(para)+per-1)/per)
		}
		lines = max(lines, n)
	}
	return float64(min(lines, maxLines)) * lineSize
}

// Print sets a sheet up for printing: A4 landscape, fitted to one page
// wide and as many pages long as it takes, rows headerFrom..headerTo
// repeated at the top of every page, "Страница N из M" in the footer.
// A streamed sheet must be set up before its rows are streamed.
func Print(f *excelize.File, sheet string, headerFrom, headerTo int, lang i18n.Lang) error {
	orientation, a4, fitWidth, fitHeight, fit := "landscape", 9, 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Orientation: &orientation, Size: &a4, FitToWidth: &fitWidth, FitToHeight: &fitHeight,
	}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footerText(lang)}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: printTitles(sheet, headerFrom, headerTo)})
}

// footerText is the page's footer: "Страница N из M", centred.
func footerText(lang i18n.Lang) string {
	return "&C&\"" + family + "\"&10" + i18n.T(lang, "xlsx.page", "&P", "&N")
}

// printTitles refers to the rows printed at the top of every page.
func printTitles(sheet string, from, to int) string {
	return fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), from, to)
}

// creator is the documents' author.
const creator = "roadmap"

// DocProps describes the workbook as a document, made by roadmap.
func DocProps(f *excelize.File, title, subject string, lang i18n.Lang) error {
	return f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: subject, Creator: creator, Language: string(lang),
	})
}

// Styles adds cell styles to a workbook, keeping the first error, so that
// a set of styles is made in a row of assignments and checked once.
type Styles struct {
	f   *excelize.File
	Err error
}

// NewStyles adds styles to f.
func NewStyles(f *excelize.File) *Styles { return &Styles{f: f} }

// Add adds a style and returns its id (0 after an error).
func (s *Styles) Add(style *excelize.Style) int {
	if s.Err != nil {
		return 0
	}
	id, err := s.f.NewStyle(style)
	s.Err = err
	return id
}

// Sheets adds a workbook's sheets under names Excel accepts.
type Sheets struct {
	f    *excelize.File
	used map[string]bool // lower-cased: Excel compares names ignoring case
}

// NewSheets adds sheets to a new workbook, the first replacing the sheet
// a new workbook has.
func NewSheets(f *excelize.File) *Sheets { return &Sheets{f: f, used: map[string]bool{}} }

// Add adds a sheet named as near to name as Excel allows and returns the
// name: at most 31 characters, none of []:*?/\, no apostrophe at either
// end, not blank (else fallback), unique in the workbook (else " 2", " 3"
// is added).
func (s *Sheets) Add(name, fallback string) (string, error) {
	name = s.unique(name, fallback)
	if len(s.used) == 1 {
		return name, s.f.SetSheetName(s.f.GetSheetName(0), name)
	}
	_, err := s.f.NewSheet(name)
	return name, err
}

// Name is the name Add would give a sheet, for a workbook written
// without excelize (Book): NewSheets(nil).Name.
func (s *Sheets) Name(name, fallback string) string { return s.unique(name, fallback) }

const maxName = 31

func (s *Sheets) unique(name, fallback string) string {
	base := clean(name)
	if base == "" {
		base = clean(fallback)
	}
	if base == "" {
		base = "Sheet"
	}
	name = cut(base, maxName)
	for n := 2; s.used[strings.ToLower(name)]; n++ {
		suffix := " " + strconv.Itoa(n)
		name = cut(base, maxName-len(suffix)) + suffix
	}
	s.used[strings.ToLower(name)] = true
	return name
}

// clean drops what Excel forbids in a sheet name.
func clean(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < ' ' {
			return ' '
		}
		return r
	}, name)
	return strings.Trim(strings.Join(strings.Fields(name), " "), " '")
}

// cut keeps the first n characters of s, without a space or apostrophe
// left at the end.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		s = string(r[:n])
	}
	return strings.TrimRight(s, " '")
}
