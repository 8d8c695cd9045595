package site

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/chart"
	"github.com/roadmap-edu/roadmap/pkg/docx"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/summary"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// wordKeys are the words of the page templates; a page gets them under
// the key without "site." (.W.skip).
var wordKeys = []string{
	"site.skip", "site.nav", "site.downloads", "site.footer", "site.region", "site.districts",
	"site.roadmaps", "site.executors", "site.order", "site.amendments", "site.no_amendments",
	"site.activities", "site.deadline", "site.indicator", "site.reading", "site.history",
	"site.heatmaps", "site.overdue", "site.no_overdue", "site.later", "site.no_later",
	"site.chart_data", "site.approved_by", "site.signed_by", "site.executors_of", "site.note",
}

// markKeys are the letters of the statuses in heat map cells.
var markKeys = map[string]string{
	"met": "site.mark.met", "met_late": "site.mark.met_late", "not_met": "site.mark.not_met",
	"partial": "site.mark.partial", "no_data": "site.mark.no_data", "not_due": "site.mark.not_due",
	"needs_review": "site.mark.needs_review",
}

// builder writes one site.
type builder struct {
	in    Input
	reg   *region
	words map[string]string
	chart chart.Words
	opts  summary.Options
	csv   render.Renderer
	json  render.Renderer
	dirs  []direction
	stats Stats
	// The columns of an activity's years and of an executor's lists, and
	// the plan-vs-fact words: the same on every page (read only).
	yearColumns, executorColumns []view.Column
	planWords                    chart.PlanWords
}

func newBuilder(in Input) *builder {
	b := &builder{in: in, reg: group(in), words: map[string]string{},
		opts: summary.Options{AsOf: in.AsOf, Lang: in.Lang}}
	for _, k := range wordKeys {
		b.words[strings.TrimPrefix(k, "site.")] = i18n.T(in.Lang, k)
	}
	b.chart = chart.Words{Status: map[string]string{}, Mark: map[string]string{}}
	for _, s := range render.StatusOrder {
		b.chart.Status[s] = view.StatusLabel(s, in.Lang)
		b.chart.Mark[s] = i18n.T(in.Lang, markKeys[s])
	}
	b.csv, _ = render.New(render.CSV, render.Options{Lang: in.Lang, CSVExcel: in.Lang == i18n.RU})
	b.json, _ = render.New(render.JSON, render.Options{Lang: in.Lang})
	b.yearColumns = []view.Column{
		{Key: "year", Header: b.t("summary.col.year")}, {Key: "plan", Header: capitalize(b.t("summary.col.plan"))},
		{Key: "fact", Header: capitalize(b.t("summary.col.fact"))}, {Key: "achievement", Header: b.t("summary.col.achievement")},
		{Key: "status", Header: capitalize(b.t("summary.col.status"))}, {Key: "reason", Header: b.t("summary.col.reason")},
	}
	b.executorColumns = []view.Column{
		{Key: "roadmap", Header: b.t("summary.col.roadmap")}, {Key: "n", Header: b.t("summary.col.n")},
		{Key: "title", Header: b.t("summary.col.title")}, {Key: "year", Header: b.t("summary.col.year")},
		{Key: "deadline", Header: b.words["deadline"]}, {Key: "plan", Header: capitalize(b.t("summary.col.plan"))},
		{Key: "fact", Header: capitalize(b.t("summary.col.fact"))}, {Key: "status", Header: capitalize(b.t("summary.col.status"))},
	}
	b.planWords = chart.PlanWords{Words: b.chart, Plan: b.t("summary.col.plan"), Fact: b.t("summary.col.fact")}
	return b
}

func (b *builder) t(key string, args ...any) string { return i18n.T(b.in.Lang, key, args...) }

