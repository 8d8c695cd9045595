package yamlfmt

import (
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/eol"
)

// FastPath is what the tests across packages (yamlfmt_test, which may use
// pkg/synth) need of emitsAs: for data's first formatting pass, whether
// emitsAs says the encoder gives the text back, the text (data as LF,
// without a BOM) and what the encoder does write; ok false when data is
// not YAML fmt lays out.
func FastPath(data []byte) (fast bool, body, encoded []byte, encErr error, ok bool) {
	body, _ = eol.Split(data)
	if !utf8.Valid(body) {
		return false, nil, nil, nil, false
	}
	doc, err := prepare(body)
	if err != nil {
		return false, nil, nil, nil, false
	}
	fast = safeEmitsAs(doc, body)
	encoded, encErr = encode(doc, len(body))
	return fast, body, encoded, encErr, true
}
