//go:build unix

package report

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/diag"
)

// TestFIFOReport: a report named x.xlsx that is a FIFO is a finding at
// once (RM101), not a read that waits for a writer for ever.
func TestFIFOReport(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "отчёт.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan []diag.Finding, 1)
	go func() {
		fs, _ := Read(fifo, func(*Row) error { return nil })
		done <- fs
	}()
	select {
	case fs := <-done:
		if len(fs) != 1 || fs[0].Code != diag.ReportUnreadable {
			t.Errorf("findings %v, want one RM101", fs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO as a report hangs")
	}
}
