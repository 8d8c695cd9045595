// Package fulfil owns the evaluation of indicator fulfilment: it matches
// the rows of districts' reports to roadmap activities and years, and
// gives each activity and year a status (met, met late, not met, partly
// met, no data, not due, needs review) with the plan, the fact and the
// achievement level, as Russian reporting forms show them. Its results
// are typed data (status keys, numbers, dates, the plan as values);
// package view words them.
package fulfil

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/report"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/walk"
)

// Status of an indicator in one year.
type Status string

// The statuses. Their values are stable (JSON, CSV).
const (
	Met         Status = "met"
	MetLate     Status = "met_late"
	NotMet      Status = "not_met"
	Partial     Status = "partial"
	NoData      Status = "no_data"
	NotDue      Status = "not_due"
	NeedsReview Status = "needs_review"
)

// Statuses lists every status in display order.
var Statuses = []Status{Met, MetLate, NotMet, Partial, NoData, NotDue, NeedsReview}

// Result is the evaluation of one activity in one year.
type Result struct {
	RoadmapID string
	// RoadmapName names the roadmap for people: its direction, else its
	// title, else its id.
	RoadmapName string
	// Level is the roadmap's level (district, region, school) and Owner
	// the district, region or school it belongs to.
	Level      string
	Owner      string
	ActivityID string
	N          roadmap.Number
	// Section is the activity's section (zero when it has none) and
	// SectionOrder its 1-based place among the roadmap's sections (0 then),
	// to list activities section by section: plain numbers start again
	// in each section.
	Section      roadmap.Section
	SectionOrder int
	Title        string
	// Indicator is the indicator as written.
	Indicator string
	Year      int
	Deadline  time.Time
	Status    Status
	// Plan is what the indicator requires that year.
	Plan roadmap.Plan
	// Fact is the reported value as written; FactValue its number.
	Fact      string
	FactValue *float64
	// Achievement is fact / plan in percent (plan / fact for a maximum).
	Achievement *float64
	Done        roadmap.Date
	Document    string
	// Reason is the deviation reason the report gives.
	Reason string
	// Why says what falls short when the status is not met or partly met
	// (which dates, which documents, which value); zero otherwise.
	Why i18n.Msg
	// Source is the report cell the fact came from ("r.xlsx: Лист1!I5").
	Source string
	// Executors of the activity.
	Executors []string
}

// Options of an evaluation.
type Options struct {
	// AsOf is the day the evaluation is made for: deadlines after it are
	// not due yet.
	AsOf time.Time
	// AllYears evaluates every year of every roadmap, reported or not (a
	// summary); otherwise only the years the reports cover.
	AllYears bool
	// Statuses only: no findings of fulfilment itself (not met, no data,
	// late…, RM108-RM113), which a summary shows as statuses; a country's
	// summary made and threw away one per activity and year.
	Statuses bool
}

// judging reports whether code is a finding of fulfilment itself.
func judging(code diag.Code) bool { return code >= diag.NotMet && code <= diag.NeedsReview }

// maxFindingsPerFile caps what one report can produce: a million-row
// sheet of wrong ids must not become a million findings in memory.
const maxFindingsPerFile = 200

// entry is what the reports say about one activity in one year: the
// cells of a report row that evaluation needs, about a hundred bytes (the
// streamed report.Row is reused and too large to keep a million of). The
// fact is read (report.ParseValue) when it is judged; the cell's address
// is made only when a finding or a result names it.
type entry struct {
	row                reportRow
	factShown, factRaw string
	dateShown, dateRaw string
}

// fact is the reported value, read.
func (en *entry) fact() report.Value { return report.ParseValue(en.factShown, en.factRaw) }

// factText is the fact as ParseValue's Text, without reading it.
func (en *entry) factText() string {
	if t := strings.TrimSpace(en.factShown); t != "" {
		return t
	}
	return strings.TrimSpace(en.factRaw)
}

// sheetOf is a report sheet, shared by its rows.
type sheetOf struct{ file, sheet string }

type reportRow struct {
	at               *sheetOf
	factCol, factRow int32
	document         string
	reason           string
}

// factAddrWhere names the fact cell on its sheet: "Лист1!I5".
func (r *reportRow) factAddrWhere() string {
	return r.at.sheet + "!" + report.Cell{Col: int(r.factCol), Line: int(r.factRow)}.Addr()
}

