package gitrepo

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

func TestParseExternalDiff(t *testing.T) {
	t.Parallel()
	const (
		hexA = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"
		hexB = "ffffffffffffffffffffffffffffffffffffffff"
		hex7 = "abcdef0"
		// SHA-256 repositories name objects with 64 hex digits.
		hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF"
	)
	tests := []struct {
		name string
		args []string
		want *ExternalDiff
	}{
		{"modified", []string{"roadmaps/a.yaml", "/tmp/git-blob-x/a.yaml", hexA, "100644", "roadmaps/a.yaml", hexB, "100755"},
			&ExternalDiff{Path: "roadmaps/a.yaml", Old: Blob{"/tmp/git-blob-x/a.yaml", hexA, "100644"}, New: Blob{"roadmaps/a.yaml", hexB, "100755"}}},
		{"added", []string{"a.yaml", "/dev/null", ".", ".", "a.yaml", hex7, "100644"},
			&ExternalDiff{Path: "a.yaml", Old: Blob{"/dev/null", ".", "."}, New: Blob{"a.yaml", hex7, "100644"}}},
		{"deleted", []string{"a.yaml", "/tmp/x", hex64, "100644", "/dev/null", ".", "."},
			&ExternalDiff{Path: "a.yaml", Old: Blob{"/tmp/x", hex64, "100644"}, New: Blob{"/dev/null", ".", "."}}},
		// git mv, git diff -M: the new path and the similarity follow.
		{"renamed", []string{"a.yaml", "/tmp/x", hexA, "100644", "/tmp/y", hexB, "100644", "b.yaml", "similarity index 100%\nrename from a.yaml\nrename to b.yaml\n"},
			&ExternalDiff{Path: "a.yaml", NewPath: "b.yaml", Old: Blob{"/tmp/x", hexA, "100644"}, New: Blob{"/tmp/y", hexB, "100644"}}},
		{"nine arguments, no similarity", []string{"a.yaml", "/tmp/x", hexA, "100644", "/tmp/y", hexB, "100644", "b.yaml", "c.yaml"}, nil},
		{"two files", []string{"old.yaml", "new.yaml"}, nil},
		{"six arguments", []string{"a.yaml", "/tmp/x", hexA, "100644", "a.yaml", hexB}, nil},
		{"eight arguments", []string{"a.yaml", "/tmp/x", hexA, "100644", "a.yaml", hexB, "100644", "b.yaml"}, nil},
		{"short hex", []string{"a.yaml", "/tmp/x", "abcdef", "100644", "a.yaml", hexB, "100644"}, nil},
		{"long hex", []string{"a.yaml", "/tmp/x", hex64 + "0", "100644", "a.yaml", hexB, "100644"}, nil},
		{"not hex", []string{"a.yaml", "/tmp/x", "HEAD~1xyz", "100644", "a.yaml", hexB, "100644"}, nil},
		{"mode not octal", []string{"a.yaml", "/tmp/x", hexA, "100648", "a.yaml", hexB, "100644"}, nil},
		{"mode too short", []string{"a.yaml", "/tmp/x", hexA, "10644", "a.yaml", hexB, "100644"}, nil},
		{"new mode missing", []string{"a.yaml", "/tmp/x", hexA, "100644", "a.yaml", hexB, ""}, nil},
	}
	for _, tt := range tests {
		got, ok := ParseExternalDiff(tt.args)
		switch {
		case tt.want == nil && ok:
			t.Errorf("%s: recognised as %+v", tt.name, got)
		case tt.want != nil && (!ok || got != *tt.want):
			t.Errorf("%s: %+v, %v; want %+v", tt.name, got, ok, *tt.want)
		}
	}
	if d, _ := ParseExternalDiff(tests[1].args); !d.Old.Missing() || d.New.Missing() {
		t.Errorf("added: old missing %v, new missing %v; want true, false", d.Old.Missing(), d.New.Missing())
	}
}

