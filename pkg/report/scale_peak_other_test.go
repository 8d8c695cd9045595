//go:build !unix

package report_test

import "os"

// childPeak: the system does not tell a child's peak RSS.
func childPeak(*os.ProcessState) int64 { return 0 }
