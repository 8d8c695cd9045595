package phrase

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// strictlyAscending reports whether s is ascending without repeats, every
// element within [lo, hi].
func strictlyAscending(s []int, lo, hi int) bool {
	for i, v := range s {
		if v < lo || v > hi || i > 0 && v <= s[i-1] {
			return false
		}
	}
	return true
}

func FuzzParseDue(f *testing.F) {
	for _, s := range seedDues {
		f.Add(s)
	}
	for _, c := range dueCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d := ParseDue(in)
		if d.Text != strings.TrimSpace(in) {
			t.Fatalf("Text = %q, want the trimmed input", d.Text)
		}
		if !d.Parsed {
			if !reflect.DeepEqual(d, Due{Text: d.Text}) {
				t.Fatalf("unparsed Due has fields set: %+v", d)
			}
			if d.Schedule(2020, 2022) != nil {
				t.Fatal("unparsed Due has a schedule")
			}
			return
		}
		if !strictlyAscending(d.Years, minYear, maxYear) {
			t.Fatalf("Years %v", d.Years)
		}
		if !strictlyAscending(d.Months, 1, 12) {
			t.Fatalf("Months %v", d.Months)
		}
		if !strictlyAscending(d.Quarters, 1, 4) {
			t.Fatalf("Quarters %v", d.Quarters)
		}
		if d.Day < 0 || d.Day > 31 || d.Day > 0 && len(d.Months) == 0 {
			t.Fatalf("Day %d with Months %v", d.Day, d.Months)
		}
		if (d.From == nil) != (d.To == nil) {
			t.Fatalf("From %v To %v", d.From, d.To)
		}
		if d.From != nil && d.From.Year*12+d.From.Month >= d.To.Year*12+d.To.Month {
			t.Fatalf("span %v – %v not forward", *d.From, *d.To)
		}
		_ = d.OutsidePeriod(2020, 2022)
		for _, p := range [][2]int{{2020, 2022}, {2022, 2020}, {0, 0}, {-5, 3000}} {
			s := d.Schedule(p[0], p[1])
			if !slices.IsSortedFunc(s, func(a, b Deadline) int { return a.Year - b.Year }) {
				t.Fatalf("Schedule(%d, %d) not ascending: %v", p[0], p[1], s)
			}
			for _, dl := range s {
				if dl.By.Year() != dl.Year {
					t.Fatalf("Schedule(%d, %d): deadline %v outside its year %d", p[0], p[1], dl.By, dl.Year)
				}
			}
		}
	})
}

func FuzzParseIndicator(f *testing.F) {
	for _, s := range seedIndicators {
		f.Add(s)
	}
	for _, c := range indicatorCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ind := ParseIndicator(in)
		if ind.Text != strings.TrimSpace(in) {
			t.Fatalf("Text = %q, want the trimmed input", ind.Text)
		}
		if !ind.Kind.Valid() {
			t.Fatalf("Kind %q", ind.Kind)
		}
		if !ind.Parsed {
			if !reflect.DeepEqual(ind, Indicator{Text: ind.Text, Kind: KindText}) {
				t.Fatalf("unparsed Indicator has fields set: %s", dumpIndicator(ind))
			}
			return
		}
		for i, tg := range ind.Targets {
			if tg.Year < minYear || tg.Year > maxYear || i > 0 && tg.Year <= ind.Targets[i-1].Year {
				t.Fatalf("Targets %v", ind.Targets)
			}
		}
		switch ind.Kind {
		case KindDocument:
			if len(ind.Documents) == 0 {
				t.Fatal("document without documents")
			}
			for _, d := range ind.Documents {
				if d == "" {
					t.Fatal("empty document name")
				}
			}
		case KindCount, KindPercent:
			if (ind.Min == nil) == (ind.Max == nil) {
				t.Fatalf("threshold needs exactly one of Min, Max: %s", dumpIndicator(ind))
			}
		case KindTargets:
			if len(ind.Targets) == 0 {
				t.Fatal("targets without targets")
			}
		}
		if ind.Kind == KindPercent && ind.Unit != "%" {
			t.Fatalf("percent with Unit %q", ind.Unit)
		}
	})
}
