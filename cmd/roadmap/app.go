package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/gitrepo"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/importer"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// Exit codes, the contract with CI jobs.
const (
	exitClean    = 0
	exitFindings = 1
	exitUsage    = 2
)

// errFindings reports that a command printed findings that fail the run;
// the findings themselves are already on the output.
var errFindings = errors.New("findings")

// usageError marks an error in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// app holds what every command shares: the streams and the language.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	lang           i18n.Lang
	langFlag       string
	// color is --color: auto, always or never.
	color string
	// quiet is -q: no confirmations, summaries or progress on stderr,
	// only findings and errors.
	quiet bool
	// maxSize is --max-size in MiB: the limit on every input file's size
	// (0 keeps each kind's own default).
	maxSize int
}

// info is where confirmations and summaries go: nowhere under -q.
func (a *app) info() io.Writer {
	if a.quiet {
		return io.Discard
	}
	return a.stderr
}

func (a *app) t(key string, args ...any) string { return i18n.T(a.lang, key, args...) }

// run executes the command line and returns the exit code. It never
// panics on user input and never prints a stack trace.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, lang: langOf(args)}
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintln(stderr, a.t("err.internal", p))
			code = exitUsage
		}
	}()
	root := a.rootCmd()
	root.SetArgs(args)
	err := root.Execute()
	switch {
	case err == nil:
		return exitClean
	case errors.Is(err, errFindings):
		return exitFindings
	}
	fmt.Fprintln(stderr, a.t("err.prefix", a.describe(err)))
	return exitUsage
}

// langOf picks the language before flags are parsed, since help texts
// are built in it: --lang wins over ROADMAP_LANG, Russian is the default.
func langOf(args []string) i18n.Lang {
	lang := i18n.FromEnv()
	for i, arg := range args {
		var v string
		switch {
		case arg == "--":
			return lang
		case strings.HasPrefix(arg, "--lang="):
			v = strings.TrimPrefix(arg, "--lang=")
		case arg == "--lang" && i+1 < len(args):
			v = args[i+1]
		default:
			continue
		}
		if l, err := i18n.ParseLang(v); err == nil {
			lang = l
		}
	}
	return lang
}

// describe turns an error into words for a methodologist.
func (a *app) describe(err error) string {
	var (
		pe *fs.PathError
		tl *safefile.TooLargeError
		re *safefile.ReplaceError
	)
	switch {
	case errors.As(err, &re) && errors.Is(err, syscall.EISDIR):
		return a.t("err.is_dir", re.Path)
	case errors.As(err, &re):
		return a.t("err.replace", re.Path)
	case errors.As(err, &tl):
		return a.t("err.too_large", tl.Name, tl.Limit>>20)
	case errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist):
		return a.t("err.not_found", pe.Path)
	case errors.As(err, &pe) && errors.Is(err, fs.ErrPermission):
		return a.t("err.permission", pe.Path)
	case errors.As(err, &pe) && errors.Is(err, syscall.ENOSPC):
		return a.t("err.no_space", pe.Path)
	case errors.As(err, &pe) && errors.Is(err, syscall.EROFS):
		return a.t("err.read_only", pe.Path)
	case errors.As(err, &pe) && errors.Is(err, fs.ErrExist):
		return a.t("err.exists", pe.Path)
	case errors.Is(err, check.ErrNoFiles):
		return a.t("err.no_files")
	case errors.As(err, &pe):
		for _, e := range errnoKeys {
			if errors.Is(err, e.errno) {
				return a.t(e.key, pe.Path)
			}
		}
		// Some other fault of the system: its English stays out, its
		// number says enough to look it up.
		var no syscall.Errno
		if errors.As(err, &no) {
			return a.t("err.system", pe.Path, int(no))
		}
		return a.t("err.io", pe.Path)
	}
	return a.translateCobra(err.Error())
}

// errnoKeys word the system's errors a user can meet and act on.
var errnoKeys = []struct {
	errno error
	key   string
}{
	{syscall.EISDIR, "err.is_dir"},
	{syscall.ENOTDIR, "err.not_dir"},
	{syscall.ELOOP, "err.loop"},
	{syscall.ENAMETOOLONG, "err.name_too_long"},
	{syscall.EIO, "err.io"},
	{syscall.EMFILE, "err.too_many_open"},
	{syscall.ENFILE, "err.too_many_open"},
}

