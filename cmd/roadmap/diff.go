package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/docx"
	"github.com/roadmap-edu/roadmap/pkg/gitrepo"
	"github.com/roadmap-edu/roadmap/pkg/merge"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// diffCmd is `roadmap diff`: the semantic difference of two versions of a
// roadmap, of two files, of git revisions, or as git's external diff
// driver.
type diffCmd struct {
	app      *app
	format   string
	numbers  bool
	exitCode bool
	output   string
	// orderNumber and orderDate fill in the amending order of an
	// amendment file.
	orderNumber, orderDate string
	// numbering is how the amendment format numbers rows (diff.Numberings).
	numbering string
}

func newDiffCmd(a *app) *diffCmd { return &diffCmd{app: a, format: string(render.Text)} }

func (c *diffCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "diff OLD NEW | REV [REV2] [-- PATH...]",
		Short:   c.app.t("diff.short"),
		Long:    c.app.t("diff.long"),
		Example: c.app.t("diff.example"),
		RunE:    c.run,
	}
	f := cmd.Flags()
	f.StringVarP(&c.format, "format", "f", c.format, c.app.t("diff.flag.format"))
	f.BoolVar(&c.numbers, "numbers", false, c.app.t("diff.flag.numbers"))
	f.BoolVar(&c.exitCode, "exit-code", false, c.app.t("diff.flag.exit_code"))
	f.StringVarP(&c.output, "output", "o", "", c.app.t("diff.flag.output"))
	f.StringVar(&c.orderNumber, "order-number", "", c.app.t("diff.flag.order_number"))
	f.StringVar(&c.orderDate, "order-date", "", c.app.t("diff.flag.order_date"))
	f.StringVar(&c.numbering, "numbering", diff.NumberingKeep.String(), c.app.t("diff.flag.numbering"))
	formats := make([]string, len(render.DiffFormats))
	for i, f := range render.DiffFormats {
		formats[i] = string(f)
	}
	_ = cmd.RegisterFlagCompletionFunc("format", completeValues(formats...))
	_ = cmd.RegisterFlagCompletionFunc("numbering", completeValues(diff.Numberings...))
	return cmd
}

func (c *diffCmd) run(cmd *cobra.Command, args []string) error {
	format := render.Format(c.format)
	if !slices.Contains(render.DiffFormats, format) {
		return usageError{fmt.Errorf("%s", c.app.t("err.format", c.format, "text, markdown, json, amendment, table"))}
	}
	if _, ok := diff.ParseNumbering(c.numbering); !ok {
		return usageError{fmt.Errorf("%s", c.app.t("diff.err.numbering", c.numbering, strings.Join(diff.Numberings, ", ")))}
	}
	dash := cmd.ArgsLenAtDash()
	if call, ok := gitrepo.ParseExternalDiff(args); ok && dash < 0 {
		return c.driver(format, call)
	}
	revs, paths := args, []string(nil)
	if dash >= 0 {
		revs, paths = args[:dash], args[dash:]
	}
	var results []*diff.Result
	switch {
	case dash < 0 && len(args) == 2 && (looksLikeFile(args[0]) || looksLikeFile(args[1])):
		res, err := c.files(args[0], args[1])
		if err != nil {
			return err
		}
		results = []*diff.Result{res}
	case len(revs) == 1 || len(revs) == 2:
		var err error
		if results, err = c.git(revs, paths); err != nil {
			return err
		}
	default:
		return usageError{fmt.Errorf("%s", c.app.t("diff.err.args"))}
	}
	if err := c.write(format, results); err != nil {
		return err
	}
	if c.exitCode {
		for _, r := range results {
			if !r.Empty() {
				return errFindings
			}
		}
	}
	return nil
}

func (c *diffCmd) write(format render.Format, results []*diff.Result) error {
	numbering, _ := diff.ParseNumbering(c.numbering)
	opts := render.Options{Lang: c.app.lang, Width: terminalWidth(), Numbering: numbering}
	if c.output != "" && c.output != "-" {
		var inputs []string
		for _, r := range results {
			if r.Old != nil {
				inputs = append(inputs, r.Old.File)
			}
			if r.New != nil {
				inputs = append(inputs, r.New.File)
			}
		}
		if err := notAnInput(c.app, c.output, inputs...); err != nil {
			return err
		}
	}
	if format == render.Amendment && isYAML(c.output) {
		return c.writeAmendmentFile(results)
	}
	if format == render.Amendment && isDocx(c.output) {
		return c.writeAmendmentDocx(results, opts)
	}
	if c.output != "" {
		// An .xlsx output gets the before / after workbook whatever the
		// format.
		if strings.EqualFold(filepath.Ext(c.output), ".xlsx") {
			format = render.XLSX
		}
		r, err := render.New(format, opts)
		if err != nil {
			return err
		}
		return c.app.write(c.output, func(w io.Writer) error { return r.Diff(w, results) })
	}
	opts.Color = c.app.colorOK(c.app.stdout)
	r, err := render.New(format, opts)
	if err != nil {
		return err
	}
	return r.Diff(c.app.stdout, results)
}

