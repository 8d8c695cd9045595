//go:build windows

package main

import (
	"os"
	"syscall"
)

// enableVTProcessing is ENABLE_VIRTUAL_TERMINAL_PROCESSING of SetConsoleMode.
const enableVTProcessing = 0x0004

var setConsoleMode = syscall.NewLazyDLL("kernel32.dll").NewProc("SetConsoleMode")

// enableVT turns on ANSI sequences in the Windows console f (Windows 10
// and later); false when the console does not take them.
func enableVT(f *os.File) bool {
	h := syscall.Handle(f.Fd())
	var mode uint32
	if err := syscall.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&enableVTProcessing != 0 {
		return true
	}
	r, _, _ := setConsoleMode.Call(uintptr(h), uintptr(mode|enableVTProcessing))
	return r != 0
}
