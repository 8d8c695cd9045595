// Package heapbound owns the Go collector's memory limit for the commands
// that stream a country's roadmaps and reports (check --report, summary):
// after every collection it sets the limit from what that collection left
// live: the heap may grow to a fixed figure while what is live is well
// under it, and to a margin above what is live when it is not.
//
// A fixed limit near what is live has the collector run without end (a
// country's summary workbook took 218 s of CPU instead of 98 s under
// GOMEMLIMIT=250MiB); no limit lets the heap grow to twice what is live
// (a country's summary 477 MB, check --report of a million distinct rows
// 479 MB). The limit is soft in Go: past it the collector takes at most
// half the CPU, so a run that keeps more is slower, never stopped.
package heapbound

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Policy is how the limit follows the live heap L of the last collection:
// it is Floor while L+Headroom is under it; then L+Headroom up to Ceiling;
// and never under L+MinHeadroom, so that the collector runs at most once
// every MinHeadroom bytes allocated.
type Policy struct {
	Floor, Ceiling, Headroom, MinHeadroom int64
	// GCPercent is the collector's percent while the limit is not reached
	// (debug.SetGCPercent); 0 leaves it as it is.
	GCPercent int
}

// Limit is the memory limit p gives for a live heap of live bytes.
func (p Policy) Limit(live int64) int64 {
	l := max(p.Floor, min(live+p.Headroom, p.Ceiling))
	return max(l, live+p.MinHeadroom)
}

// Follow applies p from now on, unless the user set GOMEMLIMIT (the
// limit) or GOGC (the percent); stop puts back what was there before.
// The limit and the percent are the process's: while one Follow is in
// force (commands run side by side in a test process), another only
// counts, and the last stop puts back what was there before the first.
func Follow(p Policy) (stop func()) {
	state.mu.Lock()
	defer state.mu.Unlock()
	if state.count++; state.count == 1 {
		state.p = p
		state.limit, state.percent = os.Getenv("GOMEMLIMIT") == "", p.GCPercent != 0 && os.Getenv("GOGC") == ""
		if state.percent {
			state.oldPercent = debug.SetGCPercent(p.GCPercent)
		}
		if state.limit {
			state.oldLimit = debug.SetMemoryLimit(p.Floor)
			state.generation++
			arm(state.generation)
		}
	}
	var once sync.Once
	return func() { once.Do(release) }
}

// state is the follower in force, if count > 0.
var state struct {
	mu             sync.Mutex
	count          int
	p              Policy
	limit, percent bool
	oldLimit       int64
	oldPercent     int
	// generation tells a cleanup armed by an earlier Follow, which stops
	// following.
	generation int
}

func release() {
	state.mu.Lock()
	defer state.mu.Unlock()
	if state.count--; state.count > 0 {
		return
	}
	if state.limit {
		debug.SetMemoryLimit(state.oldLimit)
		state.generation++
	}
	if state.percent {
		debug.SetGCPercent(state.oldPercent)
	}
}

// arm leaves an object for the next collection to find unreachable: its
// cleanup runs once that collection is done, sets the limit from what it
// left live and arms again. The runtime has no other hook after a
// collection.
func arm(generation int) {
	runtime.AddCleanup(new(sentinel), func(generation int) {
		state.mu.Lock()
		defer state.mu.Unlock()
		if state.count == 0 || state.generation != generation {
			return
		}
		if live := Live(); live > 0 {
			debug.SetMemoryLimit(state.p.Limit(live))
		}
		arm(generation)
	}, generation)
}

// sentinel is big enough not to share the tiny allocator's blocks, which
// live as long as any object in them.
type sentinel [32]byte

// Live is the heap the last collection left live, in bytes (0 before the
// first).
func Live() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}
