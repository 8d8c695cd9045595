package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
)

// BaselineEnv names the baseline a re-executed test binary runs instead
// of its tests (see RunBaseline).
const BaselineEnv = "ROADMAP_SYNTH_BASELINE"

// Baselines are the bare pieces of work ours is compared with, each run
// as a whole process like ours:
//
//	parse WORKERS PATH...    read and yaml.Node-parse every .yaml file under the paths
//	rows FILE                iterate every row of every sheet with excelize Rows, Columns once per row
//	stream FILE ROWS COLS    write ROWS×COLS cells (short strings and numbers) with StreamWriter
//	hello                    nothing: the start-up of a Go process
var Baselines = map[string]func(args []string) error{
	"parse":  bareParse,
	"rows":   bareRows,
	"stream": bareStream,
	"hello":  func([]string) error { return nil },
}

// BaselineCmd is the command that runs baseline name in a copy of the
// running binary (a test binary whose TestMain or init calls RunBaseline).
func BaselineCmd(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), BaselineEnv+"="+name)
	return cmd
}

// RunBaseline runs the baseline BaselineEnv names, with the process's
// arguments, and exits (2 when it fails: Measure takes 1 for findings);
// it returns at once when the variable is unset.
// Call it first thing in a test binary (TestMain or init).
func RunBaseline() {
	name := os.Getenv(BaselineEnv)
	if name == "" {
		return
	}
	f, ok := Baselines[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "synth: no baseline %q\n", name)
		os.Exit(2)
	}
	if err := f(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(2)
	}
	WritePeak()
	os.Exit(0)
}

// YAMLFiles lists the .yaml files under paths (files named are taken as
// they are), in lexical order.
func YAMLFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (path == p || strings.HasSuffix(path, ".yaml")) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func bareParse(args []string) error {
	if len(args) < 2 {
		return errors.New("usage: parse WORKERS PATH")
	}
	workers, err := strconv.Atoi(args[0])
	if err != nil {
		return err
	}
	files, err := YAMLFiles(args[1:])
	if err != nil {
		return err
	}
	jobs := make(chan string)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for path := range jobs {
				data, err := os.ReadFile(path)
				if err == nil {
					var n yaml.Node
					err = yaml.Unmarshal(data, &n)
				}
				if err != nil {
					select {
					case errs <- fmt.Errorf("%s: %w", path, err):
					default:
					}
				}
			}
		})
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

func bareRows(args []string) error {
	if len(args) != 1 {
		return errors.New("rows FILE")
	}
	f, err := excelize.OpenFile(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	cells := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			return err
		}
		for rows.Next() {
			cols, err := rows.Columns()
			if err != nil {
				return err
			}
			cells += len(cols)
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	if cells == 0 {
		return errors.New("no cells")
	}
	return nil
}

func bareStream(args []string) error {
	if len(args) != 3 {
		return errors.New("stream FILE ROWS COLS")
	}
	rows, err := strconv.Atoi(args[1])
	if err != nil {
		return err
	}
	cols, err := strconv.Atoi(args[2])
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	row := make([]any, cols)
	for r := range rows {
		for c := range row {
			if c%2 == 0 {
				row[c] = r + c
			} else {
				row[c] = "Никольский район"
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(args[0])
}
