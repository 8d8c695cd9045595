package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/manpage"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// genDocsCmd is the hidden `roadmap gen-docs DIR` behind `make docs`: the
// man pages and the Markdown command reference, generated from the
// commands themselves so that they cannot go stale (CI checks them), in
// the language asked for throughout (cobra's doc package heads the pages
// and words the flags in English).
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
			md := filepath.Join(args[0], string(c.app.lang))
			// man1/ under the language, as man(1) looks for them:
			// `make install-man` copies the directories as they are.
			man := filepath.Join(args[0], "man", string(c.app.lang), "man1")
			for _, dir := range []string{md, man} {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
			}
			if err := c.markdownTree(root, md); err != nil {
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
	for _, sub := range visible(cmd) {
		if err := c.manTree(sub, dir); err != nil {
			return err
		}
	}
	name := strings.ReplaceAll(cmd.CommandPath(), " ", "-")
	return safefile.Write(filepath.Join(dir, name+".1"), func(w io.Writer) error {
		return manpage.Write(w, c.manPage(cmd, name))
	})
}

func (c *genDocsCmd) manPage(cmd *cobra.Command, name string) manpage.Page {
	t := c.app.t
	// No version in the footer: the pages are committed, the same bytes
	// whatever build wrote them.
	p := manpage.Page{Name: name, Section: "1", Date: docsDate, Source: "roadmap", Manual: "roadmap", Summary: cmd.Short}
	add := func(heading string, blocks ...manpage.Block) {
		p.Sections = append(p.Sections, manpage.Section{Heading: heading, Blocks: blocks})
	}
	add(t("man.synopsis"), manpage.Block{Text: c.synopsis(cmd)})
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
	for _, sub := range visible(cmd) {
		see = append(see, strings.ReplaceAll(sub.CommandPath(), " ", "-")+"(1)")
	}
	if len(see) > 0 {
		add(t("man.see_also"), manpage.Block{Text: strings.Join(see, ", ")})
	}
	return p
}

// synopsis is how cmd is called: its use line, or its subcommands.
func (c *genDocsCmd) synopsis(cmd *cobra.Command) string {
	if !cmd.Runnable() && cmd.HasAvailableSubCommands() {
		return cmd.CommandPath() + " [" + c.app.t("usage.command_placeholder") + "]"
	}
	return useLine(cmd, string(c.app.lang))
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

// markdownTree writes the Markdown reference: a page per command, named
// as cobra's doc package named them (roadmap_report_template.md), so that
// links into it still hold.
func (c *genDocsCmd) markdownTree(cmd *cobra.Command, dir string) error {
	for _, sub := range visible(cmd) {
		if err := c.markdownTree(sub, dir); err != nil {
			return err
		}
	}
	page := func(x *cobra.Command) string { return strings.ReplaceAll(x.CommandPath(), " ", "_") + ".md" }
	lang := string(c.app.lang)
	// Man headings are capitals; Markdown's read as a sentence.
	t := func(key string) string {
		r := []rune(strings.ToLower(c.app.t(key)))
		r[0] = unicode.ToUpper(r[0])
		return string(r)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", cmd.CommandPath(), cmd.Short)
	if cmd.Long != "" {
		fmt.Fprintf(&b, "### %s\n\n%s\n\n", t("man.description"), cmd.Long)
	}
	fmt.Fprintf(&b, "### %s\n\n```\n%s\n```\n\n", t("man.synopsis"), c.synopsis(cmd))
	if cmd.Example != "" {
		fmt.Fprintf(&b, "### %s\n\n```\n%s\n```\n\n", t("man.examples"), cmd.Example)
	}
	if fs := cmd.NonInheritedFlags(); fs.HasAvailableFlags() {
		fmt.Fprintf(&b, "### %s\n\n```\n%s```\n\n", t("man.options"), flagUsages(fs, lang))
	}
	if fs := cmd.InheritedFlags(); fs.HasAvailableFlags() {
		fmt.Fprintf(&b, "### %s\n\n```\n%s```\n\n", t("man.global_options"), flagUsages(fs, lang))
	}
	var see []*cobra.Command
	if cmd.HasParent() {
		see = append(see, cmd.Parent())
	}
	see = append(see, visible(cmd)...)
	if len(see) > 0 {
		fmt.Fprintf(&b, "### %s\n\n", t("man.see_also"))
		for _, x := range see {
			fmt.Fprintf(&b, "* [%s](%s) — %s\n", x.CommandPath(), page(x), x.Short)
		}
	}
	return safefile.Write(filepath.Join(dir, page(cmd)), func(w io.Writer) error {
		_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
		return err
	})
}

// visible are the commands below cmd a user can call, as the reference
// lists them.
func visible(cmd *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			out = append(out, sub)
		}
	}
	return out
}
