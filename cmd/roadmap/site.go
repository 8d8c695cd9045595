package main

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/gitrepo"
	"github.com/roadmap-edu/roadmap/pkg/site"
)

// siteCmd is `roadmap site -o public/`: the monitoring website.
type siteCmd struct {
	app     *app
	reports []string
	asOf    string
	out     string
	history string
	stamp   string
	now     func() time.Time
}

func newSiteCmd(a *app) *siteCmd { return &siteCmd{app: a, history: "auto", now: time.Now} }

func (c *siteCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "site [PATH...] -o DIR",
		Short:   c.app.t("site.short"),
		Long:    c.app.t("site.long"),
		Example: c.app.t("site.example"),
		RunE:    func(_ *cobra.Command, args []string) error { return c.run(args) },
	}
	f := cmd.Flags()
	f.StringArrayVar(&c.reports, "report", nil, c.app.t("flag.report"))
	f.StringVar(&c.asOf, "as-of", "", c.app.t("flag.as_of"))
	f.StringVarP(&c.out, "output", "o", "", c.app.t("site.flag.output"))
	f.StringVar(&c.history, "history", c.history, c.app.t("site.flag.history"))
	f.StringVar(&c.stamp, "stamp", "", c.app.t("site.flag.stamp"))
	_ = cmd.RegisterFlagCompletionFunc("history", completeValues("auto", "never"))
	return cmd
}

func (c *siteCmd) run(paths []string) error {
	if c.out == "" || c.out == "-" {
		return usageError{errors.New(c.app.t("site.err.output"))}
	}
	if c.history != "auto" && c.history != "never" {
		return usageError{errors.New(c.app.t("site.err.history", c.history))}
	}
	if err := notAnInput(c.app, c.out, append(slices.Clone(paths), c.reports...)...); err != nil {
		return err
	}
	asOf, err := parseAsOf(c.asOf, c.now, c.app)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		paths = []string{"roadmaps"}
	}
	stop := startProgress(c.app.info(), c.app.t("site.progress"))
	defer stop()
	res, results, fs, err := c.evaluate(paths, asOf)
	if err != nil {
		return err
	}
	if err := (&summaryCmd{app: c.app}).printProblems(res, fs); err != nil {
		return err
	}
	in := site.Input{Roadmaps: res.Roadmaps, Results: results, AsOf: asOf, Lang: c.app.lang, Stamp: c.stamp}
	if c.history == "auto" {
		if in.History, err = c.historyOf(res.Files); err != nil {
			return err
		}
	}
	stats, err := site.Build(c.out, in)
	var ns *site.NotSiteError
	if errors.As(err, &ns) {
		return usageError{errors.New(c.app.t("site.err.not_site", ns.Path, site.Marker))}
	}
	if err != nil {
		return err
	}
	stop()
	fmt.Fprintln(c.app.info(), c.app.t("site.written", c.out, stats.Pages, stats.Files))
	return nil
}

// evaluate checks the roadmaps and evaluates every year of each, as the
// summary does, holding them (the site shows them): the reports are
// read while the roadmaps are checked, and the roadmaps evaluated on
// every core (a country's roadmaps and report took some 20 s one after
// the other, mostly on one core).
func (c *siteCmd) evaluate(paths []string, asOf time.Time) (*check.Result, []fulfil.Result, []diag.Finding, error) {
	var files []string
	if len(c.reports) > 0 {
		var err error
		if files, err = fulfil.ReportFiles(c.reports); err != nil {
			return nil, nil, nil, err
		}
	}
	ahead := fulfil.ReadAhead(files)
	res, err := check.Run(paths, c.app.stdin)
	if err != nil {
		return nil, nil, nil, err
	}
	results, fs, err := fulfil.EvaluateAll(res.Roadmaps, ahead, (&summaryCmd{}).options(asOf))
	if err != nil {
		return nil, nil, nil, err
	}
	return res, results, fs, nil
}

// historyOf reads the files' history when they are in a git repository;
// outside one, or without git, the site has none.
func (c *siteCmd) historyOf(files []string) (map[string][]site.Revision, error) {
	repo, err := gitrepo.Git{}.Open()
	if err != nil {
		return nil, nil
	}
	h, err := site.History(repo, files)
	return h, c.app.gitError(err, "site.err.git", "site.err.no_git")
}
