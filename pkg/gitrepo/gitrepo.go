// Package gitrepo owns talking to git: running the git program (never
// through a shell) with its messages captured, the questions the commands
// ask of a repository (its top level, the files changed between
// revisions, a file at a revision or in the working tree, configuration)
// and the argument list git gives an external diff program. Failures are
// typed (*Error, ErrNoGit); the words a user reads are made by the caller.
package gitrepo

import (
	"bytes"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// ErrNoGit is returned when the git program is not installed (not on
// PATH).
var ErrNoGit = errors.New("the git program was not found")

// Error is a git command that failed.
type Error struct {
	// Args are git's arguments.
	Args []string
	// Stderr is git's own message, trimmed; it may be empty.
	Stderr string
	// ExitCode is git's exit status, or -1 when it did not exit normally.
	ExitCode int
	// Err is how the program failed (an *exec.ExitError, or why it did
	// not start).
	Err error
}

// Message is git's own message, or how it failed when it said nothing.
func (e *Error) Message() string {
	if e.Stderr != "" {
		return e.Stderr
	}
	return e.Err.Error()
}

func (e *Error) Error() string { return "git " + strings.Join(e.Args, " ") + ": " + e.Message() }

func (e *Error) Unwrap() error { return e.Err }

// Git runs the git program in Dir ("" is the current directory, where
// the paths given to git are relative to).
type Git struct{ Dir string }

// Run runs git with args and returns its standard output.
func (g Git) Run(args ...string) ([]byte, error) {
	var out bytes.Buffer
	err := g.run(args, func(r io.Reader) error {
		_, err := out.ReadFrom(r)
		return err
	})
	return out.Bytes(), err
}

// run runs git, handing its standard output to read while it runs; when
// read fails, git is stopped and read's error returned.
func (g Git) run(args []string, read func(io.Reader) error) error {
	cmd := exec.Command("git", args...)
	cmd.Dir = g.Dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return ErrNoGit
		}
		return &Error{Args: args, ExitCode: -1, Err: err}
	}
	if err := read(stdout); err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return err
	}
	if err := cmd.Wait(); err != nil {
		code := -1
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		}
		return &Error{Args: args, Stderr: strings.TrimSpace(stderr.String()), ExitCode: code, Err: err}
	}
	return nil
}