// write writes every page and download into dir.
func (b *builder) write(dir string) error {
	paths := []string{"h"}
	for _, d := range b.reg.districts {
		paths = append(paths, "d/"+d.slug+"/e")
	}
	if err := mkdirs(dir, paths...); err != nil {
		return err
	}
	css, err := assets.ReadFile("assets/style.css")
	if err != nil {
		return err
	}
	f := newFiles(dir)
	// The status fills are the workbooks' (one palette for both).
	buf := newBuffer()
	buf.Write(css)
	for _, st := range render.StatusOrder {
		fmt.Fprintf(buf, ".st-%s { background: #%s; }\n", st, render.StatusColours[st])
	}
	f.put("style.css", buf)
	buf = newBuffer()
	buf.WriteString("roadmap site\n")
	f.put(Marker, buf)
	jobs := []func() error{func() error { return b.regionPage(f) }}
	year := b.heatYear()
	b.dirs = b.directions()
	for _, dir := range b.dirs {
		jobs = append(jobs, func() error { return b.heatmap(f, dir, year) })
	}
	for _, d := range b.reg.districts {
		jobs = append(jobs, func() error { return b.districtPage(f, d) })
		for _, p := range d.roadmaps {
			jobs = append(jobs, func() error { return b.roadmapPage(f, p) })
		}
		jobs = append(jobs, func() error {
			for _, e := range d.executors {
				if err := b.executorPage(f, e); err != nil {
					return err
				}
			}
			return nil
		})
	}
	err = parallel(jobs)
	if err := f.close(); err != nil {
		return err
	}
	if err != nil {
		return err
	}
	b.stats.Files, b.stats.Pages = f.n, f.pages
	return nil
}

// newPage is a page at depth (0 the top, 2 a district's) titled title.
func (b *builder) newPage(depth int, title string, crumbs ...link) *page {
	p := &page{Lang: string(b.in.Lang), Title: title, Root: strings.Repeat("../", depth), W: b.words,
		Subtitle: b.t("summary.as_of", b.in.AsOf.Format("02.01.2006")), Stamp: b.in.Stamp}
	home := b.reg.name
	if home == "" {
		home = b.words["region"]
	}
	p.Crumbs = append([]link{{Href: p.Root + "index.html", Text: home}}, crumbs...)
	return p
}

// downloads writes t as CSV and JSON at base (".csv", ".json" added) and
// lists them, with the workbook at xlsx (relative to the page).
func (b *builder) downloads(f *files, p *page, base, rel string, t view.Table, xlsx string) error {
	for _, format := range []struct {
		ext string
		r   render.Renderer
		key string
	}{{".csv", b.csv, "site.dl.csv"}, {".json", b.json, "site.dl.json"}} {
		buf := newBuffer()
		if err := format.r.Table(buf, t); err != nil {
			return err
		}
		f.put(base+format.ext, buf)
		p.Downloads = append(p.Downloads, link{Href: rel + format.ext, Text: b.t(format.key)})
	}
	if xlsx != "" {
		p.Downloads = append([]link{{Href: xlsx, Text: b.t("site.dl.xlsx")}}, p.Downloads...)
	}
	return nil
}

// workbook writes tables as an xlsx, with the chart sheet of results
// when there are any.
func (b *builder) workbook(f *files, path string, tables []view.Table, results []fulfil.Result) error {
	meta := render.WorkbookMeta{
		Title:   b.t("summary.doc_title", b.in.AsOf.Format("02.01.2006")),
		Subject: b.t("summary.doc_subject"), Lang: b.in.Lang,
	}
	if results != nil {
		meta.Extra = summary.ChartSheet(results, b.opts)
	}
	buf := newBuffer()
	if err := render.WriteXLSX(buf, tables, meta); err != nil {
		return err
	}
	f.put(path, buf)
	return nil
}

func (b *builder) emit(f *files, path string, p *page, tmpl string) error {
	buf := newBuffer()
	if err := templates.ExecuteTemplate(buf, tmpl, p); err != nil {
		return err
	}
	f.put(path, buf)
	return nil
}

// figure is a chart with its caption.
type figure struct {
	SVG     []byte
	Caption string
}

// yearBars are the results' status bars per year.
func (b *builder) yearBars(id string, results []fulfil.Result) figure {
	by := map[int]map[string]int{}
	for _, r := range results {
		if by[r.Year] == nil {
			by[r.Year] = map[string]int{}
		}
		by[r.Year][string(r.Status)]++
	}
	var bars []chart.Bar
	for _, y := range b.reg.years {
		if by[y] != nil {
			bars = append(bars, chart.Bar{Label: strconv.Itoa(y), Counts: by[y]})
		}
	}
	w := b.chart
	w.Title = b.t("site.chart.by_year")
	return figure{chart.StatusBars(id, bars, w), w.Title}
}

