// Package check owns the meaning rules of roadmap files (ids, numbering,
// periods, thresholds, executors, unreadable phrases) and running the whole
// check over a set of files: finding them, loading them in parallel and
// returning every finding of every file in a deterministic order.
package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// idPattern is the form of roadmap and activity ids: readable Latin slugs
// that survive URLs, file names, spreadsheets and git merges.
var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$`)

// Roadmap runs the rules that concern one roadmap.
func Roadmap(r *roadmap.Roadmap) []diag.Finding {
	c := &checker{r: r}
	c.ids()
	c.level()
	c.sections()
	c.document()
	c.period()
	c.numbering()
	for i := range r.Activities {
		c.activity(i)
	}
	c.expectedResults()
	return c.findings
}

type checker struct {
	r        *roadmap.Roadmap
	findings []diag.Finding
}

func (c *checker) add(path string, code diag.Code, args ...any) {
	c.findings = append(c.findings, diag.New(c.r.File, c.r.Pos(path), code, args...))
}

func (c *checker) periodOK() bool {
	p := c.r.Period
	return p.From >= minYear && p.To <= maxYear && p.From <= p.To
}

func (c *checker) ids() {
	if c.r.ID != "" && !idPattern.MatchString(c.r.ID) {
		c.add("id", diag.MalformedID, c.r.ID)
	}
	first := map[string]int{}
	for i, a := range c.r.Activities {
		path := activityPath(i) + ".id"
		if a.ID == "" {
			continue
		}
		if !idPattern.MatchString(a.ID) {
			c.add(path, diag.MalformedID, a.ID)
		}
		if line, dup := first[a.ID]; dup {
			c.add(path, diag.DuplicateID, a.ID, line)
			continue
		}
		first[a.ID] = c.r.Pos(path).Line
	}
}

// document requires the number and date of an order: free text, since
// real numbers look like "94/01-09", "355.1/01-07" or "01-03\482".
func (c *checker) document() {
	d := c.r.Document
	if d.Kind != roadmap.KindOrder {
		return
	}
	if strings.TrimSpace(d.Number) == "" {
		c.add("document", diag.MissingField, "number")
	}
	if d.Date.IsZero() && !c.r.Has("document.date") {
		c.add("document", diag.MissingField, "date")
	}
	if c.orderAfterPeriod() {
		p := c.r.Period
		c.add("document.date", diag.OrderAfterPeriod, d.Date.Russian(), p.From, p.To)
	}
}

// orderAfterPeriod reports whether the approving order is dated after the
// period ends: every deadline passed before it.
func (c *checker) orderAfterPeriod() bool {
	d, p := c.r.Document.Date, c.r.Period
	if d.IsZero() || !c.periodOK() {
		return false
	}
	end := roadmap.Date{Year: p.To, Month: 12, Day: 31}
	if p.SchoolYear {
		end = roadmap.Date{Year: p.To, Month: 6, Day: 30}
	}
	return end.Before(d)
}

// Years a roadmap period may name: anything else is a typo, and bounding it
// keeps per-year work small.
const minYear, maxYear = 1990, 2100

func (c *checker) period() {
	p := c.r.Period
	for _, f := range []struct {
		key  string
		year int
	}{{"from", p.From}, {"to", p.To}} {
		// 0 written out («from: 0») is a year too: the form would get
		// rows for years 0–2022.
		if (f.year != 0 || c.r.Has("period."+f.key)) && (f.year < minYear || f.year > maxYear) {
			c.add("period."+f.key, diag.BadValue, f.key, strconv.Itoa(f.year), fmt.Sprintf("%d–%d", minYear, maxYear))
		}
	}
	if p.From > 0 && p.To > 0 && p.From > p.To {
		c.add("period", diag.PeriodOrder, p.From, p.To)
	}
}

// numbering checks n as the document prints it: a plain number follows
// the one before (or starts at 1 in a new section); a dotted one follows
// the one before in its group ("2.2" after "2.1"), and a new group starts
// at 1 ("3.1").
func (c *checker) numbering() {
	var prev roadmap.Activity
	for i, a := range c.r.Activities {
		if a.N == "" {
			continue // missing n is reported by the loader
		}
		want := roadmap.NumberOf(1)
		switch {
		case prev.N == "" && a.N.Prefix() != "":
			want = a.N.With(1)
		case prev.N == "":
		case a.N.Prefix() == prev.N.Prefix():
			want = prev.N.With(prev.N.Last() + 1)
			if a.N == "1" && a.Section != prev.Section {
				want = a.N // plain numbers start again in a new section
			}
		case a.N.Prefix().Compare(prev.N.Prefix()) > 0:
			want = a.N.With(1)
		default:
			want = prev.N.With(prev.N.Last() + 1)
		}
		if a.N != want {
			c.add(activityPath(i)+".n", diag.Numbering, want, a.N)
		}
		prev = a
	}
}

// level requires what names the owner of the roadmap: the district of a
// district roadmap, the region of a regional one, the school of a
// school's.
func (c *checker) level() {
	need := map[string]struct{ key, value string }{
		roadmap.LevelDistrict: {"district", c.r.District},
		roadmap.LevelRegion:   {"region", c.r.Region},
		roadmap.LevelSchool:   {"organisation", c.r.Organisation},
	}[c.r.LevelOf()]
	if need.key != "" && strings.TrimSpace(need.value) == "" && !c.r.Has(need.key) {
		c.add("", diag.MissingField, need.key)
	}
}

// sections checks that section ids are unique and that every activity's
// section is one of them.
func (c *checker) sections() {
	first := map[string]int{}
	var ids []string
	for i, s := range c.r.Sections {
		path := fmt.Sprintf("sections[%d].id", i)
		if s.ID == "" {
			continue
		}
		if line, dup := first[s.ID]; dup {
			c.add(path, diag.DuplicateSection, s.ID, line)
			continue
		}
		first[s.ID] = c.r.Pos(path).Line
		ids = append(ids, s.ID)
	}
	for i, a := range c.r.Activities {
		if a.Section == "" {
			continue
		}
		if _, ok := first[a.Section]; !ok {
			c.add(activityPath(i)+".section", diag.UnknownSection, a.Section, roadmap.Suggest(a.Section, ids))
		}
	}
}

func (c *checker) activity(i int) {
	a := c.r.Activities[i]
	path := activityPath(i)
	c.due(path+".due", a.Due)
	if a.Indicator.Text != "" || a.Indicator.Parsed || a.Result.Text == "" {
		c.indicator(path+".indicator", a.Indicator)
	} else {
		// No indicator: the expected result is what fulfilment measures.
		c.indicator(path+".result", a.Result)
	}
	if a.Executors != nil {
		empty := true
		for _, e := range a.Executors {
			if strings.TrimSpace(e) != "" {
				empty = false
			}
		}
		if empty {
			c.add(path+".executors", diag.EmptyExecutors)
		}
	}
}

func (c *checker) due(path string, d phrase.Due) {
	if d.Text == "" {
		return
	}
	if !d.Parsed {
		c.add(path, diag.UnparsedDue, d.Text)
		return
	}
	for _, m := range d.Months {
		if m < 1 || m > 12 {
			c.add(path+".months", diag.BadValue, "months", strconv.Itoa(m), "1–12")
		}
	}
	if d.Day < 0 || d.Day > 31 {
		c.add(path+".day", diag.BadValue, "day", strconv.Itoa(d.Day), "1–31")
	}
	for _, q := range d.Quarters {
		if q < 1 || q > 4 {
			c.add(path+".quarters", diag.BadValue, "quarters", strconv.Itoa(q), "1–4")
		}
	}
	if !c.periodOK() {
		return
	}
	p := c.r.Period
	for _, y := range d.OutsidePeriod(p.From, p.To) {
		c.add(path, diag.DueOutsidePeriod, d.Text, p.From, p.To, y)
	}
	ctx := c.r.DueContext()
	for _, a := range d.Assumptions(ctx) {
		var args []any
		if a == phrase.AssumePartRead {
			args = append(args, d.Ignored)
		}
		c.add(path, diag.DueAssumed, d.Text, i18n.M("assume."+string(a), args...))
	}
	if ctx.Order.IsZero() || c.orderAfterPeriod() {
		return // an order after the whole period is said once (RM032)
	}
	// Occurrences before the order: once per deadline, the first and how many.
	var before []phrase.Deadline
	for _, dl := range d.Schedule(ctx) {
		if dl.By.Before(ctx.Order) {
			before = append(before, dl)
		}
	}
	if len(before) > 0 {
		c.add(path, diag.DueBeforeOrder, d.Text, before[0].By.Format("02.01.2006"), len(before), ctx.Order.Format("02.01.2006"))
	}
}

func (c *checker) indicator(path string, ind phrase.Indicator) {
	if ind.Text == "" {
		return
	}
	if !ind.Parsed {
		c.add(path, diag.UnparsedIndicator, ind.Text)
		return
	}
	for _, a := range ind.Assumed {
		c.add(path, diag.IndicatorAssumed, ind.Text, i18n.M("assume.indicator."+a))
	}
	percent := ind.Kind == phrase.KindPercent || ind.Unit == "%"
	bound := func(key string, v *float64) {
		if v == nil {
			return
		}
		switch {
		case percent && (*v < 0 || *v > 100):
			c.add(path+"."+key, diag.PercentRange, num(*v))
		case !percent && *v < 0:
			c.add(path+"."+key, diag.NegativeCount, num(*v))
		}
	}
	bound("min", ind.Min)
	bound("max", ind.Max)
	if ind.Min != nil && ind.Max != nil && *ind.Min > *ind.Max {
		c.add(path, diag.MinAboveMax, num(*ind.Min), num(*ind.Max))
	}
	for _, t := range ind.Targets {
		tpath := path + ".targets." + strconv.Itoa(t.Year)
		v := t.Value
		switch {
		case percent && (v < 0 || v > 100):
			c.add(tpath, diag.PercentRange, num(v))
		case !percent && v < 0:
			c.add(tpath, diag.NegativeCount, num(v))
		}
		if c.periodOK() && !c.r.Period.Contains(t.Year) {
			c.add(tpath, diag.TargetOutside, t.Year, c.r.Period.From, c.r.Period.To)
		}
	}
}

func (c *checker) expectedResults() {
	if !c.periodOK() {
		return
	}
	for i, e := range c.r.ExpectedResults {
		for year := range e.ByYear {
			if !c.r.Period.Contains(year) {
				c.add(fmt.Sprintf("expected_results[%d].by_year.%d", i, year), diag.TargetOutside, year, c.r.Period.From, c.r.Period.To)
			}
		}
	}
}

func activityPath(i int) string { return "activities[" + strconv.Itoa(i) + "]" }

// num formats a threshold as users write it: 55, 57.5.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
