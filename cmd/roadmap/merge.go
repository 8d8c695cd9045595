package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/gitrepo"
	"github.com/roadmap-edu/roadmap/pkg/merge"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// mergeCmd is `roadmap merge`: apply amendment files to a roadmap, merge
// two concurrent edits of a roadmap (three-way), or act as git's merge
// driver for roadmap files.
type mergeCmd struct {
	app       *app
	output    string
	inPlace   bool
	base      string
	gitDriver bool
}

func newMergeCmd(a *app) *mergeCmd { return &mergeCmd{app: a} }

func (c *mergeCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "merge BASE AMENDMENT... | --base O OURS THEIRS | --git-driver O A B PATH",
		Short:   c.app.t("merge.short"),
		Long:    c.app.t("merge.long"),
		Example: c.app.t("merge.example"),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&c.output, "output", "o", "", c.app.t("merge.flag.output"))
	f.BoolVar(&c.inPlace, "in-place", false, c.app.t("merge.flag.in_place"))
	f.StringVar(&c.base, "base", "", c.app.t("merge.flag.base"))
	f.BoolVar(&c.gitDriver, "git-driver", false, c.app.t("merge.flag.git_driver"))
	return cmd
}

func (c *mergeCmd) usage(key string, args ...any) error {
	return usageError{fmt.Errorf("%s\n%s", c.app.t(key, args...), c.app.t("err.see_help", "roadmap merge"))}
}

func (c *mergeCmd) run(args []string) error {
	switch {
	case c.gitDriver:
		if len(args) != 4 || c.base != "" || c.output != "" || c.inPlace {
			return c.usage("merge.err.driver_args")
		}
		return c.driver(args[0], args[1], args[2], args[3])
	case c.base != "":
		if len(args) != 2 || c.inPlace {
			return c.usage("merge.err.three_args")
		}
		return c.threeWay(c.base, args[0], args[1])
	}
	if c.output != "" && c.inPlace {
		return c.usage("merge.err.exclusive")
	}
	if len(args) < 2 {
		return c.usage("merge.err.args")
	}
	return c.amend(args[0], args[1:])
}

// lineMerge is the driver's fallback when the roadmap cannot be merged by
// meaning: git's line-level three-way merge, written to ours (%A) with
// conflict markers where the sides differ, so that both are in the file.
// It always reports a conflict: a person must look.
func (c *mergeCmd) lineMerge(o, a, b, path string) error {
	out, _, err := gitrepo.Git{}.MergeFile(a, o, b, path, path+" (base)", path+" (theirs)")
	if err != nil {
		return err
	}
	if err := safefile.Write(a, func(w io.Writer) error { _, err := w.Write(out); return err }); err != nil {
		return err
	}
	fmt.Fprintln(c.app.stderr, c.app.t("merge.line_merged", path))
	return errFindings
}

// findings prints findings on stderr in the text form.
func (c *mergeCmd) findings(fs []diag.Finding) {
	r, _ := render.New(render.Text, render.Options{Lang: c.app.lang})
	_ = r.Findings(c.app.stderr, diag.WithoutNotes(fs))
}

// checkResult runs the roadmap rules on a merge result read as r with
// the findings fs; it returns the errors among the findings (warnings are
// printed and pass).
func (c *mergeCmd) checkResult(r *roadmap.Roadmap, fs []diag.Finding) bool {
	if r != nil {
		fs = append(fs, check.Roadmap(r)...)
	}
	diag.Sort(fs)
	if len(fs) > 0 {
		c.findings(fs)
	}
	return !diag.Fails(fs, false)
}

// readInput reads a roadmap file given to merge, which reads no stdin.
func readInput(path string) ([]byte, error) { return safefile.ReadFile(path, roadmap.MaxFileSize) }

