// Package roadmap owns the roadmap/v1 model and its loader: it reads a YAML
// file into a Roadmap, remembering the position of every value, and reports
// what keeps the file from being read (syntax, duplicate and unknown keys,
// wrong types, bad dates, encodings, conflict markers) as diag findings.
// Rules about meaning live in package check.
package roadmap

import (
	"bytes"
	"cmp"
	"hash/maphash"
	"slices"
	"strings"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
)

// FormatV1 is the value of the format key of a roadmap/v1 file.
const FormatV1 = "roadmap/v1"

// FormatOf returns the value of a file's top-level format key as written
// ("roadmap/v1", "roadmap-amendment/v1"), without decoding the file: "" when
// it has none. It tells roadmap files from other YAML (CI workflows,
// .pre-commit-config.yaml) cheaply.
func FormatOf(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	for l := range strings.Lines(string(data)) {
		v, ok := strings.CutPrefix(strings.TrimRight(l, "\r\n"), "format:")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		return strings.Trim(v, `"'`)
	}
	return ""
}

// Roadmap is one roadmap file: the approving document and its activities.
type Roadmap struct {
	Format string `yaml:"format" rm:"required"`
	ID     string `yaml:"id" rm:"required"`
	// Level is whose roadmap it is: a district's (the default), a
	// region's or a school's.
	Level  string `yaml:"level" rm:"enum=district|region|school"`
	Region string `yaml:"region"`
	// District is required for a district roadmap (check RM004).
	District string `yaml:"district"`
	// Organisation is the school of a school roadmap.
	Organisation string `yaml:"organisation"`
	Authority    string `yaml:"authority" rm:"required"`
	// Direction is the roadmap's subject where the document names one
	// («Профориентация»); the title says it otherwise.
	Direction       string           `yaml:"direction"`
	Title           string           `yaml:"title"`
	Period          Period           `yaml:"period" rm:"required"`
	Document        Document         `yaml:"document" rm:"required"`
	Section         string           `yaml:"section"`
	Description     string           `yaml:"description"`
	Goals           []string         `yaml:"goals"`
	ExpectedResults []ExpectedResult `yaml:"expected_results"`
	// Sections are the headed parts of the table («I. Нормативно-правовое
	// обеспечение»); activities name theirs by id, the list stays flat.
	Sections   []Section   `yaml:"sections"`
	Activities []Activity  `yaml:"activities" rm:"required"`
	Amendments []Amendment `yaml:"amendments"`

	// File is the path the roadmap was read from ("-" for standard input).
	File string `yaml:"-"`
	// positions of values and keys by path ("activities[2].due"); see Pos.
	positions *posIndex
}

// The levels of a roadmap.
const (
	LevelDistrict = "district"
	LevelRegion   = "region"
	LevelSchool   = "school"
)

// LevelOf is the roadmap's level, district when the file names none.
func (r *Roadmap) LevelOf() string {
	if r.Level == "" {
		return LevelDistrict
	}
	return r.Level
}

// Owner names whose roadmap it is, as lists and summaries group them: the
// district, the school, or the region.
func (r *Roadmap) Owner() string {
	switch r.LevelOf() {
	case LevelRegion:
		return r.Region
	case LevelSchool:
		return r.Organisation
	}
	return r.District
}

// Section is a headed part of the roadmap table.
type Section struct {
	ID string `yaml:"id" rm:"required"`
	// N is the section's number as printed: «I», «2».
	N     string `yaml:"n"`
	Title string `yaml:"title" rm:"required"`
}

// SectionOf returns the section of activity a, or nil.
func (r *Roadmap) SectionOf(a Activity) *Section {
	for i := range r.Sections {
		if r.Sections[i].ID == a.Section && a.Section != "" {
			return &r.Sections[i]
		}
	}
	return nil
}

// Period is the span of years a roadmap covers, inclusive. A school
// year's plan is {from: 2022, to: 2023, school_year: true}: 1 September
// 2022 to 30 June 2023, and its bare months fall in that school year.
type Period struct {
	From       int  `yaml:"from" rm:"required"`
	To         int  `yaml:"to" rm:"required"`
	SchoolYear bool `yaml:"school_year"`
}

// Context is what deadlines are read against in period p.
func (p Period) Context() phrase.Context {
	return phrase.Context{From: p.From, To: p.To, SchoolYear: p.SchoolYear}
}

// DueContext is what the roadmap's deadlines are read against: its period
// and its approving order's date.
func (r *Roadmap) DueContext() phrase.Context {
	c := r.Period.Context()
	if d := r.Document.Date; d.Year > 0 {
		c.Order = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	}
	return c
}

// Contains reports whether year lies in the period.
func (p Period) Contains(year int) bool { return year >= p.From && year <= p.To }

// Document is the document approving a roadmap: an order or a concept.
type Document struct {
	Kind   string `yaml:"kind" rm:"required,enum=order|concept|other"`
	Number string `yaml:"number"`
	Date   Date   `yaml:"date"`
	Place  string `yaml:"place"`
	// Title is the document's own title («Об утверждении …»); a roadmap
	// known only from its annex («Приложение к приказу … № 1295») has none.
	Title       string       `yaml:"title"`
	Preamble    string       `yaml:"preamble"`
	SignedBy    *Person      `yaml:"signed_by"`
	Responsible *Person      `yaml:"responsible"`
	Control     *Person      `yaml:"control"`
	Clauses     []string     `yaml:"clauses"`
	Annex       string       `yaml:"annex"`
	ApprovedBy  *DocumentRef `yaml:"approved_by"`
}

// Document kinds.
const (
	KindOrder   = "order"
	KindConcept = "concept"
	KindOther   = "other"
)

