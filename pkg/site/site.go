// Package site owns `roadmap site`: a static website of the region's
// roadmaps for officials and the public — the region, each district, each
// roadmap with its activities (their history from git, when given),
// each executor — with inline SVG charts (package chart), semantic
// tables, and on every page the downloads of what it shows (xlsx, CSV
// and JSON from package render's writers, the order as .docx from
// package docx). Pages come from html/template with the stylesheet
// embedded; links are relative and nothing is fetched from elsewhere, so
// the site works from file:// and under any path. Output is
// deterministic and written as a whole (safefile.ReplaceDir) into a
// directory that is new, empty or an earlier site (Marker).
package site

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// Input is what a site is built from.
type Input struct {
	Roadmaps []*roadmap.Roadmap
	// Results evaluate every year of every roadmap (fulfil.Options
	// AllYears), reported or not.
	Results []fulfil.Result
	// History holds each roadmap file's revisions (by Roadmap.File),
	// oldest first; none when the input is not in a git repository.
	History map[string][]Revision
	AsOf    time.Time
	Lang    i18n.Lang
	// Stamp, if given, is printed at the foot of every page ("built
	// 2026-12-01 from commit abc123"); the site has no time of its own.
	Stamp string
}

// Revision is one commit that changed a roadmap file: what changed from
// the file's previous revision (Diff.Old nil for the first).
type Revision struct {
	Commit  string
	Date    roadmap.Date
	Subject string
	Diff    *diff.Result
}

// Marker is the file that marks a directory as a site this program
// wrote: only such a directory (or an empty one) is replaced.
const Marker = ".roadmap-site"

// NotSiteError is an output directory that holds other files than a
// site: replacing it could wipe a user's folder.
type NotSiteError struct{ Path string }

func (e *NotSiteError) Error() string { return e.Path + ": not empty and not a site" }

// Stats count what a build wrote.
type Stats struct {
	Pages, Files int
}

// Build writes the site into out.
func Build(out string, in Input) (Stats, error) {
	// Absolute: "-o ." must name the directory, not a "." beside it.
	dir := out
	if abs, err := filepath.Abs(out); err == nil {
		dir = abs
	}
	if err := checkOutput(dir); err != nil {
		var ns *NotSiteError
		if errors.As(err, &ns) {
			ns.Path = out
		}
		return Stats{}, err
	}
	s := newBuilder(in)
	err := safefile.ReplaceDir(dir, func(tmp string) error { return s.write(tmp) })
	return s.stats, err
}

// checkOutput allows a new directory, an empty one, or an earlier site.
func checkOutput(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		if st, statErr := os.Stat(out); statErr == nil && !st.IsDir() {
			return &NotSiteError{Path: out}
		}
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err == nil {
		return nil
	}
	return &NotSiteError{Path: out}
}

// files is a set of files being written: the pages' workers hand each
// file to writers of its own, which wait on the disk while the workers
// go on (creating a file took from 20 µs to 0.7 ms on a busy disk: a
// site's 122,000 files were most of its build's wall time on 2 cores).
type files struct {
	dir      string
	queue    chan file
	wg       sync.WaitGroup
	mu       sync.Mutex
	n, pages int
	err      error
}

// file is one file to write; its buffer goes back to buffers once
// written.
type file struct {
	path string
	buf  *bytes.Buffer
}

// writers is how many files are written at once; queued is how many
// may wait (their bytes held).
const (
	writers = 16
	queued  = 64
)

// buffers keep the files' buffers for reuse: without, growing them
// was a fifth of what a build allocated, and each collection scans the
// results held.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// newBuffer is an empty buffer for a file.
func newBuffer() *bytes.Buffer {
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func newFiles(dir string) *files {
	f := &files{dir: dir, queue: make(chan file, queued)}
	for range writers {
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			for job := range f.queue {
				f.write(job)
			}
		}()
	}
	return f
}

func (f *files) write(job file) {
	defer buffers.Put(job.buf)
	if f.failed() != nil {
		return
	}
	full := filepath.Join(f.dir, filepath.FromSlash(job.path))
	if err := os.WriteFile(full, job.buf.Bytes(), 0o644); err != nil {
		f.mu.Lock()
		if f.err == nil {
			f.err = err
		}
		f.mu.Unlock()
	}
}

// put writes one file of the site (path with slashes, relative) from
// buf, which it takes.
func (f *files) put(path string, buf *bytes.Buffer) {
	f.mu.Lock()
	f.n++
	if strings.HasSuffix(path, ".html") {
		f.pages++
	}
	f.mu.Unlock()
	f.queue <- file{path, buf}
}

// close waits for every file put to be written.
func (f *files) close() error {
	close(f.queue)
	f.wg.Wait()
	return f.failed()
}

func (f *files) failed() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// parallel runs jobs on every core, stopping at the first error.
func parallel(jobs []func() error) error {
	var (
		next int
		mu   sync.Mutex
		err  error
		wg   sync.WaitGroup
	)
	take := func() (func() error, bool) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil || next == len(jobs) {
			return nil, false
		}
		next++
		return jobs[next-1], true
	}
	for range min(runtime.GOMAXPROCS(0), max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				job, ok := take()
				if !ok {
					return
				}
				if e := job(); e != nil {
					mu.Lock()
					if err == nil {
						err = e
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return err
}

// mkdirs makes the site's directories.
func mkdirs(dir string, paths ...string) error {
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(p)), 0o755); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	return nil
}
