//go:build !unix

package synth

import "os"

// peakRSS is unknown here: os.ProcessState carries no peak working set
// on Windows, and the tables say n/a.
func peakRSS(*os.ProcessState) int64 { return 0 }