// DocumentRef names another document: the order approving a concept.
type DocumentRef struct {
	Kind      string `yaml:"kind" rm:"required,enum=order|concept|other"`
	Number    string `yaml:"number" rm:"required"`
	Date      Date   `yaml:"date" rm:"required"`
	Authority string `yaml:"authority"`
	Title     string `yaml:"title"`
	Text      string `yaml:"text"`
}

// Amendment is a later document that changed the roadmap.
type Amendment struct {
	Kind    string   `yaml:"kind" rm:"required,enum=order|concept|other"`
	Number  string   `yaml:"number" rm:"required"`
	Date    Date     `yaml:"date" rm:"required"`
	Title   string   `yaml:"title"`
	Changes []string `yaml:"changes"`
}

// Person is an official named in a document.
type Person struct {
	Position string `yaml:"position"`
	Name     string `yaml:"name" rm:"required"`
}

// ExpectedResult is a row of expected results by year (Nikolsky "Таблица 1").
type ExpectedResult struct {
	Title  string         `yaml:"title" rm:"required"`
	ByYear map[int]string `yaml:"by_year"`
}

// Activity is one row of the roadmap table.
type Activity struct {
	ID string `yaml:"id" rm:"required"`
	// N is the number as printed: 3, or "2.3".
	N Number `yaml:"n" rm:"required"`
	// Section is the id of the activity's section, if the table has them.
	Section   string           `yaml:"section"`
	Title     string           `yaml:"title" rm:"required"`
	Due       phrase.Due       `yaml:"due" rm:"required"`
	Indicator phrase.Indicator `yaml:"indicator"`
	// Result is the expected result («Ожидаемый результат»), read like an
	// indicator; fulfilment measures it when there is no indicator.
	Result    phrase.Indicator `yaml:"result"`
	Executors []string         `yaml:"executors" rm:"required"`
	Note      string           `yaml:"note"`
}

// Measure is what fulfilment of the activity is measured by: its
// indicator, else its expected result (zero when it has neither).
func (a Activity) Measure() phrase.Indicator {
	if a.Indicator.Text != "" || a.Indicator.Parsed {
		return a.Indicator
	}
	return a.Result
}

// Pos returns the position of the value at path ("activities[2].due"), or
// of its nearest ancestor that has one.
func (r *Roadmap) Pos(path string) diag.Pos {
	for {
		if p, ok := r.positions.get(path, false); ok {
			return p
		}
		i := lastSep(path)
		if i < 0 {
			p, _ := r.positions.get("", false)
			return p
		}
		path = path[:i]
	}
}

// Has reports whether the file gave a value at path, even one the loader
// rejected (an impossible date), so that a rule does not call it missing.
func (r *Roadmap) Has(path string) bool {
	_, ok := r.positions.get(path, false)
	return ok
}

// KeyPos returns the position of the key of the value at path, or of the
// value when it has no key (a list element).
func (r *Roadmap) KeyPos(path string) diag.Pos {
	if p, ok := r.positions.get(path, true); ok {
		return p
	}
	return r.Pos(path)
}

// posIndex holds the positions of a roadmap's values and keys by a 64-bit
// hash of their path, sorted, two 32-bit numbers each: a map keyed by the
// path strings ("#key" appended for keys) was half of a decoded roadmap's
// memory and made a string per key, and a hash map's inserts were a tenth
// of decoding; positions are looked up only for findings. Paths of one
// file are a few thousand: two colliding is a chance of about 1 in 10^12.
type posIndex struct {
	entries []posEntry
}

type posEntry struct {
	key       uint64
	line, col int32
}

var posSeed = maphash.MakeSeed()

func posKey(path string, key bool) uint64 {
	if !key {
		return maphash.String(posSeed, path)
	}
	var h maphash.Hash
	h.SetSeed(posSeed)
	h.WriteString(path)
	h.WriteByte('#')
	return h.Sum64()
}

func (x *posIndex) set(path string, key bool, p diag.Pos) {
	x.entries = append(x.entries, posEntry{posKey(path, key), int32(p.Line), int32(p.Col)})
}

// seal sorts the entries, the last recorded of a path winning.
func (x *posIndex) seal() {
	slices.SortStableFunc(x.entries, func(a, b posEntry) int { return cmp.Compare(a.key, b.key) })
	out := x.entries[:0]
	for i, e := range x.entries {
		if i+1 < len(x.entries) && x.entries[i+1].key == e.key {
			continue
		}
		out = append(out, e)
	}
	x.entries = slices.Clip(out)
}

func (x *posIndex) get(path string, key bool) (diag.Pos, bool) {
	if x == nil {
		return diag.Pos{}, false // a roadmap made, not read
	}
	k := posKey(path, key)
	i, ok := slices.BinarySearchFunc(x.entries, k, func(e posEntry, k uint64) int { return cmp.Compare(e.key, k) })
	if !ok {
		return diag.Pos{}, false
	}
	e := x.entries[i]
	return diag.Pos{Line: int(e.line), Col: int(e.col)}, true
}

func lastSep(path string) int {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '.' || path[i] == '[' {
			return i
		}
	}
	return -1
}

// Per tells whether the activity's count or percent is required in each
// year ("year") or once over the period ("total"): as the indicator says,
// else each year when the activity falls due in several years, else once.
func (a Activity) Per(p Period) string {
	if per := a.Measure().Per; per != "" {
		return per
	}
	if a.Due.Every || yearsIn(a.Due.Schedule(p.Context())) > 1 {
		return phrase.PerYear
	}
	return phrase.PerTotal
}

// yearsIn counts the distinct years of a schedule.
func yearsIn(s []phrase.Deadline) int {
	n := 0
	for i, dl := range s {
		if i == 0 || dl.Year != s[i-1].Year {
			n++
		}
	}
	return n
}
