// Package safefile owns the file I/O every command shares: writing an
// output file safely (the content goes to a temporary file beside the
// target and takes its place only when complete, so a failure never
// leaves a half-written file or a damaged original) and reading an input
// with a bound on its size (a file of hundreds of megabytes is a mistake,
// and must not be read into memory whole).
package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Write creates or replaces path with what write produces. The file is
// replaced only if write and every step after it succeed. A new file gets
// mode 0644; a replaced one keeps its mode.
func Write(path string, write func(io.Writer) error) error {
	if target, err := filepath.EvalSymlinks(path); err == nil && target != path {
		// Through a symlink to its target: the link stays a link.
		path = target
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		// Refused before anything is made (rename would say "file exists").
		return &fs.PathError{Op: "write", Path: path, Err: syscall.EISDIR}
	} else if err == nil && !st.Mode().IsRegular() {
		// A device or a FIFO (/dev/null, a pipe) is written to as it is:
		// renaming over it would replace the node with a regular file.
		return writeDirect(path, write)
	}
	tmp, err := writeTemp(path, write)
	if err != nil {
		return err
	}
	defer Untrack(tmp)
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return &ReplaceError{Path: path, Err: err}
	}
	return nil
}

// writeDirect writes to a device or FIFO in place.
func writeDirect(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ReplaceError is a finished output that could not take the place of
// path: on Windows, a file another program (Excel, Word) holds open. It
// names the user's file, never the temporary one.
type ReplaceError struct {
	Path string
	Err  error
}

func (e *ReplaceError) Error() string { return "replace " + e.Path + ": " + errText(e.Err) }

func (e *ReplaceError) Unwrap() error { return e.Err }

// errText is an OS error without the paths it names.
func errText(err error) string {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// renameTries and renameWait: how long a rename is retried when the target
// is held open (editors and antivirus scanners let go within moments).
const (
	renameTries = 10
	renameWait  = 100 * time.Millisecond
)

// rename replaces path with tmp, retrying a refused rename briefly, as
// editors do on Windows, where a file open in another program cannot be
// replaced.
func rename(tmp, path string) error {
	var err error
	for i := 0; i < renameTries; i++ {
		if err = os.Rename(tmp, path); err == nil || !errors.Is(err, fs.ErrPermission) {
			return err
		}
		time.Sleep(renameWait)
	}
	return err
}

// Create is Write for a file that must not exist yet: when path exists,
// even if it appears while write runs, it is left alone and the error
// wraps fs.ErrExist.
func Create(path string, write func(io.Writer) error) error {
	tmp, err := writeTemp(path, write)
	if err != nil {
		return err
	}
	defer Untrack(tmp)
	defer os.Remove(tmp)
	// A link, unlike a rename, fails when its target exists.
	err = os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// A file system without hard links: check, then rename.
	if _, statErr := os.Lstat(path); statErr == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	return os.Rename(tmp, path)
}

// writeTemp writes a temporary file beside path, complete and synced, and
// returns its name; on failure it leaves nothing behind.
func writeTemp(path string, write func(io.Writer) error) (name string, err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	removeStale(dir)
	// The writer's process id is in the name: a sweep can tell the
	// temporary file of a killed run from one being written.
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-"+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return "", userPath(err, path)
	}
	Track(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			Untrack(tmp.Name())
			err = userPath(err, path)
		}
	}()
	if err = write(tmp); err != nil {
		return "", err
	}
	mode := os.FileMode(0o644)
	if info, statErr := os.Stat(path); statErr == nil {
		mode = info.Mode().Perm()
	}
	if err = tmp.Chmod(mode); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return "", err
	}
	if err = tmp.Sync(); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// gone reports whether the temporary file name was written by a process
// that no longer runs (its id follows ".tmp-"); false when unknown.
func gone(name string) bool {
	_, rest, ok := strings.Cut(name, ".tmp-")
	if !ok {
		return false
	}
	pid, err := strconv.Atoi(strings.SplitN(rest, "-", 2)[0])
	if err != nil || pid <= 0 || pid == os.Getpid() {
		return false
	}
	return !alive(pid)
}

