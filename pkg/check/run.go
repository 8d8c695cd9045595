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

	// decoded are the files that gave a roadmap, in order, and stdin the
	// roadmap read from standard input, which cannot be read again: what
	// Each goes over.
	decoded []string
	stdin   *roadmap.Roadmap
}

// Run checks the roadmap files at paths: files, directories (searched
// recursively for *.yaml and *.yml) or "-" for stdin. The error is for
// usage and I/O problems (a missing path, an unreadable file). The result
// keeps every decoded roadmap; see RunWith for a check that does not.
func Run(paths []string, stdin io.Reader) (*Result, error) {
	return RunWith(paths, stdin, Options{Roadmaps: true})
}

// Options say what a run keeps.
type Options struct {
	// Roadmaps keeps the decoded roadmaps in Result.Roadmaps. Without it
	// a file's roadmap is dropped once its rules have run, and the rules
	// across files keep only ids and their positions: a country's 23,000
	// files are checked in the memory of a few.
	Roadmaps bool
	// Each, when set, is given every decoded roadmap in file order (the
	// order of Result.Roadmaps) as the run goes, once its file's rules
	// have run: a command uses it and lets it go. It is called from one
	// goroutine, and the files being read run at most a few ahead of it.
	// Each must not change the roadmap.
	Each func(*roadmap.Roadmap)
}

// RunWith is Run keeping what o says; the findings are the same.
func RunWith(paths []string, stdin io.Reader, o Options) (*Result, error) {
	files, err := Expand(paths)
	if err != nil {
		return nil, err
	}
	out := make([]loaded, len(files))
	inOrder(len(files), func(i int) loaded {
		data, err := roadmap.ReadFile(files[i], stdin)
		if err != nil {
			return loaded{err: err}
		}
		if amendment.IsAmendment(data) {
			return loaded{amendment: data}
		}
		r, fs := roadmap.Parse(files[i], data)
		l := loaded{fs: fs, r: r}
		if r != nil {
			l.fs = append(l.fs, Roadmap(r)...)
			l.id = idAt{file: r.File, id: r.ID, pos: r.Pos("id")}
		}
		return l
	}, func(i int, l loaded) {
		if l.r != nil {
			if o.Each != nil {
				o.Each(l.r)
			}
			// Standard input cannot be read again for an amendment or
			// for Each: its roadmap is kept.
			if !o.Roadmaps && files[i] != "-" {
				l.r = nil
			}
		}
		out[i] = l
	})

	res := &Result{Files: files}
	var (
		errs []error
		ids  []idAt
		// decoded are the files that gave a roadmap, kept or not.
		decoded       []int
		hasAmendments bool
	)
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
		if l.id.file != "" {
			ids = append(ids, l.id)
			decoded = append(decoded, i)
			res.decoded = append(res.decoded, files[i])
			if files[i] == "-" {
				res.stdin = l.r
			}
		}
		if l.r != nil && o.Roadmaps {
			res.Roadmaps = append(res.Roadmaps, l.r)
		}
		hasAmendments = hasAmendments || l.amendment != nil
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	res.Findings = append(res.Findings, across(ids)...)
	if hasAmendments {
		rs := res.Roadmaps
		if !o.Roadmaps {
			var err error
			if rs, err = amended(files, out, ids, decoded); err != nil {
				return nil, err
			}
		}
		for i, l := range out {
			if l.amendment != nil {
				_, fs := amendment.CheckFile(files[i], l.amendment, rs)
				res.Findings = append(res.Findings, fs...)
			}
		}
	}
	diag.Sort(res.Findings)
	return res, nil
}

