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
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/summary"
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
	stop := startProgress(c.app.info(), c.app.t("summary.progress"))
	res, results, fs, err := c.evaluate(paths, asOf)
	stop()
	if err != nil {
		return err
	}
	if err := c.printProblems(res, fs); err != nil {
		return err
	}
	opts := summary.Options{Year: c.year, District: c.district, AsOf: asOf, Lang: c.app.lang}
	write := func(w io.Writer) error {
		if format == render.XLSX {
			return render.WriteXLSX(w, summary.All(by, results, opts), render.WorkbookMeta{
				Title:   c.app.t("summary.doc_title", asOf.Format("02.01.2006")),
				Subject: c.app.t("summary.doc_subject"),
				Lang:    c.app.lang,
				Extra:   summary.ChartSheet(results, opts),
			})
		}
		r, err := render.New(format, render.Options{Lang: c.app.lang, Width: terminalWidth(), CSVExcel: c.csvExcel})
		if err != nil {
			return err
		}
		return r.Table(w, summary.Build(by, results, opts))
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

// evaluate loads the roadmaps and the reports and evaluates every year of
// every roadmap: a summary shows what was not reported too.
func (c *summaryCmd) evaluate(paths []string, asOf time.Time) (*check.Result, []fulfil.Result, []diag.Finding, error) {
	res, err := check.Run(paths, c.app.stdin)
	if err != nil {
		return nil, nil, nil, err
	}
	var files []string
	if len(c.reports) > 0 {
		if files, err = fulfil.ReportFiles(c.reports); err != nil {
			return nil, nil, nil, err
		}
	}
	results, fs, err := fulfil.Evaluate(res.Roadmaps, files, fulfil.Options{AsOf: asOf, AllYears: true})
	if err != nil {
		return nil, nil, nil, err
	}
	// Fulfilment findings (not met, no data) are what the summary shows;
	// only problems with the reports themselves are printed.
	var broken []diag.Finding
	for _, f := range fs {
		if f.Code < diag.NotMet || f.Code > diag.NeedsReview {
			broken = append(broken, f)
		}
	}
	return res, results, broken, nil
}
