package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// genDocsCmd is the hidden `roadmap gen-docs DIR` behind `make docs`: the
// man pages and the Markdown command reference, generated from the
// commands themselves so that they cannot go stale (CI checks them).
type genDocsCmd struct{ app *app }

func newGenDocsCmd(a *app) *genDocsCmd { return &genDocsCmd{app: a} }

// docsDate is printed in the man pages; a fixed date keeps them the same
// bytes from build to build.
var docsDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func (c *genDocsCmd) command() *cobra.Command {
	return &cobra.Command{
		Use:    "gen-docs DIR",
		Short:  c.app.t("gendocs.short"),
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			root.DisableAutoGenTag = true
			md := filepath.Join(args[0], string(c.app.lang))
			man := filepath.Join(args[0], "man", string(c.app.lang))
			for _, dir := range []string{md, man} {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
			}
			if err := doc.GenMarkdownTree(root, md); err != nil {
				return err
			}
			header := &doc.GenManHeader{Title: "ROADMAP", Section: "1", Date: &docsDate, Source: "roadmap", Manual: "roadmap"}
			if err := doc.GenManTree(root, header, man); err != nil {
				return err
			}
			fmt.Fprintln(c.app.stderr, md, man)
			return nil
		},
	}
}