// staleAge is how old a temporary file of ours must be to be taken for
// the leftover of a killed run: no write takes that long.
const staleAge = time.Hour

// swept holds the directories removeStale has cleaned in this run.
var swept sync.Map

// removeStale removes the temporary files a killed run left in dir
// (".name.tmp-*", older than staleAge): they are ours, and a later check
// must not find them.
func removeStale(dir string) {
	// Once per directory and run: `fmt --in-place` of thousands of files
	// must not list their directory for each.
	if _, done := swept.LoadOrStore(dir, true); done {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || !e.Type().IsRegular() && !e.IsDir() {
			continue
		}
		if base, pid, ok := asideOf(name); ok && e.IsDir() {
			// ReplaceDir's old directory, set aside by a run killed before
			// it removed it: back in place if the new one never came.
			if pid != os.Getpid() && !alive(pid) {
				if _, err := os.Lstat(filepath.Join(dir, base)); errors.Is(err, fs.ErrNotExist) {
					os.Rename(filepath.Join(dir, name), filepath.Join(dir, base))
				} else {
					os.RemoveAll(filepath.Join(dir, name))
				}
			}
			continue
		}
		if !strings.Contains(name, ".tmp-") {
			continue
		}
		// A directory (ReplaceDir's) only when its writer is known gone:
		// a whole tree is not removed by its age alone.
		if e.IsDir() {
			if gone(name) {
				os.RemoveAll(filepath.Join(dir, name))
			}
		} else if st, err := e.Info(); err == nil && (gone(name) || time.Since(st.ModTime()) > staleAge) {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// asideOf reads ReplaceDir's name for an old directory set aside,
// ".base.old-pid".
func asideOf(name string) (base string, pid int, ok bool) {
	i := strings.LastIndex(name, ".old-")
	if i <= 1 {
		return "", 0, false
	}
	pid, err := strconv.Atoi(name[i+len(".old-"):])
	if err != nil || pid <= 0 {
		return "", 0, false
	}
	return name[1:i], pid, true
}

// userPath makes an error about the temporary file name the user's file:
// a message must never show ".сводка.xlsx.tmp-1033534342".
func userPath(err error, path string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.Contains(filepath.Base(pe.Path), ".tmp-") {
		return &fs.PathError{Op: pe.Op, Path: path, Err: pe.Err}
	}
	return err
}

// ErrTooLarge is wrapped by the error of ReadFile and ReadAll for content
// over their limit.
var ErrTooLarge = errors.New("file too large")

// TooLargeError is content over a reader's limit.
type TooLargeError struct {
	// Name is the path read, or the name given to ReadAll.
	Name string
	// Limit is the most bytes that were allowed.
	Limit int64
	// Size is the file's size when it was known before reading, else 0.
	Size int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: %v (over %d bytes)", e.Name, ErrTooLarge, e.Limit)
}

func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// ReadFile reads the file at path, refusing one over limit bytes: a
// regular file by its size before reading, anything else (a pipe, a
// device) after reading at most limit+1 bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := openRead(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if size = st.Size(); size > limit {
			return nil, &TooLargeError{Name: path, Limit: limit, Size: size}
		}
	}
	return readAll(f, path, limit, size)
}

// ReadAll reads r to its end, refusing content over limit bytes after
// reading at most limit+1 of them; name names r in the error.
func ReadAll(r io.Reader, name string, limit int64) ([]byte, error) {
	return readAll(r, name, limit, 0)
}

// readAll reads like ReadAll into a buffer made for size bytes, the size
// expected, so that a known file is read without regrowing the buffer.
func readAll(r io.Reader, name string, limit, size int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(size, limit)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, &TooLargeError{Name: name, Limit: limit}
	}
	return buf.Bytes(), nil
}