// factWhere names it with its file: "r.xlsx: Лист1!I5".
func (r *reportRow) factWhere() string { return r.at.file + ": " + r.factAddrWhere() }

// file is the report file of the row.
func (r *reportRow) file() string { return r.at.file }

// key names what a report row reports on: an activity (its place among
// all roadmaps' activities) in a year, and the occurrence (its due date,
// "2006-01-02") when the form has a row per occurrence; "" for a row of
// the whole year.
type key struct {
	activity, year int32
	by             int32 // in evaluator.dues; 0 is ""
}

// Evaluate reads the report files and evaluates every activity of every
// roadmap they report on, for the years they report. Findings cover
// broken reports and indicators not met; the error is for I/O.
func Evaluate(roadmaps []*roadmap.Roadmap, files []string, opts Options) ([]Result, []diag.Finding, error) {
	var results []Result
	fs, err := EvaluateEach(roadmaps, files, opts, func(r *Result) { results = append(results, *r) })
	if err != nil {
		return nil, nil, err
	}
	return results, fs, nil
}

// EvaluateEach is Evaluate handing each result to fn as it is made, in
// Evaluate's order, for callers that keep less of it than a Result (a
// million of them are half a gigabyte). fn must not keep r.
// It is Index, ReadReports and Reports.Evaluate over roadmaps held.
func EvaluateEach(roadmaps []*roadmap.Roadmap, files []string, opts Options, fn func(r *Result)) ([]diag.Finding, error) {
	reports, err := ReadReports(indexOf(roadmaps), files, opts)
	if err != nil {
		return nil, err
	}
	for _, rm := range roadmaps {
		reports.Evaluate(rm, fn)
	}
	return reports.Findings(), nil
}

// indexOf indexes roadmaps held, each once (a roadmap given twice is
// counted twice, as «the only roadmap there is» counted it before).
func indexOf(roadmaps []*roadmap.Roadmap) *Index {
	ix := NewIndex()
	seen := make(map[*roadmap.Roadmap]bool, len(roadmaps))
	for _, rm := range roadmaps {
		if seen[rm] {
			ix.again()
			continue
		}
		seen[rm] = true
		ix.Add(rm)
	}
	return ix
}

type evaluator struct {
	opts Options
	ix   *Index
	// found remembers find's answers (nil: none), sheets what a sheet's
	// name and titles say.
	found  map[string]*known
	sheets map[*report.SheetContext]*known
	// store is what the reports say.
	store entries
	// dues are the due dates plan cells name, by index.
	dues   []string
	dueIdx map[string]int32
	sheet  *sheetOf
	// byPlan remembers the due date a plan cell names ("" for none).
	byPlan map[string]string
	// years reported per roadmap id.
	years    map[string]map[int]bool
	findings []diag.Finding
	// per-file finding count, for the cap.
	fileFindings int
	capped       bool
	file         string
}

func (e *evaluator) cellFinding(file, cell string, code diag.Code, args ...any) {
	if e.opts.Statuses && judging(code) {
		return
	}
	if file == e.file {
		e.fileFindings++
		if e.fileFindings > maxFindingsPerFile {
			if !e.capped {
				e.capped = true
				e.findings = append(e.findings, diag.Finding{File: file, Code: diag.TooManyFindings,
					Severity: diag.TooManyFindings.Rule().Severity, Args: []any{maxFindingsPerFile}})
			}
			return
		}
	}
	e.findings = append(e.findings, diag.Finding{File: file, Cell: cell, Code: code, Severity: code.Rule().Severity, Args: args})
}

// readFile reads the rows of a report file through read (report.Read,
// or rows read ahead).
func (e *evaluator) readFile(file string, read readRows) error {
	e.file, e.fileFindings, e.capped = file, 0, false
	fs, err := read(file, func(r *report.Row) error {
		e.row(r)
		return nil
	})
	e.findings = append(e.findings, fs...)
	return err
}

