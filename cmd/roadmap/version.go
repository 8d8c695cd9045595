package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is stamped at build time: -ldflags "-X main.version=v1.2.3".
var version = ""

// versionCmd is `roadmap version`.
type versionCmd struct{ app *app }

func newVersionCmd(a *app) *versionCmd { return &versionCmd{app: a} }

func (c *versionCmd) command() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   c.app.t("version.short"),
		Example: "  roadmap version",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintln(c.app.stdout, "roadmap", versionString())
			return err
		},
	}
}

// versionString is the stamped version, else the module version or VCS
// revision Go recorded in the binary, else "devel".
func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel-" + s.Value[:12]
		}
	}
	return "devel"
}
