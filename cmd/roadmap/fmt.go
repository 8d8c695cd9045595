package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
	"github.com/roadmap-edu/roadmap/pkg/yamlfmt"
)

// fmtCmd is `roadmap fmt`: the canonical layout of roadmap files.
type fmtCmd struct {
	app          *app
	check        bool
	inPlace      bool
	roadmapsOnly bool
}

func newFmtCmd(a *app) *fmtCmd { return &fmtCmd{app: a} }

func (c *fmtCmd) command() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "fmt [PATH...]",
		Short:   c.app.t("fmt.short"),
		Long:    c.app.t("fmt.long"),
		Example: c.app.t("fmt.example"),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(args)
		},
	}
	cmd.Flags().BoolVar(&c.check, "check", false, c.app.t("flag.fmt_check"))
	cmd.Flags().BoolVar(&c.roadmapsOnly, "roadmaps-only", false, c.app.t("flag.roadmaps_only"))
	cmd.Flags().BoolVarP(&c.inPlace, "in-place", "w", false, c.app.t("flag.fmt_in_place"))
	return cmd
}

func (c *fmtCmd) run(paths []string) error {
	if c.check && c.inPlace {
		return usageError{errors.New(c.app.t("err.fmt_flags"))}
	}
	if len(paths) == 0 {
		paths = []string{"roadmaps"}
	}
	files, err := check.Expand(paths)
	if err != nil {
		return err
	}
	if c.roadmapsOnly {
		files = check.OnlyRoadmaps(files)
	}
	if !c.check && !c.inPlace && len(files) > 1 {
		return usageError{errors.New(c.app.t("err.fmt_many"))}
	}
	lessGC()
	done := make(chan struct{})
	defer close(done)
	next := c.formatAll(files, done)
	var unformatted []string
	for i, file := range files {
		f := next(i)
		out, err := f.out, f.err
		if err != nil {
			return err
		}
		if f.broken {
			return fmt.Errorf("%s: %s", file, c.app.t("err.fmt_broken"))
		}
		switch {
		case c.check:
			if !f.same {
				unformatted = append(unformatted, file)
				fmt.Fprintln(c.app.stdout, file)
			}
		case c.inPlace && file != "-":
			if f.same {
				continue
			}
			if err := safefile.Write(file, func(w io.Writer) error { _, err := w.Write(out); return err }); err != nil {
				return err
			}
			fmt.Fprintln(c.app.info(), c.app.t("fmt.written", file))
		default:
			if _, err := c.app.stdout.Write(out); err != nil {
				return err
			}
		}
	}
	if len(unformatted) > 0 {
		fmt.Fprintln(c.app.info(), c.app.t("fmt.unformatted", len(unformatted)))
		return errFindings
	}
	return nil
}

// formatted is one file read and laid out: same when out is data (a
// formatted file costs no encoding), broken when it is not well-formed
// YAML, err an I/O error.
type formatted struct {
	out    []byte
	same   bool
	broken bool
	err    error
}

// formatAll reads and formats files on every processor, a few files
// ahead of the caller, who takes the results in file order with next (so
// output and side effects stay in order); closing done stops the work.
func (c *fmtCmd) formatAll(files []string, done <-chan struct{}) (next func(i int) formatted) {
	results := make([]chan formatted, len(files))
	for i := range results {
		results[i] = make(chan formatted, 1)
	}
	workers := min(runtime.GOMAXPROCS(0), len(files))
	ahead := make(chan struct{}, 2*workers)
	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case ahead <- struct{}{}:
			case <-done:
				return
			}
			select {
			case jobs <- i:
			case <-done:
				return
			}
		}
	}()
	for range workers {
		go func() {
			for i := range jobs {
				data, err := roadmap.ReadFile(files[i], c.app.stdin)
				f := formatted{err: err}
				if err == nil {
					var ferr error
					f.out, f.same, ferr = yamlfmt.Formatted(data)
					f.broken = ferr != nil
				}
				results[i] <- f
			}
		}()
	}
	return func(i int) formatted {
		f := <-results[i]
		<-ahead
		return f
	}
}
