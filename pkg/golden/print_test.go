package golden

import "testing"

func TestOverlaps(t *testing.T) {
	t.Parallel()
	word := func(x, y, h float64) Word {
		return Word{Text: "слово", XMin: x, YMin: y, XMax: x + 80, YMax: y + h}
	}
	for _, tc := range []struct {
		name string
		a, b Word
		want bool
	}{
		{"lines of a paragraph, 14 pt single", word(100, 56.5, 18.2), word(110, 72.6, 18.2), false},
		{"lines touching", word(100, 56.5, 18.2), word(110, 74.7, 18.2), false},
		{"lines drawn half over each other", word(100, 56.5, 18.2), word(110, 65.6, 18.2), true},
		{"one line over another", word(100, 56.5, 18.2), word(100, 57, 18.2), true},
		{"side by side on a line", word(100, 56.5, 18.2), word(181, 56.5, 18.2), false},
		{"words drawn into each other on a line", word(100, 56.5, 18.2), word(150, 56.5, 18.2), true},
		{"small text, a quarter is under 2 pt", word(100, 10, 6), word(110, 13.5, 6), true},
	} {
		got := len(Page{Words: []Word{tc.a, tc.b}}.Overlaps()) > 0
		if got != tc.want {
			t.Errorf("%s: overlap %v, want %v", tc.name, got, tc.want)
		}
	}
}
