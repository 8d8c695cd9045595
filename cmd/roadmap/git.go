package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/gitrepo"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// gitCmd is `roadmap git`: set git up for roadmap files.
type gitCmd struct {
	app     *app
	global  bool
	pattern string
}

func newGitCmd(a *app) *gitCmd { return &gitCmd{app: a, pattern: "roadmaps/*.yaml"} }

// The drivers: git runs `roadmap diff OLD NEW` style external diffs
// (diff.roadmap.command) and the merge driver with the files of a merge.
func gitConfig(program string) [][2]string {
	return [][2]string{
		{"diff.roadmap.command", program + " diff"},
		{"merge.roadmap.name", "roadmap: merge by meaning"},
		{"merge.roadmap.driver", program + " merge --git-driver %O %A %B %P"},
	}
}

// driverProgram is how git is to run roadmap: "roadmap" when it is on
// PATH, else the absolute path of this program (git would fail with
// «roadmap: not found» on every diff); found tells which.
func driverProgram(lookPath func(string) (string, error), executable func() (string, error)) (program string, found bool) {
	if _, err := lookPath("roadmap"); err == nil {
		return "roadmap", true
	}
	exe, err := executable()
	if err != nil {
		return "roadmap", false
	}
	if abs, err := filepath.Abs(exe); err == nil {
		exe = abs
	}
	// git runs the command through the shell: quote the path.
	return "'" + strings.ReplaceAll(filepath.ToSlash(exe), "'", `'\''`) + "'", false
}

func (c *gitCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "git",
		Short:   c.app.t("git.short"),
		Long:    c.app.t("git.long"),
		Example: c.app.t("git.example"),
		Args:    cobra.NoArgs,
	}
	install := &cobra.Command{
		Use:     "install [--global] [--path-pattern PATTERN]",
		Short:   c.app.t("git.install.short"),
		Long:    c.app.t("git.install.long"),
		Example: c.app.t("git.install.example"),
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return c.install()
		},
	}
	f := install.Flags()
	f.BoolVar(&c.global, "global", false, c.app.t("git.flag.global"))
	f.StringVar(&c.pattern, "path-pattern", c.pattern, c.app.t("git.flag.path_pattern"))
	cmd.AddCommand(install)
	localize(install, c.app)
	return cmd
}

// install writes the attribute lines and the driver configuration. Run
// twice, it changes nothing the second time.
func (c *gitCmd) install() error {
	if c.pattern == "" || strings.ContainsAny(c.pattern, " \t\r\n") {
		return usageError{errors.New(c.app.t("git.err.pattern", c.pattern))}
	}
	err := c.configure(gitrepo.Git{})
	return c.app.gitError(err, "git.err.git", "git.err.no_git")
}

func (c *gitCmd) configure(g gitrepo.Git) error {
	scope := gitrepo.Local
	if c.global {
		scope = gitrepo.Global
	}
	shown := strings.Join(scope.Args(), " ")
	attrs, err := c.attributesFile(g)
	if err != nil {
		return err
	}
	for _, attr := range []string{"diff=roadmap", "merge=roadmap"} {
		line := c.pattern + " " + attr
		added, err := ensureAttribute(attrs, c.pattern, attr)
		if err != nil {
			return err
		}
		key := "git.attr.present"
		if added {
			key = "git.attr.added"
		}
		fmt.Fprintln(c.report(), c.app.t(key, displayPath(attrs), line))
	}
	program, found := driverProgram(exec.LookPath, os.Executable)
	if !found {
		fmt.Fprintln(c.app.stderr, c.app.t("git.not_on_path", program))
	}
	for _, kv := range gitConfig(program) {
		cur, _, err := g.Config(scope, kv[0])
		if err != nil {
			return err
		}
		if cur == kv[1] {
			fmt.Fprintln(c.report(), c.app.t("git.config.present", shown, kv[0], kv[1]))
			continue
		}
		if err := g.SetConfig(scope, kv[0], kv[1]); err != nil {
			return err
		}
		fmt.Fprintln(c.report(), c.app.t("git.config.set", shown, kv[0], kv[1]))
	}
	fmt.Fprintln(c.report(), c.app.t("git.done", c.pattern))
	return nil
}

// attributesFile is the .gitattributes of the repository, or with
// --global the file core.attributesFile names; when that is unset, git's
// default (~/.config/git/attributes, or under $XDG_CONFIG_HOME), which
// is then configured explicitly.
func (c *gitCmd) attributesFile(g gitrepo.Git) (string, error) {
	if !c.global {
		repo, err := g.Open()
		if errors.Is(err, gitrepo.ErrNoGit) {
			return "", err
		}
		if err != nil {
			return "", usageError{errors.New(c.app.t("git.err.not_repo"))}
		}
		return filepath.Join(repo.Top, ".gitattributes"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	cur, _, err := g.Config(gitrepo.Global, "core.attributesFile")
	if err != nil {
		return "", err
	}
	if path := strings.TrimSpace(cur); path != "" {
		if rest, ok := strings.CutPrefix(path, "~/"); ok {
			path = filepath.Join(home, rest)
		}
		return path, nil
	}
	path, value := filepath.Join(home, ".config", "git", "attributes"), "~/.config/git/attributes"
	if xdg := os.Getenv("XDG_CONFIG_HOME"); xdg != "" && filepath.IsAbs(xdg) {
		path = filepath.Join(xdg, "git", "attributes")
		value = path
	}
	if err := g.SetConfig(gitrepo.Global, "core.attributesFile", value); err != nil {
		return "", err
	}
	fmt.Fprintln(c.report(), c.app.t("git.config.set", strings.Join(gitrepo.Global.Args(), " "), "core.attributesFile", value))
	return path, nil
}

// displayPath shows a path relative to the current directory when it is
// below it, else relative to the home directory ("~/..."), else as is.
func displayPath(path string) string {
	below := func(dir string) (string, bool) {
		if dir == "" {
			return "", false
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			return "", false
		}
		return rel, true
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, ok := below(wd); ok {
			return filepath.ToSlash(rel)
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		if rel, ok := below(home); ok {
			return "~/" + filepath.ToSlash(rel)
		}
	}
	return path
}

// maxAttributesSize bounds the attributes file read: git itself ignores
// larger ones.
const maxAttributesSize = 100 << 20

// ensureAttribute appends "pattern attr" to the attributes file unless a
// line for pattern already sets attr; it reports whether it appended.
func ensureAttribute(path, pattern, attr string) (bool, error) {
	data, err := safefile.ReadFile(path, maxAttributesSize)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return false, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 1 && fields[0] == pattern {
			for _, f := range fields[1:] {
				if f == attr {
					return false, nil
				}
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	out := data
	if len(out) > 0 && !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}
	out = append(out, pattern+" "+attr+"\n"...)
	return true, safefile.Write(path, func(w io.Writer) error {
		_, err := w.Write(out)
		return err
	})
}

// report is where git install says what it did: standard output, nowhere
// under -q.
func (c *gitCmd) report() io.Writer {
	if c.app.quiet {
		return io.Discard
	}
	return c.app.stdout
}
