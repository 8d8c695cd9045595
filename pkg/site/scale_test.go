//go:build scale && unix

package site_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/site"
	"github.com/roadmap-edu/roadmap/pkg/synth"
)

func TestMain(m *testing.M) {
	if os.Getenv(wrapEnv) != "" {
		os.Exit(wrap(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// wrapEnv makes the test binary run the command of its arguments and
// write that command's peak RSS where synth.Measure reads it: a child of
// this test process, big once it has loaded a country, would count its
// resident set (Go starts children in its memory until they exec); a
// freshly started wrapper has little to lend.
const wrapEnv = "ROADMAP_SITE_SCALE_WRAP"

func wrap(args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		os.Stderr.WriteString(err.Error() + "\n")
		return 2
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		if path := os.Getenv(synth.PeakEnv); path != "" {
			peak := int64(ru.Maxrss) * 1024 // kilobytes, but bytes on macOS
			if runtime.GOOS == "darwin" {
				peak = int64(ru.Maxrss)
			}
			_ = os.WriteFile(path, []byte(strconv.FormatInt(peak, 10)), 0o644)
		}
	}
	return cmd.ProcessState.ExitCode()
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAverage is the system's load over the last minute, as
// /proc/loadavg tells ("" elsewhere): the figures mean little without it.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(data))[0]
}

// liveHeap is what the last collection found alive.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// TestSiteScale (make bench): the site of 2,300 districts x 10 roadmaps
// builds in under a minute: the whole `roadmap site` run as a process of
// its own (loading, evaluating and building), then, in this process,
// site.Build alone beside its baseline, loading and evaluating the
// roadmaps and the report. ROADMAP_SITE_CPUPROFILE=file writes the CPU
// profile of site.Build there.
func TestSiteScale(t *testing.T) {
	dir := t.TempDir()
	rms, report := generate(t, dir, 2300, 10)

	// The whole command, through a wrapper (wrapEnv) for its own peak.
	bin := filepath.Join(dir, "roadmap")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/roadmap").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(os.Args[0], bin, "site", rms, "--report", report, "--as-of", "2022-07-01", "--history", "never", "-o", filepath.Join(dir, "cmd-public"))
	cmd.Env = append(os.Environ(), wrapEnv+"=1", "ROADMAP_LANG=ru", "NO_COLOR=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	load := loadAverage()
	whole, err := synth.Measure(cmd)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	t.Logf("roadmap site, the whole command: %v (user %v, sys %v), peak RSS %d MB (load average %s before)",
		whole.Wall.Round(time.Millisecond), whole.User.Round(time.Millisecond), whole.Sys.Round(time.Millisecond), whole.PeakRSS>>20, load)
	// The command's site stays until the end: with 122,000 files removed
	// just before, the build below spent 32 s of CPU creating its files,
	// where the whole command spent 10 s of system time (ext4 on a
	// shared disk).

	cpu0, wall0 := cpuTime(), time.Now()
	in := input(t, i18n.RU, rms, report)
	cpu1, wall1 := cpuTime(), time.Now()
	runtime.GC()
	live := liveHeap()
	if path := os.Getenv("ROADMAP_SITE_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
	}
	load = loadAverage()
	cpu2, wall2 := cpuTime(), time.Now()
	stats, err := site.Build(filepath.Join(dir, "public"), in)
	cpu3, wall3 := cpuTime(), time.Now()
	pprof.StopCPUProfile()
	if err != nil {
		t.Fatal(err)
	}
	loadTime, build := wall1.Sub(wall0), wall3.Sub(wall2)
	t.Logf("load and evaluate %d roadmaps, %d results: %v (cpu %v), %d MB live after", len(in.Roadmaps), len(in.Results), loadTime.Round(time.Millisecond), (cpu1 - cpu0).Round(time.Millisecond), live>>20)
	t.Logf("build %d pages, %d files: %v (cpu %v), %.2f x the load (load average %s before)", stats.Pages, stats.Files, build.Round(time.Millisecond), (cpu3 - cpu2).Round(time.Millisecond), float64(build)/float64(loadTime), load)
	if build > time.Minute {
		t.Errorf("the site took %v, more than a minute", build)
	}
	if whole.Wall > time.Minute {
		t.Errorf("roadmap site took %v, more than a minute", whole.Wall)
	}
}
