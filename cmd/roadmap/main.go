// Command roadmap keeps municipal education roadmaps as code: it checks
// roadmap files, shows how it reads them, and (in later commands) checks
// fulfilment, diffs, merges and writes summaries.
//
// This package only wires command-line flags to the packages under pkg/.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
