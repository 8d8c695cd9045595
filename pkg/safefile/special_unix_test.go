//go:build unix

package safefile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestWriteThroughSymlink: the target gets the content, the link stays.
func TestWriteThroughSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real.yaml"), filepath.Join(dir, "link.yaml")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", st, err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("target holds %q", got)
	}
}

// TestFIFO: writing to a FIFO writes into it and keeps it a FIFO; reading
// a FIFO nobody writes returns at once, empty, instead of hanging.
func TestFIFO(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	start := time.Now()
	data, err := ReadFile(fifo, 1<<20)
	if err != nil || len(data) != 0 || time.Since(start) > 2*time.Second {
		t.Fatalf("reading an unwritten FIFO: %q, %v after %v", data, err, time.Since(start))
	}
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	// A pipe's two ends wait for each other: a fault fails the test in
	// seconds instead of hanging it.
	wrote := make(chan error, 1)
	go func() {
		wrote <- Write(fifo, func(w io.Writer) error { _, err := w.Write([]byte("через канал")); return err })
	}()
	select {
	case err := <-wrote:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("writing into the FIFO did not end")
	}
	select {
	case b := <-got:
		if string(b) != "через канал" {
			t.Errorf("the reader got %q", b)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the FIFO's reader got no end of file")
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st, err)
	}
}