// row matches a report row to a roadmap, an activity and a year.
func (e *evaluator) row(r *report.Row) {
	rm, ok := e.roadmapOf(r)
	if !ok {
		what := r.Text(report.FieldRoadmap)
		if what == "" {
			what = r.Text(report.FieldDistrict)
		}
		reason := i18n.M("report.unknown_roadmap", what)
		if what == "" {
			reason = i18n.M("report.no_roadmap", r.Sheet)
		}
		e.cellFinding(r.File, r.Where(report.FieldRoadmap), diag.UnknownRoadmap, reason)
		return
	}
	ai, ok := e.activityOf(rm, r)
	if !ok {
		what := r.Text(report.FieldID)
		if what == "" {
			what = r.Text(report.FieldN)
		}
		if what == "" {
			what = r.Text(report.FieldTitle)
		}
		e.cellFinding(r.File, r.Where(report.FieldID), diag.UnknownActivity, what, rm.id)
		return
	}
	year, ok := yearOf(r)
	if !ok {
		e.cellFinding(r.File, r.Where(report.FieldYear), diag.UnknownYear, r.Text(report.FieldYear))
		return
	}
	if !rm.period.Contains(year) {
		e.cellFinding(r.File, r.Where(report.FieldYear), diag.YearOutside, year, rm.id, rm.period.From, rm.period.To)
		return
	}
	if e.years[rm.id] == nil {
		e.years[rm.id] = map[int]bool{}
	}
	e.years[rm.id][year] = true
	a := &rm.acts[ai]
	fc := r.Get(report.FieldFact)
	en := entry{factShown: fc.Display, factRaw: fc.Raw}
	fact := en.factText()
	act, _ := e.activityKey(rm.id, e.ix.id(a))
	by := e.planBy(r.Text(report.FieldPlan))
	k := key{activity: act, year: int32(year), by: e.due(by, true)}
	i := e.store.find(k.activity, k.year, k.by)
	if i >= 0 {
		prev := e.store.get(i)
		if prevFact := prev.factText(); prevFact != fact && fact != "" {
			e.cellFinding(r.File, r.Where(report.FieldFact), diag.ConflictingRows, e.ix.id(a), year, fact, prev.row.factWhere(), prevFact)
		}
		if prevFact := prev.factText(); prevFact != "" || fact == "" {
			return
		}
	}
	if fc.Col == 0 {
		fc.Col, fc.Line = 1, r.Line // as Where names a missing column
	}
	if e.sheet == nil || e.sheet.file != r.File || e.sheet.sheet != r.Sheet {
		e.sheet = &sheetOf{r.File, r.Sheet}
	}
	date := r.Get(report.FieldDate)
	en.dateShown, en.dateRaw = date.Display, date.Raw
	en.row = reportRow{at: e.sheet, factCol: int32(fc.Col), factRow: int32(fc.Line),
		document: r.Text(report.FieldDocument), reason: r.Text(report.FieldReason)}
	e.store.put(i, k.activity, k.year, k.by, &en)
}

// due is the index of due date by ("" is 0); with add false, -1 for one
// no row names.
func (e *evaluator) due(by string, add bool) int32 {
	if by == "" {
		return 0
	}
	if i, ok := e.dueIdx[by]; ok {
		return i
	}
	if !add {
		return -1
	}
	e.dues = append(e.dues, by)
	i := int32(len(e.dues))
	e.dueIdx[by] = i
	return i
}

// planBy is the due date a plan cell names when the form has a row per
// occurrence («до 31.03.2023: …»), "" otherwise.
func (e *evaluator) planBy(plan string) string {
	if by, ok := e.byPlan[plan]; ok {
		return by
	}
	by := ""
	if ds := report.Dates(plan); len(ds) == 1 {
		by = fmt.Sprintf("%04d-%02d-%02d", ds[0].Year, ds[0].Month, ds[0].Day)
	}
	if len(e.byPlan) >= 1<<12 {
		clear(e.byPlan)
	}
	e.byPlan[plan] = by
	return by
}

// activityKey is the place, among all roadmaps' activities, of activity
// id of the (first) roadmap of id rmID; ok is false when it has none.
func (e *evaluator) activityKey(rmID, id string) (int32, bool) {
	rm, ok := e.ix.byID[rmID]
	if !ok {
		return 0, false
	}
	i, ok := e.ix.place(rm, id)
	return rm.first + int32(i), ok
}

// at is the entry of k, nil when the reports have none.
func (e *evaluator) at(k key) *entry {
	if i := e.store.find(k.activity, k.year, k.by); i >= 0 {
		return e.store.get(i)
	}
	return nil
}

