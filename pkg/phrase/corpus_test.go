package phrase

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// corpusLine is one phrase of testdata/phrases/*.tsv: the phrase as a
// public document writes it, its meaning written by hand in the notation
// of docs/phrases.md, the context it is read in and its source.
type corpusLine struct {
	line                        int
	phrase, expected, ctx, from string
}

func readCorpus(t testing.TB, name string) []corpusLine {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "phrases", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		if n == 1 {
			continue // the header
		}
		cells := strings.Split(sc.Text(), "\t")
		if len(cells) != 4 {
			t.Fatalf("%s:%d: %d cells, want 4", name, n, len(cells))
		}
		out = append(out, corpusLine{n, cells[0], cells[1], cells[2], cells[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// corpusContext reads "period=2021-2023 order=05.10.2022",
// "period=2022/2023" or "-".
func corpusContext(s string) (Context, error) {
	var c Context
	for _, f := range strings.Fields(s) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "-":
		case "period":
			if a, b, ok := strings.Cut(v, "/"); ok {
				c.From, _ = strconv.Atoi(a)
				c.To, _ = strconv.Atoi(b)
				c.SchoolYear = true
			} else if a, b, ok := strings.Cut(v, "-"); ok {
				c.From, _ = strconv.Atoi(a)
				c.To, _ = strconv.Atoi(b)
			} else {
				c.From, _ = strconv.Atoi(v)
				c.To = c.From
			}
			if c.From == 0 || c.To < c.From {
				return c, fmt.Errorf("bad period %q", v)
			}
		case "order":
			d, err := time.Parse("02.01.2006", v)
			if err != nil {
				return c, err
			}
			c.Order = d
		default:
			return c, fmt.Errorf("unknown context %q", f)
		}
	}
	return c, nil
}

// expandOccurrences writes "2021-2023:31.03,30.06" out as each date.
func expandOccurrences(s string) (string, error) {
	var out []string
	for _, f := range strings.Fields(s) {
		years, days, ok := strings.Cut(f, ":")
		if !ok {
			out = append(out, f)
			continue
		}
		a, b, _ := strings.Cut(years, "-")
		from, err1 := strconv.Atoi(a)
		to := from
		var err2 error
		if b != "" {
			to, err2 = strconv.Atoi(b)
		}
		if err1 != nil || err2 != nil || to < from {
			return "", fmt.Errorf("bad shorthand %q", f)
		}
		for y := from; y <= to; y++ {
			for _, d := range strings.Split(days, ",") {
				out = append(out, fmt.Sprintf("%s.%d", d, y))
			}
		}
	}
	return strings.Join(sortOccurrences(out), " "), nil
}

// sortOccurrences orders "dd.mm.yyyy" and "dd.mm.yyyy-dd.mm.yyyy" by
// their due date.
func sortOccurrences(occ []string) []string {
	key := func(s string) string {
		if _, by, ok := strings.Cut(s, "-"); ok {
			s = by
		}
		if len(s) != 10 {
			return s
		}
		return s[6:] + s[3:5] + s[:2]
	}
	for i := 1; i < len(occ); i++ {
		for j := i; j > 0 && key(occ[j]) < key(occ[j-1]); j-- {
			occ[j], occ[j-1] = occ[j-1], occ[j]
		}
	}
	return occ
}

// dueReading writes what the parser made of a phrase in the corpus
// notation, and whether it warns.
func dueReading(d Due, c Context) (string, bool) {
	warn := len(d.Assumptions(c)) > 0
	switch {
	case !d.Parsed:
		return "unread", false
	case d.Kind.Undated():
		return string(d.Kind), warn
	}
	var occ []string
	for _, dl := range d.Schedule(c) {
		s := dl.By.Format("02.01.2006")
		if !dl.From.IsZero() {
			s = dl.From.Format("02.01.2006") + "-" + s
		}
		occ = append(occ, s)
	}
	if len(occ) == 0 {
		return "unread", warn
	}
	return strings.Join(sortOccurrences(occ), " "), warn
}

// TestDeadlineCorpus reads every deadline phrase of the corpus and holds
// the parser to issue 13: at least 95 % of the phrases that have a date or
// a kind read as their expected meaning, and none read otherwise without a
// warning.
func TestDeadlineCorpus(t *testing.T) {
	t.Parallel()
	lines := readCorpus(t, "deadlines.tsv")
	var correct, warned, wrongWarned, wrongSilent, unread, meant int
	for _, l := range lines {
		c, err := corpusContext(l.ctx)
		if err != nil {
			t.Errorf("deadlines.tsv:%d: %v", l.line, err)
			continue
		}
		wantWarn := strings.HasPrefix(l.expected, "warn ")
		want, err := expandOccurrences(strings.TrimPrefix(l.expected, "warn "))
		if err != nil {
			t.Errorf("deadlines.tsv:%d: %v", l.line, err)
			continue
		}
		got, gotWarn := dueReading(ParseDue(l.phrase), c)
		if want != "unread" {
			meant++
		}
		switch {
		case got == want && gotWarn == wantWarn:
			correct++
			if gotWarn {
				warned++
			}
		case got == want && gotWarn:
			// Read right, warned where the corpus sees no doubt.
			correct++
			warned++
			t.Logf("deadlines.tsv:%d: %q read right but warned", l.line, l.phrase)
		case got == "unread":
			unread++
			t.Logf("deadlines.tsv:%d: %q unread, want %s", l.line, l.phrase, l.expected)
		case gotWarn:
			wrongWarned++
			t.Logf("deadlines.tsv:%d: %q read %s with a warning, want %s", l.line, l.phrase, got, l.expected)
		default:
			wrongSilent++
			t.Errorf("deadlines.tsv:%d: %q read %s without a warning, want %s", l.line, l.phrase, got, l.expected)
		}
	}
	t.Logf("deadline corpus: %d phrases, %d with a date or a kind; correct %d (%d of them with a warning), wrong with a warning %d, wrong without a warning %d, unread %d",
		len(lines), meant, correct, warned, wrongWarned, wrongSilent, unread)
	if meant > 0 && float64(correct) < 0.95*float64(meant) {
		t.Errorf("%d of %d deadline phrases read correctly (%.1f %%), want at least 95 %%", correct, meant, 100*float64(correct)/float64(meant))
	}
}

// BenchmarkParseDueCorpus reads and schedules every deadline of the corpus.
func BenchmarkParseDueCorpus(b *testing.B) {
	lines := readCorpus(b, "deadlines.tsv")
	ctx := Context{From: 2021, To: 2023}
	b.ResetTimer()
	for b.Loop() {
		for _, l := range lines {
			ParseDue(l.phrase).Schedule(ctx)
		}
	}
}
