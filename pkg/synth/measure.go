package synth

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"time"
)

// Usage is what a whole process cost.
type Usage struct {
	Wall, User, Sys time.Duration
	// PeakRSS is the peak resident set in bytes (0 where the system does
	// not tell: Windows).
	PeakRSS int64
}

// PeakEnv names the file a measured process writes its own peak RSS to
// (WritePeak). On Linux the rusage of a child counts the parent's
// resident set at the fork (the child shares its memory until exec), so
// a big test process would hide a small child's peak; the child's own
// VmHWM, read at exit, does not.
const PeakEnv = "ROADMAP_SYNTH_PEAK"

// WritePeak writes the process's peak RSS to the file PeakEnv names, if
// any and if the system tells it; call it just before exiting.
func WritePeak() {
	path := os.Getenv(PeakEnv)
	if path == "" {
		return
	}
	if b := selfPeak(); b > 0 {
		_ = os.WriteFile(path, []byte(strconv.FormatInt(b, 10)), 0o644)
	}
}

// Measure runs cmd to its end and returns its usage. Exit status 0 or 1
// (roadmap's "findings") is a finished run; any other is an error. The
// peak RSS is what the process wrote by WritePeak, else its rusage.
func Measure(cmd *exec.Cmd) (Usage, error) {
	peak, err := os.CreateTemp("", "peak-*")
	if err != nil {
		return Usage{}, err
	}
	peak.Close()
	defer os.Remove(peak.Name())
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, PeakEnv+"="+peak.Name())
	start := time.Now()
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil
	}
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		return Usage{}, err
	}
	u := Usage{Wall: wall, User: cmd.ProcessState.UserTime(), Sys: cmd.ProcessState.SystemTime(), PeakRSS: peakRSS(cmd.ProcessState)}
	if data, _ := os.ReadFile(peak.Name()); len(data) > 0 {
		if b, err := strconv.ParseInt(string(data), 10, 64); err == nil {
			u.PeakRSS = b
		}
	}
	if err != nil {
		return u, fmt.Errorf("%s: %w", cmd, err)
	}
	return u, nil
}

// MeasurePair runs the commands ours and base make n times each, taking
// turns (so that a machine shared with others weighs on both alike), and
// returns the run of median user time of each.
func MeasurePair(n int, ours, base func() *exec.Cmd) (Usage, Usage, error) {
	var o, b []Usage
	for range max(n, 1) {
		u, err := Measure(ours())
		if err != nil {
			return u, Usage{}, err
		}
		o = append(o, u)
		if u, err = Measure(base()); err != nil {
			return Usage{}, u, fmt.Errorf("baseline: %w", err)
		}
		b = append(b, u)
	}
	return median(o), median(b), nil
}

func median(runs []Usage) Usage {
	slices.SortFunc(runs, func(a, b Usage) int { return int(a.User - b.User) })
	return runs[len(runs)/2]
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
