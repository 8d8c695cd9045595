package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
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

// checkCmd is `roadmap check`: validate roadmap files.
type checkCmd struct {
	app    *app
	format string
	strict bool
	// roadmapsOnly skips named files that are neither roadmaps nor
	// amendment files (the pre-commit hooks).
	roadmapsOnly bool
	reports      []string
	asOf         string
	// now is today; tests set it.
	now func() time.Time
}

func newCheckCmd(a *app) *checkCmd {
	return &checkCmd{app: a, format: string(render.Text), now: time.Now}
}

func (c *checkCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "check [PATH...]",
		Short:   c.app.t("check.short"),
		Long:    c.app.t("check.long"),
		Example: c.app.t("check.example"),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&c.format, "format", "f", c.format, c.app.t("flag.check_format"))
	f.BoolVar(&c.strict, "strict", false, c.app.t("flag.strict"))
	f.BoolVar(&c.roadmapsOnly, "roadmaps-only", false, c.app.t("flag.roadmaps_only"))
	f.StringArrayVar(&c.reports, "report", nil, c.app.t("flag.report"))
	f.StringVar(&c.asOf, "as-of", "", c.app.t("flag.as_of"))
	_ = cmd.RegisterFlagCompletionFunc("format", completeValues("text", "json", "github", "junit", "sarif"))
	return cmd
}

func (c *checkCmd) run(paths []string) error {
	format := render.Format(c.format)
	if format != render.Text && format != render.JSON && format != render.GitHub && format != render.JUnit && format != render.SARIF {
		return usageError{fmt.Errorf("%s", c.app.t("err.format", c.format, "text, json, github, junit, sarif"))}
	}
	if len(paths) == 0 {
		paths = []string{"roadmaps"}
	}
	asOf, err := parseAsOf(c.asOf, c.now, c.app)
	if err != nil {
		return err
	}
	if c.roadmapsOnly {
		files, err := check.Expand(paths)
		if err != nil {
			return err
		}
		if paths = check.OnlyRoadmaps(files); len(paths) == 0 {
			return nil // nothing of ours among them
		}
	}
	// Without reports the roadmaps are not needed once checked: memory
	// stays that of the files being read, however many there are.
	if len(c.reports) == 0 {
		lessGC()
	} else {
		defer heapbound.Follow(streamHeap)()
	}
	// With reports the check keeps a compact index of the roadmaps (ids,
	// owners, activity ids) for the reports' rows, not the roadmaps: each
	// file is read again to be evaluated.
	ix := fulfil.NewIndex()
	o := check.Options{}
	if len(c.reports) > 0 {
		o.Each = ix.Add
	}
	res, err := check.RunWith(paths, c.app.stdin, o)
	if err != nil {
		return err
	}
	findings := res.Findings
	// The status table keeps a line per result, not the result.
	lines := summary.NewStatusLines(c.app.lang)
	if len(c.reports) > 0 {
		files, err := fulfil.ReportFiles(c.reports)
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return usageError{fmt.Errorf("%s", c.app.t("err.no_reports"))}
		}
		read, err := fulfil.ReadReports(ix, files, fulfil.Options{AsOf: asOf})
		if err != nil {
			return err
		}
		err = res.Each(func(rm *roadmap.Roadmap) {
			read.Evaluate(rm, func(r *fulfil.Result) {
				if format == render.Text {
					lines.Add(r)
				}
			})
		})
		if err != nil {
			return err
		}
		findings = append(findings, read.Findings()...)
		diag.Sort(findings)
	}
	// The files checked, for a report (JUnit) that lists clean files too.
	r, err := render.New(format, render.Options{Lang: c.app.lang, Files: res.Files, Strict: c.strict,
		Version: versionString(), Root: repoRoot()})
	if err != nil {
		return usageError{err}
	}
	if err := r.Findings(c.app.stdout, findings); err != nil {
		return err
	}
	if format == render.Text {
		if lines.Len() > 0 {
			fmt.Fprintln(c.app.stdout)
			table := view.Rows{Title: summary.StatusTitle(asOf, c.app.lang), Columns: summary.StatusColumns(c.app.lang),
				Len: lines.Len(), Row: lines.Row}
			if err := render.DrawRows(r, c.app.stdout, table); err != nil {
				return err
			}
		}
		errs, warns := diag.Count(findings)
		fmt.Fprintln(c.app.info(), c.app.t("check.summary", len(res.Files), errs, warns))
	}
	if diag.Fails(findings, c.strict) {
		return errFindings
	}
	return nil
}

// repoRoot is the top directory of the git repository the current
// directory lies in, found by its .git (a directory, or a file in a
// worktree or submodule) without running git; "" outside a repository.
func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// lessGC lets the heap grow to five times what is live before collecting
// (GOGC=400) unless the user set GOGC: check without reports and fmt keep
// little alive (a file or two being read), so the collector running at
// every doubling of that was a fifth of their time for nothing.
func lessGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// streamHeap is the collector's policy for check --report and summary,
// which hold none of the roadmaps (a country's were 2 GB): what stays
// live is their compact index, the reports' entries and the results kept,
// from tens of MB for a region to 100-200 MB for a country. The heap may
// grow to five times what is live (GOGC=400: collecting at every doubling
// of a small heap was 70 s at GOGC=50 and a tenth of a country's summary
// at the default) within 200 MiB; past that it follows what is live, to
// 256 MiB in all (a country's check --report of a million distinct rows
// and its summary workbook stay under 300 MB of RSS), and never less than
// 64 MiB above it (GOMEMLIMIT=250MiB near a country's live heap was 2,289
// collections and twice the CPU).
var streamHeap = heapbound.Policy{
	Floor:       200 << 20,
	Ceiling:     256 << 20,
	Headroom:    128 << 20,
	MinHeadroom: 64 << 20,
	GCPercent:   400,
}
