package importer

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Column roles of the roadmap table.
const (
	colN = iota
	colTitle
	colDue
	colIndicator
	colResult
	colExecutors
	colNote
	nCols
)

// columns is what the header says of each column of the roadmap table.
// A role may have several columns (two date columns of one deadline, a
// two-level «Ответственные»), joined in order.
type columns struct {
	header int        // index of the last header row
	role   []int      // role of each column, -1 for none
	head   []string   // header text of each column
	named  []bool     // a note column of an unknown header: its value is prefixed with the header
	month  []int      // the month (1–12) a column of a month grid stands for, else 0
	first  [nCols]int // the first column of each role, -1 when absent
	sub    bool       // a second header row refines the first
	width  int
}

func (c *columns) has(role int) bool { return c.first[role] >= 0 }

var monthNames = map[string]int{
	"январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6,
	"июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}

// headerRole names the role of a header cell from the vocabulary real
// roadmaps use («Направления деятельности», «Период реализации»,
// «Ответственные лица», «Ожидаемый результат» …). Anything else that is
// not empty is a note column whose header is named with its value.
func headerRole(text string) (role int, named bool, month int) {
	s := strings.ToLower(Clean(text))
	switch {
	case s == "":
		return -1, false, 0
	case monthNames[strings.Trim(s, ".")] > 0:
		return colDue, false, monthNames[strings.Trim(s, ".")]
	case strings.Contains(s, "исполнител") || strings.Contains(s, "ответственн"):
		return colExecutors, false, 0
	case strings.Contains(s, "индикат") || strings.Contains(s, "показател"):
		return colIndicator, false, 0
	case strings.Contains(s, "результат") || strings.Contains(s, "форма завершения"):
		return colResult, false, 0
	case strings.Contains(s, "срок") || strings.Contains(s, "период") || strings.HasPrefix(s, "дата") ||
		strings.Contains(s, "начало") || strings.Contains(s, "начала реализации") || strings.Contains(s, "окончани"):
		return colDue, false, 0
	case strings.Contains(s, "мероприят") || strings.Contains(s, "наименование") ||
		strings.Contains(s, "направлени") || strings.Contains(s, "содержание"):
		return colTitle, false, 0
	case strings.Contains(s, "№") || strings.Contains(s, "п/п") || s == "n" || s == "номер":
		return colN, false, 0
	case strings.Contains(s, "примечан"):
		return colNote, false, 0
	}
	return colNote, true, 0
}

// tableHeader finds the header row among the first rows of t: a title
// column and at least two of deadline, indicator, result and executors,
// in any order.
func tableHeader(t *Table) (columns, bool) {
	for r := 0; r < len(t.Rows) && r < 3; r++ {
		c := headerColumns(t.Rows[r])
		found := 0
		for _, k := range []int{colDue, colIndicator, colResult, colExecutors} {
			if c.has(k) {
				found++
			}
		}
		if !c.has(colTitle) || found < 2 {
			continue
		}
		c.header = r
		if r+1 < len(t.Rows) {
			c.subHeader(t.Rows[r+1])
		}
		return c, true
	}
	return columns{}, false
}

func headerColumns(row Row) columns {
	c := columns{width: len(row.Cells)}
	for i := range c.first {
		c.first[i] = -1
	}
	for i, cell := range row.Cells {
		role, named, month := headerRole(cell.Text)
		if (role == colTitle || role == colN) && c.first[role] >= 0 {
			// A second activity column («Содержание мероприятия») is a note.
			role, named = colNote, role == colN
		}
		c.role = append(c.role, role)
		c.head = append(c.head, Clean(cell.Text))
		c.named = append(c.named, named)
		c.month = append(c.month, month)
		if role >= 0 && c.first[role] < 0 {
			c.first[role] = i
		}
	}
	// A number column left without a header: the column numbers under
	// the header count it.
	if c.first[colN] < 0 && len(c.role) > 0 && c.role[0] < 0 {
		c.role[0], c.first[colN] = colN, 0
	}
	return c
}

// subHeader reads a second header row: cells under an empty header cell
// belong to the role of the header cell to their left (a «Срок» over
// «начала реализации» and «окончания реализации»).
func (c *columns) subHeader(row Row) {
	if columnNumbers(row) || c.cellText(row, colN) != "" || c.cellText(row, colTitle) != "" {
		return
	}
	any := false
	base := append([]string{}, c.head...)
	for i, cell := range row.Cells {
		s := Clean(cell.Text)
		if s == "" {
			continue
		}
		any = true
		for i >= len(c.role) {
			c.role, c.head, c.named, c.month = append(c.role, -1), append(c.head, ""), append(c.named, false), append(c.month, 0)
		}
		if c.role[i] < 0 || c.named[i] && c.head[i] == "" {
			// Only the header row's own cells: one this row added past
			// its end took its role from them already.
			for j := min(i, len(base)) - 1; j >= 0; j-- {
				if c.role[j] >= 0 && c.head[j] != "" {
					c.role[i], c.named[i] = c.role[j], false
					c.head[i] = base[j]
					break
				}
			}
		}
		c.head[i] = strings.TrimSpace(c.head[i] + " / " + s)
	}
	if any {
		c.sub = true
		c.header++
		c.width = max(c.width, len(row.Cells))
	}
}

func (c *columns) cellText(row Row, role int) string {
	if i := c.first[role]; i >= 0 && i < len(row.Cells) && !row.Cells[i].Merged {
		return Clean(row.Cells[i].Text)
	}
	return ""
}

// grid returns the first column and the length of a month grid (twelve
// columns «сентябрь» … «август» whose marked cells give the deadline).
func (c *columns) grid() (start, n int) {
	for i, m := range c.month {
		if m > 0 {
			if n == 0 {
				start = i
			}
			n++
		}
	}
	return start, n
}

// value joins the texts of the row's cells of a role; a month grid gives
// the months whose cells are marked.
func (c *columns) value(row Row, role int) (string, Loc) {
	var parts []string
	var loc Loc
	grid := false
	for i, cell := range row.Cells {
		if i >= len(c.role) || c.role[i] != role || cell.Merged {
			continue
		}
		grid = grid || c.month[i] > 0
		s := Clean(cell.Text)
		if s == "" {
			continue
		}
		if loc == (Loc{}) {
			loc = cell.Loc
		}
		switch {
		case c.month[i] > 0:
			s = c.head[i]
		case c.named[i] && c.head[i] != "":
			s = c.head[i] + ": " + s
		}
		parts = append(parts, s)
	}
	if loc == (Loc{}) {
		loc = row.Loc
		if i := c.first[role]; i >= 0 && i < len(row.Cells) {
			loc = row.Cells[i].Loc
		}
	}
	sep := " "
	switch {
	case role == colNote:
		sep = "; "
	case role == colDue && len(parts) == 2 && !grid:
		// Start and end columns («начала / окончания реализации»): a range.
		sep = " – "
	}
	return strings.Join(parts, sep), loc
}

// columnNumbers reports a row numbering the columns ("1 2 3 4 5"), which
// many tables put under the header.
func columnNumbers(row Row) bool {
	n := 0
	for i, c := range row.Cells {
		s := Clean(c.Text)
		if s == "" {
			continue
		}
		if s != strconv.Itoa(i+1) && s != strconv.Itoa(i+1)+"." {
			return false
		}
		n++
	}
	return n >= 3
}

func rowText(row Row) string {
	var parts []string
	for _, c := range row.Cells {
		if s := Clean(c.Text); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " | ")
}

// rawActivity is a row of the roadmap table before cleaning.
type rawActivity struct {
	n       roadmap.Number
	section int // index in Sections, -1 for none
	cells   [nCols]string
	locs    [nCols]Loc
}

var (
	// sectionHead is a section heading: «I. Нормативно-правовое
	// обеспечение», «2. Организационно-методическое сопровождение».
	sectionHead = regexp.MustCompile(`^([IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$`)
	romanNumber = regexp.MustCompile(`^[IVXLC]{1,6}\.?$`)
	// stageTitle is a stage of the work: «Этап подготовки», «1 этап».
	stageTitle = regexp.MustCompile(`(?i)^(?:\d+\s+)?этап(?:\s|$)`)
)

// sectionRow reads a section heading row: one cell spanning the table
// («I. Анализ работы …»), or a number and a title alone where the number
// is Roman or the next numbered row is under it («1» before «1.1»). A
// heading may carry a deadline of its own (due) when its number is Roman
// or its title a stage («Этап подготовки») and it fills no other column:
// an activity has executors or a result, a stage holds activities.
func (rc *recogniser) sectionRow(c *columns, rows []Row, r int) (n, title, due string, ok bool) {
	row := rows[r]
	var filled []int
	roles := map[int]string{}
	for i, cell := range row.Cells {
		if !cell.Merged && Clean(cell.Text) != "" {
			filled = append(filled, i)
			if i < len(c.role) && c.role[i] >= 0 {
				roles[c.role[i]] = Clean(cell.Text)
			} else {
				roles[-1] = Clean(cell.Text)
			}
		}
	}
	if len(roles) == len(filled) && roles[colTitle] != "" && roles[colDue] != "" &&
		(len(roles) == 2 || len(roles) == 3 && roles[colN] != "") &&
		(romanNumber.MatchString(roles[colN]) || stageTitle.MatchString(roles[colTitle])) {
		return strings.TrimSuffix(roles[colN], "."), roles[colTitle], roles[colDue], true
	}
	switch {
	case len(filled) == 1 && (filled[0] == 0 || filled[0] == c.first[colTitle] && !c.has(colN)):
		m := sectionHead.FindStringSubmatch(Clean(row.Cells[filled[0]].Text))
		if m == nil {
			return "", "", "", false
		}
		return m[1], m[2], "", true
	case len(filled) == 2 && filled[0] == c.first[colN] && filled[1] == c.first[colTitle]:
		num := Clean(row.Cells[filled[0]].Text)
		title := Clean(row.Cells[filled[1]].Text)
		if romanNumber.MatchString(num) {
			return strings.TrimSuffix(num, "."), title, "", true
		}
		own, okN := roadmap.ParseNumber(num)
		if !okN {
			return "", "", "", false
		}
		for _, next := range rows[r+1:] {
			if nn, ok := roadmap.ParseNumber(c.cellText(next, colN)); ok {
				if strings.HasPrefix(string(nn), string(own)+".") {
					return string(own), title, "", true
				}
				break
			}
		}
	}
	return "", "", "", false
}

// align gives a row that lost a cell of a month grid (its cells fewer
// than the header's) the missing empty cells, so that the columns after
// the grid line up with their headers.
func (c *columns) align(row Row) (Row, bool) {
	start, n := c.grid()
	if n < 6 || len(row.Cells) >= c.width || len(row.Cells) <= start+1 {
		return row, false
	}
	missing := c.width - len(row.Cells)
	cells := append([]Cell{}, row.Cells[:start]...)
	for range missing {
		cells = append(cells, Cell{Loc: row.Loc})
	}
	row.Cells = append(cells, row.Cells[start:]...)
	return row, true
}

// activities reads the rows of the roadmap table: section rows become
// sections, rows without a number continue the previous activity, the
// others are activities numbered as printed.
func (rc *recogniser) activities() {
	c, _ := tableHeader(rc.table)
	rows := rc.table.Rows
	for role := colDue; role <= colExecutors; role++ {
		var heads []string
		for i, r := range c.role {
			if r == role && c.month[i] == 0 {
				heads = append(heads, "«"+c.head[i]+"»")
			}
		}
		if len(heads) > 1 {
			rc.warn(rows[c.header].Loc, "import.warn.columns_joined", strings.Join(heads, ", "))
		}
	}
	if _, n := c.grid(); n > 0 {
		rc.warn(rows[c.header].Loc, "import.warn.month_grid", n)
	}
	if !c.has(colExecutors) {
		// The owner, known only once the heading is read, stands in
		// (ownerExecutors).
		loc := rows[c.header].Loc
		rc.noExecutors = &loc
	}
	var acts []*rawActivity
	section := -1
	inSection := 0 // activities so far in the current section
	for r := c.header + 1; r < len(rows); r++ {
		row, aligned := c.align(rows[r])
		if columnNumbers(row) {
			continue
		}
		if n, title, due, ok := rc.sectionRow(&c, rows, r); ok {
			if due != "" {
				rc.warn(row.Loc, "import.warn.section_due", strings.TrimSpace(n+" «"+title+"»"), due)
			}
			rc.r.Sections = append(rc.r.Sections, roadmap.Section{N: n, Title: title})
			section, inSection = len(rc.r.Sections)-1, 0
			continue
		}
		if aligned {
			rc.warn(row.Loc, "import.warn.row_aligned", len(rows[r].Cells), c.width)
		}
		nCell := Cell{}
		if i := c.first[colN]; i >= 0 && i < len(row.Cells) {
			nCell = row.Cells[i]
		}
		nText := Clean(nCell.Text)
		content := false
		for role := colTitle; role < nCols; role++ {
			if v, _ := c.value(row, role); v != "" {
				content = true
			}
		}
		if c.has(colN) && (nText == "" || nCell.Merged) && !nCell.Numbered {
			if !content {
				continue
			}
			if len(acts) == 0 {
				rc.warn(row.Loc, "import.warn.row_skipped", quote(rowText(row)))
				continue
			}
			prev := acts[len(acts)-1]
			for role := colTitle; role < nCols; role++ {
				if v, _ := c.value(row, role); v != "" {
					prev.cells[role] = strings.TrimSpace(prev.cells[role] + " " + v)
				}
			}
			rc.warn(row.Loc, "import.warn.continued", prev.n.String())
			continue
		}
		a := &rawActivity{section: section}
		next := roadmap.NumberOf(inSection + 1)
		if n, ok := roadmap.ParseNumber(nText); ok {
			a.n = n
		} else if !c.has(colN) || nCell.Numbered && nText == "" {
			a.n = next
		} else if !content {
			rc.warn(row.Loc, "import.warn.section_row", quote(nText))
			continue
		} else {
			a.n = next
			rc.warn(nCell.Loc, "import.warn.bad_number", quote(nText), a.n.String())
		}
		for role := colTitle; role < nCols; role++ {
			a.cells[role], a.locs[role] = c.value(row, role)
		}
		acts = append(acts, a)
		inSection++
	}
	for _, a := range acts {
		rc.activity(&c, a)
	}
	if len(rc.r.Activities) == 0 {
		rc.warn(rc.table.Loc, "import.warn.no_rows")
	}
}

// activity cleans a row into an activity.
func (rc *recogniser) activity(c *columns, a *rawActivity) {
	n := a.n.String()
	act := roadmap.Activity{N: a.n, Title: Clean(a.cells[colTitle]), Note: Clean(a.cells[colNote])}
	if a.section >= 0 {
		// The section's id is set with the activities' ids; until then
		// the activity names it by index.
		act.Section = strconv.Itoa(a.section)
	}
	if act.Title == "" {
		rc.warn(a.locs[colTitle], "import.warn.empty", n, "title")
	}
	if due := Clean(a.cells[colDue]); due != "" {
		act.Due = phrase.ParseDue(due)
		if !act.Due.Parsed {
			rc.warn(a.locs[colDue], "import.warn.due", n, quote(due))
		}
	} else if c.has(colDue) {
		rc.warn(a.locs[colDue], "import.warn.empty", n, "due")
	}
	if res := Clean(a.cells[colResult]); res != "" {
		// An expected result is mostly a document or an event: free text
		// a person judges, unless it reads as a measure.
		act.Result = phrase.ParseIndicator(res)
		if !act.Result.Parsed {
			act.Result = phrase.Indicator{Text: act.Result.Text, Kind: phrase.KindText, Parsed: true}
		}
	}
	if ind := Clean(a.cells[colIndicator]); ind != "" {
		act.Indicator = phrase.ParseIndicator(ind)
		if !act.Indicator.Parsed {
			// As the hand-encoded files do: kind text, a person judges it.
			act.Indicator = phrase.Indicator{Text: act.Indicator.Text, Kind: phrase.KindText, Parsed: true}
			rc.warn(a.locs[colIndicator], "import.warn.indicator", n, quote(ind))
		}
	} else if c.has(colIndicator) && act.Result.Text == "" {
		rc.warn(a.locs[colIndicator], "import.warn.empty", n, "indicator")
	}
	ex, guessed := SplitExecutors(Clean(a.cells[colExecutors]))
	act.Executors = ex
	switch {
	case len(ex) == 0 && c.has(colExecutors):
		rc.warn(a.locs[colExecutors], "import.warn.empty", n, "executors")
	case guessed:
		rc.warn(a.locs[colExecutors], "import.warn.executors", n, strings.Join(quoteAll(ex), ", "))
	}
	rc.r.Activities = append(rc.r.Activities, act)
}
