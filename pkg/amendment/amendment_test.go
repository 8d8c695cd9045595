package amendment_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

const head = "format: roadmap-amendment/v1\nroadmap: test-district\n" +
	"document: {kind: order, number: \"15/01-09\", date: 2021-03-01, title: О внесении изменений}\n"

func TestIsAmendment(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		data string
		want bool
	}{
		{"format: roadmap-amendment/v1\n", true},
		{"\xEF\xBB\xBFformat: 'roadmap-amendment/v1'\r\n", true},
		{"# an order\nformat: \"roadmap-amendment/v2\"  # a later version\n", true},
		{"format: roadmap/v1\nid: x\n", false},
		{"id: x\n  format: roadmap-amendment/v1\n", false}, // not top-level
		{"", false},
	} {
		if got := amendment.IsAmendment([]byte(tc.data)); got != tc.want {
			t.Errorf("IsAmendment(%q) = %v, want %v", tc.data, got, tc.want)
		}
	}
}

// changesOf describes the changes compactly: kind, id, after, renamed
// executors and field keys.
func changesOf(a *amendment.Amendment) string {
	var out []string
	for _, c := range a.Changes {
		s := string(c.Kind)
		if c.ID != "" {
			s += ":" + c.ID
		}
		if c.After != "" {
			s += "@" + c.After
		}
		if c.From != "" {
			s += ":" + c.From + ">" + c.To
		}
		if len(c.Fields) > 0 {
			var keys []string
			for _, f := range c.Fields {
				keys = append(keys, f.Key)
			}
			s += "[" + strings.Join(keys, ",") + "]"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// codesOf lists the findings as line:column:code.
func codesOf(fs []diag.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d:%s ", f.Line, f.Col, f.Code)
	}
	return strings.TrimSpace(b.String())
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, changes string
		want, codes   string
	}{
		{"every kind", `changes:
  - set: a
    title: T
    note: null
  - add: {id: x, n: 5, title: T, due: 2021 г., indicator: I, executors: [E]}
    after: first
  - remove: b
  - move: c
    after: d
  - rename_executor: {from: A, to: B}
  - period: {from: 2020, to: 2024}
    title: T
`, "set:a[title,note] add:x@first[id,title,due,indicator,executors] remove:b move:c@d rename_executor:A>B roadmap[period,title]", ""},
		{"aliases resolved", `x-act: &act {id: x, title: T, due: 2021 г., indicator: I, executors: [E]}
changes:
  - add: *act
`, "add:x[id,title,due,indicator,executors]", ""},
		{"missing changes", "", "", "1:1:RM004"},
		{"null changes", "changes:\n", "", "4:1:RM004"},
		{"changes not a list", "changes: {set: a}\n", "", "4:10:RM005"},
		{"item not a mapping", "changes:\n  - set\n", "", "5:5:RM005"},
		{"two actions", "changes:\n  - set: a\n    remove: a\n", "", "5:5:RM206"},
		{"empty change", "changes:\n  - {}\n", "", "5:5:RM206"},
		{"nothing to set", "changes:\n  - set: a\n", "", "5:5:RM206"},
		{"after without add", "changes:\n  - title: T\n    after: a\n", "roadmap[title,after]", "6:5:RM206"},
		{"required field removed", "changes:\n  - set: a\n    title: null\n  - authority: null\n", "set:a[title] roadmap[authority]", "6:5:RM004 7:5:RM004"},
		// District is required of a district roadmap only; the check of
		// the result says so when it is.
		{"district removed", "changes:\n  - district: null\n", "roadmap[district]", ""},
		{"misspelt action", "changes:\n  - sett: a\n", "roadmap[sett]", "5:5:RM003"},
		{"add without id", "changes:\n  - add: {title: T, due: 2021 г., indicator: I, executors: [E]}\n", "add[title,due,indicator,executors]", "5:10:RM004"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, fs := amendment.Parse("a.yaml", []byte(head+tc.changes))
			if a == nil {
				t.Fatalf("nil amendment: %v", fs)
			}
			if got := changesOf(a); got != tc.want {
				t.Errorf("changes %q, want %q", got, tc.want)
			}
			if got := codesOf(fs); got != tc.codes {
				t.Errorf("findings %q, want %q", got, tc.codes)
			}
		})
	}
}