// gitError words a failure of git with the command's message keys: git's
// arguments and its own message (keyGit), or that git is missing
// (keyNoGit). Other errors are returned as they are.
func (a *app) gitError(err error, keyGit, keyNoGit string) error {
	var ge *gitrepo.Error
	switch {
	case errors.Is(err, gitrepo.ErrNoGit):
		return errors.New(a.t(keyNoGit))
	case errors.As(err, &ge):
		return errors.New(a.t(keyGit, strings.Join(ge.Args, " "), ge.Message()))
	}
	return err
}

// cobraErrors are the English errors of cobra and pflag, and their
// message keys: methodologists read Russian.
var cobraErrors = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^unknown command "([^"]*)" for "([^"]*)"`), "err.cobra.unknown_command"},
	{regexp.MustCompile(`^unknown flag: (\S+)`), "err.cobra.unknown_flag"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)`), "err.cobra.unknown_shorthand"},
	{regexp.MustCompile(`^flag needs an argument: (\S+)`), "err.cobra.needs_argument"},
	{regexp.MustCompile(`^invalid argument "([^"]*)" for "([^"]*)" flag`), "err.cobra.invalid_argument"},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)`), "err.cobra.args"},
	{regexp.MustCompile(`^unknown command "([^"]*)"`), "err.cobra.unknown_command"},
	{regexp.MustCompile(`^invalid argument "([^"]*)" for "([^"]*)"`), "err.cobra.invalid_command_argument"},
}

// translateCobra puts the first line of a cobra or pflag error into the
// user's language, keeping any further lines (our own hints).
func (a *app) translateCobra(msg string) string {
	first, rest, _ := strings.Cut(msg, "\n")
	for _, ce := range cobraErrors {
		if m := ce.re.FindStringSubmatch(first); m != nil {
			args := make([]any, len(m)-1)
			for i, v := range m[1:] {
				args[i] = v
			}
			first = a.t(ce.key, args...)
			break
		}
	}
	if rest == "" {
		return first
	}
	// cobra's suggestions for a mistyped command.
	return first + "\n" + strings.Replace(rest, "Did you mean this?", a.t("err.cobra.suggest"), 1)
}

// maxSizeMiB bounds --max-size: files are read whole into memory.
const maxSizeMiB = 4096

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "roadmap",
		Short:         a.t("root.short"),
		Long:          a.t("root.long"),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Our own completion command has help in the user's language.
		CompletionOptions: cobra.CompletionOptions{
			DisableDefaultCmd: true,
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.langFlag, "lang", string(a.lang), a.t("flag.lang"))
	pf.StringVar(&a.color, "color", colorAuto, a.t("flag.color"))
	pf.BoolVarP(&a.quiet, "quiet", "q", false, a.t("flag.quiet"))
	pf.IntVar(&a.maxSize, "max-size", 0, a.t("flag.max_size", roadmap.MaxFileSize>>20, importer.MaxFileSize>>20))
	_ = root.RegisterFlagCompletionFunc("lang", completeValues(string(i18n.RU), string(i18n.EN)))
	_ = root.RegisterFlagCompletionFunc("color", completeValues(colorModes...))
	// cobra's --version, with a usage line in the user's language.
	root.Version = versionString()
	root.SetVersionTemplate("roadmap {{.Version}}\n")
	root.Flags().BoolP("version", "v", false, a.t("flag.version"))
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		l, err := i18n.ParseLang(a.langFlag)
		if err != nil {
			return usageError{errors.New(a.t("err.lang", a.langFlag))}
		}
		a.lang = l
		if !slices.Contains(colorModes, a.color) {
			return usageError{errors.New(a.t("err.color", a.color))}
		}
		switch {
		case a.maxSize < 0 || a.maxSize > maxSizeMiB:
			return usageError{errors.New(a.t("err.max_size", a.maxSize, maxSizeMiB))}
		case a.maxSize > 0:
			// Set once, before any file is read.
			roadmap.MaxFileSize = int64(a.maxSize) << 20
			importer.MaxFileSize = int64(a.maxSize) << 20
		}
		return checkOutput(a, cmd)
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%s\n%s", a.translateCobra(err.Error()), a.t("err.see_help", c.CommandPath()))}
	})
	localize(root, a)
	// Every command, each a struct in a file of its own; help lists them
	// sorted.
	root.AddCommand(
		newCheckCmd(a).command(),
		newShowCmd(a).command(),
		newReportCmd(a).command(),
		newSummaryCmd(a).command(),
		newSiteCmd(a).command(),
		newDiffCmd(a).command(),
		newDocCmd(a).command(),
		newMergeCmd(a).command(),
		newImportCmd(a).command(),
		newNewCmd(a).command(),
		newFmtCmd(a).command(),
		newSchemaCmd(a).command(),
		newGitCmd(a).command(),
		newCompletionCmd(a).command(),
		newVersionCmd(a).command(),
		newGenDocsCmd(a).command(),
	)
	localizeTree(root, a)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetIn(a.stdin)
	return root
}

