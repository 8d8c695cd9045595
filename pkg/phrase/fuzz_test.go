package phrase

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
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
			if d.Schedule(Context{From: 2020, To: 2022}) != nil {
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
		if d.From != nil && d.From.Year > 0 && !before(*d.From, *d.To) {
			t.Fatalf("span %v – %v not forward", *d.From, *d.To)
		}
		_ = d.OutsidePeriod(2020, 2022)
		_ = d.Assumptions(Context{From: 2020, To: 2022})
		for _, c := range []Context{{From: 2020, To: 2022}, {From: 2022, To: 2020}, {}, {From: -5, To: 3000},
			{From: 2022, To: 2023, SchoolYear: true}, {From: 2022, To: 2022, Order: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)}} {
			s := d.Schedule(c)
			if !slices.IsSortedFunc(s, func(a, b Deadline) int { return a.By.Compare(b.By) }) {
				t.Fatalf("Schedule(%+v) not ascending: %v", c, s)
			}
			for _, dl := range s {
				if y := dl.By.Year(); y < dl.Year-1 || y > dl.Year+1 {
					t.Fatalf("Schedule(%+v): deadline %v far from its year %d", c, dl.By, dl.Year)
				}
				if !dl.From.IsZero() && dl.From.After(dl.By) {
					t.Fatalf("Schedule(%+v): occurrence %v – %v backwards", c, dl.From, dl.By)
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