// writeAmendmentFile writes the difference as a roadmap-amendment/v1
// file that `roadmap merge` applies to the old version to give the new
// one, made from the same change set as every other format. The amending
// order's number, date and title are left for the methodologist to fill
// in; what the file cannot say is named on stderr.
func (c *diffCmd) writeAmendmentFile(results []*diff.Result) error {
	if len(results) != 1 || results[0].Old == nil || results[0].New == nil {
		return usageError{errors.New(c.app.t("diff.err.amendment_one"))}
	}
	res := results[0]
	old := res.Old
	am, left := merge.FromDiff(res)
	if c.orderDate != "" {
		d, ok := roadmap.ParseDate(c.orderDate)
		if !ok {
			return usageError{errors.New(c.app.t("err.as_of", c.orderDate))}
		}
		am.Document.Date = d
	}
	if am.Document.Kind == "" {
		am.Document.Kind = roadmap.KindOrder
	}
	if am.Document.Number == "" {
		am.Document.Number = roadmap.DocumentNumber(c.orderNumber)
	}
	if am.Document.Title == "" && old.Document.Number != "" {
		am.Document.Title = c.app.t("diff.amendment_title", old.Document.Date.Russian(), old.Document.Number)
	}
	if am.Document.Number == "" || am.Document.Date.IsZero() {
		fmt.Fprintln(c.app.info(), c.app.t("diff.amendment_fill", c.output))
	}
	if len(left) > 0 {
		names := make([]string, len(left))
		for i, f := range left {
			names[i] = f.Field.String()
		}
		fmt.Fprintln(c.app.info(), c.app.t("diff.amendment_left", strings.Join(names, ", "), c.output))
	}
	data, err := am.Marshal()
	if err != nil {
		return err
	}
	return c.app.write(c.output, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// writeAmendmentDocx writes the draft amending order as a Word document
// (pkg/docx), its clauses as the amendment text output words them.
func (c *diffCmd) writeAmendmentDocx(results []*diff.Result, opts render.Options) error {
	if len(results) != 1 || results[0].Old == nil || results[0].New == nil {
		return usageError{errors.New(c.app.t("diff.err.amendment_one"))}
	}
	res := results[0]
	if err := docxOutput(c.app, c.output, res.Old.File, res.New.File); err != nil {
		return err
	}
	order := docx.AmendingOrder{Old: res.Old, Number: roadmap.DocumentNumber(c.orderNumber),
		Change: res, Numbering: opts.Numbering}
	if c.orderDate != "" {
		d, ok := roadmap.ParseDate(c.orderDate)
		if !ok {
			return usageError{errors.New(c.app.t("err.as_of", c.orderDate))}
		}
		order.Date = d
	}
	return docx.WriteFile(c.output, docx.Amending(order, c.app.lang))
}

// looksLikeFile tells the OLD NEW form from revisions: an existing file,
// "-", or a name ending in .yaml or .yml.
func looksLikeFile(arg string) bool {
	if arg == "-" || isYAML(arg) {
		return true
	}
	st, err := os.Stat(arg)
	return err == nil && st.Mode().IsRegular()
}

func isYAML(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// files compares two roadmap files.
func (c *diffCmd) files(oldPath, newPath string) (*diff.Result, error) {
	old, err := c.load(oldPath, nil)
	if err != nil {
		return nil, err
	}
	new, err := c.load(newPath, nil)
	if err != nil {
		return nil, err
	}
	return diff.Compute(old, new, diff.Options{Numbers: c.numbers}), nil
}

// load reads a roadmap from path, or parses data under the name path when
// data is not nil. A file that does not load prints its findings on
// stderr and is an error (exit code 2).
func (c *diffCmd) load(path string, data []byte) (*roadmap.Roadmap, error) {
	var r *roadmap.Roadmap
	var fs []diag.Finding
	if data != nil {
		r, fs = roadmap.Parse(path, data)
	} else {
		var err error
		if r, fs, err = roadmap.Load(path, c.app.stdin); err != nil {
			return nil, err
		}
	}
	if r == nil || diag.Fails(fs, false) {
		diag.Sort(fs)
		text, _ := render.New(render.Text, render.Options{Lang: c.app.lang})
		_ = text.Findings(c.app.stderr, diag.WithoutNotes(fs))
		return nil, errors.New(c.app.t("diff.err.load", path))
	}
	return r, nil
}

// driver prints the semantic diff of one path for `git diff`. Git aborts
// when its external diff program fails, so problems are reported and the
// exit code is always 0.
func (c *diffCmd) driver(format render.Format, call gitrepo.ExternalDiff) error {
	side := func(b gitrepo.Blob, prefix string) (*roadmap.Roadmap, bool) {
		if b.Missing() {
			return nil, true
		}
		data, err := safefile.ReadFile(b.File, roadmap.MaxFileSize)
		if err != nil {
			fmt.Fprintln(c.app.stderr, c.app.t("err.prefix", c.app.describe(err)))
			return nil, false
		}
		r, err := c.load(prefix, data)
		if err != nil {
			fmt.Fprintln(c.app.stdout, c.app.t("err.prefix", err))
			return nil, false
		}
		return r, true
	}
	newPath := call.Path
	if call.NewPath != "" {
		newPath = call.NewPath
		fmt.Fprintln(c.app.stdout, c.app.t("diff.renamed", call.Path, call.NewPath))
	}
	old, ok1 := side(call.Old, "a/"+call.Path)
	new, ok2 := side(call.New, "b/"+newPath)
	if !ok1 || !ok2 {
		return nil
	}
	res := diff.Compute(old, new, diff.Options{Numbers: c.numbers})
	r, err := render.New(format, render.Options{Lang: c.app.lang, Width: terminalWidth()})
	if err == nil {
		err = r.Diff(c.app.stdout, []*diff.Result{res})
	}
	if err != nil {
		fmt.Fprintln(c.app.stderr, c.app.t("err.prefix", err))
	}
	return nil
}

// git compares every roadmap file changed between revs[0] and revs[1] (the
// working tree when there is one revision), limited to paths.
func (c *diffCmd) git(revs, paths []string) ([]*diff.Result, error) {
	results, err := c.gitResults(revs, paths)
	return results, c.app.gitError(err, "diff.err.git", "diff.err.no_git")
}

func (c *diffCmd) gitResults(revs, paths []string) ([]*diff.Result, error) {
	repo, err := gitrepo.Git{}.Open()
	var ge *gitrepo.Error
	if errors.As(err, &ge) {
		// git's rev-parse fails only outside a repository; its «fatal:
		// not a git repository» (in git's language) says nothing of what
		// to do.
		return nil, usageError{errors.New(c.app.t("diff.err.not_repo", strings.Join(revs, " ")))}
	}
	if err != nil {
		return nil, err
	}
	from, to := revs[0], ""
	if len(revs) == 2 {
		to = revs[1]
	}
	changes, err := repo.Changes(from, to, paths)
	if err != nil {
		return nil, err
	}
	var results []*diff.Result
	for _, ch := range changes {
		if !isYAML(ch.Path) {
			continue
		}
		var oldData, newData []byte
		oldName, newName := from+":"+ch.Path, ch.Path
		if to != "" {
			newName = to + ":" + ch.Path
		}
		if ch.Status != gitrepo.Added {
			if oldData, err = repo.ReadFile(from, ch.Path, roadmap.MaxFileSize); err != nil {
				return nil, err
			}
		}
		if ch.Status != gitrepo.Deleted {
			if newData, err = repo.ReadFile(to, ch.Path, roadmap.MaxFileSize); err != nil {
				return nil, err
			}
		}
		if roadmap.FormatOf(oldData) != roadmap.FormatV1 && roadmap.FormatOf(newData) != roadmap.FormatV1 {
			continue
		}
		var old, new *roadmap.Roadmap
		if oldData != nil {
			if old, err = c.load(oldName, oldData); err != nil {
				return nil, err
			}
		}
		if newData != nil {
			if new, err = c.load(newName, newData); err != nil {
				return nil, err
			}
		}
		results = append(results, diff.Compute(old, new, diff.Options{Numbers: c.numbers}))
	}
	if len(results) == 0 {
		// Nothing changed: one empty result keeps every format's
		// "no differences" message.
		newName := "."
		if to != "" {
			newName = to
		}
		results = append(results, &diff.Result{Status: diff.StatusModified, OldFile: from, NewFile: newName})
	}
	return results, nil
}
