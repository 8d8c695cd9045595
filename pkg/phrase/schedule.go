package phrase

import (
	"slices"
	"time"
)

// Context is what a deadline is read against: the roadmap's period and
// the approving order's date.
type Context struct {
	// From and To are the period's years, inclusive.
	From, To int
	// SchoolYear: the period is the one school year From/From+1 (1
	// September From to 30 June To).
	SchoolYear bool
	// Order is the approving order's date; zero when unknown.
	Order time.Time
}

// maxSchedule bounds the period Schedule expands, against a caller passing
// a nonsense period.
const maxSchedule = 1000

// Assumption is what a reading of a deadline took for granted; the
// checker warns with it, naming how to write the deadline explicitly.
type Assumption string

// The assumptions.
const (
	// AssumeEveryYear: no year is named and the period has several, so the
	// deadline is taken in every year of it.
	AssumeEveryYear Assumption = "every_year"
	// AssumeStepStart: "раз в два года" is counted from the period's first year.
	AssumeStepStart Assumption = "step_start"
	// AssumePartRead: words of the phrase were left out (Due.Ignored).
	AssumePartRead Assumption = "part_read"
	// AssumeNoOrderDate: the deadline counts from the approving order, whose
	// date the roadmap does not give.
	AssumeNoOrderDate Assumption = "no_order_date"
	// AssumeOpenEnd: the phrase gives only a start («с 4 сентября»); the
	// year's end is taken as the deadline.
	AssumeOpenEnd Assumption = "open_end"
	// AssumeWeekly: a weekly activity is read as continuous.
	AssumeWeekly Assumption = "weekly"
	// AssumeYearInSchoolYear: «в течение года» in a school-year plan is
	// taken as the school year.
	AssumeYearInSchoolYear Assumption = "year_in_school_year"
	// AssumeShortYear: a two-digit year ("25.04.13") outside the period,
	// read as of this century.
	AssumeShortYear Assumption = "short_year"
	// AssumeWorkingDays: working days are counted as calendar days plus
	// weekends (five working days a week), without public holidays.
	AssumeWorkingDays Assumption = "working_days"
)

// Assumptions lists what reading d in context c takes for granted, in a
// fixed order; nil when nothing.
func (d Due) Assumptions(c Context) []Assumption {
	if !d.Parsed {
		return nil
	}
	var out []Assumption
	if d.Kind == DueDated && !d.namesYear() && !d.Every && d.Since == 0 && d.Step == 0 && !c.SchoolYear && c.To > c.From {
		out = append(out, AssumeEveryYear)
	}
	if d.Step > 1 && d.Since == 0 {
		out = append(out, AssumeStepStart)
	}
	if d.Ignored != "" {
		out = append(out, AssumePartRead)
	}
	if d.Kind == DueAfterOrder && c.Order.IsZero() {
		out = append(out, AssumeNoOrderDate)
	}
	if d.Kind == DueAfterOrder && d.After != nil && d.After.Working {
		out = append(out, AssumeWorkingDays)
	}
	if len(d.Points) == 1 && d.Points[0].Open {
		out = append(out, AssumeOpenEnd)
	}
	if d.Weekly {
		out = append(out, AssumeWeekly)
	}
	if c.SchoolYear && d.Throughout && d.Every && !d.SchoolYear {
		out = append(out, AssumeYearInSchoolYear)
	}
	if d.ShortYear && d.OutsidePeriod(c.From, c.To) != nil {
		out = append(out, AssumeShortYear)
	}
	return out
}

// namesYear reports whether the phrase names its own years.
func (d Due) namesYear() bool {
	return len(d.Years) > 0 || len(d.SchoolYears) > 0 || d.From != nil && d.From.Year > 0
}

