//go:build scale && unix

package site_test

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/site"
)

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestSiteScale (make bench): the site of 2,300 districts x 10 roadmaps
// builds in under a minute. Loading and evaluating the roadmaps and the
// report, the baseline, is measured in the same run and the ratio said.
func TestSiteScale(t *testing.T) {
	dir := t.TempDir()
	rms, report := generate(t, dir, 2300, 10)
	cpu0, wall0 := cpuTime(), time.Now()
	in := input(t, i18n.RU, rms, report)
	cpu1, wall1 := cpuTime(), time.Now()
	stats, err := site.Build(filepath.Join(dir, "public"), in)
	if err != nil {
		t.Fatal(err)
	}
	cpu2, wall2 := cpuTime(), time.Now()
	load, build := wall1.Sub(wall0), wall2.Sub(wall1)
	t.Logf("load and evaluate %d roadmaps, %d results: %v (cpu %v)", len(in.Roadmaps), len(in.Results), load.Round(time.Millisecond), (cpu1 - cpu0).Round(time.Millisecond))
	t.Logf("build %d pages, %d files: %v (cpu %v), %.2f x the load", stats.Pages, stats.Files, build.Round(time.Millisecond), (cpu2 - cpu1).Round(time.Millisecond), float64(build)/float64(load))
	if build > time.Minute {
		t.Errorf("the site took %v, more than a minute", build)
	}
}
