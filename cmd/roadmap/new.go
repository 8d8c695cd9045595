package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/importer"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
	"github.com/roadmap-edu/roadmap/pkg/scaffold"
)

// newCmd is `roadmap new`: a valid starting roadmap (pkg/scaffold).
type newCmd struct {
	app                                       *app
	level, id, district, region, organisation string
	authority, period, output                 string
	force                                     bool
	now                                       func() time.Time
}

func newNewCmd(a *app) *newCmd {
	return &newCmd{app: a, level: roadmap.LevelDistrict, now: time.Now}
}

func (c *newCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "new",
		Short:   c.app.t("scaffold.short"),
		Long:    c.app.t("scaffold.long"),
		Example: c.app.t("scaffold.example"),
		Args:    cobra.NoArgs,
		RunE:    func(*cobra.Command, []string) error { return c.run() },
	}
	f := cmd.Flags()
	f.StringVar(&c.level, "level", c.level, c.app.t("scaffold.flag.level"))
	f.StringVar(&c.district, "district", "", c.app.t("scaffold.flag.district"))
	f.StringVar(&c.region, "region", "", c.app.t("scaffold.flag.region"))
	f.StringVar(&c.organisation, "organisation", "", c.app.t("scaffold.flag.organisation"))
	f.StringVar(&c.authority, "authority", "", c.app.t("scaffold.flag.authority"))
	f.StringVar(&c.id, "id", "", c.app.t("scaffold.flag.id"))
	f.StringVar(&c.period, "period", "", c.app.t("scaffold.flag.period"))
	f.StringVarP(&c.output, "output", "o", "", c.app.t("scaffold.flag.output"))
	f.BoolVar(&c.force, "force", false, c.app.t("flag.import_force"))
	_ = cmd.RegisterFlagCompletionFunc("level", completeValues(roadmap.LevelDistrict, roadmap.LevelRegion, roadmap.LevelSchool))
	return cmd
}

func (c *newCmd) run() error {
	o := scaffold.Options{Level: c.level, ID: c.id, District: c.district, Region: c.region,
		Organisation: c.organisation, Authority: c.authority}
	switch c.level {
	case roadmap.LevelDistrict, roadmap.LevelRegion, roadmap.LevelSchool:
	default:
		return usageError{errors.New(c.app.t("import.err.level", c.level))}
	}
	if m := o.Missing(); m != "" {
		return usageError{errors.New(c.app.t("scaffold.err.owner", c.level, m))}
	}
	if c.period == "" {
		y := c.now().Year()
		o.Period = roadmap.Period{From: y, To: y + 2}
	} else {
		p, ok := importer.ParsePeriod(c.period)
		if !ok {
			return usageError{errors.New(c.app.t("import.err.period", c.period))}
		}
		o.Period = p
	}
	if o.Authority == "" {
		// A school approves its own roadmap; a district's or a region's
		// is approved by its education authority.
		switch c.level {
		case roadmap.LevelSchool:
			o.Authority = o.Organisation
		case roadmap.LevelRegion:
			o.Authority = c.app.t("scaffold.authority.region", o.Region)
		default:
			o.Authority = c.app.t("scaffold.authority.district", o.District)
		}
	}
	if o.ID == "" {
		o.ID = importer.Slug(o.Owner())
	}
	if o.ID == "" {
		o.ID = "roadmap"
	}
	data, err := scaffold.Roadmap(o)
	if err != nil {
		return err
	}
	if c.output == "" || c.output == "-" {
		_, err := c.app.stdout.Write(data)
		return err
	}
	write := func(w io.Writer) error { _, err := w.Write(data); return err }
	if c.force {
		err = safefile.Write(c.output, write)
	} else {
		err = safefile.Create(c.output, write)
	}
	if errors.Is(err, fs.ErrExist) {
		return usageError{errors.New(c.app.t("import.err.exists", c.output))}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(c.app.info(), c.app.t("scaffold.written", c.output))
	return nil
}
