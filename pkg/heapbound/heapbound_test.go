package heapbound

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimit(t *testing.T) {
	t.Parallel()
	const mib = 1 << 20
	p := Policy{Floor: 200 * mib, Ceiling: 256 * mib, Headroom: 128 * mib, MinHeadroom: 64 * mib}
	for _, tc := range []struct {
		name        string
		live, limit int64
	}{
		{"small heap: the floor", 10 * mib, 200 * mib},
		{"live plus headroom under the floor", 72 * mib, 200 * mib},
		{"live plus headroom between floor and ceiling", 100 * mib, 228 * mib},
		{"live plus headroom over the ceiling", 150 * mib, 256 * mib},
		{"live near the ceiling: the least headroom", 220 * mib, 284 * mib},
		{"live over the ceiling", 1000 * mib, 1064 * mib},
	} {
		if got := p.Limit(tc.live); got != tc.limit {
			t.Errorf("%s: Limit(%d MiB) = %d MiB, want %d MiB", tc.name, tc.live/mib, got/mib, tc.limit/mib)
		}
	}
}

// TestFollow is not parallel: the limit and the percent are the process's.
func TestFollow(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	before, beforePct := debug.SetMemoryLimit(-1), debug.SetGCPercent(-1)
	debug.SetGCPercent(beforePct)

	// Headroom small enough that what this test keeps live shows in the
	// limit, which a floor of 1 byte does not hide.
	const keep = 64 << 20
	p := Policy{Floor: 1, Ceiling: 1 << 40, Headroom: 1 << 20, MinHeadroom: 1 << 20, GCPercent: 300}
	stop := Follow(p)
	if got := debug.SetGCPercent(-1); got != 300 {
		t.Errorf("percent while following = %d, want 300", got)
	}
	held := make([]byte, keep)
	var limit int64
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the cleanup runs after the collection
		if limit = debug.SetMemoryLimit(-1); limit > keep {
			break
		}
	}
	runtime.KeepAlive(held)
	if limit < keep || limit > 4*keep {
		t.Errorf("limit while %d MiB is live = %d, want live plus 1 MiB", keep>>20, limit)
	}
	stop()
	stop() // twice is harmless
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after stop = %d, want %d as before", got, before)
	}
	if got := debug.SetGCPercent(-1); got != beforePct {
		t.Errorf("percent after stop = %d, want %d as before", got, beforePct)
	}
	// A collection after stop leaves the limit alone.
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after stop and a collection = %d, want %d", got, before)
	}
}

func TestUserSettingsWin(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "300MiB")
	t.Setenv("GOGC", "50")
	before, beforePct := debug.SetMemoryLimit(-1), debug.SetGCPercent(-1)
	debug.SetGCPercent(beforePct)
	stop := Follow(Policy{Floor: 1 << 20, Ceiling: 1 << 21, Headroom: 1 << 20, MinHeadroom: 1 << 20, GCPercent: 400})
	defer stop()
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit with GOMEMLIMIT set = %d, want %d untouched", got, before)
	}
	if got := debug.SetGCPercent(-1); got != beforePct {
		t.Errorf("percent with GOGC set = %d, want %d untouched", got, beforePct)
	}
}

// TestOverlapping: two commands side by side in one process; the first
// to stop leaves the other's policy, the last puts back what was before.
func TestOverlapping(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	before, beforePct := debug.SetMemoryLimit(-1), debug.SetGCPercent(-1)
	debug.SetGCPercent(beforePct)
	p := Policy{Floor: 300 << 20, Ceiling: 400 << 20, Headroom: 1 << 20, MinHeadroom: 1 << 20, GCPercent: 250}
	first := Follow(p)
	second := Follow(p)
	first()
	first() // twice counts once
	if got := debug.SetGCPercent(-1); got != 250 {
		t.Errorf("percent with one still following = %d, want 250", got)
	}
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got != 300<<20 {
		t.Errorf("limit with one still following = %d, want the floor %d", got, 300<<20)
	}
	second()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after the last stop = %d, want %d as before", got, before)
	}
	if got := debug.SetGCPercent(-1); got != beforePct {
		t.Errorf("percent after the last stop = %d, want %d as before", got, beforePct)
	}
}
