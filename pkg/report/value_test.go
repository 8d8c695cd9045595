package report

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestParseValue(t *testing.T) {
	num := func(v float64) string { return fmt.Sprint(v) }
	tests := []struct {
		display, raw string
		want         string // number[%] | yes | no | doc | date | text
	}{
		{"57", "57", num(57)},
		{"57%", "", "57%"},
		{"57,5 %", "", "57.5%"},
		{"57.50%", "0.575", "57.5%"},
		{"58%", "0.575", "57.5%"}, // a "0%" format rounds the display; the stored value does not
		{"0,575", "", num(0.575)},
		{"15 чел.", "", num(15)},
		{"17 человек", "", num(17)},
		{"1 234", "", num(1234)},
		{"да", "", "yes"},
		{"Да", "", "yes"},
		{"есть", "", "yes"},
		{"+", "", "yes"},
		{"выполнено", "", "yes"},
		{"Выполнено", "", "yes"},
		{"нет", "", "no"},
		{"-", "", "no"},
		{"не выполнено", "", "no"},
		{"Приказ № 12 от 01.09.2020", "", "doc 2020-09-01"},
		{"план работы от 20.08.2020", "", "doc 2020-08-20"},
		{"01.09.2020", "44075", "date 2020-09-01"},
		{"проведены 2 площадки", "", "text"},
		{"", "", "empty"},
	}
	for _, tt := range tests {
		v := ParseValue(tt.display, tt.raw)
		if got := describe(v); got != tt.want {
			t.Errorf("ParseValue(%q, %q) = %s, want %s", tt.display, tt.raw, got, tt.want)
		}
	}
}

func describe(v Value) string {
	switch {
	case v.Empty():
		return "empty"
	case v.Number != nil && v.Percent:
		return fmt.Sprint(*v.Number) + "%"
	case v.Number != nil:
		return fmt.Sprint(*v.Number)
	case v.Document != "":
		return "doc " + v.Date.String()
	case !v.Date.IsZero():
		return "date " + v.Date.String()
	case v.Yes != nil && *v.Yes:
		return "yes"
	case v.Yes != nil:
		return "no"
	}
	return "text"
}

func TestParseDate(t *testing.T) {
	for _, tt := range []struct{ display, raw, want string }{
		{"01.09.2020", "44075", "2020-09-01"},
		{"", "44075", "2020-09-01"},
		{"2021-08-27", "", "2021-08-27"},
		{"27.08.2021", "", "2021-08-27"},
		{"вчера", "", ""},
	} {
		d, _ := ParseDate(tt.display, tt.raw)
		if d.String() != tt.want {
			t.Errorf("ParseDate(%q, %q) = %q, want %q", tt.display, tt.raw, d, tt.want)
		}
	}
}

// FuzzParseValue: any cell text, displayed and raw, reads without panic
// into a consistent value.
func FuzzParseValue(f *testing.F) {
	for _, s := range [][2]string{{"57", "57"}, {"57,5 %", ""}, {"58%", "0.575"}, {"01.09.2020", "44075"},
		{"Приказ № 12 от 01.09.2020", ""}, {"да", ""}, {"15 чел.", ""}, {"1e308%", "1e308"}, {"NaN", "NaN"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, display, raw string) {
		v := ParseValue(display, raw)
		if v.Number != nil && (math.IsNaN(*v.Number) || math.IsInf(*v.Number, 0)) {
			t.Errorf("non-finite number from %q/%q", display, raw)
		}
		if v.Empty() != (v.Text == "") {
			t.Error("Empty disagrees with Text")
		}
		if v.Percent && v.Number == nil {
			t.Error("percent without a number")
		}
		_, _ = ParseDate(display, raw)
	})
}

func TestMatchHeader(t *testing.T) {
	tests := []struct {
		in   string
		want Field
		ok   bool
	}{
		{"Факт", FieldFact, true},
		{"ФАКТ", FieldFact, true},
		{"Фактическое значение", FieldFact, true},
		{"Отчётный год: факт", FieldFact, true},
		{"Факт 2021", FieldFact, true},
		{"Значение", FieldFact, true},
		{"№\nп/п", FieldN, true},
		{"N п/п", FieldN, true},
		{"Код", FieldID, true},
		{"  Индикативный   показатель ", FieldIndicator, true},
		{"Обоснование причин отклонения", FieldReason, true},
		{"Наименование мероприятия", FieldTitle, true},
		{"Документ / комментарий", FieldDocument, true},
		{"Ответственный", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := MatchHeader(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("MatchHeader(%q) = %v, %v; want %v, %v", tt.in, got.Key(), ok, tt.want.Key(), tt.ok)
		}
	}
}

// TestActivityNumber: a № cell reads as typed or as Excel stored it.
func TestActivityNumber(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ display, raw, want string }{
		{"3", "3", "3"},
		{"3.", "3.", "3"},
		{"2.3", "2.3", "2.3"},
		{"2.10", "2.10", "2.10"},             // text: the trailing zero is kept
		{"2,3", "2.3", "2.3"},                // a number under a Russian format
		{"2.3", "2.2999999999999998", "2.3"}, // a number as stored
		{"", "2.2999999999999998", "2.3"},
		{"1.1.", "1.1.", "1.1"},
		{"I", "I", ""},
		{"", "", ""},
		{"-2", "-2", ""},
	} {
		n, ok := Cell{Display: tt.display, Raw: tt.raw}.ActivityNumber()
		if string(n) != tt.want || ok != (tt.want != "") {
			t.Errorf("ActivityNumber(%q, %q) = %q %v, want %q", tt.display, tt.raw, n, ok, tt.want)
		}
	}
}

// TestStaleUnpackingSwept: a directory a killed Read left in the temporary
// directory over an hour ago is removed by the next run's sweep; a fresh
// one is not.
func TestStaleUnpackingSwept(t *testing.T) {
	root := t.TempDir()
	old, fresh := filepath.Join(root, tempPrefix+"1"), filepath.Join(root, tempPrefix+"2")
	for _, d := range []string{old, fresh} {
		if err := os.MkdirAll(filepath.Join(d, "sheet"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	sweepStale(root)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the stale directory is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("the fresh directory was removed: %v", err)
	}
}
