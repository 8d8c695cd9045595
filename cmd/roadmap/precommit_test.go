package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/golden"
)

// TestPreCommitHooks runs the repository's own hooks (.pre-commit-hooks.yaml,
// as a local repository with the built program on PATH) with pre-commit
// over a repository of roadmaps that also holds CI files and
// .pre-commit-config.yaml: they pass, and a broken roadmap fails them.
func TestPreCommitHooks(t *testing.T) {
	t.Parallel()
	preCommit := golden.Program(t, "pre-commit")
	git := golden.Program(t, "git")
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "roadmap"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var hooks []map[string]any
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	for _, h := range hooks {
		h["language"] = "system" // the program on PATH, not built by pre-commit
	}
	config, err := yaml.Marshal(map[string]any{"repos": []any{map[string]any{"repo": "local", "hooks": hooks}}})
	if err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join(dir, "repo")
	seed, err := os.ReadFile("../../roadmaps/bessonovsky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		".pre-commit-config.yaml":   string(config),
		".gitlab-ci.yml":            "check:\n  script: [roadmap check]\n",
		".github/workflows/ci.yml":  "on: push\njobs: {check: {runs-on: ubuntu-latest, steps: [{run: roadmap check}]}}\n",
		"mkdocs.yml":                "site_name: Дорожные карты\n",
		"roadmaps/bessonovsky.yaml": string(seed),
	}
	for name, text := range files {
		path := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"PRE_COMMIT_HOME="+filepath.Join(dir, "cache"), "HOME="+dir, "GIT_CONFIG_NOSYSTEM=1")
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		if out, err := run(git, args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	out, err := run(preCommit, "run", "--all-files")
	if err != nil || strings.Count(out, "Passed") != 2 {
		t.Fatalf("pre-commit over a repository with CI files: %v\n%s", err, out)
	}
	broken := strings.Replace(string(seed), "  - id: work-plan\n", "  - id: work-plan\n    ответственный: МКУ\n", 1)
	if err := os.WriteFile(filepath.Join(repo, "roadmaps/bessonovsky.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = run(preCommit, "run", "--all-files")
	if err == nil || !strings.Contains(out, "RM003") {
		t.Fatalf("pre-commit over a broken roadmap passed:\n%s", out)
	}
}
