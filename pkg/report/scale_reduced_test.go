//go:build !scale

package report_test

// fullScale: the normal test run makes the scale tests at a reduced size.
const fullScale = false
