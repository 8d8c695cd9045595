package check

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// ErrNoFiles is returned when the paths hold no roadmap file.
var ErrNoFiles = errors.New("no roadmap files (*.yaml, *.yml) found")

// Result is the outcome of checking a set of files.
type Result struct {
	// Roadmaps that could be decoded, in file order.
	Roadmaps []*roadmap.Roadmap
	// Findings of every file, sorted.
	Findings []diag.Finding
	// Files checked, in order.
	Files []string
}

// Run checks the roadmap files at paths: files, directories (searched
// recursively for *.yaml and *.yml) or "-" for stdin. The error is for
// usage and I/O problems (a missing path, an unreadable file).
func Run(paths []string, stdin io.Reader) (*Result, error) {
	files, err := Expand(paths)
	if err != nil {
		return nil, err
	}
	type loaded struct {
		r   *roadmap.Roadmap
		fs  []diag.Finding
		err error
		// amendment holds an amendment file's bytes: it is checked against
		// the roadmaps once they are all loaded.
		amendment []byte
	}
	out := make([]loaded, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range next {
				data, err := roadmap.ReadFile(files[i], stdin)
				if err != nil {
					out[i] = loaded{err: err}
					continue
				}
				if amendment.IsAmendment(data) {
					out[i] = loaded{amendment: data}
					continue
				}
				r, fs := roadmap.Parse(files[i], data)
				if r != nil {
					fs = append(fs, Roadmap(r)...)
				}
				out[i] = loaded{r: r, fs: fs}
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	res := &Result{Files: files}
	var errs []error
	for _, l := range out {
		if l.err != nil {
			errs = append(errs, l.err)
			continue
		}
		res.Findings = append(res.Findings, l.fs...)
		if l.r != nil {
			res.Roadmaps = append(res.Roadmaps, l.r)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	res.Findings = append(res.Findings, Across(res.Roadmaps)...)
	for i, l := range out {
		if l.amendment != nil {
			_, fs := amendment.CheckFile(files[i], l.amendment, res.Roadmaps)
			res.Findings = append(res.Findings, fs...)
		}
	}
	diag.Sort(res.Findings)
	return res, nil
}

// Across runs the rules that concern several roadmaps: a roadmap id must
// be unique in the repository, since reports and consolidation use it.
func Across(rs []*roadmap.Roadmap) []diag.Finding {
	var fs []diag.Finding
	first := map[string]*roadmap.Roadmap{}
	for _, r := range rs {
		if r.ID == "" {
			continue
		}
		if prev, dup := first[r.ID]; dup {
			fs = append(fs, diag.New(r.File, r.Pos("id"), diag.DuplicateRoadmapID, r.ID,
				fmt.Sprintf("%s:%d", prev.File, prev.Pos("id").Line)))
			continue
		}
		first[r.ID] = r
	}
	return fs
}

// Expand turns paths into the sorted list of roadmap files they name.
// Files named explicitly are kept whatever their extension; directories
// are searched for *.yaml and *.yml, skipping hidden directories.
func Expand(paths []string) ([]string, error) {
	var files []string
	seen := map[string]bool{}
	addFile := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		if p == "-" {
			addFile(p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			addFile(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if ext := strings.ToLower(filepath.Ext(path)); ext == ".yaml" || ext == ".yml" {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(found)
		for _, f := range found {
			addFile(f)
		}
	}
	if len(files) == 0 {
		return nil, ErrNoFiles
	}
	return files, nil
}