// TopLevel is the top directory of the working tree holding Dir.
func (g Git) TopLevel() (string, error) {
	out, err := g.Run("rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimRight(string(out), "\r\n"), nil
}

// Open finds the repository holding Dir; it fails outside one.
func (g Git) Open() (*Repo, error) {
	top, err := g.TopLevel()
	if err != nil {
		return nil, err
	}
	return &Repo{Git: g, Top: top}, nil
}

// Scope is the configuration file git config reads and writes.
type Scope int

// The scopes: the repository's .git/config, or the user's ~/.gitconfig.
const (
	Local Scope = iota
	Global
)

// Args is the git command line of the scope: config, config --global.
func (s Scope) Args() []string {
	if s == Global {
		return []string{"config", "--global"}
	}
	return []string{"config"}
}

// Config reads key in scope; set is false when the key is not set.
func (g Git) Config(s Scope, key string) (value string, set bool, err error) {
	out, err := g.Run(append(s.Args(), "--get", key)...)
	var ge *Error
	if errors.As(err, &ge) && ge.ExitCode == 1 && ge.Stderr == "" {
		// git config --get exits 1, saying nothing, for a key not set
		// (and 1 with a message for an invalid key).
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return strings.TrimRight(string(out), "\r\n"), true, nil
}

// SetConfig sets key to value in scope.
func (g Git) SetConfig(s Scope, key, value string) error {
	_, err := g.Run(append(s.Args(), key, value)...)
	return err
}

// Repo is a git repository with a working tree.
type Repo struct {
	Git
	// Top is the top directory of the working tree.
	Top string
}

// Status is how a file changed between two versions, as git diff
// --name-status gives it.
type Status byte

// The statuses: renames are not detected (a rename is a deletion and an
// addition), so the others are rare (T a type change, U unmerged).
const (
	Added    Status = 'A'
	Deleted  Status = 'D'
	Modified Status = 'M'
)

// Change is a file changed between two versions.
type Change struct {
	Status Status
	// Path is relative to the top of the working tree, with slashes.
	Path string
}

// Changes lists the files changed from revision from to revision to, or
// to the working tree when to is "", limited to paths (relative to Dir)
// when there are any.
func (r *Repo) Changes(from, to string, paths []string) ([]Change, error) {
	args := []string{"diff", "--name-status", "--no-renames", "-z", from}
	if to != "" {
		args = append(args, to)
	}
	args = append(append(args, "--"), paths...)
	out, err := r.Run(args...)
	if err != nil {
		return nil, err
	}
	return parseNameStatus(out), nil
}

// parseNameStatus reads git diff --name-status -z: a status (a letter, and
// for some a score) and a path, each ended by NUL.
func parseNameStatus(out []byte) []Change {
	fields := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	var changes []Change
	for i := 0; i+1 < len(fields); i += 2 {
		if fields[i] == "" {
			continue
		}
		changes = append(changes, Change{Status: Status(fields[i][0]), Path: fields[i+1]})
	}
	return changes
}

// ReadFile reads the file at path (relative to the top of the working
// tree, with slashes) as it is at revision rev, or in the working tree
// when rev is "", refusing content over limit bytes (the error wraps
// safefile.ErrTooLarge and names it rev:path).
func (r *Repo) ReadFile(rev, path string, limit int64) ([]byte, error) {
	if rev == "" {
		return safefile.ReadFile(filepath.Join(r.Top, filepath.FromSlash(path)), limit)
	}
	name := rev + ":" + path
	var data []byte
	err := r.run([]string{"show", name}, func(out io.Reader) error {
		var err error
		data, err = safefile.ReadAll(out, name, limit)
		return err
	})
	return data, err
}

// ExternalDiff is the call of an external diff program by git
// (diff.<driver>.command, GIT_EXTERNAL_DIFF): seven arguments, path
// old-file old-hex old-mode new-file new-hex new-mode.
type ExternalDiff struct {
	// Path is the file's path in the repository.
	Path string
	// NewPath is the path it was renamed or copied to, "" when it was not
	// (git then passes 9 arguments: the new path and the similarity text).
	NewPath string
	// Old and New are the two versions.
	Old, New Blob
}

// Blob is one version of a file in an external diff call: a file holding
// its content (a temporary file, or the working tree's), its object name
// and its mode. The version that does not exist, of a file added or
// deleted, has File /dev/null and "." for Hex and Mode.
type Blob struct {
	File, Hex, Mode string
}

// Missing reports whether the version does not exist.
func (b Blob) Missing() bool { return b.File == "/dev/null" }

// ParseExternalDiff recognises git's external diff arguments; ok is false
// for any other argument list.
func ParseExternalDiff(args []string) (d ExternalDiff, ok bool) {
	if len(args) != 7 && (len(args) != 9 || args[7] == "" || !strings.Contains(args[8], "similarity index")) {
		return ExternalDiff{}, false
	}
	old := Blob{File: args[1], Hex: args[2], Mode: args[3]}
	new := Blob{File: args[4], Hex: args[5], Mode: args[6]}
	if !old.valid() || !new.valid() {
		return ExternalDiff{}, false
	}
	d = ExternalDiff{Path: args[0], Old: old, New: new}
	if len(args) == 9 {
		d.NewPath = args[7]
	}
	return d, true
}

// valid reports whether Hex is an object name (7 to 64 hex digits: SHA-1
// or SHA-256, maybe abbreviated) or ".", and Mode a file mode (six octal
// digits) or ".".
func (b Blob) valid() bool {
	hex := b.Hex == "." || len(b.Hex) >= 7 && len(b.Hex) <= 64 && strings.Trim(b.Hex, "0123456789abcdefABCDEF") == ""
	mode := b.Mode == "." || len(b.Mode) == 6 && strings.Trim(b.Mode, "01234567") == ""
	return hex && mode
}

// MergeFile merges the files ours, base and theirs line by line as `git
// merge-file -p` does, with conflict markers labelled by the names given,
// and returns the merged text and how many conflicts it holds. It is the
// fallback when a roadmap cannot be merged by meaning: both sides always
// end up in the file.
func (g Git) MergeFile(ours, base, theirs string, oursName, baseName, theirsName string) ([]byte, int, error) {
	out, err := g.Run("merge-file", "-p", "--diff3", "-L", oursName, "-L", baseName, "-L", theirsName, ours, base, theirs)
	var ge *Error
	if errors.As(err, &ge) && ge.ExitCode > 0 && ge.ExitCode < 128 {
		return out, ge.ExitCode, nil // the exit code counts the conflicts
	}
	if err != nil {
		return nil, 0, err
	}
	return out, 0, nil
}