// Schedule returns the occurrences of d in context c, ascending: the
// dates by which the activity is due, and from when where the phrase
// gives a range. docs/phrases.md is the contract.
//
// Years named outside the period are returned too, so that a checker can
// flag them (see OutsidePeriod). An unparsed deadline, an undated kind, a
// deadline after an order of unknown date, or a nonsense period give nil.
func (d Due) Schedule(c Context) []Deadline {
	if !d.Parsed || d.Kind.Undated() {
		return nil
	}
	if d.Kind == DueAfterOrder {
		if c.Order.IsZero() || d.After == nil {
			return nil
		}
		by := d.After.add(c.Order)
		return []Deadline{{Year: by.Year(), By: by}}
	}
	if c.From > c.To || c.To-c.From >= maxSchedule {
		return nil
	}
	if d.From != nil && d.To != nil {
		return d.span(c)
	}
	var out []Deadline
	if len(d.Points) > 0 && d.Points[0].Year > 0 {
		// Each point has its own year.
		same := func(m int) int { return 0 }
		for _, pt := range d.Points {
			out = append(out, d.point(pt, pt.Year, same))
		}
		// In date order, as every schedule: «май 2022, декабрь 2021» is
		// written out of it (found by FuzzParseDue).
		slices.SortStableFunc(out, func(a, b Deadline) int { return a.By.Compare(b.By) })
		return out
	}
	for _, u := range d.units(c) {
		for _, dl := range d.in(u) {
			if d.NextYear {
				// Due in the year after the one it reports on.
				dl.By = dl.By.AddDate(1, 0, 0)
				if !dl.From.IsZero() {
					dl.From = dl.From.AddDate(1, 0, 0)
				}
			}
			out = append(out, dl)
		}
	}
	slices.SortStableFunc(out, func(a, b Deadline) int { return a.By.Compare(b.By) })
	return out
}

// unit is a year the deadline recurs in: a calendar year, or the school
// year that starts in it.
type unit struct {
	year   int
	school bool
}

// units lists the years the deadline falls due in.
func (d Due) units(c Context) []unit {
	var out []unit
	switch {
	case len(d.SchoolYears) > 0:
		for _, y := range d.SchoolYears {
			out = append(out, unit{y, true})
		}
		return out
	case len(d.Years) > 0:
		for _, y := range d.Years {
			out = append(out, unit{y, false})
		}
		return out
	case c.SchoolYear:
		return []unit{{c.From, true}}
	}
	first := c.From
	if d.Since > first {
		first = d.Since
	}
	step := 1
	if d.Step > 1 {
		step = d.Step
	}
	for y := first; y <= c.To; y += step {
		out = append(out, unit{y, false})
	}
	return out
}

// in returns the occurrences in one unit.
func (d Due) in(u unit) []Deadline {
	y := u.year
	school := u.school || d.School && len(d.Halves) > 0
	// monthYear is the year of month m: in a school year, September to
	// December are its first year, January to August the second.
	monthYear := func(m int) int {
		if u.school && m < 9 {
			return y + 1
		}
		return y
	}
	at := func(year, m, day int) time.Time {
		if m > 12 {
			year, m = year+1, m-12
		}
		if day <= 0 || day > daysIn(year, m) {
			day = daysIn(year, m)
		}
		return date(year, m, day)
	}
	one := func(by time.Time) []Deadline { return []Deadline{{Year: y, By: by}} }
	switch {
	case d.Recur != "":
		var months []int // the last month of each occurrence, in order
		switch d.Recur {
		case RecurMonth:
			months = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
			if u.school {
				months = []int{9, 10, 11, 12, 13, 14, 15, 16, 17, 18}
			}
		case RecurQuarter:
			months = []int{3, 6, 9, 12}
			if u.school {
				months = []int{9, 12, 15, 18}
			}
		case RecurHalf:
			months = []int{6, 12}
			if u.school {
				months = []int{12, 18}
			}
		}
		var out []Deadline
		for _, m := range months {
			// The occurrence belongs to the year of its month, even when it
			// is due in the next ("10 января" for the fourth quarter).
			year, due := y+(m-1)/12, m
			if d.NextMonth {
				due++
			}
			out = append(out, Deadline{Year: year, By: at(y, due, d.RecurDay)})
		}
		return out
	case len(d.Halves) > 0:
		var out []Deadline
		for _, h := range d.Halves {
			m := 6 * h
			if school {
				m = 6*h + 6 // I: December, II: June of the next year
			}
			out = append(out, Deadline{Year: y + (m-1)/12, By: at(y, m, 0)})
		}
		return out
	case len(d.Points) > 0:
		var out []Deadline
		for _, pt := range d.Points {
			out = append(out, d.point(pt, monthYear(pt.Month), monthYear))
		}
		return out
	case d.SchoolStart:
		return one(date(y, 9, 1))
	case d.SchoolYear || u.school:
		if u.school {
			return []Deadline{{Year: y + 1, By: date(y+1, 6, 30)}}
		}
		return one(date(y, 6, 30))
	}
	return one(date(y, 12, 31))
}

