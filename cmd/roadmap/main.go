// Command roadmap keeps municipal education roadmaps as code: it checks
// roadmap files, shows how it reads them, and (in later commands) checks
// fulfilment, diffs, merges and writes summaries.
//
// This package only wires command-line flags to the packages under pkg/.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

func main() {
	// Ctrl+C or SIGTERM: the temporary files of the write or read under
	// way are removed, the output left as it was, and the exit code is 2.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		safefile.Cleanup()
		fmt.Fprintln(os.Stderr, i18n.T(langOf(os.Args[1:]), "err.interrupted"))
		os.Exit(2)
	}()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