// has reports whether the reports have an entry of k; with fact, one
// whose fact is not blank.
func (e *evaluator) has(k key, fact bool) bool {
	i := e.store.find(k.activity, k.year, k.by)
	return i >= 0 && (!fact || e.store.slot(i).hasFact)
}

func newEvaluator(ix *Index, opts Options) *evaluator {
	return &evaluator{opts: opts, ix: ix, years: map[string]map[int]bool{},
		found: map[string]*known{}, sheets: map[*report.SheetContext]*known{}, byPlan: map[string]string{}, dueIdx: map[string]int32{}}
}

// roadmapOf finds the roadmap of a row: its roadmap column, its district
// column, the sheet's name, the title rows, or the only roadmap there is.
func (e *evaluator) roadmapOf(r *report.Row) (*known, bool) {
	if id := r.Text(report.FieldRoadmap); id != "" {
		return e.find(id)
	}
	if d := r.Text(report.FieldDistrict); d != "" {
		if rm, ok := e.find(d); ok {
			return rm, true
		}
	}
	// What the sheet says is the same for all its rows.
	rm, seen := e.sheets[r.Context]
	if !seen {
		rm, _ = e.sheetRoadmap(r)
		e.sheets[r.Context] = rm
	}
	return rm, rm != nil
}

// sheetRoadmap finds the roadmap a sheet names: by its name or title rows.
func (e *evaluator) sheetRoadmap(r *report.Row) (*known, bool) {
	if rm, ok := e.find(r.Sheet); ok {
		return rm, true
	}
	// Districts first: a district's title names its region too («…
	// Бессоновского района Пензенской области»).
	for _, district := range []bool{true, false} {
		for _, t := range r.Context.Titles {
			for _, rm := range e.ix.list {
				if rm.district != district {
					continue
				}
				if strings.Contains(t, rm.id) || mentionsOwner(t, rm.owner) {
					return rm, true
				}
			}
		}
	}
	if e.ix.count == 1 {
		return e.ix.list[0], true
	}
	return nil, false
}

// find matches a roadmap by id, or by its owner's name (district, region
// or school) when only one roadmap of that owner is loaded.
func (e *evaluator) find(s string) (*known, bool) {
	s = strings.TrimSpace(s)
	if rm, ok := e.ix.byID[s]; ok {
		return rm, true
	}
	if rm, ok := e.found[s]; ok {
		return rm, rm != nil
	}
	// An owner's name, whole or its first words, of one roadmap only.
	var found *known
	if list := e.ix.byOwner[fold(s)]; len(list) == 1 && fold(s) != "" {
		found = list[0]
	}
	if len(e.found) >= 1<<16 {
		clear(e.found) // a report of ever new names must not grow it without end
	}
	e.found[s] = found
	return found, found != nil
}

// mentionsOwner reports whether a title names the district (region,
// school) in any case: "Никольского района" names "Никольский район".
func mentionsOwner(title, owner string) bool {
	words := strings.Fields(fold(owner))
	if len(words) == 0 {
		return false
	}
	stem := []rune(words[0])
	if len(stem) > 5 {
		stem = stem[:len(stem)-2]
	}
	return strings.Contains(fold(title), string(stem))
}

func fold(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "ё", "е"))), " ")
}

// activityOf finds a row's activity by id, then by number, then by
// title: its place in rm.acts.
func (e *evaluator) activityOf(rm *known, r *report.Row) (int, bool) {
	if id := r.Text(report.FieldID); id != "" {
		return e.ix.place(rm, id)
	}
	if text := r.Text(report.FieldN); strings.TrimSpace(text) != "" {
		// The number as the cell shows or stores it: «3», «3.», «2.3».
		if n, ok := r.Get(report.FieldN).ActivityNumber(); ok {
			for i := range rm.acts {
				if e.ix.n(&rm.acts[i]) == n {
					return i, true
				}
			}
		}
		return 0, false
	}
	if t := fold(r.Text(report.FieldTitle)); t != "" {
		h := titleHash(t)
		for i, a := range rm.acts {
			if a.title == h {
				return i, true
			}
		}
	}
	return 0, false
}