// regionBody is the region page: a bar per year, a bar per district, the
// table of districts and the heat maps' list.
type regionBody struct {
	YearChart, DistrictChart figure
	Table                    table
	Heatmaps                 []link
}

// regionTable has a row per district: roadmaps, items by status, % met
// in each year, items overdue.
func (b *builder) regionTable() view.Table {
	t := view.Table{Name: b.t("site.sheet.region"), Title: b.t("site.title.region"),
		Subtitle: b.t("summary.as_of", b.in.AsOf.Format("02.01.2006")),
		Columns: []view.Column{
			{Key: "district", Header: b.t("summary.col.owner")},
			{Key: "roadmaps", Header: b.t("site.col.roadmaps")},
			{Key: "positions", Header: b.t("summary.col.positions")},
		}}
	for _, s := range render.StatusOrder {
		t.Columns = append(t.Columns, view.Column{Key: s, Header: capitalize(view.StatusLabel(s, b.in.Lang))})
	}
	for _, y := range b.reg.years {
		t.Columns = append(t.Columns, view.Column{Key: "met_percent_" + strconv.Itoa(y), Header: b.t("site.col.met_year", y)})
	}
	t.Columns = append(t.Columns, view.Column{Key: "overdue", Header: b.t("summary.col.overdue")})
	for _, d := range b.reg.districts {
		all := summary.Count(d.results)
		row := []view.Cell{view.TextCell(d.name), view.IntCell(len(d.roadmaps)), view.IntCell(len(d.results))}
		for _, s := range render.StatusOrder {
			row = append(row, view.IntCell(all[fulfil.Status(s)]))
		}
		perYear := map[int]summary.Counts{}
		overdue := 0
		for _, r := range d.results {
			if perYear[r.Year] == nil {
				perYear[r.Year] = summary.Counts{}
			}
			perYear[r.Year][r.Status]++
			if summary.Overdue(r.Status) {
				overdue++
			}
		}
		for _, y := range b.reg.years {
			row = append(row, perYear[y].MetPercent())
		}
		t.Rows = append(t.Rows, append(row, view.IntCell(overdue)))
	}
	return t
}

func (b *builder) regionPage(f *files) error {
	title := b.reg.name
	if title == "" {
		title = b.words["region"]
	}
	p := b.newPage(0, title)
	p.Crumbs = p.Crumbs[:1]
	t := b.regionTable()
	if err := b.workbook(f, "region.xlsx", []view.Table{t, summary.Build(summary.ByDistrict, b.reg.results, b.opts)}, b.reg.results); err != nil {
		return err
	}
	if err := b.downloads(f, p, "region", "region", t, "region.xlsx"); err != nil {
		return err
	}
	var bars []chart.Bar
	for _, d := range b.reg.districts {
		c := map[string]int{}
		for s, n := range summary.Count(d.results) {
			c[string(s)] = n
		}
		bars = append(bars, chart.Bar{Label: d.name, Counts: c})
	}
	w := b.chart
	w.Title = b.t("site.chart.by_district")
	body := regionBody{
		YearChart:     b.yearBars("years", b.reg.results),
		DistrictChart: figure{chart.StatusBars("districts", bars, w), w.Title},
		Table: tableOf(t, b.t("site.title.region"), 0, b.in.Lang, func(i int) string {
			return "d/" + b.reg.districts[i].slug + "/index.html"
		}),
	}
	for _, h := range b.dirs {
		body.Heatmaps = append(body.Heatmaps, link{Href: "h/" + h.slug + ".html", Text: h.name})
	}
	p.Body = body
	return b.emit(f, "index.html", p, "region")
}

// districtBody is a district's page: its roadmaps, its executors.
type districtBody struct {
	YearChart figure
	Table     table
	Executors []link
}