// point is the occurrence of pt in year y; monthYear gives the year of a
// range's first month.
func (d Due) point(pt Point, y int, monthYear func(int) int) Deadline {
	day := pt.Day
	if day <= 0 || day > daysIn(y, pt.Month) {
		day = daysIn(y, pt.Month)
	}
	dl := Deadline{Year: y, By: date(y, pt.Month, day)}
	if pt.From != nil {
		fy := monthYear(pt.From.Month)
		if pt.Year > 0 || fy > y {
			fy = y
		}
		dl.From = date(fy, pt.From.Month, pt.From.Day)
	}
	return dl
}

// MonthPoints gives the occurrences of months stated as structure: one
// at the end of each month, one at the end of each quarter (which stands
// for its months), and day on the last of them.
func MonthPoints(months, quarters []int, day int) []Point {
	var out []Point
	inQuarter := func(m int) bool { return slices.Contains(quarters, (m+2)/3) }
	for m := 1; m <= 12; m++ {
		switch {
		case slices.Contains(quarters, m/3) && m%3 == 0:
			out = append(out, Point{Month: m})
		case slices.Contains(months, m) && !inQuarter(m):
			out = append(out, Point{Month: m})
		}
	}
	if n := len(out); n > 0 && day > 0 {
		out[n-1].Day = day
	}
	return out
}

// span is the one occurrence of a span From–To. Without years ("сентябрь
// – май") it runs over each new year of the period: the school year's in
// a school-year plan.
func (d Due) span(c Context) []Deadline {
	mk := func(fy, ty int) Deadline {
		from := date(fy, d.From.Month, max(d.From.Day, 1))
		day := d.To.Day
		if day <= 0 || day > daysIn(ty, d.To.Month) {
			day = daysIn(ty, d.To.Month)
		}
		by := date(ty, d.To.Month, day)
		return Deadline{Year: ty, From: from, By: by}
	}
	if d.From.Year > 0 {
		return []Deadline{mk(d.From.Year, d.To.Year)}
	}
	switch {
	case len(d.Years) == 1:
		return []Deadline{mk(d.Years[0]-1, d.Years[0])}
	case c.SchoolYear:
		return []Deadline{mk(c.From, c.From+1)}
	case c.From == c.To:
		return []Deadline{mk(c.From-1, c.From)}
	}
	var out []Deadline
	for y := c.From; y < c.To; y++ {
		out = append(out, mk(y, y+1))
	}
	return out
}

// add returns t plus the interval; working days skip Saturdays and
// Sundays.
func (iv Interval) add(t time.Time) time.Time {
	switch iv.Unit {
	case "week":
		return t.AddDate(0, 0, 7*iv.N)
	case "month":
		return t.AddDate(0, iv.N, 0)
	}
	if !iv.Working {
		return t.AddDate(0, 0, iv.N)
	}
	for n := iv.N; n > 0; {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// OutsidePeriod lists, ascending, the years the phrase names (Years,
// school years, From and To) that fall outside the roadmap period [from,
// to]; nil when none.
func (d Due) OutsidePeriod(from, to int) []int {
	var out []int
	add := func(y int) {
		if y != 0 && (y < from || y > to) {
			out = append(out, y)
		}
	}
	for _, y := range d.Years {
		add(y)
	}
	for _, y := range d.SchoolYears {
		add(y)
		add(y + 1)
	}
	if d.From != nil {
		add(d.From.Year)
	}
	if d.To != nil {
		add(d.To.Year)
	}
	if d.Since > 0 {
		add(d.Since)
	}
	return sortedSet(out)
}
