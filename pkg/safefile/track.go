package safefile

import (
	"os"
	"sync"
)

// inFlight are the temporary files and directories of writes and reads in
// progress, so that an interrupted run can remove them (Cleanup).
var inFlight sync.Map

// Track records a temporary path of the running program; Untrack forgets
// it once it is renamed into place or removed.
func Track(path string) { inFlight.Store(path, true) }

// Untrack forgets a path Track recorded.
func Untrack(path string) { inFlight.Delete(path) }

// Cleanup removes every tracked temporary path: what a run stopped by
// Ctrl+C or SIGTERM must not leave behind.
func Cleanup() {
	inFlight.Range(func(k, _ any) bool {
		os.RemoveAll(k.(string))
		inFlight.Delete(k)
		return true
	})
}
