//go:build scale

package main

import "testing"

// TestScaleYAML measures the YAML side at country scale (make bench):
// 2,300 districts × 10 directions = 23,000 files, a 5,000-activity
// roadmap and a 100-change amendment, each piece beside its baseline,
// and holds issue 17's targets. A piece over the whole tree runs once
// beside its baseline (a run of each is half a minute), the others five
// times (the median counts), so that make bench stays within minutes.
func TestScaleYAML(t *testing.T) {
	holdYAML(t, measureYAML(t, t.TempDir(), yamlScale{Districts: 2300, Directions: 10, Activities: 5000, Changes: 100, Runs: 5, TreeRuns: 1},
		map[string][2]float64{
			"check": {1.5, 300}, "fmt": {1.5, 300}, "merge": {3, 300}, "diff": {3, 300}, "diffrev": {0.2, 300}, "startup": {0, 100},
		}))
}
