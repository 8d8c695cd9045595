//go:build race

package report_test

// slowdown is how much slower the race detector makes reading: time
// bounds are for the plain build.
const slowdown = 5
