package site

import (
	"bytes"
	"html"
	"testing"
)

// TestEscape: escape writes what html.EscapeString gives.
func TestEscape(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain", `<a href="x">'&'</a>`, "&&<<>>\"\"''", "ж <ж> \x00 \xff end&"} {
		var b bytes.Buffer
		b.WriteString("kept")
		escape(&b, s)
		if got, want := b.String(), "kept"+html.EscapeString(s); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}
