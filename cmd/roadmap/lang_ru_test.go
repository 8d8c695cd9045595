package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// cobraEnglish is what cobra and pflag write in English whatever the
// template: the words TestRussianHelp looks for.
var cobraEnglish = regexp.MustCompile(`\[flags\]|\[command\]|\(default |\bstring\b|stringArray|\bint\b|help for |Did you mean|\\n|Usage:|Flags:|Available Commands|Global Flags|unsupported language|not a git repository`)

// TestRussianHelp mirrors TestEnglishHasNoRussian: the help of every
// command, and cobra's own errors, in Russian have none of cobra's English.
func TestRussianHelp(t *testing.T) {
	t.Parallel()
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk((&app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}).rootCmd(), nil)
	if len(paths) < 15 {
		t.Fatalf("only %d commands: %v", len(paths), paths)
	}
	var cases [][]string
	for _, p := range paths {
		cases = append(cases, append(append([]string(nil), p...), "--help"))
	}
	cases = append(cases,
		[]string{"help", "help"},
		[]string{"chek"},
		[]string{"report", "tempalte", "x"},
		[]string{"--lang", "de", "check"},
		[]string{"check", "--format"},
		[]string{"check", "--nope"},
	)
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			run(append([]string{"--lang=ru"}, args...), strings.NewReader(""), &out, &out)
			if out.Len() == 0 {
				t.Fatal("no output")
			}
			for i, line := range strings.Split(out.String(), "\n") {
				if m := cobraEnglish.FindString(line); m != "" {
					t.Errorf("line %d has %q: %s", i+1, m, line)
				}
			}
		})
	}
}

// TestRussianReference: the Russian Markdown reference and man pages have
// none of cobra's English either (their headings were «Options
// inherited from parent commands», «SEE ALSO»).
func TestRussianReference(t *testing.T) {
	t.Parallel()
	english := regexp.MustCompile(cobraEnglish.String() + `|Synopsis|Options|SEE ALSO|Examples`)
	pages, _ := filepath.Glob("../../docs/cli/ru/*.md")
	man, _ := filepath.Glob("../../docs/cli/man/ru/man1/*.1")
	if len(pages) < 15 || len(man) < 15 {
		t.Fatalf("%d pages, %d man pages", len(pages), len(man))
	}
	for _, path := range append(pages, man...) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := english.FindString(line); m != "" {
				t.Errorf("%s:%d has %q: %s", filepath.Base(path), i+1, m, line)
			}
		}
	}
}
