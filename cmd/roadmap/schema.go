package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/safefile"
	"github.com/roadmap-edu/roadmap/pkg/schema"
)

// schemaCmd is `roadmap schema`: print the JSON Schema of roadmap files.
type schemaCmd struct {
	app *app
	out string
}

func newSchemaCmd(a *app) *schemaCmd { return &schemaCmd{app: a} }

func (c *schemaCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "schema [-o FILE]",
		Short:   c.app.t("schema.short"),
		Long:    c.app.t("schema.long"),
		Example: c.app.t("schema.example"),
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return c.run()
		},
	}
	cmd.Flags().StringVarP(&c.out, "output", "o", "", c.app.t("schema.flag.output"))
	return cmd
}

func (c *schemaCmd) run() error {
	data, err := schema.Generate(c.app.lang)
	if err != nil {
		return err
	}
	if c.out == "" || c.out == "-" {
		_, err = c.app.stdout.Write(data)
		return err
	}
	return safefile.Write(c.out, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
