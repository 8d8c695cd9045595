package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/importer"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// importCmd is `roadmap import FILE`: turn an order or a concept (.docx,
// .txt) into a roadmap/v1 draft.
type importCmd struct {
	app          *app
	output       string
	id           string
	district     string
	region       string
	authority    string
	organisation string
	level        string
	period       string
	force        bool
}

func newImportCmd(a *app) *importCmd { return &importCmd{app: a} }

func (c *importCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "import FILE",
		Short:   c.app.t("import.short"),
		Long:    c.app.t("import.long"),
		Example: c.app.t("import.example"),
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(c.app.t("import.err.args"))}
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(args[0])
		},
	}
	f := cmd.Flags()
	f.StringVarP(&c.output, "output", "o", "", c.app.t("flag.import_output"))
	f.StringVar(&c.id, "id", "", c.app.t("flag.import_id"))
	f.StringVar(&c.district, "district", "", c.app.t("flag.import_district"))
	f.StringVar(&c.region, "region", "", c.app.t("flag.import_region"))
	f.StringVar(&c.authority, "authority", "", c.app.t("flag.import_authority"))
	f.StringVar(&c.organisation, "organisation", "", c.app.t("flag.import_organisation"))
	f.StringVar(&c.level, "level", "", c.app.t("flag.import_level"))
	f.StringVar(&c.period, "period", "", c.app.t("flag.import_period"))
	f.BoolVar(&c.force, "force", false, c.app.t("flag.import_force"))
	return cmd
}

// maxImportWarnings is how many warnings import prints: a damaged table
// can give one per row, and ten thousand lines hide the first, which say
// what is wrong; the total is in the last line.
const maxImportWarnings = 200

// run imports the document. A document that cannot be read is exit 2 with
// nothing written; a draft that `roadmap check` finds errors in is
// written, its findings printed, and the exit code is 1.
func (c *importCmd) run(path string) error {
	opt := importer.Options{ID: c.id, District: c.district, Region: c.region, Authority: c.authority,
		Organisation: c.organisation, Level: c.level}
	switch c.level {
	case "", roadmap.LevelDistrict, roadmap.LevelRegion, roadmap.LevelSchool:
	default:
		return usageError{errors.New(c.app.t("import.err.level", c.level))}
	}
	if c.period != "" {
		p, ok := importer.ParsePeriod(c.period)
		if !ok {
			return usageError{errors.New(c.app.t("import.err.period", c.period))}
		}
		opt.Period = p
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xls", ".xlsx", ".xlsm", ".ods", ".csv":
		// A spreadsheet would be read as text and yield no table.
		return c.fail(c.app.t("import.err.spreadsheet", path, ext))
	}
	if c.output != "" && c.output != "-" && !c.force {
		if _, err := os.Lstat(c.output); err == nil {
			return c.fail(c.app.t("import.err.exists", c.output))
		}
	}
	res, err := importer.ImportFile(path, importer.ImportOptions{
		Options: opt,
		Output:  c.output,
		Lang:    c.app.lang,
	})
	if err != nil {
		return c.fail(c.describe(path, err))
	}
	for i, w := range res.Warnings {
		if i == maxImportWarnings {
			fmt.Fprintf(c.app.stderr, "%s: %s\n", path, c.app.t("import.more_warnings", len(res.Warnings)-i))
			break
		}
		where := path
		if loc := w.Loc.String(c.app.lang); loc != "" {
			where += ": " + loc
		}
		fmt.Fprintf(c.app.stderr, "%s: %s\n", where, c.app.t("import.warning", w.Message(c.app.lang)))
	}
	if c.output == "" || c.output == "-" {
		if _, err := c.app.stdout.Write(res.YAML); err != nil {
			return err
		}
	} else if err := c.write(res.YAML); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return c.fail(c.app.t("import.err.exists", c.output))
		}
		return err
	}
	text, _ := render.New(render.Text, render.Options{Lang: c.app.lang})
	if err := text.Findings(c.app.stderr, res.Findings); err != nil {
		return err
	}
	fmt.Fprintln(c.app.info(), c.app.t("import.summary", len(res.Roadmap.Activities), len(res.Warnings)))
	if errs, warns := diag.Count(res.Findings); errs+warns > 0 {
		fmt.Fprintln(c.app.info(), c.app.t("import.summary_check", errs, warns))
	}
	if diag.Fails(res.Findings, false) {
		return errFindings
	}
	return nil
}

// fail reports an input that cannot be imported: nothing was written.
func (c *importCmd) fail(msg string) error {
	return fmt.Errorf("%s; %s", msg, c.app.t("import.err.nothing"))
}

// describe words an import error for a methodologist.
func (c *importCmd) describe(path string, err error) string {
	var ie *importer.Error
	detail := ""
	if errors.As(err, &ie) {
		detail = ie.Detail
	}
	switch {
	case errors.Is(err, importer.ErrEmpty):
		return c.app.t("import.err.empty", path)
	case errors.Is(err, importer.ErrTooLarge) && ie != nil:
		switch ie.Bound {
		case importer.BoundText:
			return c.app.t("import.err.too_large_text", path, ie.Limit>>20)
		case importer.BoundParagraphs:
			return c.app.t("import.err.too_many_paragraphs", path, ie.Limit)
		case importer.BoundRows:
			return c.app.t("import.err.too_many_rows", path, ie.Limit)
		}
		return c.app.t("import.err.too_large", path, ie.Limit>>20)
	case errors.Is(err, importer.ErrDamaged):
		// The detail is the zip or XML library's English.
		why := c.app.t("import.damaged.parts")
		if strings.HasPrefix(detail, "zip:") {
			why = c.app.t("import.damaged.not_zip")
		}
		return c.app.t("import.err.damaged", path, why)
	case errors.Is(err, importer.ErrNoTable):
		return c.app.t("import.err.no_table", path)
	case errors.Is(err, importer.ErrFormat):
		return c.app.t("import.err.format", path, detail)
	case errors.Is(err, importer.ErrEncoding):
		return c.app.t("import.err.encoding", path, detail)
	case errors.Is(err, importer.ErrLegacy):
		return c.app.t("import.err.legacy", path)
	}
	return c.app.describe(err)
}

// write puts the draft at -o; without --force an existing file is never
// replaced, even one made while the import ran (fs.ErrExist).
func (c *importCmd) write(data []byte) error {
	write := func(w io.Writer) error { _, err := w.Write(data); return err }
	if c.force {
		return safefile.Write(c.output, write)
	}
	return safefile.Create(c.output, write)
}
