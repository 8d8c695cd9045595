//go:build !windows

package main

import "os"

// enableVT: terminals outside Windows read ANSI sequences as they are.
func enableVT(*os.File) bool { return true }
