package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// showCmd is `roadmap show FILE`: how the tool understood each activity.
type showCmd struct {
	app      *app
	format   string
	activity string
}

func newShowCmd(a *app) *showCmd { return &showCmd{app: a, format: string(render.Text)} }

func (c *showCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "show FILE",
		Short:   c.app.t("show.short"),
		Long:    c.app.t("show.long"),
		Example: c.app.t("show.example"),
		Args:    c.args,
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(args[0])
		},
	}
	cmd.Flags().StringVarP(&c.format, "format", "f", c.format, c.app.t("flag.show_format"))
	cmd.Flags().StringVar(&c.activity, "activity", "", c.app.t("flag.activity"))
	_ = cmd.RegisterFlagCompletionFunc("activity", completeActivityIDs)
	_ = cmd.RegisterFlagCompletionFunc("format", completeValues("text", "json", "markdown"))
	return cmd
}

func (c *showCmd) args(_ *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageError{fmt.Errorf("%s", c.app.t("err.one_file"))}
	}
	return nil
}

func (c *showCmd) run(path string) error {
	format := render.Format(c.format)
	if format != render.Text && format != render.JSON && format != render.Markdown {
		return usageError{fmt.Errorf("%s", c.app.t("err.format", c.format, "text, json, markdown"))}
	}
	r, fs, err := roadmap.Load(path, c.app.stdin)
	if err != nil {
		return err
	}
	if r != nil {
		fs = append(fs, check.Roadmap(r)...)
	}
	diag.Sort(fs)
	// Findings go to stderr so that stdout stays the table (or JSON).
	text, _ := render.New(render.Text, render.Options{Lang: c.app.lang})
	if err := text.Findings(c.app.stderr, diag.WithoutNotes(fs)); err != nil {
		return err
	}
	if r == nil {
		return errFindings
	}
	if c.activity != "" {
		kept := r.Activities[:0:0]
		for _, a := range r.Activities {
			if a.ID == c.activity {
				kept = append(kept, a)
			}
		}
		if len(kept) == 0 {
			return usageError{fmt.Errorf("%s", c.app.t("err.no_activity", c.activity, r.ID))}
		}
		r.Activities = kept
	}
	if format == render.JSON {
		if err := render.WriteJSON(c.app.stdout, view.Data(r)); err != nil {
			return err
		}
	} else {
		rr, _ := render.New(format, render.Options{Lang: c.app.lang, Width: terminalWidth()})
		if err := rr.Table(c.app.stdout, view.Show(r, c.app.lang)); err != nil {
			return err
		}
	}
	if diag.Fails(fs, false) {
		return errFindings
	}
	return nil
}