// yearOf finds a row's year: its year column, a year in the header
// ("Факт 2021"), in the title rows ("за 2021 год"), in the sheet's name,
// or in the file's path (reports/2021/...).
func yearOf(r *report.Row) (int, bool) {
	if t := r.Text(report.FieldYear); t != "" {
		v := r.Get(report.FieldYear).Value()
		if v.Number != nil && *v.Number == math.Trunc(*v.Number) && *v.Number > 1900 && *v.Number < 2200 {
			return int(*v.Number), true
		}
		if y := yearInText(t); y > 0 {
			return y, true
		}
		return 0, false
	}
	if r.Context.HeaderYear > 0 {
		return r.Context.HeaderYear, true
	}
	for _, t := range r.Context.Titles {
		if y := yearInText(t); y > 0 {
			return y, true
		}
	}
	if y := yearInText(r.Sheet); y > 0 {
		return y, true
	}
	if y := yearInText(filepath.ToSlash(r.File)); y > 0 {
		return y, true
	}
	return 0, false
}

func yearInText(s string) int {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			y, _ := strconv.Atoi(s[i : i+4])
			return y
		}
	}
	return 0
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// evaluateRoadmap gives every due activity of rm in every reported year
// a status.
func (e *evaluator) evaluateRoadmap(rm *roadmap.Roadmap, f finder, emit func(*Result)) {
	years := e.years[rm.ID]
	if len(years) == 0 && !e.opts.AllYears {
		return
	}
	for _, a := range rm.Activities {
		var prev *float64 // growth: last year's value
		var total float64 // per-total counts: sum so far
		// Rows are matched to the first roadmap of an id, and stand for
		// every activity of that id (a duplicated roadmap id, which check
		// reports, shares them).
		act, matched := e.activityKey(rm.ID, a.ID)
		if !matched {
			act = -1
		}
		schedule := rm.Occurrences(a)
		for i, dl := range schedule {
			if !rm.Period.Contains(dl.Year) {
				continue
			}
			en := e.at(key{act, int32(dl.Year), e.due(byKey(dl), false)})
			several := severalIn(schedule, dl.Year)
			if en == nil {
				// A row for the whole year stands for each occurrence in it.
				en = e.at(key{act, int32(dl.Year), 0})
			}
			if !years[dl.Year] && en == nil && !e.opts.AllYears {
				continue
			}
			pos := position{first: i == 0, last: i == len(schedule)-1}
			if (en == nil || en.factText() == "") && several && e.reportedIn(act, schedule, dl.Year) {
				// The other occurrences of the year are reported, this one
				// is not: not done (docs/reports.md).
				res := e.evaluateOne(rm, a, dl, en, prev, &total, pos, several, f)
				if res.Status == NoData {
					res.Status = NotMet
					res.Why = i18n.M("fulfil.why.other_dates", dl.By.Format("02.01.2006"), dl.Year)
				}
				emit(&res)
				continue
			}
			res := e.evaluateOne(rm, a, dl, en, prev, &total, pos, several, f)
			if res.FactValue != nil {
				prev = res.FactValue
			}
			emit(&res)
		}
	}
}

// count is how many results evaluateRoadmap hands on for rm.
func (e *evaluator) count(rm *roadmap.Roadmap) int {
	years := e.years[rm.ID]
	if len(years) == 0 && !e.opts.AllYears {
		return 0
	}
	n := 0
	for _, a := range rm.Activities {
		act, matched := e.activityKey(rm.ID, a.ID)
		if !matched {
			act = -1
		}
		for _, dl := range rm.Occurrences(a) {
			if !rm.Period.Contains(dl.Year) {
				continue
			}
			if !e.opts.AllYears && !years[dl.Year] && !e.has(key{act, int32(dl.Year), e.due(byKey(dl), false)}, false) &&
				!e.has(key{act, int32(dl.Year), 0}, false) {
				continue
			}
			n++
		}
	}
	return n
}

// byKey is the key of an occurrence's due date; "" for an undated one.
func byKey(dl phrase.Deadline) string {
	if dl.By.IsZero() {
		return ""
	}
	return dl.By.Format("2006-01-02")
}

// severalIn reports whether the schedule has more than one occurrence in year.
func severalIn(schedule []phrase.Deadline, year int) bool {
	n := 0
	for _, dl := range schedule {
		if dl.Year == year {
			n++
		}
	}
	return n > 1
}

