package eol

import (
	"bytes"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		body string
		s    Style
	}{
		{"a: 1\nb: 2\n", "a: 1\nb: 2\n", Style{}},
		{"a: 1\r\nb: 2\r\n", "a: 1\nb: 2\n", Style{CRLF: true}},
		{"\xEF\xBB\xBFa: 1\r\n", "a: 1\n", Style{BOM: true, CRLF: true}},
		{"\xEF\xBB\xBFa: 1", "a: 1", Style{BOM: true}},
	} {
		body, s := Split([]byte(tc.in))
		if string(body) != tc.body || s != tc.s {
			t.Errorf("Split(%q) = %q, %+v; want %q, %+v", tc.in, body, s, tc.body, tc.s)
		}
		if back := s.Apply(body); !bytes.Equal(back, []byte(tc.in)) {
			t.Errorf("Apply(Split(%q)) = %q", tc.in, back)
		}
	}
}