func (b *builder) districtPage(f *files, d *district) error {
	p := b.newPage(2, d.name, link{Text: d.name})
	base := "d/" + d.slug + "/"
	t := summary.Build(summary.ByDistrict, d.results, b.opts)
	// The district's roadmaps, every item of them (what its roadmap and
	// executor pages show) and its executors; the chart sheet is the
	// region's.
	sheets := []view.Table{t, summary.Build(summary.ByYear, d.results, b.opts), summary.Build(summary.ByExecutor, d.results, b.opts)}
	if err := b.workbook(f, base+"district.xlsx", sheets, nil); err != nil {
		return err
	}
	if err := b.downloads(f, p, base+"district", "district", t, "district.xlsx"); err != nil {
		return err
	}
	var rows []*roadmapPage
	for _, rp := range d.roadmaps {
		if len(rp.results) > 0 {
			rows = append(rows, rp)
		}
	}
	body := districtBody{
		YearChart: b.yearBars("years", d.results),
		Table: tableOf(t, b.words["roadmaps"], 1, b.in.Lang, func(i int) string {
			if i < len(rows) {
				return rows[i].slug + ".html"
			}
			return ""
		}),
	}
	for _, e := range d.executors {
		n := 0
		for _, r := range e.results {
			if summary.Overdue(r.Status) {
				n++
			}
		}
		l := link{Href: "e/" + e.slug + ".html", Text: e.name}
		if n > 0 {
			l.Note = b.t("site.overdue_n", n)
		}
		body.Executors = append(body.Executors, l)
	}
	p.Body = body
	return b.emit(f, base+"index.html", p, "district")
}

// roadmapBody is a roadmap's page.
type roadmapBody struct {
	Order       []field
	Amendments  []amendment
	History     []revision
	HistoryHTML template.HTML
	YearChart   figure
	Sections    []section
}

type field struct{ Name, Value string }

type amendment struct {
	Ref, Title string
	Changes    []string
}

type section struct {
	Heading    string
	Activities []activity
	// HTML is the activities written out (activitiesHTML).
	HTML template.HTML
}

type activity struct {
	Anchor, N, Title string
	Deadlines        []string
	Indicator        string
	Reading          string
	Executors        []link
	Chart            *figure
	Years            table
	History          []revision
}

func (b *builder) roadmapPage(f *files, rp *roadmapPage) error {
	r, d := rp.r, rp.district
	name := cmp.Or(r.Direction, r.Title, r.ID)
	p := b.newPage(2, name, link{Href: "index.html", Text: d.name}, link{Text: name})
	base := "d/" + d.slug + "/"
	t := summary.Build(summary.ByYear, rp.results, b.opts)
	if err := b.downloads(f, p, base+rp.slug, rp.slug, t, "district.xlsx"); err != nil {
		return err
	}
	doc := newBuffer()
	if err := docx.Order(r, b.in.Lang).Write(doc); err != nil {
		return err
	}
	f.put(base+rp.slug+".docx", doc)
	p.Downloads = append(p.Downloads, link{Href: rp.slug + ".docx", Text: b.t("site.dl.docx")})
	body := roadmapBody{YearChart: b.yearBars("years", rp.results), Order: b.orderFields(r)}
	for _, a := range r.Amendments {
		body.Amendments = append(body.Amendments, amendment{Ref: view.DocRef(b.in.Lang, a.Kind, a.Number, a.Date), Title: a.Title, Changes: a.Changes})
	}
	body.History = b.revisions(rp.history, "")
	byActivity := map[string][]fulfil.Result{}
	for _, res := range rp.results {
		byActivity[res.ActivityID] = append(byActivity[res.ActivityID], res)
	}
	executors := map[string]string{}
	for _, e := range d.executors {
		executors[e.name] = "e/" + e.slug + ".html"
	}
	var current *roadmap.Section
	for i, a := range r.Activities {
		if s := r.SectionOf(a); s != current || i == 0 {
			current = s
			h := ""
			if s != nil {
				h = view.SectionHeading(*s, 0).Text()
			}
			body.Sections = append(body.Sections, section{Heading: h})
		}
		body.Sections[len(body.Sections)-1].Activities = append(body.Sections[len(body.Sections)-1].Activities,
			b.activity(r, a, i, byActivity[a.ID], executors, rp.history))
	}
	for i := range body.Sections {
		body.Sections[i].HTML = b.activitiesHTML(body.Sections[i])
	}
	body.HistoryHTML = revisionsHTML(body.History)
	p.Body = body
	return b.emit(f, base+rp.slug+".html", p, "roadmap")
}

