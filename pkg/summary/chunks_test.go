package summary

import "testing"

func TestChunks(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, chunkLen - 1, chunkLen, chunkLen + 1, 3*chunkLen + 7} {
		var c chunks[int32]
		for i := range n {
			c.add(int32(i))
		}
		if c.len() != n {
			t.Fatalf("%d added: len %d", n, c.len())
		}
		for i := range n {
			if got := *c.at(i); got != int32(i) {
				t.Fatalf("%d added: at(%d) = %d", n, i, got)
			}
		}
		for i, ch := range c.cs[:max(len(c.cs)-1, 0)] {
			if len(ch) != chunkLen {
				t.Fatalf("%d added: chunk %d has %d, want %d", n, i, len(ch), chunkLen)
			}
		}
		// Once full, a chunk is never copied: what points into it stays.
		if n >= chunkLen {
			p := c.at(0)
			c.add(-1)
			if p != c.at(0) {
				t.Fatalf("%d added: the first item moved on add", n)
			}
		}
	}
}
