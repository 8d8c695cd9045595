//go:build unix

package safefile

import (
	"errors"
	"syscall"
)

// alive reports whether process pid runs (a signal 0 reaches it, or it is
// someone else's).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