func TestParseHeader(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		data, codes string
		nilResult   bool
	}{
		{"- a list\n", "1:1:RM005", true},
		{"format: roadmap-amendment/v2\nroadmap: r\ndocument: {kind: order, number: \"1\", date: 2021-03-01, title: T}\nchanges: []\n", "1:9:RM022", false},
		{"format: roadmap-amendment/v1\nchanges: []\n", "1:1:RM004 1:1:RM004", false},
		{"format: roadmap-amendment/v1\nroadmap: r\ndocument: {kind: decree, number: \"1\", date: 2021-13-01, title: T}\nchanges: []\n", "3:18:RM023 3:45:RM006", false},
	} {
		a, fs := amendment.Parse("a.yaml", []byte(tc.data))
		if (a == nil) != tc.nilResult {
			t.Errorf("%q: amendment %v, want nil %v", tc.data, a, tc.nilResult)
		}
		if got := codesOf(fs); got != tc.codes {
			t.Errorf("%q: findings %q, want %q", tc.data, got, tc.codes)
		}
	}
}

func rulesBase(t testing.TB) *roadmap.Roadmap {
	t.Helper()
	r, fs, err := roadmap.Load(filepath.Join(dataDir, "rules/base.yaml"), nil)
	if err != nil || r == nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	return r
}

func mustParse(t *testing.T, file, data string) *amendment.Amendment {
	t.Helper()
	a, fs := amendment.Parse(file, []byte(data))
	if a == nil || len(fs) > 0 {
		t.Fatalf("%s: %v", file, fs)
	}
	return a
}

// TestValidateInSequence: one State carries what earlier amendments did
// to the activities and executors into the validation of later ones.
func TestValidateInSequence(t *testing.T) {
	t.Parallel()
	r := rulesBase(t)
	first := mustParse(t, "1.yaml", head+`changes:
  - remove: proektoria
  - add: {id: forum, title: Форум, due: март 2022 г., indicator: Не менее 50 участников, executors: [Колледж]}
    after: work-plan
  - rename_executor: {from: МКУ МЦПРО, to: МБУ ЦРО}
  - set: forum
    executors: [Колледж, Школы]
`)
	second := mustParse(t, "2.yaml", strings.Replace(head, "15/01-09", "16/01-09", 1)+`changes:
  - set: proektoria
    title: Т
  - move: forum
    after: first
  - rename_executor: {from: МКУ МЦПРО, to: X}
  - rename_executor: {from: МБУ ЦРО, to: Y}
  - rename_executor: {from: Школы, to: Z}
  - move: work-plan
    after: work-plan
`)
	st := amendment.NewState(r)
	if fs := first.Validate(r, st); len(fs) > 0 {
		t.Fatalf("first: %v", fs)
	}
	cur := *r
	cur.Amendments = append(slices.Clone(r.Amendments), roadmap.Amendment{Number: first.Document.Number, Date: first.Document.Date})
	if got, want := codesOf(second.Validate(&cur, st)), "5:10:RM202 9:29:RM207 13:12:RM206"; got != want {
		t.Errorf("second: %q, want %q", got, want)
	}
	// Once recorded, the first is already applied.
	if got, want := codesOf(first.Validate(&cur, amendment.NewState(&cur))), "3:33:RM205"; got != want {
		t.Errorf("first again: %q, want %q", got, want)
	}
	if !amendment.Applied(&cur, first.Document) || amendment.Applied(r, first.Document) {
		t.Error("Applied does not follow the recorded amendments")
	}
}

func TestCheckFile(t *testing.T) {
	t.Parallel()
	r := rulesBase(t)
	recorded := *r
	recorded.Amendments = []roadmap.Amendment{{Number: "15/01-09", Date: roadmap.Date{Year: 2021, Month: 3, Day: 1}}}
	bad := head + "changes:\n  - set: nosuch\n    title: T\n"
	for _, tc := range []struct {
		name, data string
		roadmaps   []*roadmap.Roadmap
		isA        bool
		codes      string
	}{
		{"a roadmap", "format: roadmap/v1\nid: x\n", []*roadmap.Roadmap{r}, false, ""},
		{"no roadmaps: the file alone", bad, nil, true, ""},
		{"fits its roadmap", bad, []*roadmap.Roadmap{r}, true, "5:10:RM202"},
		{"roadmap not among them", strings.Replace(bad, "test-district", "test-distrikt", 1), []*roadmap.Roadmap{r}, true, "2:10:RM201"},
		{"already recorded: the file alone", bad, []*roadmap.Roadmap{&recorded}, true, ""},
		{"broken file", head + "changes: 5\n", []*roadmap.Roadmap{r}, true, "4:10:RM005"},
	} {
		isA, fs := amendment.CheckFile("a.yaml", []byte(tc.data), tc.roadmaps)
		if isA != tc.isA || codesOf(fs) != tc.codes {
			t.Errorf("%s: %v %q, want %v %q", tc.name, isA, codesOf(fs), tc.isA, tc.codes)
		}
	}
}

