package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/report"
	"github.com/roadmap-edu/roadmap/pkg/xlsxpage"
)

// reportCmd is `roadmap report`: the district report form, under
// `roadmap report template`.
type reportCmd struct{ app *app }

func newReportCmd(a *app) *reportCmd { return &reportCmd{app: a} }

func (c *reportCmd) command() *cobra.Command {
	cmd := &cobra.Command{Use: "report", Short: c.app.t("report.short"), Long: c.app.t("report.long"), Example: c.app.t("report.example")}
	t := newTemplateCmd(c.app).command()
	localize(t, c.app)
	cmd.AddCommand(t)
	return cmd
}

// templateCmd is `roadmap report template`: the form a district fills in.
type templateCmd struct {
	app *app
	out string
}

func newTemplateCmd(a *app) *templateCmd { return &templateCmd{app: a} }

func (c *templateCmd) command() *cobra.Command {
	// The help names the editable columns and the yes/no as the form words them.
	lang := c.app.lang
	long := c.app.t("template.long", report.FieldFact.Header(lang), report.FieldDate.Header(lang),
		report.FieldDocument.Header(lang), report.FieldReason.Header(lang), c.app.t("template.yes"), c.app.t("template.no"))
	cmd := &cobra.Command{
		Use:     "template [PATH...] -o FILE.xlsx",
		Short:   c.app.t("template.short"),
		Long:    long,
		Example: c.app.t("template.example"),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(args)
		},
	}
	cmd.Flags().StringVarP(&c.out, "output", "o", "", c.app.t("flag.template_out"))
	return cmd
}

func (c *templateCmd) run(paths []string) error {
	if c.out == "" {
		return usageError{fmt.Errorf("%s", c.app.t("err.need_output"))}
	}
	if len(paths) == 0 {
		paths = []string{"roadmaps"}
	}
	res, err := check.Run(paths, c.app.stdin)
	if err != nil {
		return err
	}
	// A form made from a broken roadmap would be wrong: fix the roadmap first.
	if diag.Fails(res.Findings, false) {
		text, _ := render.New(render.Text, render.Options{Lang: c.app.lang})
		if err := text.Findings(c.app.stderr, diag.WithoutNotes(res.Findings)); err != nil {
			return err
		}
		return errFindings
	}
	f, err := report.Template(res.Roadmaps, c.app.lang)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := c.app.write(c.out, func(w io.Writer) error { return xlsxpage.Write(w, f) }); err != nil {
		return err
	}
	if c.out != "-" {
		fmt.Fprintln(c.app.info(), c.app.t("template.written", c.out, len(res.Roadmaps)))
	}
	return nil
}
