package summary

import (
	"math/rand/v2"
	"testing"
)

// editDistance is the Levenshtein distance of two rune strings.
func editDistance(a, b []rune) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestWithinDistance: the banded, stopping test agrees with the full
// edit distance on random strings of a small alphabet (many near misses).
func TestWithinDistance(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		r := make([]rune, rnd.IntN(12))
		for i := range r {
			r[i] = []rune("абвг")[rnd.IntN(4)]
		}
		return r
	}
	for range 20000 {
		a, b, k := word(), word(), rnd.IntN(6)
		if got, want := withinDistance(a, b, k), editDistance(a, b) <= k; got != want {
			t.Fatalf("withinDistance(%q, %q, %d) = %v, distance %d", string(a), string(b), k, got, editDistance(a, b))
		}
	}
}
