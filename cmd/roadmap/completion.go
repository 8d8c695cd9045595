package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// completionCmd is `roadmap completion SHELL`: cobra's shell completion
// scripts, with help in the user's language (cobra's own command is
// English only).
type completionCmd struct{ app *app }

func newCompletionCmd(a *app) *completionCmd { return &completionCmd{app: a} }

func (c *completionCmd) command() *cobra.Command {
	return &cobra.Command{
		Use:       "completion bash|zsh|fish|powershell",
		Short:     c.app.t("completion.short"),
		Long:      c.app.t("completion.long"),
		Example:   c.app.t("completion.example"),
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			root, out := cmd.Root(), c.app.stdout
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(out)
			}
			return usageError{fmt.Errorf("%s", args[0])}
		},
	}
}

// completeRoadmapIDs completes a flag that takes a roadmap id or a
// district, from the roadmaps named on the command line (or roadmaps/).
func completeRoadmapIDs(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, r := range loadQuietly(args) {
		out = append(out, r.ID+"\t"+r.District, r.District)
	}
	slices.Sort(out)
	return slices.Compact(out), cobra.ShellCompDirectiveNoFileComp
}

// completeActivityIDs completes a flag that takes an activity id: each id
// once, described by its first activity, though several roadmaps (or one
// by mistake) have it.
func completeActivityIDs(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	seen := map[string]bool{}
	var out []string
	for _, r := range loadQuietly(args) {
		for _, a := range r.Activities {
			if !seen[a.ID] {
				seen[a.ID] = true
				out = append(out, a.ID+"\t"+fmt.Sprintf("%s. %s", a.N, a.Title))
			}
		}
	}
	slices.Sort(out)
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeValues completes a flag that takes one of vals.
func completeValues(vals ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(vals, cobra.ShellCompDirectiveNoFileComp)
}

// loadQuietly loads roadmaps for completion: errors mean no suggestions.
func loadQuietly(args []string) []*roadmap.Roadmap {
	paths := args
	if len(paths) == 0 {
		paths = []string{"roadmaps"}
	}
	res, err := check.Run(paths, nil)
	if err != nil {
		return nil
	}
	return res.Roadmaps
}
