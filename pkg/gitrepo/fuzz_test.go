package gitrepo

import (
	"strings"
	"testing"
)

// FuzzParseExternalDiff: any argument list (NUL-separated) is read without
// a panic, and what is recognised has git's 7 or 9 arguments.
func FuzzParseExternalDiff(f *testing.F) {
	f.Add("a.yaml\x00/tmp/x\x001a2b3c4\x00100644\x00a.yaml\x00abcdef0\x00100644")
	f.Add("a.yaml\x00/tmp/x\x001a2b3c4\x00100644\x00/tmp/y\x00abcdef0\x00100644\x00b.yaml\x00similarity index 90%")
	f.Add("a.yaml\x00/dev/null\x00.\x00.\x00a.yaml\x00abcdef0\x00100644")
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		d, ok := ParseExternalDiff(args)
		if ok && len(args) != 7 && len(args) != 9 {
			t.Fatalf("recognised %d arguments: %+v", len(args), d)
		}
		if ok && (d.NewPath != "") != (len(args) == 9) {
			t.Fatalf("NewPath %q for %d arguments", d.NewPath, len(args))
		}
	})
}
