package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progressDelay is how long work goes on before the indicator shows.
// ROADMAP_PROGRESS_DELAY (a Go duration, "0s") changes it, for tests on a
// pseudo-terminal.
func progressDelay() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("ROADMAP_PROGRESS_DELAY")); err == nil && d >= 0 {
		return d
	}
	return time.Second
}

// startProgress shows, on a terminal, that long work is going on: after a
// second it prints msg with a spinner until stop is called. On a pipe or a
// file it prints nothing, so output stays clean for scripts and tests.
func startProgress(w io.Writer, msg string) (stop func()) {
	f, ok := w.(*os.File)
	if !ok {
		return func() {}
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	delay := progressDelay()
	if delay == 0 {
		fmt.Fprintf(f, "\r%s %c", msg, '|')
	}
	go func() {
		defer close(finished)
		select {
		case <-done:
			if delay == 0 {
				fmt.Fprintf(f, "\r%*s\r", len([]rune(msg))+2, "")
			}
			return
		case <-time.After(delay):
		}
		frames := `|/-\`
		tick := time.NewTicker(150 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			fmt.Fprintf(f, "\r%s %c", msg, frames[i%len(frames)])
			select {
			case <-done:
				fmt.Fprintf(f, "\r%*s\r", len([]rune(msg))+2, "")
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
