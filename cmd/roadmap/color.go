package main

import (
	"os"
	"strconv"

	"golang.org/x/term"
)

// The values of --color.
const (
	colorAuto   = "auto"
	colorAlways = "always"
	colorNever  = "never"
)

var colorModes = []string{colorAuto, colorAlways, colorNever}

// colorOK reports whether to colour what goes to w: --color always or
// never, else (auto) whether w is a terminal that shows ANSI colours and
// the user has not asked for none (NO_COLOR, TERM=dumb). On Windows the
// console must accept virtual terminal sequences (enableVT); an old
// console that does not gets no colour rather than escape codes.
func (a *app) colorOK(w any) bool {
	switch a.color {
	case colorAlways:
		if f, ok := w.(*os.File); ok && isTerminal(f) {
			enableVT(f)
		}
		return true
	case colorNever:
		return false
	}
	f, ok := w.(*os.File)
	if !ok || !isTerminal(f) || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return enableVT(f)
}

// isTerminal reports whether w is a terminal. x/term asks the console on
// Windows, where a character device may be NUL, and the tty driver
// elsewhere.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// terminalWidth is the width tables are drawn for: COLUMNS when set (the
// user's say), else the terminal's own width, else 160 (a pipe or a file,
// read in an editor).
func terminalWidth() int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n >= 40 {
		return n
	}
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w >= 40 {
		return w
	}
	return 160
}
