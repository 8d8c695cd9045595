package fulfil

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/report"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// readRows reads the rows of a report file: report.Read, or the rows an
// Ahead read.
type readRows func(file string, fn func(*report.Row) error) ([]diag.Finding, error)

// Ahead is report files read in the background while the roadmaps they
// are matched against are still being checked: reading a country's
// report takes as long as checking its files, and matching needs every
// roadmap. Its rows are kept, as read, until ReadReportsAhead matches
// them (about 650 bytes a row).
type Ahead struct {
	done  chan struct{}
	files []aheadFile
}

// aheadFile is what reading one file gave.
type aheadFile struct {
	name string
	rows [][]report.Row // in chunks: no copying of a slice of a million rows
	fs   []diag.Finding
	err  error
}

// rowsChunk is how many rows a piece of aheadFile.rows holds.
const rowsChunk = 4096

// ReadAhead starts reading the report files.
func ReadAhead(files []string) *Ahead {
	a := &Ahead{done: make(chan struct{}), files: make([]aheadFile, len(files))}
	go func() {
		defer close(a.done)
		for i, f := range files {
			af := &a.files[i]
			af.name = f
			af.fs, af.err = report.Read(f, func(r *report.Row) error {
				if n := len(af.rows); n == 0 || len(af.rows[n-1]) == rowsChunk {
					af.rows = append(af.rows, make([]report.Row, 0, rowsChunk))
				}
				last := len(af.rows) - 1
				af.rows[last] = append(af.rows[last], *r)
				return nil
			})
			if af.err != nil {
				return // ReadReports stops at the first error too
			}
		}
	}()
	return a
}

// ReadReportsAhead is ReadReports of the files a has read: it waits for
// them, then matches their rows through ix. a is used up.
func ReadReportsAhead(ix *Index, a *Ahead, opts Options) (*Reports, error) {
	<-a.done
	e := newEvaluator(ix, opts)
	for i := range a.files {
		af := &a.files[i]
		err := e.readFile(af.name, func(_ string, fn func(*report.Row) error) ([]diag.Finding, error) {
			for k, chunk := range af.rows {
				for j := range chunk {
					if err := fn(&chunk[j]); err != nil {
						return af.fs, err
					}
				}
				af.rows[k] = nil // let the rows matched go
			}
			return af.fs, af.err
		})
		if err != nil {
			return nil, err
		}
	}
	return &Reports{e}, nil
}

// EvaluateAll is Evaluate of the files a has read, evaluating the
// roadmaps on every core: the same results in the same order, the same
// findings.
func EvaluateAll(roadmaps []*roadmap.Roadmap, a *Ahead, opts Options) ([]Result, []diag.Finding, error) {
	reports, err := ReadReportsAhead(indexOf(roadmaps), a, opts)
	if err != nil {
		return nil, nil, err
	}
	return reports.EvaluateAll(roadmaps), reports.Findings(), nil
}

// finder takes the findings of evaluating a roadmap: the evaluator
// itself, or a recorder whose findings are given to it later, in order.
type finder interface {
	cellFinding(file, cell string, code diag.Code, args ...any)
	activityFinding(rm *roadmap.Roadmap, id string, code diag.Code, args ...any)
}

// recorder keeps findings to give to the evaluator in the order they
// were found: its per-file cap counts them in that order.
type recorder struct {
	statuses bool
	list     []recorded
}

type recorded struct {
	rm         *roadmap.Roadmap // nil for a cell's finding
	id         string
	file, cell string
	code       diag.Code
	args       []any
}

func (r *recorder) cellFinding(file, cell string, code diag.Code, args ...any) {
	if r.statuses && judging(code) {
		return // what the evaluator drops need not be kept
	}
	r.list = append(r.list, recorded{file: file, cell: cell, code: code, args: args})
}

func (r *recorder) activityFinding(rm *roadmap.Roadmap, id string, code diag.Code, args ...any) {
	if r.statuses && judging(code) {
		return
	}
	r.list = append(r.list, recorded{rm: rm, id: id, code: code, args: args})
}

// replay gives the findings recorded to e.
func (r *recorder) replay(e *evaluator) {
	for _, f := range r.list {
		if f.rm != nil {
			e.activityFinding(f.rm, f.id, f.code, f.args...)
		} else {
			e.cellFinding(f.file, f.cell, f.code, f.args...)
		}
	}
}

// perJob is how many roadmaps a worker of EvaluateAll takes at a time.
const perJob = 32

// EvaluateAll evaluates the roadmaps (those the index was given, in its
// order) on every core, returning what Evaluate hands on, in its order.
// Evaluating reads what the reports say and nothing else, so roadmaps
// are evaluated side by side; their findings are recorded and given to
// the evaluator in order once all are done.
func (r *Reports) EvaluateAll(roadmaps []*roadmap.Roadmap) []Result {
	type job struct {
		results []Result
		found   recorder
	}
	jobs := make([]job, (len(roadmaps)+perJob-1)/perJob)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				j := &jobs[i]
				j.found.statuses = r.e.opts.Statuses
				for _, rm := range roadmaps[i*perJob : min((i+1)*perJob, len(roadmaps))] {
					r.e.evaluateRoadmap(rm, &j.found, func(res *Result) { j.results = append(j.results, *res) })
				}
			}
		})
	}
	wg.Wait()
	n := 0
	for i := range jobs {
		n += len(jobs[i].results)
	}
	var out []Result // nil for none, as Evaluate's
	if n > 0 {
		out = make([]Result, 0, n)
	}
	for i := range jobs {
		out = append(out, jobs[i].results...)
		jobs[i].results = nil
		jobs[i].found.replay(r.e)
	}
	return out
}
