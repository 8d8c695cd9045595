package main

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// formatNames are the names of every output format: given to -o without
// an extension they are a format asked for in the wrong flag, not the
// name of a file to write.
var formatNames = []string{"text", "json", "github", "junit", "sarif", "markdown", "md", "csv", "xlsx", "xls",
	"yaml", "yml", "docx", "amendment", "table", "html", "pdf", "txt"}

// checkOutput refuses `-o json` and its like, for every command with -o.
func checkOutput(a *app, cmd *cobra.Command) error {
	f := cmd.Flags().Lookup("output")
	if f == nil || !f.Changed {
		return nil
	}
	out := f.Value.String()
	if filepath.Ext(out) == "" && slices.Contains(formatNames, strings.ToLower(out)) {
		hint := "-f " + out
		if cmd.Flags().Lookup("format") == nil {
			hint = "-o " + a.t("output.file") + "." + strings.ToLower(out)
		}
		return usageError{errors.New(a.t("err.output_format", out, hint))}
	}
	return nil
}
