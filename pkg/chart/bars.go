package chart

import (
	"fmt"
	"strconv"

	"github.com/roadmap-edu/roadmap/pkg/render"
)

// Bar is one stacked bar: a district's or a year's activities by status.
type Bar struct {
	Label string
	// Counts by status key; the bar stacks them in the legend's order.
	Counts map[string]int
}

// Total is the bar's length: every count added.
func (b Bar) Total() int {
	n := 0
	for _, c := range b.Counts {
		n += c
	}
	return n
}

// Layout of the bars, in px.
const (
	barsWidth  = 760
	labelWidth = 210
	totalWidth = 46
	rowHeight  = 24
	barHeight  = 18
)

// StatusBars draws one horizontal stacked bar per entry, as long as its
// total (the longest fills the width), each status a segment with its
// count written in it when it fits, the total after the bar and the
// legend below. Each bar is a <g data-bar> and each segment a <rect
// data-status data-value>: what a test reads back.
func StatusBars(id string, bars []Bar, words Words) []byte {
	longest := 0
	used := map[string]bool{}
	for _, b := range bars {
		longest = max(longest, b.Total())
		for k, c := range b.Counts {
			used[k] = used[k] || c > 0
		}
	}
	var keys []string
	for _, k := range render.StatusOrder {
		if used[k] {
			keys = append(keys, k)
		}
	}
	// The legend's height is known only once drawn: lay it out on a
	// scratch chart first.
	legendH := legendHeight(barsWidth, words, keys)
	height := len(bars)*rowHeight + 8 + legendH
	s := open(id, barsWidth, height, words.Title)
	area := barsWidth - labelWidth - totalWidth
	for i, b := range bars {
		y := i * rowHeight
		fmt.Fprintf(s, `<g data-bar="%s"><text x="%d" y="%d" text-anchor="end" fill="%s">%s<title>%s</title></text>`,
			esc(b.Label), labelWidth-8, y+barHeight-4, ink, esc(clip(b.Label, 28)), esc(b.Label))
		x := float64(labelWidth)
		for _, k := range keys {
			c := b.Counts[k]
			if c == 0 {
				continue
			}
			w := float64(area) * float64(c) / float64(longest)
			fmt.Fprintf(s, `<rect x="%s" y="%d" width="%s" height="%d" fill="%s" stroke="%s" data-status="%s" data-value="%d"><title>%s: %d</title></rect>`,
				num(round1(x)), y, num(round1(w)), barHeight, s.fill(k), stroke, k, c, esc(words.Status[k]), c)
			if label := strconv.Itoa(c); float64(textWidth(label)+6) <= w {
				// On a white ground: a number must read over any pattern.
				lw := textWidth(label) + 2
				fmt.Fprintf(s, `<rect x="%s" y="%d" width="%d" height="14" fill="#ffffff" aria-hidden="true"/>`,
					num(round1(x+w/2-float64(lw)/2)), y+2, lw)
				fmt.Fprintf(s, `<text x="%s" y="%d" text-anchor="middle" fill="%s" aria-hidden="true">%s</text>`,
					num(round1(x+w/2)), y+barHeight-4, ink, label)
			}
			x += w
		}
		fmt.Fprintf(s, `<text x="%s" y="%d" fill="%s">%d</text></g>`, num(round1(x+6)), y+barHeight-4, ink, b.Total())
	}
	s.legend(len(bars)*rowHeight+8, barsWidth, words, keys)
	return s.close()
}

// round1 rounds to 0.1 px: enough for a screen, and the same bytes on
// every machine.
func round1(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }
