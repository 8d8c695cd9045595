package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/heapbound"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/summary"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// summaryCmd is `roadmap summary`: tables across districts for officials.
type summaryCmd struct {
	app      *app
	reports  []string
	year     int
	district string
	asOf     string
	by       string
	format   string
	out      string
	csvExcel bool
	now      func() time.Time
}

func newSummaryCmd(a *app) *summaryCmd {
	return &summaryCmd{app: a, by: string(summary.ByDistrict), now: time.Now}
}

func (c *summaryCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "summary [PATH...]",
		Short:   c.app.t("summary.short"),
		Long:    c.app.t("summary.long"),
		Example: c.app.t("summary.example"),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(args)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&c.reports, "report", nil, c.app.t("flag.report"))
	f.IntVar(&c.year, "year", 0, c.app.t("flag.year"))
	f.StringVar(&c.district, "district", "", c.app.t("flag.district"))
	f.StringVar(&c.asOf, "as-of", "", c.app.t("flag.as_of"))
	f.StringVar(&c.by, "by", c.by, c.app.t("flag.by"))
	f.StringVarP(&c.format, "format", "f", "", c.app.t("flag.summary_format"))
	f.StringVarP(&c.out, "output", "o", "", c.app.t("flag.summary_out"))
	f.BoolVar(&c.csvExcel, "csv-excel", false, c.app.t("flag.csv_excel"))
	_ = cmd.RegisterFlagCompletionFunc("district", completeRoadmapIDs)
	_ = cmd.RegisterFlagCompletionFunc("by", completeValues("district", "activity", "executor", "year"))
	_ = cmd.RegisterFlagCompletionFunc("format", completeValues("text", "markdown", "csv", "json", "xlsx"))
	return cmd
}

// formatOf is --format, else the extension of -o, else text.
func (c *summaryCmd) formatOf() (render.Format, error) {
	if c.format != "" {
		switch f := render.Format(c.format); f {
		case render.Text, render.Markdown, render.CSV, render.JSON, render.XLSX:
			return f, nil
		}
		return "", usageError{fmt.Errorf("%s", c.app.t("err.format", c.format, "text, markdown, csv, json, xlsx"))}
	}
	switch strings.ToLower(filepath.Ext(c.out)) {
	case ".xlsx":
		return render.XLSX, nil
	case ".csv":
		return render.CSV, nil
	case ".md":
		return render.Markdown, nil
	case ".json":
		return render.JSON, nil
	}
	return render.Text, nil
}

func (c *summaryCmd) run(paths []string) error {
	format, err := c.formatOf()
	if err != nil {
		return err
	}
	by, ok := summary.ParseView(c.by)
	if !ok {
		return usageError{fmt.Errorf("%s", c.app.t("err.by", c.by))}
	}
	if format == render.XLSX && c.out == "" {
		return usageError{fmt.Errorf("%s", c.app.t("err.xlsx_needs_output"))}
	}
	if c.out != "" && c.out != "-" {
		if err := notAnInput(c.app, c.out, append(slices.Clone(paths), c.reports...)...); err != nil {
			return err
		}
	}
	asOf, err := parseAsOf(c.asOf, c.now, c.app)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		paths = []string{"roadmaps"}
	}
	opts := summary.Options{Year: c.year, District: c.district, AsOf: asOf, Lang: c.app.lang}
	// One view keeps what it shows: counts (by district, by executor) or a
	// compact record of each result (by activity, by year); a workbook
	// gathers every view and its chart sheet. No result is held.
	collect := summary.NewCollector(by, opts)
	if format == render.XLSX {
		collect = summary.NewWorkbook(by, opts)
	}
	// What stays live is counts per roadmap, or a few tens of bytes a
	// result.
	defer heapbound.Follow(streamHeap)()
	stop := startProgress(c.app.info(), c.app.t("summary.progress"))
	res, fs, err := c.stream(paths, asOf, collect.Add)
	stop()
	if err != nil {
		return err
	}
	if err := c.printProblems(res, fs); err != nil {
		return err
	}
	write := func(w io.Writer) error {
		if format == render.XLSX {
			// A view at a time: each is let go once its sheet is written.
			views := summary.Order(by)
			return render.WriteXLSXEach(w, len(views), func(i int) view.Rows { return collect.Rows(views[i]) }, render.WorkbookMeta{
				Title:   c.app.t("summary.doc_title", asOf.Format("02.01.2006")),
				Subject: c.app.t("summary.doc_subject"),
				Lang:    c.app.lang,
				Extra:   collect.ChartSheet(),
			})
		}
		r, err := render.New(format, render.Options{Lang: c.app.lang, Width: terminalWidth(), CSVExcel: c.csvExcel})
		if err != nil {
			return err
		}
		return render.DrawRows(r, w, collect.Rows(by))
	}
	if c.out == "" || c.out == "-" {
		return write(c.app.stdout)
	}
	if err := c.app.write(c.out, write); err != nil {
		return err
	}
	fmt.Fprintln(c.app.info(), c.app.t("summary.written", c.out))
	return nil
}

