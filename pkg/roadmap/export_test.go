package roadmap

import "github.com/roadmap-edu/roadmap/pkg/diag"

// LocateSyntaxError exposes the syntax scanner to the tests: where it sees
// a mistake anywhere in data.
func LocateSyntaxError(data []byte) (diag.Pos, bool) {
	m, ok := locateSyntaxError(data, 0)
	return m.pos, ok
}