func (b *builder) orderFields(r *roadmap.Roadmap) []field {
	doc := r.Document
	fs := []field{{b.words["order"], view.DocRef(b.in.Lang, doc.Kind, doc.Number, doc.Date)}}
	if doc.Title != "" {
		fs = append(fs, field{b.t("site.doc_title"), doc.Title})
	}
	if r.Authority != "" {
		fs = append(fs, field{b.t("site.authority"), r.Authority})
	}
	if a := doc.ApprovedBy; a != nil {
		fs = append(fs, field{b.words["approved_by"], view.DocRef(b.in.Lang, a.Kind, a.Number, a.Date)})
	}
	if s := doc.SignedBy; s != nil {
		fs = append(fs, field{b.words["signed_by"], strings.TrimSpace(s.Position + " " + s.Name)})
	}
	fs = append(fs, field{b.t("site.period"), fmt.Sprintf("%d–%d", r.Period.From, r.Period.To)})
	return fs
}

// activity is one activity's section of its roadmap's page: what it is,
// how it was understood, its years and its history.
func (b *builder) activity(r *roadmap.Roadmap, a roadmap.Activity, i int, results []fulfil.Result, executors map[string]string, history []Revision) activity {
	out := activity{Anchor: "a-" + slug(a.ID), N: a.N.String(), Title: a.Title,
		Deadlines: lines(view.Deadlines(r, a, b.in.Lang)), Indicator: cmp.Or(a.Indicator.Text, a.Result.Text),
		Reading: view.Reading(a, r.Period, b.in.Lang), History: b.revisions(history, a.ID)}
	for _, e := range a.Executors {
		out.Executors = append(out.Executors, link{Href: executors[e], Text: e})
	}
	t := view.Table{Columns: b.yearColumns}
	var points []chart.Point
	numbers := false
	for _, res := range results {
		ach := view.EmptyCell()
		if res.Achievement != nil {
			ach = view.PercentCell(*res.Achievement)
		}
		t.Rows = append(t.Rows, []view.Cell{view.IntCell(res.Year), view.TextCell(view.Plan(res.Plan, b.in.Lang)),
			view.TextCell(res.Fact), ach, view.StatusCell(string(res.Status)), view.TextCell(res.Reason)})
		pt := chart.Point{Year: res.Year, Plan: cmp.Or(res.Plan.Min, res.Plan.Max), Fact: res.FactValue, Status: string(res.Status)}
		numbers = numbers || pt.Plan != nil || pt.Fact != nil
		points = append(points, pt)
	}
	out.Years = tableOf(t, b.t("site.years_of", a.N.String()), 0, b.in.Lang, nil)
	if numbers {
		w := b.planWords
		w.Title = b.t("site.chart.plan_fact", a.N.String())
		out.Chart = &figure{chart.PlanFact("pf"+strconv.Itoa(i), points, w), w.Title}
	}
	return out
}

// revision is one commit on a page: its date, commit, subject, the
// amending documents it recorded and what it changed, in words.
type revision struct {
	Date, Commit, Subject string
	Documents             []string
	Changes               []view.DiffBlock
}

// revisions words the history of a roadmap (id "") or of one of its
// activities: only the revisions that changed it, newest first.
func (b *builder) revisions(history []Revision, id string) []revision {
	var out []revision
	for _, h := range slices.Backward(history) {
		rev := revision{Date: h.Date.Russian(), Commit: h.Commit, Subject: h.Subject}
		if h.Diff == nil || h.Diff.Empty() {
			// A commit that changed comments or layout only.
			continue
		}
		for _, c := range h.Diff.Changes {
			for _, fc := range c.Fields {
				for _, a := range fc.AddedAmendments {
					rev.Documents = append(rev.Documents, view.DocRef(b.in.Lang, a.Kind, a.Number, a.Date))
				}
			}
		}
		res := *h.Diff
		if id != "" {
			res.Changes = nil
			for _, c := range h.Diff.Changes {
				if c.ID == id || c.OldID == id {
					res.Changes = append(res.Changes, c)
				}
			}
			if len(res.Changes) == 0 {
				continue
			}
		}
		if h.Diff.Old == nil {
			rev.Changes = []view.DiffBlock{{Head: b.t("site.history.created")}}
		} else {
			rev.Changes = view.DiffBlocks(&res, b.in.Lang)
		}
		out = append(out, rev)
	}
	return out
}

