package synth

import (
	"fmt"
	"io"
	"os/exec"
	"slices"
	"time"
)

// Usage is what a whole process cost.
type Usage struct {
	Wall, User, Sys time.Duration
	// PeakRSS is the peak resident set in bytes (0 where the system does
	// not tell: Windows).
	PeakRSS int64
}

// Measure runs cmd to its end and returns its usage; a process that
// fails is an error carrying its standard error.
func Measure(cmd *exec.Cmd) (Usage, error) {
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		return Usage{}, err
	}
	u := Usage{Wall: wall, User: cmd.ProcessState.UserTime(), Sys: cmd.ProcessState.SystemTime(), PeakRSS: peakRSS(cmd.ProcessState)}
	if err != nil {
		return u, fmt.Errorf("%s: %w", cmd, err)
	}
	return u, nil
}

// MeasureMedian runs the command newCmd makes n times and returns the run
// of median user time.
func MeasureMedian(n int, newCmd func() *exec.Cmd) (Usage, error) {
	var runs []Usage
	for range max(n, 1) {
		u, err := Measure(newCmd())
		if err != nil {
			return u, err
		}
		runs = append(runs, u)
	}
	slices.SortFunc(runs, func(a, b Usage) int { return int(a.User - b.User) })
	return runs[len(runs)/2], nil
}

// Row is one line of a bench table: a piece of work, ours and its bare
// baseline measured in the same run.
type Row struct {
	Work, Baseline string
	Ours, Base     Usage
}

// Ratio is our user time over the baseline's.
func (r Row) Ratio() float64 {
	if r.Base.User <= 0 {
		return 0
	}
	return float64(r.Ours.User) / float64(r.Base.User)
}

// WriteTable writes rows as a Markdown table, the form docs/performance.md
// keeps them in.
func WriteTable(w io.Writer, rows []Row) error {
	_, err := fmt.Fprintln(w, "| work | ours (wall / user) | baseline | baseline (wall / user) | ratio (user time) | our peak RSS | baseline peak RSS |\n|---|---|---|---|---|---|---|")
	for _, r := range rows {
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "| %s | %s / %s | %s | %s / %s | %.2fx | %s | %s |\n", r.Work,
			secs(r.Ours.Wall), secs(r.Ours.User), r.Baseline, secs(r.Base.Wall), secs(r.Base.User),
			r.Ratio(), mb(r.Ours.PeakRSS), mb(r.Base.PeakRSS))
	}
	return err
}

func secs(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func mb(b int64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f MB", float64(b)/1e6)
}
