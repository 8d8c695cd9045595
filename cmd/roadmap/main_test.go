package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/roadmap-edu/roadmap/pkg/golden"
)

// TestMain lets the test binary act as the roadmap command, so the
// scripts under testdata/script run the real program in a child process.
func TestMain(m *testing.M) {
	testscript.Main(removingBinary{m}, map[string]func(){
		"roadmap": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// removingBinary runs the tests, then removes the program roadmapBinary
// built.
type removingBinary struct{ m *testing.M }

func (r removingBinary) Run() int {
	code := r.m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	return code
}

// built is the roadmap program, built once for the tests that run it as a
// process of its own (killed, on a full disk, its memory measured).
var built struct {
	once      sync.Once
	dir, path string
	err       error
}

// roadmapBinary builds the program once per test run and returns its path.
func roadmapBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "roadmap-test-bin-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "roadmap")
		if out, err := exec.Command("go", "build", "-o", built.path, ".").CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

// TestScripts runs the end-to-end scripts. Each starts in an empty
// directory holding a copy of the shipped roadmaps/, testdata/rules/ and
// testdata/reports/.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       golden.Updating(),
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fits":   cmdFits,
			"sparse": cmdSparse,
			"xlsx":   cmdXLSX,
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("ROADMAP_LANG", "")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("COLUMNS", "")
			for _, dir := range []string{"roadmaps", "testdata/rules", "testdata/reports", "testdata/import", "testdata/regional"} {
				if err := os.CopyFS(filepath.Join(env.WorkDir, dir), os.DirFS(filepath.Join("..", "..", dir))); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// cmdFits checks that no line of the last command's stdout is wider than
// the given number of characters: `fits 100`.
func cmdFits(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: fits WIDTH")
	}
	width, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("fits: %v", err)
	}
	for i, line := range strings.Split(ts.ReadFile("stdout"), "\n") {
		if n := utf8.RuneCountInString(line); n > width {
			if !neg {
				ts.Fatalf("line %d is %d characters wide, more than %d: %s", i+1, n, width, line)
			}
			return
		}
	}
	if neg {
		ts.Fatalf("every line fits in %d", width)
	}
}

// cmdSparse makes a file of the given size in bytes that holds nothing (a
// sparse file), for the size limits: `sparse big.yaml 67108865`.
func cmdSparse(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sparse FILE SIZE")
	}
	size, err := strconv.ParseInt(args[1], 10, 64)
	if err != nil {
		ts.Fatalf("sparse: %v", err)
	}
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(f.Truncate(size))
	ts.Check(f.Close())
}

// cmdXLSX prints a workbook as its reader sees it, one line a row:
// "Sheet!A5: cell | cell | ...", merged ranges as "Sheet merged A8:L8";
// the script then matches it with stdout: `xlsx svodka.xlsx`.
func cmdXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: xlsx FILE")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		ts.Check(err)
		for i, row := range rows {
			if len(row) > 0 {
				fmt.Fprintf(&b, "%s!A%d: %s\n", sheet, i+1, strings.Join(row, " | "))
			}
		}
		merged, err := f.GetMergeCells(sheet)
		ts.Check(err)
		for _, m := range merged {
			fmt.Fprintf(&b, "%s merged %s:%s\n", sheet, m.GetStartAxis(), m.GetEndAxis())
		}
	}
	_, err = ts.Stdout().Write([]byte(b.String()))
	ts.Check(err)
}