// localizeTree localizes every command below c.
func localizeTree(c *cobra.Command, a *app) {
	for _, sub := range c.Commands() {
		localize(sub, a)
		localizeTree(sub, a)
	}
}

// localize gives a command Russian (or English) help: cobra's own
// template and the help flag are English only.
func localize(c *cobra.Command, a *app) {
	c.SetUsageTemplate(usageTemplate(a))
	if c.Flags().Lookup("help") == nil {
		c.Flags().BoolP("help", "h", false, a.t("flag.help"))
	}
	help := &cobra.Command{
		Use:   "help [" + a.t("usage.command_placeholder") + "]",
		Short: a.t("help.short"),
		Run: func(c *cobra.Command, args []string) {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil {
				cmd = c.Root()
			}
			_ = cmd.Help()
		},
	}
	help.Flags().BoolP("help", "h", false, a.t("flag.help"))
	c.SetHelpCommand(help)
}

// usageTemplate is cobra's, in the app's language: the template functions
// of usage.go word the use line and the flags.
func usageTemplate(a *app) string {
	lang := string(a.lang)
	return a.t("usage.usage") + `:{{if .Runnable}}
  {{roadmapUseLine . "` + lang + `"}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [` + a.t("usage.command_placeholder") + `]{{end}}{{if .HasExample}}

` + a.t("usage.examples") + `:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + a.t("usage.commands") + `:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + a.t("usage.flags") + `:
{{roadmapFlagUsages .LocalFlags "` + lang + `" | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

` + a.t("usage.global_flags") + `:
{{roadmapFlagUsages .InheritedFlags "` + lang + `" | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

` + a.t("usage.more", "{{.CommandPath}}") + `{{end}}
`
}

// parseAsOf reads an --as-of date, or gives today.
func parseAsOf(s string, now func() time.Time, a *app) (time.Time, error) {
	if s == "" {
		y, m, d := now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	d, ok := roadmap.ParseDate(s)
	if !ok {
		return time.Time{}, usageError{fmt.Errorf("%s", a.t("err.as_of", s))}
	}
	return d.Time(), nil
}

// notAnInput refuses an output path that names one of the inputs (the
// same path, or the same file by another name): writing it would destroy
// what the command reads.
func notAnInput(a *app, output string, inputs ...string) error {
	out, outErr := os.Stat(output)
	for _, in := range inputs {
		same := in != "" && filepath.Clean(in) == filepath.Clean(output)
		if st, err := os.Stat(in); err == nil && outErr == nil && os.SameFile(st, out) {
			same = true
		}
		if same {
			return usageError{errors.New(a.t("err.output_is_input", output))}
		}
	}
	return nil
}

// write writes an output: to standard output for "-" (every command's
// -o - means it, never a file named "-"), else atomically to path.
func (a *app) write(path string, fn func(io.Writer) error) error {
	if path == "-" {
		return fn(a.stdout)
	}
	return safefile.Write(path, fn)
}