// reportedIn reports whether any occurrence of a in year has a row of its
// own with a fact.
func (e *evaluator) reportedIn(act int32, schedule []phrase.Deadline, year int) bool {
	for _, dl := range schedule {
		if dl.Year == year && e.has(key{act, int32(year), e.due(byKey(dl), false)}, true) {
			return true
		}
	}
	return false
}

// covers reports whether a row of the whole year covers occurrence dl:
// when the row lists several dates («12.02.2020, 15.09.2020»), one of them
// must fall in the occurrence's span (its range, else its month); one
// date or none is the date it was done, and covers all.
func covers(en *entry, dl phrase.Deadline) bool {
	var dates []roadmap.Date
	for _, text := range []string{en.dateShown, en.row.document} {
		dates = append(dates, report.Dates(text)...)
	}
	if len(dates) < 2 || dl.By.IsZero() {
		return true
	}
	from := dl.From
	if from.IsZero() {
		from = time.Date(dl.By.Year(), dl.By.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	for _, d := range dates {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if !t.Before(from) && !t.After(dl.By) {
			return true
		}
	}
	return false
}

// position tells where a deadline is in the activity's schedule.
type position struct{ first, last bool }

func (e *evaluator) evaluateOne(rm *roadmap.Roadmap, a roadmap.Activity, dl phrase.Deadline, en *entry, prev *float64, total *float64, pos position, several bool, f finder) Result {
	res := Result{
		RoadmapID: rm.ID, RoadmapName: cmp.Or(rm.Direction, rm.Title, rm.ID), Level: rm.LevelOf(), Owner: rm.Owner(), ActivityID: a.ID, N: a.N, Title: a.Title,
		Indicator: a.Measure().Text, Year: dl.Year, Deadline: dl.By,
		Plan: a.PlanIn(rm.Period, dl.Year), Executors: a.Executors,
	}
	for i, sec := range rm.Sections {
		if sec.ID == a.Section && a.Section != "" {
			res.Section, res.SectionOrder = sec, i+1
			break
		}
	}
	by := dl.By
	if by.IsZero() {
		// No deadline of its own («постоянно»): the fact is asked once the
		// year is over, and it is never late.
		by = time.Date(dl.Year, 12, 31, 0, 0, 0, 0, time.UTC)
		if rm.Period.SchoolYear {
			by = time.Date(dl.Year+1, 6, 30, 0, 0, 0, 0, time.UTC)
		}
	}
	// Due on the deadline itself: «срок после даты --as-of» is not due.
	due := !e.opts.AsOf.Before(by)
	if en == nil || en.factText() == "" {
		if due {
			res.Status = NoData
			f.activityFinding(rm, a.ID, diag.NoData, a.N, a.ID, dl.Year)
		} else {
			res.Status = NotDue
		}
		if en != nil {
			res.Reason, res.Document = en.row.reason, en.row.document
		}
		return res
	}
	v := en.fact()
	if share, ok := asShare(a, v); ok {
		f.cellFinding(en.row.file(), en.row.factAddrWhere(), diag.PercentShare, a.N, dl.Year, v.Text, roadmap.Amount(share, "%"))
		v.Number, v.Percent = &share, true
	}
	res.Fact = v.Text
	res.FactValue = v.Number
	res.Document, res.Reason = en.row.document, en.row.reason
	res.Source = en.row.factWhere()
	if d, ok := report.ParseDate(en.dateShown, en.dateRaw); ok {
		res.Done = d
	} else if !v.Date.IsZero() {
		res.Done = v.Date
	}
	status, achievement, why, ok := judge(a, rm.Period, dl.Year, v, prev, total, pos, several)
	if !ok {
		f.cellFinding(en.row.file(), en.row.factAddrWhere(), diag.BadReportValue, v.Text, i18n.M("kind."+string(a.Measure().Kind)))
		res.Status = NoData
		return res
	}
	res.Achievement = achievement
	if status == Met && several && !covers(en, dl) {
		// A row of the whole year whose dates miss this occurrence.
		status, res.Achievement, why = NotMet, percent(0, 1), missedDates(en, dl)
	}
	if status == Met && !dl.By.IsZero() && !res.Done.IsZero() && res.Done.Time().After(dl.By) {
		status = MetLate
	}
	if !due && (status == NotMet || status == Partial) {
		status = NotDue // there is still time
	}
	res.Status = status
	switch status {
	case NotMet, Partial:
		res.Why = why
		code := diag.NotMet
		if status == Partial {
			code = diag.Partial
		}
		f.cellFinding(en.row.file(), en.row.factAddrWhere(), code, a.N, a.ID, dl.Year, v.Text, res.Plan.Msg(), why)
		if res.Reason == "" {
			f.cellFinding(en.row.file(), en.row.factAddrWhere(), diag.MissingReason, a.N, dl.Year)
		}
	case MetLate:
		f.cellFinding(en.row.file(), en.row.factAddrWhere(), diag.MetLate, a.N, dl.Year, res.Done.Russian(), dl.By.Format("02.01.2006"))
	case NeedsReview:
		f.cellFinding(en.row.file(), en.row.factAddrWhere(), diag.NeedsReview, a.N, dl.Year)
	}
	return res
}

func (e *evaluator) activityFinding(rm *roadmap.Roadmap, id string, code diag.Code, args ...any) {
	if e.opts.Statuses && judging(code) {
		return
	}
	path := ""
	for i := range rm.Activities {
		if rm.Activities[i].ID == id {
			path = fmt.Sprintf("activities[%d]", i)
		}
	}
	e.findings = append(e.findings, diag.New(rm.File, rm.Pos(path), code, args...))
}

// judge applies the indicator to a reported value, and says why when the
// value falls short. ok is false when the value cannot be read for the
// indicator's kind.
func judge(a roadmap.Activity, p roadmap.Period, year int, v report.Value, prev *float64, total *float64, pos position, several bool) (Status, *float64, i18n.Msg, bool) {
	var none i18n.Msg
	ind := a.Measure()
	if strings.HasPrefix(fold(v.Text), "частично") {
		return Partial, nil, said(v), true
	}
	switch ind.Kind {
	case phrase.KindDocument:
		need := max(1, len(ind.Documents))
		switch {
		case v.Number != nil && !v.Percent:
			have := *v.Number
			if have < 0 || have != math.Trunc(have) {
				return "", nil, none, false
			}
			ach := percent(math.Min(have, float64(need)), float64(need))
			why := i18n.M("fulfil.why.documents", roadmap.Amount(have, ""), need)
			switch {
			case have >= float64(need):
				return Met, ach, none, true
			case have > 0:
				return Partial, ach, why, true
			}
			return NotMet, ach, why, true
		case v.Yes != nil:
			if *v.Yes {
				return Met, percent(1, 1), none, true
			}
			return NotMet, percent(0, 1), said(v), true
		}
		return "", nil, none, false
	case phrase.KindText:
		if v.Yes != nil {
			if *v.Yes {
				return Met, nil, none, true
			}
			return NotMet, nil, said(v), true
		}
		return NeedsReview, nil, none, true
	}
	if ind.Kind == "" {
		return NeedsReview, nil, none, true // an indicator not understood: a person judges it
	}
	saidNo := false
	if v.Number == nil {
		if v.Yes != nil && !*v.Yes {
			zero := 0.0
			v.Number, saidNo = &zero, true
		} else {
			return "", nil, none, false
		}
	}
	fact := *v.Number
	switch ind.Kind {
	case phrase.KindCount, phrase.KindPercent:
		if a.Per(p) == phrase.PerTotal {
			*total += fact
			fact = *total
		}
		// A bound per quarter («не менее 1 раза в квартал») over a deadline
		// due once a year holds for each of its four quarters.
		scale := 1.0
		if ind.Per == phrase.PerQuarter && !several {
			scale = 4
		}
		status, why := Met, none
		below, above := "fulfil.why.below", "fulfil.why.above"
		if a.Per(p) == phrase.PerTotal {
			below, above = "fulfil.why.total_below", "fulfil.why.total_above"
		}
		var ach *float64
		if ind.Min != nil {
			ach = percent(fact, *ind.Min*scale)
			if fact < *ind.Min*scale {
				status, why = NotMet, i18n.M(below, roadmap.Amount(fact, ""), roadmap.Amount(*ind.Min*scale, ""))
			}
		}
		if ind.Max != nil {
			ach = percent(*ind.Max*scale, fact)
			if fact > *ind.Max*scale {
				status, why = NotMet, i18n.M(above, roadmap.Amount(fact, ""), roadmap.Amount(*ind.Max*scale, ""))
			}
		}
		if saidNo && status == NotMet {
			why = said(v)
		}
		if a.Per(p) == phrase.PerTotal && status == NotMet && !pos.last {
			status = NotDue // the total is judged at the last deadline
		}
		return status, ach, why, true
	case phrase.KindTargets:
		for _, t := range ind.Targets {
			if t.Year == year {
				if fact >= t.Value {
					return Met, percent(fact, t.Value), none, true
				}
				return NotMet, percent(fact, t.Value), i18n.M("fulfil.why.target", roadmap.Amount(fact, ""), roadmap.Amount(t.Value, ""), year), true
			}
		}
		return NeedsReview, nil, none, true
	case phrase.KindGrowth:
		// «с 29,2 до 65 процентов»: the last year must reach the end value;
		// «снижение … с 8,5 до 7,8»: the value must fall.
		falling := ind.From != nil && ind.To != nil && *ind.To < *ind.From
		better := func(a, b float64) bool { return a > b != falling && a != b }
		ach := func(a, b float64) *float64 {
			if falling {
				return percent(b, a)
			}
			return percent(a, b)
		}
		worse := "fulfil.why.growth_up"
		if falling {
			worse = "fulfil.why.growth_down"
		}
		if pos.last && ind.To != nil {
			if better(fact, *ind.To) || fact == *ind.To {
				return Met, ach(fact, *ind.To), none, true
			}
			return NotMet, ach(fact, *ind.To), i18n.M("fulfil.why.growth_to", roadmap.Amount(fact, ""), roadmap.Amount(*ind.To, "")), true
		}
		switch {
		case prev == nil && pos.first:
			return Met, nil, none, true // the first year sets the base
		case prev == nil:
			return NeedsReview, nil, none, true // last year's value is not reported
		}
		if better(fact, *prev) {
			return Met, ach(fact, *prev), none, true
		}
		return NotMet, ach(fact, *prev), i18n.M(worse, roadmap.Amount(fact, ""), roadmap.Amount(*prev, "")), true
	}
	return NeedsReview, nil, none, true
}

// asShare reads a fraction in the fact of a percent indicator as a share:
// «0,55» or a General-format 0.55 against «≥ 55 %» means 55 %, not 0.55 %.
// A percent-formatted cell or a typed «%» is a percent already.
func asShare(a roadmap.Activity, v report.Value) (float64, bool) {
	ind := a.Measure()
	if ind.Kind != phrase.KindPercent && ind.Unit != "%" || v.Number == nil || v.Percent || *v.Number <= 0 || *v.Number > 1 {
		return 0, false
	}
	return math.Round(*v.Number*100*1e6) / 1e6, true
}

// said is the reason of a fact that says so itself: «нет», «частично».
func said(v report.Value) i18n.Msg { return i18n.M("fulfil.why.said", v.Text) }

// missedDates is the reason a row of the whole year misses occurrence dl:
// the dates it gives and the span none of them falls in.
func missedDates(en *entry, dl phrase.Deadline) i18n.Msg {
	var dates []string
	for _, text := range []string{en.dateShown, en.row.document} {
		for _, d := range report.Dates(text) {
			dates = append(dates, d.Russian())
		}
	}
	from := dl.From
	if from.IsZero() {
		from = time.Date(dl.By.Year(), dl.By.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return i18n.M("fulfil.why.missed_dates", strings.Join(dates, ", "), from.Format("02.01.2006"), dl.By.Format("02.01.2006"))
}

// percent is a / b in percent, rounded to 0.1; nil when b is 0.
func percent(a, b float64) *float64 {
	if b == 0 {
		if a == 0 {
			v := 100.0
			return &v
		}
		return nil
	}
	v := math.Round(a/b*1000) / 10
	return &v
}

// ReportFiles expands paths into the sorted list of report workbooks:
// files as given, directories searched for *.xlsx (skipping hidden
// directories).
func ReportFiles(paths []string) ([]string, error) {
	files, err := walk.Expand(paths, walk.Options{
		Exts: []string{".xlsx"},
		// "~$name.xlsx" is the lock file Excel leaves while a workbook is open.
		Skip: func(name string) bool { return strings.HasPrefix(name, "~$") },
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	return files, nil
}
