//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// openRead opens path for reading. A FIFO is opened without waiting for a
// writer (a named pipe nobody writes reads as empty instead of hanging);
// one that is written, as by `<(…)`, is read as it comes.
func openRead(path string) (*os.File, error) {
	if st, err := os.Stat(path); err == nil && st.Mode()&os.ModeNamedPipe != 0 {
		return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	}
	return os.Open(path)
}