// meaningOf is an amendment's meaning: header and changes, values
// decoded. The format is not part of it: Marshal writes the version it
// knows.
func meaningOf(t *testing.T, a *amendment.Amendment) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s %+v\n", a.Roadmap, a.Document)
	for _, c := range a.Changes {
		fmt.Fprintf(&b, "%s %q %q %q %q", c.Kind, c.ID, c.After, c.From, c.To)
		for _, f := range c.Fields {
			var v any
			if err := f.Value.Decode(&v); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, " %s=%#v", f.Key, v)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// examples are the amendment files of testdata/merge.
func examples() []string {
	var paths []string
	for _, pattern := range []string{"apply/*/amendment*.yaml", "rules/RM*.yaml"} {
		ps, _ := filepath.Glob(filepath.Join(dataDir, pattern))
		paths = append(paths, ps...)
	}
	return paths
}

// roundTrip writes a, reads it back and fails unless the meaning is the
// same and writing it again gives the same bytes; it returns the file.
func roundTrip(t *testing.T, a *amendment.Amendment) []byte {
	t.Helper()
	out, err := a.Marshal()
	if err != nil {
		t.Fatalf("%s: %v", a.File, err)
	}
	b, bfs := amendment.Parse("out.yaml", out)
	if b == nil || diag.Fails(bfs, false) || b.Format != amendment.FormatV1 {
		t.Fatalf("%s: the written file does not parse: %v\n%s", a.File, bfs, out)
	}
	if got, want := meaningOf(t, b), meaningOf(t, a); got != want {
		t.Errorf("%s: read back as\n%s\nwant\n%s", a.File, got, want)
	}
	if again, _ := b.Marshal(); string(again) != string(out) {
		t.Errorf("%s: written twice differs:\n%s\n%s", a.File, out, again)
	}
	return out
}

// TestMarshalRoundTrip: every amendment example that parses cleanly is
// written by Marshal with the keys in KeyOrder and read back with the same
// meaning, and writing that again gives the same bytes.
func TestMarshalRoundTrip(t *testing.T) {
	t.Parallel()
	n := 0
	for _, p := range examples() {
		a, fs, err := amendment.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		if a == nil || len(fs) > 0 {
			continue
		}
		n++
		out := roundTrip(t, a)
		var root yaml.Node
		if err := yaml.Unmarshal(out, &root); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for i := 0; i < len(root.Content[0].Content); i += 2 {
			keys = append(keys, root.Content[0].Content[i].Value)
		}
		if !slices.Equal(keys, amendment.KeyOrder) {
			t.Errorf("%s: keys %v, want %v", p, keys, amendment.KeyOrder)
		}
	}
	if n < 16 {
		t.Errorf("only %d examples round-tripped", n)
	}
}

func TestMarshalZeroDate(t *testing.T) {
	t.Parallel()
	a := &amendment.Amendment{Roadmap: "r", Document: amendment.Document{Kind: "order", Number: "7"},
		Changes: []amendment.Change{{Kind: amendment.ChangeRemove, ID: "x"}}}
	out, err := a.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := "format: roadmap-amendment/v1\nroadmap: r\ndocument: {kind: order, number: \"7\", date: null}\nchanges:\n  - remove: x\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func ptr(f float64) *float64 { return &f }

func TestValues(t *testing.T) {
	t.Parallel()
	due := phrase.ParseDue("Ежегодно август")
	dueMore := due
	dueMore.Day = 15
	ind := phrase.ParseIndicator("Не менее 60% обучающихся")
	indMore := ind
	indMore.Max = ptr(80)
	indMore.Targets = []phrase.Target{{Year: 2021, Value: 65}}
	for _, tc := range []struct {
		name string
		v    *yaml.Node
		want string
	}{
		{"null", amendment.NullValue(), "null"},
		{"empty string is null", amendment.StringValue(""), "null"},
		{"string", amendment.StringValue("да: нет"), "'да: нет'"},
		{"multi-line string", amendment.StringValue("a\nb"), "|-\n  a\n  b"},
		{"id even when empty", amendment.IDValue(""), `""`},
		{"id that looks like a number", amendment.IDValue("2021"), `"2021"`},
		{"flow list", amendment.ListValue([]string{"A", "B, C"}, true), "[A, 'B, C']"},
		{"block list", amendment.ListValue([]string{"A"}, false), "- A"},
		{"flow list with a multi-line item", amendment.ListValue([]string{"a\nb"}, true), "- |-\n  a\n  b"},
		{"period", amendment.PeriodValue(roadmap.Period{From: 2020, To: 2024}), "{from: 2020, to: 2024}"},
		{"school-year period", amendment.PeriodValue(roadmap.Period{From: 2022, To: 2023, SchoolYear: true}), "{from: 2022, to: 2023, school_year: true}"},
		{"due as its text", amendment.DueValue(due), "Ежегодно август"},
		{"due with more than its text", amendment.DueValue(dueMore), "{text: Ежегодно август, day: 15}"},
		{"indicator as its text", amendment.IndicatorValue(ind), "Не менее 60% обучающихся"},
		{"indicator with more than its text", amendment.IndicatorValue(indMore), "{text: Не менее 60% обучающихся, max: 80, targets: {2021: 65}}"},
		{"document", amendment.DocumentValue(amendment.Document{Kind: "order", Number: "1", Date: roadmap.Date{Year: 2021, Month: 3, Day: 1}, Title: "T"}),
			`{kind: order, number: "1", date: 2021-03-01, title: T}`},
	} {
		var b strings.Builder
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(tc.v); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSuffix(b.String(), "\n"); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestNodeHelpers: Copy expands aliases and merge keys and drops what
// belongs to the source file; Flow falls back to block style; Scalars and
// Lookup read what they are given.
func TestNodeHelpers(t *testing.T) {
	t.Parallel()
	var doc yaml.Node
	src := "base: &b {x: 1}\nm:\n  <<: *b\n  y: [A, ' B '] # note\n"
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	_, m := amendment.Lookup(doc.Content[0], "m")
	c := amendment.Copy(m)
	out, _ := yaml.Marshal(c)
	if got, want := string(out), "y: [A, ' B ']\n"; got != want {
		t.Errorf("Copy: %q, want %q", got, want)
	}
	if k, v := amendment.Lookup(c, "y"); k == nil || !reflect.DeepEqual(amendment.Scalars(v), []string{"A", "B"}) {
		t.Errorf("Lookup/Scalars: %v %v", k, v)
	}
	if k, v := amendment.Lookup(c, "z"); k != nil || v != nil {
		t.Error("Lookup of a missing key")
	}
	if got := amendment.Scalars(amendment.NullValue()); got != nil {
		t.Errorf("Scalars(null) = %v", got)
	}
	if !amendment.IsNull(amendment.StringValue("")) || amendment.IsNull(amendment.IDValue("")) {
		t.Error("IsNull")
	}
	list := amendment.ListValue([]string{"a\nb"}, false)
	if amendment.Flow(list).Style != 0 || amendment.Flow(amendment.ListValue([]string{"a"}, false)).Style != yaml.FlowStyle {
		t.Error("Flow")
	}
}

// TestDueValueRoundTrip: a deadline written by DueValue reads back to the
// same meaning, whatever explicit structure it carries (an edit written
// into an amendment must not lose a kind, a recurrence or a term).
func TestDueValueRoundTrip(t *testing.T) {
	t.Parallel()
	base := "format: roadmap/v1\nid: t\ndistrict: Р\nauthority: У\nperiod: {from: 2020, to: 2022}\n" +
		"document: {kind: order, number: \"1\", date: 2020-01-15}\nactivities:\n  - id: a\n    n: 1\n    title: М\n" +
		"    indicator: Наличие плана\n    executors: [МКУ]\n    due: "
	for _, due := range []string{
		"Ежегодно август",
		"{text: Ежегодно август, kind: continuous}",
		"{text: по графику отчётности, recur: quarter, recur_day: 10, next_month: true}",
		"{text: в установленный срок, after: {n: 10, unit: day, working: true}}",
		"{text: по согласованию, years: [2021], months: [5], day: 15}",
		"{text: раз в два года, step: 2, since: 2021}",
		"{text: по итогам полугодий, halves: [1, 2], school_years: [2020]}",
		"{text: к событию, kind: event, event: начало экзаменов}",
		"{text: \"апрель, май - июнь\", months: [4, 5, 6]}",
	} {
		r, fs := roadmap.Parse("a.yaml", []byte(base+due+"\n"))
		if r == nil || len(fs) > 0 {
			t.Fatalf("%s: %v", due, fs)
		}
		want := r.Activities[0].Due
		var b strings.Builder
		if err := yaml.NewEncoder(&b).Encode(amendment.DueValue(want)); err != nil {
			t.Fatal(err)
		}
		back, fs := roadmap.Parse("b.yaml", []byte(base+strings.TrimSpace(b.String())+"\n"))
		if back == nil || len(fs) > 0 {
			t.Fatalf("%s written as %s: %v", due, b.String(), fs)
		}
		if got := back.Activities[0].Due; !reflect.DeepEqual(got, want) {
			t.Errorf("%s written as %s\n got %+v\nwant %+v", due, b.String(), got, want)
		}
	}
}
