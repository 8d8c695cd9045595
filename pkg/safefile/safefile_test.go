package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestWriteReplacesOnlyOnSuccess(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("failed write changed the file: %q", got)
	}
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want new with mode 0600 kept", got, info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestCreateNeverReplaces(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := Create(path, write("first")); err != nil {
		t.Fatal(err)
	}
	if err := Create(path, write("second")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second Create: err = %v, want fs.ErrExist", err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "first" || info.Mode().Perm() != 0o644 {
		t.Errorf("got %q mode %v, want first with mode 0644", got, info.Mode().Perm())
	}
	boom := errors.New("boom")
	if err := Create(filepath.Join(dir, "new.txt"), func(io.Writer) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("failing write: err = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left besides out.txt: %v", entries)
	}
}

func TestReadLimits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string
		limit   int64
		// size is the TooLargeError's Size: known for a file, not for a stream.
		size   int64
		tooBig bool
	}{
		{"empty", "", 0, 0, false},
		{"under", "abc", 4, 0, false},
		{"at the limit", "abcd", 4, 0, false},
		{"one over", "abcde", 4, 5, true},
		{"far over", strings.Repeat("x", 10000), 100, 10000, true},
	}
	for i, tt := range tests {
		path := filepath.Join(dir, fmt.Sprint(i))
		if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
			t.Fatal(err)
		}
		fromFile, fileErr := ReadFile(path, tt.limit)
		// A reader that is no file: its size is learnt by reading.
		fromStream, streamErr := ReadAll(strings.NewReader(tt.content), "-", tt.limit)
		for _, c := range []struct {
			how  string
			data []byte
			err  error
			name string
			size int64
		}{{"ReadFile", fromFile, fileErr, path, tt.size}, {"ReadAll", fromStream, streamErr, "-", 0}} {
			if !tt.tooBig {
				if c.err != nil || string(c.data) != tt.content {
					t.Errorf("%s: %s = %q, %v; want the content", tt.name, c.how, c.data, c.err)
				}
				continue
			}
			var tl *TooLargeError
			if !errors.Is(c.err, ErrTooLarge) || !errors.As(c.err, &tl) {
				t.Errorf("%s: %s err = %v, want ErrTooLarge", tt.name, c.how, c.err)
				continue
			}
			if tl.Name != c.name || tl.Limit != tt.limit || tl.Size != c.size {
				t.Errorf("%s: %s = %+v, want name %s, limit %d, size %d", tt.name, c.how, tl, c.name, tt.limit, c.size)
			}
		}
	}
}

// TestReadAllStopsAtLimit: an endless stream is read to limit+1 bytes.
func TestReadAllStopsAtLimit(t *testing.T) {
	t.Parallel()
	r := &countingReader{}
	if _, err := ReadAll(r, "endless", 1<<20); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v", err)
	}
	if r.n != 1<<20+1 {
		t.Errorf("read %d bytes, want %d", r.n, 1<<20+1)
	}
}

type countingReader struct{ n int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	r.n += int64(len(p))
	return len(p), nil
}

func TestReadFileMissing(t *testing.T) {
	t.Parallel()
	_, err := ReadFile(filepath.Join(t.TempDir(), "none"), 10)
	var pe *fs.PathError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want a not-exist *fs.PathError", err)
	}
}

// TestWriteReplaceError: when the finished file cannot take the target's
// place, the error names the target, never the temporary file, and no
// temporary file is left.
func TestWriteReplaceError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "сводка.xlsx")
	// What takes the place while the file is written: a directory, which
	// no rename replaces.
	err := Write(target, func(w io.Writer) error {
		if err := os.MkdirAll(filepath.Join(target, "busy"), 0o755); err != nil {
			return err
		}
		_, err := w.Write([]byte("x"))
		return err
	})
	var re *ReplaceError
	if !errors.As(err, &re) || re.Path != target {
		t.Fatalf("error %v, want a ReplaceError for %s", err, target)
	}
	if strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("the message names the temporary file: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left in %s: %v", dir, entries)
	}
}

