package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
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
		streamGC()
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
		roomyGC()
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

// streamMemory is the heap check --report and the summary's counted
// views keep within, unless GOMEMLIMIT is set (streamGC).
const streamMemory = 200 << 20

// roomyHeadroom is what roomyGC allows above the live heap left by the
// reports: the status lines and findings of the evaluation grew a
// country's live heap by 60 MB; the Go collector's limit is soft (it
// spends at most half the CPU near it), so more growth is slower, not fatal.
const roomyHeadroom = 128 << 20

// streamGC is for check --report and summary, which hold none of the
// roadmaps (a country's were 2 GB): what stays live is their compact
// index, the reports' entries and the results kept, tens of MB for a
// country. Unless GOGC and GOMEMLIMIT are set, the heap may grow to five
// times that (GOGC=400) but is kept within 200 MiB: the collector runs
// every 150 MB or so, not at every doubling of a small heap (GOGC=50 over
// a small live heap was 70 s of collecting, and the default a tenth of a
// country's summary). See roomyGC for reports larger than that.
func streamGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(streamMemory)
	}
}

// roomyGC moves streamGC's bound once the reports are read if what they
// left live is over half of it (millions of distinct rows): to the live
// heap plus roomyHeadroom, since a bound near what is live would have the
// collector run without end, and no bound at all let a country's heap
// double (479 MB against 290 MB, 15% less CPU).
func roomyGC() {
	if os.Getenv("GOMEMLIMIT") != "" || debug.SetMemoryLimit(-1) != streamMemory {
		return
	}
	// What the reader held (a sheet's shared strings) is let go first:
	// the live heap of the last collection still counts it.
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > streamMemory/2 {
		debug.SetMemoryLimit(int64(sample[0].Value.Uint64()) + roomyHeadroom)
	}
}
