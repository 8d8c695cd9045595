package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/manpage"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
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
			// man1/ under the language, as man(1) looks for them:
			// `make install-man` copies the directories as they are.
			man := filepath.Join(args[0], "man", string(c.app.lang), "man1")
			for _, dir := range []string{md, man} {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
			}
			if err := doc.GenMarkdownTree(root, md); err != nil {
				return err
			}
			if err := c.manTree(root, man); err != nil {
				return err
			}
			fmt.Fprintln(c.app.stderr, md, man)
			return nil
		},
	}
}

// manTree writes a page (pkg/manpage) for cmd and every command below it
// that a user can call, named as man(1) finds them: roadmap-check.1.
func (c *genDocsCmd) manTree(cmd *cobra.Command, dir string) error {
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			if err := c.manTree(sub, dir); err != nil {
				return err
			}
		}
	}
	name := strings.ReplaceAll(cmd.CommandPath(), " ", "-")
	return safefile.Write(filepath.Join(dir, name+".1"), func(w io.Writer) error {
		return manpage.Write(w, c.manPage(cmd, name))
	})
}

func (c *genDocsCmd) manPage(cmd *cobra.Command, name string) manpage.Page {
	t, lang := c.app.t, string(c.app.lang)
	p := manpage.Page{Name: name, Section: "1", Date: docsDate, Source: "roadmap " + versionString(), Manual: "roadmap", Summary: cmd.Short}
	add := func(heading string, blocks ...manpage.Block) {
		p.Sections = append(p.Sections, manpage.Section{Heading: heading, Blocks: blocks})
	}
	add(t("man.synopsis"), manpage.Block{Text: useLine(cmd, lang)})
	if cmd.Long != "" {
		add(t("man.description"), manpage.Block{Text: cmd.Long})
	}
	if flags := manFlags(cmd.NonInheritedFlags(), c.app.lang); len(flags) > 0 {
		add(t("man.options"), flags...)
	}
	if flags := manFlags(cmd.InheritedFlags(), c.app.lang); len(flags) > 0 {
		add(t("man.global_options"), flags...)
	}
	if cmd.Example != "" {
		var lines []string
		for _, l := range strings.Split(cmd.Example, "\n") {
			lines = append(lines, strings.TrimPrefix(l, "  "))
		}
		add(t("man.examples"), manpage.Block{Text: strings.Join(lines, "\n"), Literal: true})
	}
	var see []string
	if cmd.HasParent() {
		see = append(see, strings.ReplaceAll(cmd.Parent().CommandPath(), " ", "-")+"(1)")
	}
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			see = append(see, strings.ReplaceAll(sub.CommandPath(), " ", "-")+"(1)")
		}
	}
	if len(see) > 0 {
		add(t("man.see_also"), manpage.Block{Text: strings.Join(see, ", ")})
	}
	return p
}

// manFlags are the options of a page: the flag (and its value's name)
// as the tag, the usage and the default as the text.
func manFlags(fs *pflag.FlagSet, lang i18n.Lang) []manpage.Block {
	var blocks []manpage.Block
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		tag := "--" + f.Name
		if f.Shorthand != "" {
			tag = "-" + f.Shorthand + ", " + tag
		}
		name, usage := pflag.UnquoteUsage(f)
		if name != "" {
			tag += " " + valueName(lang, name)
		}
		if !zeroDefault(f) {
			def := f.DefValue
			if f.Value.Type() == "string" {
				def = quote(lang, def)
			}
			usage += " " + i18n.T(lang, "usage.default", def)
		}
		blocks = append(blocks, manpage.Block{Tag: tag, Text: usage})
	})
	return blocks
}
