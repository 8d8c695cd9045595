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
// roadmap. Its rows are kept, their cells that are not empty only (some
// 350 bytes a row of six columns), until ReadReportsAhead matches them.
type Ahead struct {
	done  chan struct{}
	files []aheadFile
}

// aheadFile is what reading one file gave.
type aheadFile struct {
	name   string
	chunks []aheadChunk // no copying of a slice of a million rows
	fs     []diag.Finding
	err    error
}

// aheadChunk holds rows and their cells.
type aheadChunk struct {
	rows  []aheadRow
	cells []report.Cell
}

// aheadRow is a report.Row, its cells in its chunk's: those of the
// fields of cells, in order, from the first.
type aheadRow struct {
	file, sheet string
	context     *report.SheetContext
	line        int
	first       int32
	cells       uint32 // a bit per field
	has         [len(report.Row{}.Has)]bool
}

// A field's bit must fit in aheadRow.cells.
const _ = uint32(1) << (len(report.Row{}.Has) - 1)

// rowsChunk is how many rows a chunk holds.
const rowsChunk = 4096

// add keeps a copy of r.
func (af *aheadFile) add(r *report.Row) {
	if n := len(af.chunks); n == 0 || len(af.chunks[n-1].rows) == rowsChunk {
		af.chunks = append(af.chunks, aheadChunk{rows: make([]aheadRow, 0, rowsChunk)})
	}
	c := &af.chunks[len(af.chunks)-1]
	row := aheadRow{file: r.File, sheet: r.Sheet, context: r.Context, line: r.Line, first: int32(len(c.cells)), has: r.Has}
	for f, cell := range r.Cells {
		if cell != (report.Cell{}) {
			row.cells |= 1 << f
			c.cells = append(c.cells, cell)
		}
	}
	c.rows = append(c.rows, row)
}

// row is the i-th row of c as report.Read gave it.
func (c *aheadChunk) row(i int, r *report.Row) {
	a := &c.rows[i]
	*r = report.Row{File: a.file, Sheet: a.sheet, Line: a.line, Has: a.has, Context: a.context}
	k := int(a.first)
	for f := range r.Cells {
		if a.cells&(1<<f) != 0 {
			r.Cells[f] = c.cells[k]
			k++
		}
	}
}

// ReadAhead starts reading the report files.
func ReadAhead(files []string) *Ahead {
	a := &Ahead{done: make(chan struct{}), files: make([]aheadFile, len(files))}
	go func() {
		defer close(a.done)
		for i, f := range files {
			af := &a.files[i]
			af.name = f
			af.fs, af.err = report.Read(f, func(r *report.Row) error {
				af.add(r)
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
			var row report.Row
			for k := range af.chunks {
				c := &af.chunks[k]
				for j := range c.rows {
					c.row(j, &row)
					if err := fn(&row); err != nil {
						return af.fs, err
					}
				}
				af.chunks[k] = aheadChunk{} // let the rows matched go
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
// the evaluator in order once all are done. The results are counted
// first and written into one slice: a country's are 360 MB, and a second
// copy of them was most of the peak of `roadmap site`.
func (r *Reports) EvaluateAll(roadmaps []*roadmap.Roadmap) []Result {
	type job struct {
		roadmaps []*roadmap.Roadmap
		at, n    int // the job's place in the results and its count
		results  []Result
		found    recorder
	}
	jobs := make([]job, (len(roadmaps)+perJob-1)/perJob)
	for i := range jobs {
		jobs[i].roadmaps = roadmaps[i*perJob : min((i+1)*perJob, len(roadmaps))]
	}
	each := func(do func(j *job)) {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(runtime.GOMAXPROCS(0), len(jobs)) {
			wg.Go(func() {
				for i := int(next.Add(1)) - 1; i < len(jobs); i = int(next.Add(1)) - 1 {
					do(&jobs[i])
				}
			})
		}
		wg.Wait()
	}
	each(func(j *job) {
		for _, rm := range j.roadmaps {
			j.n += r.e.count(rm)
		}
	})
	total := 0
	for i := range jobs {
		jobs[i].at = total
		total += jobs[i].n
	}
	var out []Result // nil for none, as Evaluate's
	if total > 0 {
		out = make([]Result, total)
	}
	each(func(j *job) {
		j.found.statuses = r.e.opts.Statuses
		// Capped at the count: should it be short, append copies rather
		// than write over the next job's results.
		j.results = out[j.at : j.at : j.at+j.n]
		for _, rm := range j.roadmaps {
			r.e.evaluateRoadmap(rm, &j.found, func(res *Result) { j.results = append(j.results, *res) })
		}
	})
	exact := true
	for i := range jobs {
		exact = exact && len(jobs[i].results) == jobs[i].n
		jobs[i].found.replay(r.e)
	}
	if !exact {
		// A count that is wrong costs a copy, not a result.
		out = nil
		for i := range jobs {
			out = append(out, jobs[i].results...)
		}
	}
	return out
}
