//go:build !linux

package synth

// selfPeak is unknown here; Measure falls back to the rusage.
func selfPeak() int64 { return 0 }