// executorBody is an executor's page: what is overdue, and what falls
// due later; what is met is in the district's workbook.
type executorBody struct {
	Overdue, Later table
}

func (b *builder) executorPage(f *files, e *executor) error {
	d := e.district
	p := b.newPage(3, e.name, link{Href: "../index.html", Text: d.name}, link{Text: e.name})
	columns := b.executorColumns
	slugOf := map[string]string{}
	for _, rp := range d.roadmaps {
		slugOf[rp.r.ID] = rp.slug
	}
	results := slices.Clone(e.results)
	slices.SortStableFunc(results, func(x, y *fulfil.Result) int {
		return cmp.Or(cmp.Compare(x.RoadmapID, y.RoadmapID), cmp.Compare(x.SectionOrder, y.SectionOrder), x.N.Compare(y.N), cmp.Compare(x.Year, y.Year))
	})
	// The downloads hold both lists: overdue first, then what is due later.
	all := view.Table{Name: b.t("summary.sheet.executor"), Columns: columns}
	overdue, later := view.Table{Columns: columns}, view.Table{Columns: columns}
	var overdueHrefs, laterHrefs []string
	for _, r := range results {
		if !summary.Overdue(r.Status) && r.Status != fulfil.NotDue {
			continue
		}
		deadline := ""
		if !r.Deadline.IsZero() {
			deadline = r.Deadline.Format("02.01.2006")
		}
		row := []view.Cell{view.TextCell(r.RoadmapName), view.NumberOf(r.N), view.TextCell(r.Title), view.IntCell(r.Year),
			view.TextCell(deadline), view.TextCell(view.Plan(r.Plan, b.in.Lang)), view.TextCell(r.Fact), view.StatusCell(string(r.Status))}
		href := "../" + slugOf[r.RoadmapID] + ".html#a-" + slug(r.ActivityID)
		if summary.Overdue(r.Status) {
			overdue.Rows = append(overdue.Rows, row)
			overdueHrefs = append(overdueHrefs, href)
		} else {
			later.Rows = append(later.Rows, row)
			laterHrefs = append(laterHrefs, href)
		}
	}
	all.Rows = append(slices.Clone(overdue.Rows), later.Rows...)
	base := "d/" + d.slug + "/e/" + e.slug
	if err := b.downloads(f, p, base, e.slug, all, "../district.xlsx"); err != nil {
		return err
	}
	p.Body = executorBody{
		Overdue: tableOf(overdue, b.words["overdue"], 2, b.in.Lang, func(i int) string { return overdueHrefs[i] }),
		Later:   tableOf(later, b.words["later"], 2, b.in.Lang, func(i int) string { return laterHrefs[i] }),
	}
	return b.emit(f, base+".html", p, "executor")
}

// direction is the roadmaps of one direction (their name) across
// districts: a heat map page each.
type direction struct {
	name, slug string
	results    []*fulfil.Result
}

// directions groups the results by direction (pointers: see executor).
func (b *builder) directions() []direction {
	by := map[string][]*fulfil.Result{}
	for i := range b.reg.results {
		r := &b.reg.results[i]
		by[r.RoadmapName] = append(by[r.RoadmapName], r)
	}
	names := make([]string, 0, len(by))
	for n := range by {
		names = append(names, n)
	}
	slices.Sort(names)
	s := slugs{}
	out := make([]direction, len(names))
	for i, n := range names {
		out[i] = direction{name: n, slug: s.make(n), results: by[n]}
	}
	return out
}

// heatYear is the year the heat maps show: the latest year up to the
// as-of year in which most items fell due (a map of "not due" says
// nothing), else the as-of year within the years evaluated.
func (b *builder) heatYear() int {
	y := b.in.AsOf.Year()
	if len(b.reg.years) == 0 {
		return y
	}
	y = min(max(y, b.reg.years[0]), b.reg.years[len(b.reg.years)-1])
	due, all := map[int]int{}, map[int]int{}
	for _, r := range b.reg.results {
		all[r.Year]++
		if r.Status != fulfil.NotDue {
			due[r.Year]++
		}
	}
	for year := y; year >= b.reg.years[0]; year-- {
		if 2*due[year] > all[year] {
			return year
		}
	}
	return y
}