// TestWriteNamesTheUsersFile: a directory that cannot be written gives an
// error naming the file asked for, not the temporary one.
func TestWriteNamesTheUsersFile(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("root writes anywhere")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	target := filepath.Join(dir, "сводка.xlsx")
	err := Write(target, func(w io.Writer) error { return nil })
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != target || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("error %v, want a permission error on %s", err, target)
	}
}

func TestUserPath(t *testing.T) {
	t.Parallel()
	tmpErr := &fs.PathError{Op: "open", Path: "/d/.сводка.xlsx.tmp-1033534342", Err: fs.ErrPermission}
	if err := userPath(tmpErr, "/d/сводка.xlsx"); err.Error() != "open /d/сводка.xlsx: permission denied" {
		t.Errorf("temporary name kept: %v", err)
	}
	other := &fs.PathError{Op: "open", Path: "/d/отчёт.xlsx", Err: fs.ErrNotExist}
	if err := userPath(other, "/d/сводка.xlsx"); err != other {
		t.Errorf("an error about another file changed: %v", err)
	}
}

// TestStaleTemporariesRemoved: a write removes the temporary files killed
// runs left in its directory over an hour ago, and no fresh one.
func TestStaleTemporariesRemoved(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "сводка [1].xlsx")
	old := filepath.Join(dir, ".сводка [1].xlsx.tmp-111")
	// A fresh one of a running process (this one) stays.
	fresh := filepath.Join(dir, fmt.Sprintf(".сводка [1].xlsx.tmp-%d-222", os.Getpid()))
	other := filepath.Join(dir, ".другая.xlsx.tmp-333")
	for _, p := range []string{old, fresh, other} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hourAgo := time.Now().Add(-2 * time.Hour)
	for _, p := range []string{old, other} {
		if err := os.Chtimes(p, hourAgo, hourAgo); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(target, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{old, other} {
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("the stale temporary file %s is still there: %v", p, err)
		}
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("the fresh one was removed: %v", err)
	}
}

// TestCleanupRemovesInFlight: what an interrupted run leaves (a write's
// temporary file while write runs) is removed by Cleanup, and the target
// is untouched.
func TestCleanupRemovesInFlight(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "сводка.xlsx")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(target, func(w io.Writer) error {
		if _, err := w.Write([]byte("half")); err != nil {
			return err
		}
		Cleanup() // what the signal handler does, before the program exits
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("left in the directory after Cleanup: %v", entries)
		}
		return errors.New("interrupted")
	})
	if err == nil {
		t.Fatal("the write succeeded")
	}
	if got, _ := os.ReadFile(target); string(got) != "old" {
		t.Errorf("the target holds %q", got)
	}
}

// TestConcurrentWritersOneWholeFile: writers of one path at once end with
// one of their contents whole, never a mix, and no temporary file left.
func TestConcurrentWritersOneWholeFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "сводка.xlsx")
	contents := make([][]byte, 8)
	for i := range contents {
		contents[i] = bytes.Repeat([]byte{byte('a' + i)}, 1<<20)
	}
	var wg sync.WaitGroup
	for _, c := range contents {
		wg.Go(func() {
			if err := Write(target, func(w io.Writer) error { _, err := w.Write(c); return err }); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	got, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	whole := false
	for _, c := range contents {
		whole = whole || bytes.Equal(got, c)
	}
	if !whole {
		t.Errorf("the file is no writer's whole content (%d bytes)", len(got))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the directory: %v", entries)
	}
}

// TestWriteOntoDirectory: an output that is a directory is refused before
// anything is written, as "is a directory" (a rename would say "file
// exists"), and the directory is left as it was.
func TestWriteOntoDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "сводка.xlsx")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	called := false
	err := Write(out, func(w io.Writer) error { called = true; return nil })
	if !errors.Is(err, syscall.EISDIR) || called {
		t.Fatalf("err = %v (written: %v), want EISDIR before writing", err, called)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left %d entries", len(entries))
	}
}
