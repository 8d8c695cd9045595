package check

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sync"
	"syscall"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
	"github.com/roadmap-edu/roadmap/pkg/walk"
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
	for i, l := range out {
		if l.err != nil && files[i] != "-" {
			// One unreadable file (gone, no permission, too large) is a
			// finding; the others are still checked.
			res.Findings = append(res.Findings, diag.New(files[i], diag.Pos{}, diag.UnreadableFile, readReason(l.err)))
			continue
		}
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

// Expand turns paths into the list of roadmap files they name, in order.
// Files named explicitly are kept whatever their extension; directories
// are searched for *.yaml and *.yml, sorted, skipping hidden directories;
// "-" is stdin.
func Expand(paths []string) ([]string, error) {
	files, err := walk.Expand(paths, walk.Options{Exts: []string{".yaml", ".yml"}, Stdin: true})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, ErrNoFiles
	}
	return files, nil
}

// OnlyRoadmaps keeps of files those whose format key names a roadmap or
// an amendment file ("-" is kept): pre-commit hands every *.yaml of a
// repository, CI workflows and .pre-commit-config.yaml among them. A file
// that cannot be read is kept, so that checking it reports why.
func OnlyRoadmaps(files []string) []string {
	var out []string
	for _, f := range files {
		if f == "-" {
			out = append(out, f)
			continue
		}
		data, err := safefile.ReadFile(f, roadmap.MaxFileSize)
		format := roadmap.FormatOf(data)
		if err != nil || format == roadmap.FormatV1 || amendment.IsAmendment(data) {
			out = append(out, f)
		}
	}
	return out
}

// readReason words why a file could not be read, for RM034.
func readReason(err error) i18n.Msg {
	var tl *safefile.TooLargeError
	switch {
	case errors.As(err, &tl):
		return i18n.M("read.too_large", tl.Limit>>20)
	case errors.Is(err, fs.ErrNotExist):
		return i18n.M("read.not_found")
	case errors.Is(err, fs.ErrPermission):
		return i18n.M("read.permission")
	case errors.Is(err, syscall.EISDIR):
		return i18n.M("read.directory")
	case errors.Is(err, syscall.ELOOP):
		return i18n.M("read.loop")
	}
	return i18n.M("read.other")
}