// severity orders the statuses a cell of several deadlines shows: the
// worst.
var severity = map[fulfil.Status]int{
	fulfil.NotMet: 6, fulfil.Partial: 5, fulfil.NoData: 4, fulfil.NeedsReview: 3, fulfil.MetLate: 2, fulfil.Met: 1, fulfil.NotDue: 0,
}

// heatBody is a heat map page.
type heatBody struct {
	Chart figure
	Year  int
	Table table
}

// heatmap writes the heat map page of a direction, for year.
func (b *builder) heatmap(f *files, dir direction, year int) error {
	type col struct {
		id    string
		first *fulfil.Result
	}
	cols := map[string]*col{}
	cells := map[[2]string]fulfil.Status{}
	var owners []string
	seen := map[string]bool{}
	for _, r := range dir.results {
		if c, ok := cols[r.ActivityID]; !ok {
			cols[r.ActivityID] = &col{id: r.ActivityID, first: r}
		} else if cmp.Or(cmp.Compare(r.SectionOrder, c.first.SectionOrder), r.N.Compare(c.first.N)) < 0 {
			c.first = r
		}
		if !seen[r.Owner] {
			seen[r.Owner] = true
			owners = append(owners, r.Owner)
		}
		if r.Year != year {
			continue
		}
		k := [2]string{r.Owner, r.ActivityID}
		if s, ok := cells[k]; !ok || severity[r.Status] > severity[s] {
			cells[k] = r.Status
		}
	}
	slices.Sort(owners)
	order := make([]*col, 0, len(cols))
	for _, c := range cols {
		order = append(order, c)
	}
	slices.SortFunc(order, func(x, y *col) int {
		return cmp.Or(cmp.Compare(x.first.SectionOrder, y.first.SectionOrder), x.first.N.Compare(y.first.N), cmp.Compare(x.id, y.id))
	})
	// The page's table and downloads: a row per district, a column
	// per activity, as the map.
	t := view.Table{Name: b.t("site.sheet.heatmap"), Title: b.t("site.chart.heatmap", dir.name, year),
		Columns: []view.Column{{Key: "district", Header: b.t("summary.col.owner")}}}
	for _, c := range order {
		t.Columns = append(t.Columns, view.Column{Key: c.id, Header: c.first.N.String()})
	}
	var rows, axes []chart.Axis
	var grid [][]string
	for _, o := range owners {
		rows = append(rows, chart.Axis{Label: o, Title: o})
		line := make([]string, len(order))
		row := []view.Cell{view.TextCell(o)}
		for j, c := range order {
			s, ok := cells[[2]string{o, c.id}]
			cell := view.TextCell("")
			if ok {
				line[j], cell = string(s), view.StatusCell(string(s))
			}
			row = append(row, cell)
		}
		grid = append(grid, line)
		t.Rows = append(t.Rows, row)
	}
	for _, c := range order {
		axes = append(axes, chart.Axis{Label: c.first.N.String(), Title: c.first.N.String() + ". " + c.first.Title})
	}
	p := b.newPage(1, dir.name, link{Text: dir.name})
	if err := b.downloads(f, p, "h/"+dir.slug, dir.slug, t, "../region.xlsx"); err != nil {
		return err
	}
	w := b.chart
	w.Title = b.t("site.chart.heatmap", dir.name, year)
	p.Body = heatBody{Chart: figure{chart.HeatMap("hm", rows, axes, grid, w), w.Title}, Year: year,
		Table: tableOf(t, t.Title, 0, b.in.Lang, nil)}
	return b.emit(f, "h/"+dir.slug+".html", p, "heatmap")

}

func capitalize(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}

