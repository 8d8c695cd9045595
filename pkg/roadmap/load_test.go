package roadmap_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

const minimal = `format: roadmap/v1
id: test
district: Тестовый район
authority: Управление образования
direction: Профориентация
period: {from: 2020, to: 2022}
document: {kind: order, number: "1", date: 2020-01-15, title: Об утверждении}
activities:
  - id: a
    n: 1
    title: Мероприятие
    due: Ежегодно август
    indicator: Не менее 15 участников в год
    executors: [МКУ МЦПРО]
`

// occurrences writes the due dates of the first activity, "undated" for
// an occurrence with no date.
func occurrences(r *roadmap.Roadmap) string {
	var out []string
	for _, dl := range r.Occurrences(r.Activities[0]) {
		if dl.By.IsZero() {
			out = append(out, "undated")
		} else {
			out = append(out, dl.By.Format("2006-01-02"))
		}
	}
	return strings.Join(out, " ")
}

func codes(fs []diag.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d %s", f.Line, f.Col, f.Code))
	}
	return strings.Join(out, ", ")
}

func TestParseAccepts(t *testing.T) {
	tests := []struct {
		name string
		data string
		// check inspects the decoded roadmap.
		check func(t *testing.T, r *roadmap.Roadmap)
	}{
		{"plain", minimal, func(t *testing.T, r *roadmap.Roadmap) {
			a := r.Activities[0]
			if a.ID != "a" || a.N != "1" || a.Due.Months[0] != 8 || *a.Indicator.Min != 15 {
				t.Errorf("decoded wrongly: %+v", a)
			}
			if r.Document.Date != (roadmap.Date{Year: 2020, Month: 1, Day: 15}) {
				t.Errorf("date = %v", r.Document.Date)
			}
		}},
		{"utf-8 BOM", "\xEF\xBB\xBF" + minimal, func(t *testing.T, r *roadmap.Roadmap) {
			if r.Format != roadmap.FormatV1 {
				t.Errorf("format = %q", r.Format)
			}
		}},
		{"CRLF line ends", strings.ReplaceAll(minimal, "\n", "\r\n"), func(t *testing.T, r *roadmap.Roadmap) {
			if r.Activities[0].Title != "Мероприятие" || r.Activities[0].Executors[0] != "МКУ МЦПРО" {
				t.Errorf("CRLF leaked into values: %q", r.Activities[0].Title)
			}
			if p := r.Pos("activities[0].due"); p.Line != 12 || p.Col != 10 {
				t.Errorf("due position = %v, want 12:10", p)
			}
		}},
		{"Russian date form", strings.Replace(minimal, "date: 2020-01-15", "date: 15.01.2020", 1), func(t *testing.T, r *roadmap.Roadmap) {
			if r.Document.Date.String() != "2020-01-15" {
				t.Errorf("date = %v", r.Document.Date)
			}
		}},
		{"order number as a number", strings.Replace(minimal, `number: "1"`, `number: 42.60`, 1), func(t *testing.T, r *roadmap.Roadmap) {
			if r.Document.Number != "42.60" {
				t.Errorf("number = %q, want the text as written", r.Document.Number)
			}
		}},
		{"number sign", strings.Replace(minimal, `number: "1"`, `number: "№ 355.1/01-07"`, 1), func(t *testing.T, r *roadmap.Roadmap) {
			if r.Document.Number != "355.1/01-07" {
				t.Errorf("number = %q", r.Document.Number)
			}
		}},
		{"N sign and a backslash", strings.Replace(minimal, `number: "1"`, `number: 'N01-03\482'`, 1), func(t *testing.T, r *roadmap.Roadmap) {
			if r.Document.Number != `01-03\482` {
				t.Errorf("number = %q", r.Document.Number)
			}
		}},
		{"one executor as text", strings.Replace(minimal, "executors: [МКУ МЦПРО]", "executors: МКУ МЦПРО", 1), func(t *testing.T, r *roadmap.Roadmap) {
			if got := r.Activities[0].Executors; len(got) != 1 || got[0] != "МКУ МЦПРО" {
				t.Errorf("executors = %q", got)
			}
		}},
		{"explicit indicator wins", strings.Replace(minimal, "indicator: Не менее 15 участников в год",
			"indicator: {text: Не менее 15 участников в год, min: 20, per: total}", 1), func(t *testing.T, r *roadmap.Roadmap) {
			ind := r.Activities[0].Indicator
			if ind.Kind != phrase.KindCount || *ind.Min != 20 || ind.Per != phrase.PerTotal || ind.Unit != "участников" {
				t.Errorf("indicator = %+v", ind)
			}
		}},
		{"explicit kind on unreadable text", strings.Replace(minimal, "indicator: Не менее 15 участников в год",
			"indicator: {text: Площадки СПО, kind: text}", 1), func(t *testing.T, r *roadmap.Roadmap) {
			ind := r.Activities[0].Indicator
			if ind.Kind != phrase.KindText || !ind.Parsed {
				t.Errorf("indicator = %+v", ind)
			}
		}},
		{"kind inferred from targets", strings.Replace(minimal, "indicator: Не менее 15 участников в год",
			"indicator: {text: рост охвата, unit: '%', targets: {2021: 30, 2020: 20}}", 1), func(t *testing.T, r *roadmap.Roadmap) {
			ind := r.Activities[0].Indicator
			want := []phrase.Target{{Year: 2020, Value: 20}, {Year: 2021, Value: 30}}
			if ind.Kind != phrase.KindTargets || !ind.Parsed || fmt.Sprint(ind.Targets) != fmt.Sprint(want) {
				t.Errorf("indicator = %+v", ind)
			}
		}},
		{"explicit due", strings.Replace(minimal, "due: Ежегодно август",
			"due: {text: по согласованию, years: [2022, 2021], months: [5]}", 1), func(t *testing.T, r *roadmap.Roadmap) {
			d := r.Activities[0].Due
			if !d.Parsed || fmt.Sprint(d.Years) != "[2021 2022]" || fmt.Sprint(d.Months) != "[5]" {
				t.Errorf("due = %+v", d)
			}
			if got := occurrences(r); got != "2021-05-31 2022-05-31" {
				t.Errorf("occurrences = %s", got)
			}
		}},
		// Explicit structure wins over the text's reading, for every kind.
		{"explicit months and day over the text", strings.Replace(minimal, "due: Ежегодно август",
			"due: {text: Ежегодно август, years: [2021], months: [5], day: 15}", 1), func(t *testing.T, r *roadmap.Roadmap) {
			if got := occurrences(r); got != "2021-05-15" {
				t.Errorf("occurrences = %s", got)
			}
		}},
		{"explicit quarters", strings.Replace(minimal, "due: Ежегодно август",
			"due: {text: по графику, years: [2021], quarters: [1, 3]}", 1), func(t *testing.T, r *roadmap.Roadmap) {
			if got := occurrences(r); got != "2021-03-31 2021-09-30" {
				t.Errorf("occurrences = %s", got)
			}
		}},
		{"explicit recurrence", strings.Replace(minimal, "due: Ежегодно август",
			"due: {text: по графику отчётности, recur: quarter, recur_day: 10, next_month: true, years: [2021]}", 1), func(t *testing.T, r *roadmap.Roadmap) {
			if got := occurrences(r); got != "2021-04-10 2021-07-10 2021-10-10 2022-01-10" {
				t.Errorf("occurrences = %s", got)
			}
		}},
		{"explicit term from the order", strings.Replace(minimal, "due: Ежегодно август",
			"due: {text: в установленный срок, after: {n: 3, unit: month}}", 1), func(t *testing.T, r *roadmap.Roadmap) {
			if got := occurrences(r); got != "2020-04-15" {
				t.Errorf("occurrences = %s", got)
			}
		}},
		{"explicit kind", strings.Replace(minimal, "due: Ежегодно август",
			"due: {text: Ежегодно август, kind: continuous}", 1), func(t *testing.T, r *roadmap.Roadmap) {
			if d := r.Activities[0].Due; d.Kind != phrase.DueContinuous {
				t.Errorf("kind = %q", d.Kind)
			}
			if got := occurrences(r); got != "undated undated undated" {
				t.Errorf("occurrences = %s", got)
			}
		}},
		{"merge keys and x- anchors", strings.Replace(minimal, "activities:\n  - id: a\n    n: 1\n",
			"x-common: &common\n  executors: [Общее]\n  n: 1\nactivities:\n  - <<: *common\n    id: a\n", 1), func(t *testing.T, r *roadmap.Roadmap) {
			a := r.Activities[0]
			if a.N != "1" || a.Executors[0] != "МКУ МЦПРО" {
				t.Errorf("merge: explicit keys must win: %+v", a)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, fs := roadmap.Parse("f.yaml", []byte(tt.data))
			if len(fs) > 0 {
				t.Fatalf("unexpected findings: %s", codes(fs))
			}
			if r == nil {
				t.Fatal("no roadmap")
			}
			tt.check(t, r)
		})
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // positions and codes of the findings
	}{
		{"tab indentation", strings.Replace(minimal, "    n: 1", "\tn: 1", 1), "10:1 RM001"},
		{"sequence where text expected", strings.Replace(minimal, "title: Мероприятие", "title: [a, b]", 1), "11:12 RM005"},
		{"bool where integer expected", strings.Replace(minimal, "n: 1", "n: true", 1), "10:8 RM005"},
		{"year key not a year", strings.Replace(minimal, "indicator: Не менее 15 участников в год",
			"indicator: {text: x, targets: {двадцать: 5}}", 1), "13:36 RM005"},
		{"duplicate year", strings.Replace(minimal, "indicator: Не менее 15 участников в год",
			"indicator: {text: x, targets: {2020: 5, 2020: 6}}", 1), "13:45 RM002"},
		{"enum in indicator", strings.Replace(minimal, "indicator: Не менее 15 участников в год",
			"indicator: {text: x, kind: amount}", 1), "13:32 RM023"},
		{"null required field", strings.Replace(minimal, "title: Мероприятие", "title:", 1), "11:5 RM004"},
		{"empty required text", strings.Replace(minimal, "title: Мероприятие", `title: ""`, 1), "11:5 RM004"},
		{"KOI8-R", "id: \xf4\xc5\xd3\xd4\n", "1:5 RM020"},
		{"UTF-16", "\xff\xfei\x00d\x00", "1:1 RM020"},
		{"diff3 marker", minimal + "||||||| base\n", "15:1 RM019"},
		{"alias cycle", "format: roadmap/v1\ngoals: &g [*g]\n", "1:1 RM004, 1:1 RM004, 1:1 RM004, 1:1 RM004, 1:1 RM004, 2:8 RM005"},
		{"only comments", "# nothing\n", "1:1 RM024"},
		{"a list, not a mapping", "- a\n- b\n", "1:1 RM005"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := roadmap.Parse("f.yaml", []byte(tt.data))
			diag.Sort(fs)
			if got := codes(fs); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGuessEncoding(t *testing.T) {
	text := "Проведение мониторинга эффективности работы"
	tests := []struct {
		name  string
		bytes []byte
		want  string
	}{
		{"windows-1251", encode(text, cp1251), "windows-1251"},
		{"KOI8-R", encode(text, koi8r), "KOI8-R"},
		{"CP866", encode(text, cp866), "CP866"},
		// Without a byte-order mark (issue 16: named CP866 before).
		{"UTF-16LE", utf16(text, false), "UTF-16"},
		{"UTF-16BE", utf16(text, true), "UTF-16"},
	}
	for _, tt := range tests {
		if got := roadmap.GuessEncoding(tt.bytes); got != tt.want {
			t.Errorf("%s: got %s", tt.name, got)
		}
	}
}

// utf16 encodes text as UTF-16 without a byte-order mark.
func utf16(text string, bigEndian bool) []byte {
	var out []byte
	for _, r := range text {
		hi, lo := byte(r>>8), byte(r)
		if bigEndian {
			out = append(out, hi, lo)
		} else {
			out = append(out, lo, hi)
		}
	}
	return out
}

// The three single-byte Cyrillic encodings, enough of them for the test:
// the code of "А" and "а" and how the alphabet runs from there.
func cp1251(r rune) byte {
	switch {
	case r >= 'А' && r <= 'я':
		return byte(0xC0 + r - 'А')
	}
	return byte(r)
}

func koi8r(r rune) byte {
	const lower = "юабцдефгхийклмнопярстужвьызшэщчъ"
	for i, c := range []rune(lower) {
		if c == r {
			return byte(0xC0 + i)
		}
		if c == []rune(strings.ToUpper(string(r)))[0] {
			return byte(0xE0 + i)
		}
	}
	for i, c := range []rune(strings.ToUpper(lower)) {
		if c == r {
			return byte(0xE0 + i)
		}
	}
	return byte(r)
}

func cp866(r rune) byte {
	switch {
	case r >= 'А' && r <= 'Я':
		return byte(0x80 + r - 'А')
	case r >= 'а' && r <= 'п':
		return byte(0xA0 + r - 'а')
	case r >= 'р' && r <= 'я':
		return byte(0xE0 + r - 'р')
	}
	return byte(r)
}

func encode(s string, f func(rune) byte) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, f(r))
	}
	return b
}

// TestReadFileTooLarge: a file over MaxFileSize is refused by its size
// (a sparse file: nothing is written or read), standard input after
// MaxFileSize+1 bytes; both errors are roadmap.ErrTooLarge.
func TestReadFileTooLarge(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(roadmap.MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	stdin := io.LimitReader(zeros{}, roadmap.MaxFileSize+1)
	for _, name := range []string{path, "-"} {
		if _, err := roadmap.ReadFile(name, stdin); !errors.Is(err, roadmap.ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", name, err)
		}
	}
	if data, err := roadmap.ReadFile("-", nil); err != nil || len(data) != 0 {
		t.Errorf("no stdin: %q, %v; want empty", data, err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestRussianKeySuggestions: a Russian column or field name typed as a key
// suggests the key it means where it stands.
func TestRussianKeySuggestions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ from, to, want string }{
		{"activities:\n", "мероприятия:\n", "activities"},
		{"    title: Мероприятие\n", "    мероприятие: Мероприятие\n", "title"},
		{"    n: 1\n", "    номер: 1\n", "n"},
		{`number: "1"`, `номер: "1"`, "number"},
		{"    executors: [МКУ МЦПРО]\n", "    ответственные: [МКУ МЦПРО]\n", "executors"},
		{"    due: Ежегодно август\n", "    срок исполнения: Ежегодно август\n", "due"},
	} {
		data := strings.Replace(minimal, tc.from, tc.to, 1)
		if data == minimal {
			t.Fatalf("%q not in the fixture", tc.from)
		}
		_, fs := roadmap.Parse("f.yaml", []byte(data))
		found := false
		for _, f := range fs {
			if msg := f.Message(i18n.EN); f.Code == diag.UnknownKey && strings.Contains(msg, `"`+tc.want+`"`) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: %v, want a suggestion of %s", strings.TrimSpace(tc.to), fs, tc.want)
		}
	}
}

// TestSyntaxProblemsInRussian: whatever the YAML library's problem, a
// Russian user reads Russian: the problems it words with a value, those
// the catalogue names, and any other in general terms.
func TestSyntaxProblemsInRussian(t *testing.T) {
	english := regexp.MustCompile(`[A-Za-z]{3,} [A-Za-z]{3,}`)
	for _, data := range []string{
		"a: " + strings.Repeat("[", 10_001) + strings.Repeat("]", 10_001) + "\n",
		"a: *nowhere\n",
		"a: b\x01c\n",
		"a: !foo!bar x\n",
		"a: \"\\q\"\n",
		"a: b\n--- c\n",
		"a: 'x' y\n",
		"? a\n: b\n- c\n",
		"%YAML 1.1\n%YAML 1.1\n---\na: b\n",
		"a: &\n",
		"a: |0\n  x\n",
	} {
		_, fs := roadmap.Parse("f.yaml", []byte(data))
		if len(fs) == 0 {
			t.Errorf("%q: no finding", data)
			continue
		}
		for _, f := range fs {
			if msg := f.Message(i18n.RU); english.MatchString(msg) {
				t.Errorf("%q: %s in English: %s", data, f.Code, msg)
			}
		}
	}
}