// Each hands fn every roadmap the run decoded, again, in file order (the
// order of Result.Roadmaps and of Options.Each): those kept as they are,
// the others read and parsed again, a few files at a time, so that a
// second pass over a country's files holds a few of them. The error is
// for a file that can no longer be read; a file that no longer gives a
// roadmap is passed over.
func (r *Result) Each(fn func(*roadmap.Roadmap)) error {
	if len(r.Roadmaps) == len(r.decoded) {
		for _, rm := range r.Roadmaps {
			fn(rm)
		}
		return nil
	}
	type again struct {
		r   *roadmap.Roadmap
		err error
	}
	var first error
	inOrder(len(r.decoded), func(i int) again {
		if r.decoded[i] == "-" {
			return again{r: r.stdin}
		}
		data, err := roadmap.ReadFile(r.decoded[i], nil)
		if err != nil {
			return again{err: err}
		}
		rm, _ := roadmap.Parse(r.decoded[i], data)
		return again{r: rm}
	}, func(_ int, a again) {
		switch {
		case first != nil:
		case a.err != nil:
			first = a.err
		case a.r != nil:
			fn(a.r)
		}
	})
	return first
}

// inOrder runs work(i) for i in [0, n) on GOMAXPROCS goroutines and hands
// each result to done, in order of i, on the calling goroutine. At most
// a window of results wait for done: with done keeping nothing, memory is
// that of the few files in hand, however many there are.
func inOrder[T any](n int, work func(i int) T, done func(i int, v T)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers == 0 {
		return
	}
	window := 4 * workers
	slots := make([]chan T, window)
	for i := range slots {
		slots[i] = make(chan T, 1)
	}
	// tokens bound the results made and not yet done: result i+window is
	// started only once i is done, so its slot is free.
	tokens := make(chan struct{}, window)
	next := make(chan int)
	go func() {
		for i := range n {
			tokens <- struct{}{}
			next <- i
		}
		close(next)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				slots[i%window] <- work(i)
			}
		})
	}
	for i := range n {
		v := <-slots[i%window]
		<-tokens
		done(i, v)
	}
	wg.Wait()
}

// idAt is a roadmap's id where its file gives it: all the rules across
// files need.
type idAt struct {
	file, id string
	pos      diag.Pos
}

// loaded is what a worker made of one file.
type loaded struct {
	// r is the roadmap, when kept.
	r   *roadmap.Roadmap
	id  idAt
	fs  []diag.Finding
	err error
	// amendment holds an amendment file's bytes: it is checked against
	// the roadmaps once they are all loaded.
	amendment []byte
}

// amended gives the roadmaps to check amendment files against when they
// were not kept (decoded[k] is the file of ids[k]): the roadmaps the
// amendments name are read again, the others stand as their ids alone,
// which is all an amendment naming another roadmap needs (the
// did-you-mean among the ids).
func amended(files []string, out []loaded, ids []idAt, decoded []int) ([]*roadmap.Roadmap, error) {
	named := map[string]bool{}
	for i, l := range out {
		if l.amendment != nil {
			if a, _ := amendment.Parse(files[i], l.amendment); a != nil {
				named[a.Roadmap] = true
			}
		}
	}
	rs := make([]*roadmap.Roadmap, len(decoded))
	for k, i := range decoded {
		r := out[i].r
		if r == nil && named[ids[k].id] {
			data, err := roadmap.ReadFile(files[i], nil)
			if err != nil {
				return nil, err
			}
			r, _ = roadmap.Parse(files[i], data)
		}
		if r == nil {
			r = &roadmap.Roadmap{ID: ids[k].id, File: ids[k].file}
		}
		rs[k] = r
	}
	return rs, nil
}

// Across runs the rules that concern several roadmaps: a roadmap id must
// be unique in the repository, since reports and consolidation use it.
func Across(rs []*roadmap.Roadmap) []diag.Finding {
	ids := make([]idAt, len(rs))
	for i, r := range rs {
		ids[i] = idAt{file: r.File, id: r.ID, pos: r.Pos("id")}
	}
	return across(ids)
}

func across(ids []idAt) []diag.Finding {
	var fs []diag.Finding
	first := map[string]idAt{}
	for _, r := range ids {
		if r.id == "" {
			continue
		}
		if prev, dup := first[r.id]; dup {
			fs = append(fs, diag.New(r.file, r.pos, diag.DuplicateRoadmapID, r.id,
				fmt.Sprintf("%s:%d", prev.file, prev.pos.Line)))
			continue
		}
		first[r.id] = r
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