// activitiesHTML writes a section's activities: what the roadmap page's
// template would, written directly, because a country's roadmaps have
// hundreds of thousands of them (see table.writeHTML). Every text is
// escaped.
func (b *builder) activitiesHTML(s section) template.HTML {
	h := "h3"
	if s.Heading != "" {
		h = "h4"
	}
	w := newBuffer()
	defer buffers.Put(w)
	for _, a := range s.Activities {
		w.WriteString(`<article class="activity" id="`)
		escape(w, a.Anchor)
		w.WriteString(`" aria-labelledby="`)
		escape(w, a.Anchor)
		w.WriteString("-h\">\n<" + h + ` id="`)
		escape(w, a.Anchor)
		w.WriteString(`-h"><a href="#`)
		escape(w, a.Anchor)
		w.WriteString(`">`)
		escape(w, a.N)
		w.WriteString(".</a> ")
		escape(w, a.Title)
		w.WriteString("</" + h + ">\n<dl class=\"fields\">\n")
		w.WriteString("<dt>")
		escape(w, b.words["deadline"])
		w.WriteString("</dt><dd>")
		for _, l := range a.Deadlines {
			w.WriteString(`<span class="line">`)
			escape(w, l)
			w.WriteString("</span>")
		}
		w.WriteString("</dd>\n")
		if a.Indicator != "" {
			w.WriteString("<dt>")
			escape(w, b.words["indicator"])
			w.WriteString("</dt><dd>")
			escape(w, a.Indicator)
			w.WriteString("</dd>\n")
		}
		w.WriteString("<dt>")
		escape(w, b.words["reading"])
		w.WriteString("</dt><dd>")
		escape(w, a.Reading)
		w.WriteString("</dd>\n")
		w.WriteString("<dt>")
		escape(w, b.words["executors_of"])
		w.WriteString("</dt><dd>")
		for i, e := range a.Executors {
			if i > 0 {
				w.WriteString(", ")
			}
			w.WriteString(`<a href="`)
			escape(w, e.Href)
			w.WriteString(`">`)
			escape(w, e.Text)
			w.WriteString("</a>")
		}
		w.WriteString("</dd>\n</dl>\n")
		if a.Chart != nil {
			// The chart is package chart's, which escapes every word.
			w.WriteString("<figure>")
			w.Write(a.Chart.SVG)
			w.WriteString("<figcaption>")
			escape(w, a.Chart.Caption)
			w.WriteString("</figcaption></figure>\n")
		}
		if len(a.Years.Rows) > 0 {
			a.Years.writeHTML(w)
			w.WriteString("\n")
		}
		if len(a.History) > 0 {
			w.WriteString(`<p class="label">`)
			escape(w, b.words["history"])
			w.WriteString("</p>")
			writeRevisions(w, a.History)
			w.WriteString("\n")
		}
		w.WriteString("</article>")
	}
	return template.HTML(w.String())
}

// revisionsHTML is a history's markup (writeRevisions).
func revisionsHTML(rs []revision) template.HTML {
	if len(rs) == 0 {
		return ""
	}
	w := newBuffer()
	defer buffers.Put(w)
	writeRevisions(w, rs)
	return template.HTML(w.String())
}

// writeRevisions writes a history: each commit, the documents it
// recorded and what it changed.
func writeRevisions(w *bytes.Buffer, rs []revision) {
	if len(rs) == 0 {
		return
	}
	w.WriteString(`<ol class="history">`)
	for _, r := range rs {
		w.WriteString("<li><p><strong>")
		escape(w, r.Date)
		w.WriteString("</strong> <code>")
		escape(w, r.Commit)
		w.WriteString("</code> ")
		escape(w, r.Subject)
		for _, d := range r.Documents {
			w.WriteString(` <span class="doc">`)
			escape(w, d)
			w.WriteString("</span>")
		}
		w.WriteString("</p>\n<ul>")
		for _, c := range r.Changes {
			w.WriteString("<li>")
			escape(w, c.Head)
			if len(c.Lines) > 0 {
				w.WriteString("<ul>")
				for _, l := range c.Lines {
					w.WriteString(`<li class="d`)
					w.WriteString(strconv.Itoa(l.Depth))
					w.WriteString(`">`)
					switch l.Sign {
					case '+':
						w.WriteString("+ ")
					case '-':
						w.WriteString("− ")
					}
					escape(w, l.Text)
					w.WriteString("</li>")
				}
				w.WriteString("</ul>")
			}
			w.WriteString("</li>")
		}
		w.WriteString("</ul></li>")
	}
	w.WriteString("</ol>")
}
