package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/render"
)

// checkCmd is `roadmap check`: validate roadmap files.
type checkCmd struct {
	app    *app
	format string
	strict bool
}

func init() {
	commands = append(commands, func(a *app) *cobra.Command { return newCheckCmd(a).command() })
}

func newCheckCmd(a *app) *checkCmd { return &checkCmd{app: a, format: string(render.Text)} }

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
	f.StringVar(&c.format, "format", c.format, c.app.t("flag.check_format"))
	f.BoolVar(&c.strict, "strict", false, c.app.t("flag.strict"))
	return cmd
}

func (c *checkCmd) run(paths []string) error {
	format := render.Format(c.format)
	if format != render.Text && format != render.JSON && format != render.GitHub {
		return usageError{fmt.Errorf("%s", c.app.t("err.format", c.format, "text, json, github"))}
	}
	r, err := render.New(format, render.Options{Lang: c.app.lang})
	if err != nil {
		return usageError{err}
	}
	if len(paths) == 0 {
		paths = []string{"roadmaps"}
	}
	res, err := check.Run(paths, c.app.stdin)
	if err != nil {
		return err
	}
	if err := r.Findings(c.app.stdout, res.Findings); err != nil {
		return err
	}
	if format == render.Text {
		errs, warns := diag.Count(res.Findings)
		fmt.Fprintln(c.app.stderr, c.app.t("check.summary", len(res.Files), errs, warns))
	}
	if diag.Fails(res.Findings, c.strict) {
		return errFindings
	}
	return nil
}
