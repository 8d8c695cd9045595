//go:build unix

package report_test

import (
	"os"
	"runtime"
	"syscall"
)

// childPeak is the peak RSS of a finished child, in bytes.
func childPeak(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) // bytes there, kilobytes on Linux
	}
	return int64(ru.Maxrss) * 1024
}