// amend applies amendment files to the roadmap at basePath.
func (c *mergeCmd) amend(basePath string, paths []string) error {
	lessGC()
	base, err := readInput(basePath)
	if err != nil {
		return err
	}
	var (
		amendments []*amendment.Amendment
		fs         []diag.Finding
	)
	for _, p := range paths {
		a, afs, err := amendment.Load(p)
		if err != nil {
			return err
		}
		fs = append(fs, afs...)
		if a != nil {
			amendments = append(amendments, a)
		}
	}
	if diag.Fails(fs, false) {
		diag.Sort(fs)
		c.findings(fs)
		return errFindings
	}
	merged, afs, err := merge.ApplyMerged(basePath, base, amendments)
	if err != nil {
		return err
	}
	fs = append(fs, afs...)
	diag.Sort(fs)
	if len(fs) > 0 {
		c.findings(fs)
	}
	if merged == nil || diag.Fails(fs, false) {
		return errFindings
	}
	out := merged.Data
	target := c.output
	if c.inPlace {
		target = basePath
	}
	name := target
	if name == "" {
		name = basePath
	}
	// Read from the tree the merge kept: the result is not parsed again.
	if !c.checkResult(merged.Read(name)) {
		fmt.Fprintln(c.app.stderr, c.app.t("merge.err.result"))
		return errFindings
	}
	if target == "" {
		_, err := c.app.stdout.Write(out)
		return err
	}
	if err := safefile.Write(target, func(w io.Writer) error { _, err := w.Write(out); return err }); err != nil {
		return err
	}
	fmt.Fprintln(c.app.info(), c.app.t("merge.applied", len(amendments), target))
	return nil
}

// threeWay merges OURS and THEIRS edited from O, to -o or stdout.
func (c *mergeCmd) threeWay(basePath, oursPath, theirsPath string) error {
	res, err := c.merge3(basePath, oursPath, theirsPath, basePath, oursPath, theirsPath)
	if err != nil || res == nil {
		return err
	}
	name := c.output
	if name == "" {
		name = oursPath
	}
	clean := c.report(name, res)
	if clean && !c.checkResult(roadmap.Parse(name, res.Data)) {
		fmt.Fprintln(c.app.stderr, c.app.t("merge.err.result"))
		return errFindings
	}
	if c.output == "" {
		if _, err := c.app.stdout.Write(res.Data); err != nil {
			return err
		}
	} else if err := c.app.write(c.output, func(w io.Writer) error { _, err := w.Write(res.Data); return err }); err != nil {
		return err
	}
	if !clean {
		return errFindings
	}
	return nil
}

// driver is git's merge driver: merge %A (ours) and %B (theirs) from %O
// into %A; exit 0 when clean, 1 with conflicts (git then reports the file
// as conflicted and keeps what was written).
func (c *mergeCmd) driver(o, a, b, path string) error {
	res, err := c.merge3(o, a, b, path+" (base)", path, path+" (theirs)")
	if errors.Is(err, errFindings) {
		// A side does not load (an unknown key, a broken file): merge line
		// by line with markers, so that theirs is never lost.
		return c.lineMerge(o, a, b, path)
	}
	if err != nil || res == nil {
		return err
	}
	clean := c.report(path, res)
	if clean && !c.checkResult(roadmap.Parse(path, res.Data)) {
		fmt.Fprintln(c.app.stderr, c.app.t("merge.err.result"))
		return c.lineMerge(o, a, b, path)
	}
	if err := safefile.Write(a, func(w io.Writer) error { _, err := w.Write(res.Data); return err }); err != nil {
		return err
	}
	if !clean {
		return errFindings
	}
	return nil
}

// merge3 reads the three versions and merges them; a nil result with a nil
// error means findings were printed.
func (c *mergeCmd) merge3(o, a, b, oName, aName, bName string) (*merge.ThreeWayResult, error) {
	var data [3][]byte
	for i, p := range []string{o, a, b} {
		d, err := readInput(p)
		if err != nil {
			return nil, err
		}
		data[i] = d
	}
	res, fs, err := merge.ThreeWay(
		merge.Input{File: oName, Data: data[0]},
		merge.Input{File: aName, Data: data[1]},
		merge.Input{File: bName, Data: data[2]})
	if err != nil {
		return nil, err
	}
	if res == nil {
		c.findings(fs)
		return nil, errFindings
	}
	return res, nil
}

// report prints the merge's warnings and conflicts and tells whether it
// is clean.
func (c *mergeCmd) report(name string, res *merge.ThreeWayResult) bool {
	fs := append([]diag.Finding(nil), res.Findings...)
	fs = append(fs, merge.ConflictFindings(name, res.Conflicts)...)
	diag.Sort(fs)
	c.findings(fs)
	if len(res.Conflicts) > 0 {
		fmt.Fprintln(c.app.stderr, c.app.t("merge.conflicts", len(res.Conflicts), name))
		return false
	}
	return true
}