// printProblems prints the findings of roadmaps that do not load and of
// broken reports: they are not summarised silently. Roadmaps that do not
// load fail the run.
func (c *summaryCmd) printProblems(res *check.Result, fs []diag.Finding) error {
	if diag.Fails(res.Findings, false) || len(fs) > 0 {
		text, _ := render.New(render.Text, render.Options{Lang: c.app.lang})
		if err := text.Findings(c.app.stderr, diag.WithoutNotes(append(res.Findings, fs...))); err != nil {
			return err
		}
		if diag.Fails(res.Findings, false) {
			return errFindings
		}
	}
	return nil
}

// options are the evaluation's: every year of every roadmap, since a
// summary shows what was not reported too; fulfilment findings (not met,
// no data) are what the summary shows as statuses, so only problems with
// the reports themselves are found.
func (c *summaryCmd) options(asOf time.Time) fulfil.Options {
	return fulfil.Options{AsOf: asOf, AllYears: true, Statuses: true}
}

// stream is evaluate without holding the roadmaps (evaluateStream).
func (c *summaryCmd) stream(paths []string, asOf time.Time, take func(*fulfil.Result)) (*check.Result, []diag.Finding, error) {
	return evaluateStream(c.app, paths, c.reports, c.options(asOf), take)
}

// evaluateStream checks the roadmaps at paths and evaluates each against
// the reports, handing each result to take in the order of the roadmaps'
// files, without holding the roadmaps: memory is bounded by a few files,
// the reports' entries and what take keeps. Without reports each roadmap
// is evaluated as it is checked; with them the check builds a compact
// index the reports' rows are matched through, and then each file is read
// again and evaluated (standard input is kept, not read again). The
// result has no Roadmaps.
func evaluateStream(a *app, paths, reports []string, opts fulfil.Options, take func(*fulfil.Result)) (*check.Result, []diag.Finding, error) {
	if len(reports) == 0 {
		// No report rows: what a roadmap is evaluated to needs no other.
		none, err := fulfil.ReadReports(fulfil.NewIndex(), nil, opts)
		if err != nil {
			return nil, nil, err
		}
		res, err := check.RunWith(paths, a.stdin, check.Options{Each: func(rm *roadmap.Roadmap) { none.Evaluate(rm, take) }})
		if err != nil {
			return nil, nil, err
		}
		return res, none.Findings(), nil
	}
	ix := fulfil.NewIndex()
	res, err := check.RunWith(paths, a.stdin, check.Options{Each: ix.Add})
	if err != nil {
		return nil, nil, err
	}
	files, err := fulfil.ReportFiles(reports)
	if err != nil {
		return nil, nil, err
	}
	read, err := fulfil.ReadReports(ix, files, opts)
	if err != nil {
		return nil, nil, err
	}
	if err := res.Each(func(rm *roadmap.Roadmap) { read.Evaluate(rm, take) }); err != nil {
		return nil, nil, err
	}
	return res, read.Findings(), nil
}
