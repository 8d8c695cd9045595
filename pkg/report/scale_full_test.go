//go:build scale

package report_test

// fullScale: the scale tests run at full size (make bench).
const fullScale = true
