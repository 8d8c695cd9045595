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

// TestWithinDistanceLong: the same on strings up to 300 letters of a
// bigger alphabet and near copies of them: what lies between their
// common start and end is compared bit-parallel in one to four words,
// by the band past that.
func TestWithinDistanceLong(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("абвгдежзийклмнопрстуфхцчшщъыьэюя ё0123456789")
	word := func(n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		return r
	}
	var m titleMatcher
	for range 20000 {
		n := []int{10, 70, 140, 300}[rnd.IntN(4)]
		a := word(rnd.IntN(n))
		b := word(rnd.IntN(n))
		if rnd.IntN(2) == 0 {
			// A near copy: a few edits.
			b = append([]rune(nil), a...)
			for range rnd.IntN(12) {
				i := rnd.IntN(len(b) + 1)
				switch rnd.IntN(3) {
				case 0:
					b = append(b[:i], append([]rune{alphabet[rnd.IntN(len(alphabet))]}, b[i:]...)...)
				case 1:
					if i < len(b) {
						b = append(b[:i], b[i+1:]...)
					}
				default:
					if i < len(b) {
						b[i] = alphabet[rnd.IntN(len(alphabet))]
					}
				}
			}
		}
		k := rnd.IntN(1 + n/5)
		want := editDistance(a, b) <= k
		if len(a)-len(b) > k || len(b)-len(a) > k {
			continue
		}
		if got := m.band(a, b, k); got != want {
			t.Fatalf("band(%q, %q, %d) = %v, distance %d", string(a), string(b), k, got, editDistance(a, b))
		}
	}
}

// TestSimilarAsBefore: the matcher's filters (letter classes, shared
// pairs) and its reused rows give the answers the plain test gave, on
// random titles and near copies of them (letters whose low bits
// collide among them), and keys are made as before.
func TestSimilarAsBefore(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("абвгдеёжзАБЁ aqpQ09.,-ѐ\u0130\u0430\u0470\ufffd")
	word := func() string {
		r := make([]rune, rnd.IntN(40))
		for i := range r {
			r[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		return string(r)
	}
	edit := func(s string) string {
		r := []rune(s)
		for range rnd.IntN(10) {
			i := rnd.IntN(len(r) + 1)
			switch rnd.IntN(3) {
			case 0:
				r = append(r[:i], append([]rune{alphabet[rnd.IntN(len(alphabet))]}, r[i:]...)...)
			case 1:
				if i < len(r) {
					r = append(r[:i], r[i+1:]...)
				}
			default:
				if i < len(r) {
					r[i] = alphabet[rnd.IntN(len(alphabet))]
				}
			}
		}
		return string(r)
	}
	var m titleMatcher
	similar, differ := 0, 0
	for range 50000 {
		a := word()
		b := edit(a)
		if rnd.IntN(4) == 0 {
			b = word()
		}
		if rnd.IntN(50) == 0 {
			b += "\xff\xfe" + a[:len(a)/2]
		}
		ka, kb := titleKey(a), titleKey(b)
		if want := oldTitleKey(a); ka != want {
			t.Fatalf("titleKey(%q) = %q, want %q", a, ka, want)
		}
		if want := oldTitleKey(b); kb != want {
			t.Fatalf("titleKey(%q) = %q, want %q", b, kb, want)
		}
		got, want := m.similar(newTitleKeyed(ka), newTitleKeyed(kb)), oldSimilarKeys([]rune(ka), []rune(kb))
		if got != want {
			t.Fatalf("similar(%q, %q) = %v, want %v", ka, kb, got, want)
		}
		if got != similarKeys([]rune(ka), []rune(kb)) {
			t.Fatalf("similarKeys(%q, %q) != similar", ka, kb)
		}
		if want {
			similar++
		} else {
			differ++
		}
	}
	// Both answers must be common, or the test tells little.
	if similar < 5000 || differ < 5000 {
		t.Errorf("%d similar, %d not: the cases lean one way", similar, differ)
	}
}

// TestCountDiff: the counts' differences eight to a word are the ones
// found class by class.
func TestCountDiff(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var a, b [64]uint8
		var x, y [8]uint64
		for i := range a {
			a[i], b[i] = uint8(rnd.IntN(128)), uint8(rnd.IntN(128))
			if rnd.IntN(3) == 0 {
				b[i] = a[i]
			}
			x[i/8] |= uint64(a[i]) << (8 * (i % 8))
			y[i/8] |= uint64(b[i]) << (8 * (i % 8))
		}
		more, less := 0, 0
		for i := range a {
			if d := int(a[i]) - int(b[i]); d > 0 {
				more += d
			} else {
				less -= d
			}
		}
		if m, l := countDiff(&x, &y); m != more || l != less {
			t.Fatalf("countDiff = %d, %d; want %d, %d", m, l, more, less)
		}
	}
}
