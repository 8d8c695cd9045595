package chart

import (
	"fmt"
	"strconv"

	"github.com/roadmap-edu/roadmap/pkg/render"
)

// Point is one year of an activity: what the plan requires and what was
// reported (nil: not a number), and the year's status key.
type Point struct {
	Year       int
	Plan, Fact *float64
	Status     string
}

// PlanWords are the words of a plan-vs-fact chart besides the statuses.
type PlanWords struct {
	Words
	Plan, Fact string
}

// Layout of plan-vs-fact, in px.
const (
	pfHeight = 150
	pfTop    = 18
	pfGroup  = 96
	pfBar    = 30
	pfAxis   = 36
)

// PlanFact draws an activity over its years: for each year an outlined
// bar of the plan and a bar of the fact in the colour and pattern of the
// year's status, each with its value above; a year without numbers shows
// its status as a tile. Bars are <rect data-year data-kind="plan|fact"
// data-value> and tiles <rect data-year data-status>.
func PlanFact(id string, points []Point, words PlanWords) []byte {
	top := 0.0
	used := map[string]bool{}
	for _, p := range points {
		for _, v := range []*float64{p.Plan, p.Fact} {
			if v != nil {
				top = max(top, *v)
			}
		}
		used[p.Status] = true
	}
	var keys []string
	for _, k := range render.StatusOrder {
		if used[k] {
			keys = append(keys, k)
		}
	}
	width := max(pfAxis+len(points)*pfGroup+8, 480)
	// A swatch for the plan, then the statuses.
	legendY := pfTop + pfHeight + 24
	legendW := width - textWidth(words.Plan) - 40
	legendH := legendHeight(legendW, words.Words, keys)
	s := open(id, width, legendY+legendH+4, words.Title)
	base := pfTop + pfHeight
	fmt.Fprintf(s, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`, pfAxis-4, base, width-4, base, stroke)
	scale := func(v float64) float64 {
		if top <= 0 {
			return 0
		}
		return round1(float64(pfHeight) * v / top)
	}
	for i, p := range points {
		x := pfAxis + i*pfGroup
		year := strconv.Itoa(p.Year)
		s.WriteString(`<text x="` + strconv.Itoa(x+pfBar) + `" y="` + strconv.Itoa(base+16) + `" text-anchor="middle" fill="` + ink + `">` + year + `</text>`)
		if p.Plan == nil && p.Fact == nil {
			fmt.Fprintf(s, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="%s" data-year="%d" data-status="%s"><title>%d: %s</title></rect>`,
				x, base-40, 2*pfBar, 40, s.fill(p.Status), stroke, p.Year, p.Status, p.Year, esc(words.Status[p.Status]))
			s.mark(x+pfBar, base-15, p.Status, words.Words)
			continue
		}
		bar := func(dx int, v *float64, kind, paint, label string) {
			if v == nil {
				return
			}
			h := scale(*v)
			dash := ""
			if kind == "plan" {
				dash = ` stroke-dasharray="4 2"`
			}
			value := num(*v)
			s.WriteString(`<rect x="` + strconv.Itoa(x+dx) + `" y="` + num(round1(float64(base)-h)) + `" width="` + strconv.Itoa(pfBar) + `" height="` + num(h) +
				`" fill="` + paint + `" stroke="` + stroke + `"` + dash + ` data-year="` + year + `" data-kind="` + kind + `" data-value="` + value +
				`"><title>` + year + ", " + esc(label) + ": " + value + `</title></rect>`)
			s.WriteString(`<text x="` + strconv.Itoa(x+dx+pfBar/2) + `" y="` + num(round1(float64(base)-h-4)) + `" text-anchor="middle" fill="` + ink +
				`" aria-hidden="true">` + value + `</text>`)
		}
		bar(0, p.Plan, "plan", "#ffffff", words.Plan)
		if p.Fact == nil {
			// No number reported: the year's status in the fact's place.
			fmt.Fprintf(s, `<rect x="%d" y="%d" width="%d" height="22" fill="%s" stroke="%s" data-year="%d" data-status="%s"><title>%d: %s</title></rect>`,
				x+pfBar, base-22, pfBar, s.fill(p.Status), stroke, p.Year, p.Status, p.Year, esc(words.Status[p.Status]))
			s.mark(x+pfBar+pfBar/2, base-6, p.Status, words.Words)
			continue
		}
		bar(pfBar, p.Fact, "fact", s.fill(p.Status), words.Fact)
	}
	// The plan's swatch, then the statuses the years have.
	fmt.Fprintf(s, `<rect x="0" y="%d" width="14" height="14" fill="#ffffff" stroke="%s" stroke-dasharray="4 2"/><text x="20" y="%d" fill="%s">%s</text>`,
		legendY, stroke, legendY+11, ink, esc(words.Plan))
	fmt.Fprintf(s, `<g transform="translate(%d 0)">`, textWidth(words.Plan)+40)
	s.legend(legendY, legendW, words.Words, keys)
	s.WriteString("</g>")
	return s.close()
}
