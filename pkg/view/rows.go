package view

// Rows is a table whose rows are made as they are drawn, one at a time:
// for tables too large to hold as cells (a country's by-year summary is
// 1.4 million rows, about 830 MB of Cell). The writers go over the rows
// in order, some twice (once to measure the columns, once to draw), and
// hold none of them.
type Rows struct {
	// Name is a short name: the sheet name in a workbook.
	Name     string
	Title    string
	Subtitle string
	Columns  []Column
	// Len is the number of rows.
	Len int
	// Row makes row i (0 <= i < Len), one cell per column. It may be
	// called more than once for a row, in any order. The slice may be
	// the source's own (RowsOf's are the table's): read it, do not
	// change it.
	Row func(i int) []Cell
	// Headings are section headings between rows, in order of Before.
	Headings []Heading
}

// RowsOf is t as Rows, its rows as they are.
func RowsOf(t Table) Rows {
	rows := t.Rows
	return Rows{Name: t.Name, Title: t.Title, Subtitle: t.Subtitle, Columns: t.Columns, Len: len(rows),
		Row: func(i int) []Cell { return rows[i] }, Headings: t.Headings}
}

// Table makes every row: the table of r, held.
func (r Rows) Table() Table {
	t := Table{Name: r.Name, Title: r.Title, Subtitle: r.Subtitle, Columns: r.Columns, Headings: r.Headings}
	if r.Len > 0 {
		t.Rows = make([][]Cell, r.Len)
		for i := range r.Len {
			t.Rows[i] = r.Row(i)
		}
	}
	return t
}

// Part is rows from..to-1 of r, with the headings above them (Before
// counted from the part's first row): a long table cut over sheets.
func (r Rows) Part(from, to int) Rows {
	p := r
	p.Len = to - from
	row := r.Row
	p.Row = func(i int) []Cell { return row(from + i) }
	p.Headings = nil
	for _, h := range r.Headings {
		if h.Before >= from && h.Before < to {
			h.Before -= from
			p.Headings = append(p.Headings, h)
		}
	}
	return p
}
