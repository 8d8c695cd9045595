package yamlfmt

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAnalyzeUsualAgrees: whenever analyzeUsual answers, it answers as
// analyzeAll (the emitter's analysis, character by character), on random
// text from letters, digits and every sign the emitter looks at.
func TestAnalyzeUsualAgrees(t *testing.T) {
	t.Parallel()
	alphabet := []string{"а", "Ж", "a", "Z", "0", "9", " ", " ", "\t", "\n", "\r", ",", "?", "[", "]", "{", "}", ":", "#", "-", ".",
		"&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "«", "»", "№", "–", "\u00a0", "\u0085", "\u0080", "\u2028", "\u2029",
		"\ufeff", "\ufffe", "\ue000", "\ud7ff", "🙂", "\x7f", "\x00", "\x1b", "é", "ÿ"}
	rnd := rand.New(rand.NewPCG(3, 4))
	usual := 0
	for range 200000 {
		var b strings.Builder
		for range 1 + rnd.IntN(8) {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		s := b.String()
		if a, ok := analyzeUsual(s); ok {
			usual++
			if all := analyzeAll(s); a != all {
				t.Errorf("%q: analyzeUsual %+v, analyzeAll %+v", s, a, all)
			}
		}
	}
	if usual < 10000 {
		t.Errorf("analyzeUsual answered for %d texts only: the test says little", usual)
	}
}