// newRepo makes a repository in a temporary directory with two commits:
// the first adds a.yaml, b.yaml and sub/c.yaml; the second changes a.yaml,
// deletes b.yaml and adds sub/d.yaml.
func newRepo(t *testing.T) (Git, string) {
	t.Helper()
	golden.Program(t, "git")
	dir := t.TempDir()
	g := Git{Dir: dir}
	git := func(args ...string) {
		t.Helper()
		// Identity and signing from the command line: the user's own
		// configuration must not matter.
		args = append([]string{"-c", "user.name=Методист", "-c", "user.email=m@example.com", "-c", "commit.gpgsign=false"}, args...)
		if _, err := g.Run(args...); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, content string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	write("a.yaml", "a: 1\n")
	write("b.yaml", "b: 1\n")
	write("sub/c.yaml", "c: 1\n")
	git("add", ".")
	git("commit", "-q", "-m", "first")
	write("a.yaml", "a: 2\n")
	if err := os.Remove(filepath.Join(dir, "b.yaml")); err != nil {
		t.Fatal(err)
	}
	write("sub/d.yaml", "d: 1\n")
	git("add", "-A")
	git("commit", "-q", "-m", "second")
	return g, dir
}

func TestRepo(t *testing.T) {
	t.Parallel()
	g, dir := newRepo(t)
	// The working tree: c.yaml edited, not staged.
	if err := os.WriteFile(filepath.Join(dir, "sub", "c.yaml"), []byte("c: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	repo, err := g.Open()
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := filepath.EvalSymlinks(dir); filepath.Clean(repo.Top) != want {
		t.Errorf("Top = %s, want %s", repo.Top, want)
	}

	sub, err := Git{Dir: filepath.Join(dir, "sub")}.Open()
	if err != nil {
		t.Fatal(err)
	}
	if sub.Top != repo.Top {
		t.Errorf("from sub/: Top = %s, want %s", sub.Top, repo.Top)
	}
	changes := []struct {
		name     string
		repo     *Repo
		from, to string
		paths    []string
		want     []Change
	}{
		{"two revisions", repo, "HEAD~1", "HEAD", nil,
			[]Change{{Modified, "a.yaml"}, {Deleted, "b.yaml"}, {Added, "sub/d.yaml"}}},
		{"working tree", repo, "HEAD", "", nil, []Change{{Modified, "sub/c.yaml"}}},
		{"limited to a path", repo, "HEAD~1", "", []string{"sub"},
			[]Change{{Modified, "sub/c.yaml"}, {Added, "sub/d.yaml"}}},
		// Paths are relative to Dir; the changes' paths to the top.
		{"from a subdirectory", sub, "HEAD~1", "HEAD", []string{"."}, []Change{{Added, "sub/d.yaml"}}},
		{"nothing changed", repo, "HEAD", "HEAD", nil, nil},
	}
	for _, tt := range changes {
		got, err := tt.repo.Changes(tt.from, tt.to, tt.paths)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Changes = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}

	reads := []struct {
		rev, path string
		want      string
	}{
		{"HEAD~1", "a.yaml", "a: 1\n"},
		{"HEAD", "a.yaml", "a: 2\n"},
		{"HEAD~1", "b.yaml", "b: 1\n"},
		{"HEAD", "sub/c.yaml", "c: 1\n"},
		{"", "sub/c.yaml", "c: 3\n"},
	}
	for _, tt := range reads {
		got, err := repo.ReadFile(tt.rev, tt.path, 100)
		if err != nil || string(got) != tt.want {
			t.Errorf("ReadFile(%q, %s) = %q, %v; want %q", tt.rev, tt.path, got, err, tt.want)
		}
	}
	for _, rev := range []string{"HEAD", ""} {
		_, err := repo.ReadFile(rev, "a.yaml", 4)
		var tl *safefile.TooLargeError
		if !errors.As(err, &tl) || !strings.HasSuffix(tl.Name, "a.yaml") || tl.Limit != 4 {
			t.Errorf("ReadFile(%q) over the limit: err = %v, want a TooLargeError", rev, err)
		}
	}
	_, err = repo.ReadFile("no-such-rev", "a.yaml", 100)
	var ge *Error
	if !errors.As(err, &ge) || !reflect.DeepEqual(ge.Args, []string{"show", "no-such-rev:a.yaml"}) || ge.ExitCode != 128 || !strings.Contains(ge.Stderr, "no-such-rev") {
		t.Errorf("a bad revision: err = %#v, want git's own message", err)
	}
	if _, err := repo.Changes("no-such-rev", "", nil); !errors.As(err, &ge) || ge.Args[0] != "diff" {
		t.Errorf("Changes of a bad revision: err = %v", err)
	}
}

func TestOpenOutsideRepository(t *testing.T) {
	t.Parallel()
	golden.Program(t, "git")
	dir := t.TempDir()
	_, err := Git{Dir: dir}.Open()
	var ge *Error
	if !errors.As(err, &ge) || ge.ExitCode == 0 || ge.Stderr == "" || ge.Message() != ge.Stderr {
		t.Fatalf("err = %#v, want git's error", err)
	}
	if want := "git rev-parse --show-toplevel: " + ge.Stderr; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
}

func TestConfigLocal(t *testing.T) {
	t.Parallel()
	g, _ := newRepo(t)
	if v, set, err := g.Config(Local, "roadmap.test"); v != "" || set || err != nil {
		t.Errorf("unset key: %q, %v, %v", v, set, err)
	}
	if err := g.SetConfig(Local, "roadmap.test", "roadmap merge --git-driver %O %A %B %P"); err != nil {
		t.Fatal(err)
	}
	if v, set, err := g.Config(Local, "roadmap.test"); v != "roadmap merge --git-driver %O %A %B %P" || !set || err != nil {
		t.Errorf("after SetConfig: %q, %v, %v", v, set, err)
	}
	_, err := g.Run("config", "--get", "roadmap.unset")
	var ge *Error
	if !errors.As(err, &ge) || ge.ExitCode != 1 || ge.Stderr != "" || ge.Message() != "exit status 1" {
		t.Errorf("git config --get of an unset key: %#v, want exit 1 and no message", err)
	}
	// A key without a section is git's error, not "unset".
	if _, _, err := g.Config(Local, "nosection"); err == nil {
		t.Error("invalid key: no error")
	}
}

// TestConfigGlobal writes the user's configuration, so it sets HOME and
// cannot run in parallel.
func TestConfigGlobal(t *testing.T) {
	golden.Program(t, "git")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("GIT_CONFIG_GLOBAL", filepath.Join(home, ".gitconfig"))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	g := Git{Dir: t.TempDir()} // outside any repository
	if err := g.SetConfig(Global, "diff.roadmap.command", "roadmap diff"); err != nil {
		t.Fatal(err)
	}
	if v, set, err := g.Config(Global, "diff.roadmap.command"); v != "roadmap diff" || !set || err != nil {
		t.Errorf("Config = %q, %v, %v", v, set, err)
	}
	data, err := os.ReadFile(filepath.Join(home, ".gitconfig"))
	if err != nil || !strings.Contains(string(data), "command = roadmap diff") {
		t.Errorf("~/.gitconfig = %q, %v", data, err)
	}
	if got := strings.Join(Global.Args(), " "); got != "config --global" {
		t.Errorf("Global.Args() = %s", got)
	}
}

// TestNoGit empties PATH, so it cannot run in parallel.
func TestNoGit(t *testing.T) {
	t.Setenv("PATH", "")
	if _, err := (Git{}).Run("version"); !errors.Is(err, ErrNoGit) {
		t.Errorf("err = %v, want ErrNoGit", err)
	}
}
