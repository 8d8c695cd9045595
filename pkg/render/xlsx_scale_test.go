//go:build scale

package render

import "testing"

// TestScaleXLSX: a million cells (85,000 rows of the summary's widest
// sheet) through WriteXLSXEach, within 1.3 times the user time of
// excelize's bare StreamWriter writing as many plain cells (issue 17).
// Run with `go test -tags scale -count=1 -run '^TestScaleXLSX$' -v ./pkg/render/`.
func TestScaleXLSX(t *testing.T) {
	if row := measureWorkbook(t, 85_000, 5); row.Ratio() > 1.3 {
		t.Errorf("%s: %.2fx the baseline's user time, want at most 1.3x", row.Work, row.Ratio())
	}
}
