package main

import "os"

// colorOK reports whether w is a terminal that shows ANSI colours and the
// user has not asked for none (NO_COLOR, TERM=dumb). On Windows the
// console must accept virtual terminal sequences (enableVT); an old
// console that does not gets no colour rather than escape codes.
func colorOK(w any) bool {
	f, ok := w.(*os.File)
	if !ok || !isTerminal(f) || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return enableVT(f)
}
