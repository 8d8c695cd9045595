package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/docx"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// docCmd is `roadmap doc FILE -o приказ.docx`: the order approving the
// roadmap, with its annex table, as a Word document.
type docCmd struct {
	app    *app
	output string
}

func newDocCmd(a *app) *docCmd { return &docCmd{app: a} }

func (c *docCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "doc FILE -o FILE.docx",
		Short:   c.app.t("docx.short"),
		Long:    c.app.t("docx.long"),
		Example: c.app.t("docx.example"),
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(c.app.t("docx.err.args"))}
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error { return c.run(args[0]) },
	}
	cmd.Flags().StringVarP(&c.output, "output", "o", "", c.app.t("docx.flag.output"))
	return cmd
}

func (c *docCmd) run(path string) error {
	if err := docxOutput(c.app, c.output, path); err != nil {
		return err
	}
	r, fs, err := roadmap.Load(path, c.app.stdin)
	if err != nil {
		return err
	}
	if r != nil {
		fs = append(fs, check.Roadmap(r)...)
	}
	diag.Sort(fs)
	text, _ := render.New(render.Text, render.Options{Lang: c.app.lang})
	if err := text.Findings(c.app.stderr, diag.WithoutNotes(fs)); err != nil {
		return err
	}
	if r == nil {
		return errors.New(c.app.t("docx.err.load", path))
	}
	if err := docx.WriteFile(c.output, docx.Order(r, c.app.lang)); err != nil {
		return err
	}
	fmt.Fprintln(c.app.info(), c.app.t("docx.written", c.output))
	if diag.Fails(fs, false) {
		return errFindings
	}
	return nil
}

// docxOutput refuses an output that is not a .docx or that is one of the
// inputs: a Word file must never take the place of a roadmap.
func docxOutput(a *app, output string, inputs ...string) error {
	if !isDocx(output) {
		return usageError{errors.New(a.t("docx.err.output"))}
	}
	return notAnInput(a, output, inputs...)
}

func isDocx(path string) bool { return strings.EqualFold(filepath.Ext(path), ".docx") }
