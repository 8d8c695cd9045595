package roadmap

import (
	"slices"
	"testing"
)

func TestParseNumber(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want Number
		ok   bool
	}{
		{"3", "3", true}, {"3.", "3", true}, {" 2.3 ", "2.3", true}, {"2.3.", "2.3", true},
		{"02.10", "2.10", true}, {"1.2.3", "1.2.3", true},
		{"", "", false}, {"0", "", false}, {"2..3", "", false}, {"II", "", false}, {"2.а", "", false}, {"-1", "", false},
	} {
		got, ok := ParseNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumber(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if Number("2.9").Compare("2.10") >= 0 || Number("2").Compare("2.1") >= 0 || Number("3").Compare("2.10") <= 0 {
		t.Error("numbers do not compare part by part")
	}
	if Number("2.3").With(4) != "2.4" || Number("5").With(1) != "1" || Number("2.3").Prefix() != "2" {
		t.Error("With or Prefix")
	}
}

func TestRenumber(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name     string
		ns       []Number
		sections []string
		want     []Number
	}{
		{"plain, one removed", []Number{"1", "3", "4"}, []string{"", "", ""}, []Number{"1", "2", "3"}},
		{"plain, one added", []Number{"1", "", "2"}, []string{"", "", ""}, []Number{"1", "2", "3"}},
		{"plain across sections", []Number{"1", "2", "3"}, []string{"a", "a", "b"}, []Number{"1", "2", "3"}},
		{"plain, again in each section", []Number{"1", "2", "1", "3"}, []string{"a", "a", "b", "b"}, []Number{"1", "2", "1", "2"}},
		{"dotted, one added", []Number{"1.1", "", "1.2", "2.1"}, []string{"a", "a", "a", "b"}, []Number{"1.1", "1.2", "1.3", "2.1"}},
		{"dotted, moved to another section", []Number{"1.1", "2.1", "1.2", "2.2"}, []string{"a", "b", "b", "b"}, []Number{"1.1", "2.1", "2.2", "2.3"}},
		{"dotted, new section row", []Number{"1.1", "1.2", ""}, []string{"a", "a", "c"}, []Number{"1.1", "1.2", "3"}},
	} {
		if got := Renumber(tt.ns, tt.sections); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Renumber(%q) = %q, want %q", tt.name, tt.ns, got, tt.want)
		}
	}
}
