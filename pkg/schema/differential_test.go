package schema_test

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The differential test: variants of the shipped roadmaps, judged by the
// loader with check's rules and by the schema with an independent
// validator (santhosh-tekuri/jsonschema), must get the same verdict.
//
// The loader's verdict counts the findings of the rules the schema
// mirrors (schemaLevel); the others are about meaning, which no schema can
// see (docs/ci.md lists them). The schema's verdict is whether the file,
// read as an editor reads YAML, is valid.

// shapeCodes are the rules whose every finding the schema mirrors.
var shapeCodes = []diag.Code{
	diag.UnknownKey,     // RM003: additionalProperties
	diag.MissingField,   // RM004: required, blank texts, if/then (order, level)
	diag.WrongType,      // RM005: type, the activity number's pattern
	diag.BadDate,        // RM006: the date pattern, days that exist
	diag.MalformedID,    // RM007: the id pattern
	diag.EmptyExecutors, // RM016: contains
	diag.FormatVersion,  // RM022: const
	diag.BadValue,       // RM023: enum, minimum/maximum
}

// schemaLevel reports whether finding f is one the schema mirrors: a rule
// of shapeCodes; a negative number of an indicator's mapping (RM014,
// RM015), or a percent over 100 there when the mapping says it is a
// percent (kind: percent or unit: "%"), not the phrase; a year key no
// period can hold (RM013: outside 1990–2100).
func schemaLevel(f diag.Finding, root *yaml.Node) bool {
	switch {
	case slices.Contains(shapeCodes, f.Code):
		return true
	case f.Code == diag.TargetOutside:
		year := f.Args[0].(int)
		return year < 1990 || year > 2100
	case f.Code == diag.PercentRange || f.Code == diag.NegativeCount:
		chain := chainAt(root, f.Pos)
		if len(chain) == 0 || !isNumber(chain[len(chain)-1]) {
			return false // read from the phrase
		}
		v, _ := strconv.ParseFloat(chain[len(chain)-1].Value, 64)
		if v < 0 || f.Code == diag.NegativeCount {
			return true
		}
		for i := len(chain) - 1; i >= 0; i-- {
			if m := chain[i]; m.Kind == yaml.MappingNode && value(m, "text") != nil {
				kind, unit := value(m, "kind"), value(m, "unit")
				return kind != nil && kind.Value == "percent" || unit != nil && unit.Value == "%"
			}
		}
	}
	return false
}

func isNumber(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!int" || n.ShortTag() == "!!float")
}

// value is the value of key in mapping m, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// chainAt is the nodes from root down to the value node at p.
func chainAt(root *yaml.Node, p diag.Pos) []*yaml.Node {
	if root.Line == p.Line && root.Column == p.Col && root.Kind == yaml.ScalarNode {
		return []*yaml.Node{root}
	}
	for i, c := range root.Content {
		if root.Kind == yaml.MappingNode && i%2 == 0 {
			continue
		}
		if sub := chainAt(c, p); sub != nil {
			return append([]*yaml.Node{root}, sub...)
		}
	}
	return nil
}

// loaderVerdict is whether the loader and check find nothing the schema
// mirrors in data (whose YAML document is root), with those findings.
func loaderVerdict(t *testing.T, data []byte, root *yaml.Node) (bool, []diag.Finding) {
	t.Helper()
	r, fs := roadmap.Parse("variant.yaml", data)
	if r == nil {
		t.Fatalf("not a document: %v\n%s", fs, data)
	}
	fs = append(fs, check.Roadmap(r)...)
	var shape []diag.Finding
	for _, f := range fs {
		if schemaLevel(f, root.Content[0]) {
			shape = append(shape, f)
		}
	}
	return len(shape) == 0, shape
}

// document parses data as YAML.
func document(t *testing.T, data []byte) *yaml.Node {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	return &n
}

// replacements are the values put in place of a value of the bases, one
// at a time: for every value other types and empties, and by what the value
// is, numbers out of range, bad and good dates, ids, activity numbers,
// enumeration values, deadlines and indicators in both forms.
var replacements = struct{ any, number, date, id, n, enum, list, phrase []string }{
	any:    []string{`2021`, `-1`, `2021.5`, `true`, `~`, `""`, `"  "`, "\"\u00a0\"", `[]`, `[x]`, `[~]`, `{}`, `{a: 1}`, `абв`},
	number: []string{`0`, `5`, `13`, `32`, `101`, `150`, `1990`, `2101`, `9999`, `10000`, `"2021"`},
	date: []string{`2020-13-45`, `2020-02-29`, `2021-02-29`, `1900-02-29`, `2000-02-29`, `31.04.2020`, `30.04.2020`,
		`14.07.2020`, `2020-7-4`, `1899-12-31`, `2200-12-31`, `"2020-07-14 "`, `20.07.14`},
	id:   []string{`Work-Plan`, `work-plan`, `plan2`, `plan-`, `"2021"`, `false`},
	n:    []string{`0`, `9999`, `10000`, `"2.3"`, `2.3`, `"0"`, `"3."`, `"1.0.1"`, `"01"`, `"10000"`, `"1.1.1"`, `III`},
	enum: []string{`order`, `concept`, `region`, `school`, `district`, `percent`, `count`, `month`, `year`, `dated`, `"%"`, `decree`},
	list: []string{`[123]`, `[""]`, `["", x]`, `[[]]`, `[13]`, `[0]`, `[5]`, `[-1]`},
	phrase: []string{`{text: x}`, `{text: x, years: [2021]}`, `Ежегодно август`, `Не менее 150%`, `{text: x, months: [13]}`,
		`{text: x, day: 32}`, `{text: x, quarters: [5]}`, `{text: x, kind: percent, min: 150}`, `{text: x, unit: "%", max: 101}`,
		`{text: Не менее 50%, max: 150}`, `{text: x, min: -1}`, `{text: x, targets: {2021: 150}}`, `{text: x, kind: percent, targets: {2021: 150}}`,
		`{text: x, targets: {20: 5}}`, `{years: [2021]}`},
}

// replacementsFor lists the replacements of the value v of key.
func replacementsFor(key string, v *yaml.Node) []string {
	out := slices.Clone(replacements.any)
	add := func(rs []string) { out = append(out, rs...) }
	switch {
	case key == "id":
		add(replacements.id)
	case key == "n":
		add(replacements.n)
	case slices.Contains([]string{"kind", "level", "unit", "per", "recur"}, key):
		add(replacements.enum)
	case slices.Contains([]string{"due", "indicator", "result"}, key):
		add(replacements.phrase)
	case v.Kind == yaml.SequenceNode:
		add(replacements.list)
	case isNumber(v):
		add(replacements.number)
	case v.ShortTag() == "!!timestamp" || strings.Count(v.Value, ".") == 2:
		add(replacements.date)
	}
	return out
}

// additions are keys added to every mapping: one no mapping has.
var additions = []string{`extra_key: 1`}

// variant is one variant of a base: what changed, and its bytes.
type variant struct {
	name string
	data []byte
}

// variants mutates every value of base (a YAML document) in turn: removed,
// replaced by each of replacements, and every mapping given an unknown
// key; for a list, its first item likewise. The base keeps its first
// activities only: the rest repeat them, and a shorter file is judged
// faster.
func variants(t *testing.T, name string, base []byte, activities int) []variant {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(base, &doc); err != nil {
		t.Fatal(err)
	}
	if acts := value(doc.Content[0], "activities"); acts != nil && len(acts.Content) > activities {
		acts.Content = acts.Content[:activities]
	}
	snippets := map[string]*yaml.Node{}
	snippet := func(r string) *yaml.Node {
		if n, ok := snippets[r]; ok {
			return n
		}
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(r), &n); err != nil {
			t.Fatalf("%s: %v", r, err)
		}
		snippets[r] = n.Content[0]
		return n.Content[0]
	}
	var out []variant
	emit := func(what string) {
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(&doc); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		out = append(out, variant{name: name + ": " + what, data: buf.Bytes()})
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for _, a := range additions {
				add := snippet(a)
				n.Content = append(n.Content, add.Content...)
				emit(path + " + " + a)
				n.Content = n.Content[:len(n.Content)-2]
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				key, val := n.Content[i].Value, n.Content[i+1]
				sub := strings.TrimPrefix(path+"."+key, ".")
				pair := slices.Clone(n.Content[i : i+2])
				n.Content = slices.Delete(n.Content, i, i+2)
				emit("without " + sub)
				n.Content = slices.Insert(n.Content, i, pair...)
				for _, r := range replacementsFor(key, val) {
					n.Content[i+1] = snippet(r)
					emit(sub + ": " + r)
				}
				n.Content[i+1] = val
				walk(val, sub)
			}
		case yaml.SequenceNode:
			if len(n.Content) == 0 {
				return
			}
			limit := 1
			if path == "activities" {
				limit = len(n.Content)
			}
			for i, item := range n.Content[:limit] {
				sub := fmt.Sprintf("%s[%d]", path, i)
				for _, r := range replacementsFor(strings.TrimSuffix(path[strings.LastIndex(path, ".")+1:], "]"), item) {
					n.Content[i] = snippet(r)
					emit(sub + ": " + r)
				}
				n.Content[i] = item
				walk(item, sub)
			}
		}
	}
	walk(doc.Content[0], "")
	return out
}

// bases are the roadmaps the variants are made of: the shipped ones and
// one with every key in every form.
var bases = []struct {
	file       string
	activities int
}{
	{"../../roadmaps/bessonovsky.yaml", 1},
	{"../../roadmaps/nikolsky.yaml", 1},
	{"testdata/allforms.yaml", 3},
}

// TestDifferential: for every variant, the loader with check's rules and
// the schema agree whether it is valid; it logs the counts.
func TestDifferential(t *testing.T) {
	t.Parallel()
	s := validator(t, i18n.RU)
	var all []variant
	for _, b := range bases {
		data, err := os.ReadFile(b.file)
		if err != nil {
			t.Fatal(err)
		}
		if ok, fs := loaderVerdict(t, data, document(t, data)); !ok {
			t.Fatalf("%s: the base is not valid: %v", b.file, fs)
		}
		all = append(all, variants(t, b.file, data, b.activities)...)
	}
	type verdict struct {
		loader, schema bool
		why            string
	}
	verdicts := make([]verdict, len(all))
	var wg sync.WaitGroup
	const workers = 2
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(all); i += workers {
				doc := document(t, all[i].data)
				ok, fs := loaderVerdict(t, all[i].data, doc)
				err := s.Validate(instanceOf(t, doc))
				verdicts[i] = verdict{loader: ok, schema: err == nil, why: fmt.Sprint(fs, err)}
			}
		})
	}
	wg.Wait()
	agreed, valid := 0, 0
	for i, v := range verdicts {
		if v.loader == v.schema {
			agreed++
			if v.loader {
				valid++
			}
			continue
		}
		t.Errorf("%s: loader valid %v, schema valid %v: %s", all[i].name, v.loader, v.schema, v.why)
	}
	t.Logf("variants %d, agreed %d (valid %d, invalid %d), disagreed %d", len(all), agreed, valid, agreed-valid, len(all)-agreed)
	if len(all) < 200 {
		t.Errorf("only %d variants", len(all))
	}
}

// TestIssueCases: the cases of issue 15, each judged by both: the editor
// must agree with check on them.
func TestIssueCases(t *testing.T) {
	t.Parallel()
	s := validator(t, i18n.RU)
	base, err := os.ReadFile("../../testdata/rules/RM010-numbering.yaml")
	if err != nil {
		t.Fatal(err)
	}
	valid := strings.Replace(string(base), "n: 3", "n: 2", 1)
	for _, c := range []struct {
		name, old, new string
		ok             bool
	}{
		// Valid, and no longer marked red.
		{"due: 2021", "due: Ежегодно август", "due: 2021", true},
		{"title: 2021", "title: Составление Плана работы", "title: 2021", true},
		{"executors: [123]", "executors: [МКУ МЦПРО]", "executors: [123]", true},
		{"place:", "  title: Об утверждении", "  place:\n  title: Об утверждении", true},
		{"date: DD.MM.YYYY", "date: 2020-07-14", "date: 14.07.2020", true},
		// The loader trims a quoted value before it compares it with an
		// enumeration, and the schema's pattern does too.
		{"a quoted kind with spaces", "kind: order", `kind: " order"`, true},
		// Refused by check, and now by the editor.
		{"executors: []", "executors: [МКУ МЦПРО]", "executors: []", false},
		{"an id in Cyrillic", "id: work-plan", "id: план-работы", false},
		{"an order without a number", "  number: \"12/01-09\"\n", "", false},
		{"date: 2020-13-45", "date: 2020-07-14", "date: 2020-13-45", false},
		{"months: [13]", "due: Ежегодно август", "due: {text: Ежегодно август, months: [13]}", false},
		{"a percent of 150", "indicator: Наличие Плана работы", "indicator: {text: Доля, kind: percent, min: 150}", false},
		{"n: 0", "n: 1", "n: 0", false},
	} {
		if !strings.Contains(valid, c.old) {
			t.Fatalf("%s: the base has no %q", c.name, c.old)
		}
		doc := []byte(strings.Replace(valid, c.old, c.new, 1))
		n := document(t, doc)
		loader, fs := loaderVerdict(t, doc, n)
		err := s.Validate(instanceOf(t, n))
		if loader != c.ok || (err == nil) != c.ok {
			t.Errorf("%s: want valid %v; loader %v %v, schema %v", c.name, c.ok, loader, fs, err)
		}
	}
}

// TestInexpressible: what the loader refuses and no JSON Schema can, since
// an editor hands the schema JSON values, not YAML's text (docs/ci.md).
// The schema is never stricter than the loader: each case is refused by
// the loader and accepted by the schema. When one agrees, drop it here
// and in the doc.
func TestInexpressible(t *testing.T) {
	t.Parallel()
	s := validator(t, i18n.RU)
	base, err := os.ReadFile("../../testdata/rules/RM010-numbering.yaml")
	if err != nil {
		t.Fatal(err)
	}
	valid := strings.Replace(string(base), "n: 3", "n: 2", 1)
	for _, c := range []struct{ name, old, new string }{

		// A YAML float with a whole value is the JSON integer: the loader
		// wants an integer written as one (RM005).
		{"a year as 2021.0", "from: 2020", "from: 2020.0"},
		{"a number as 1e3", "n: 1", "n: 1e3"},
		// yaml.v3 reads True as the text "True" for a text field, an editor as
		// the boolean true (an id may be the text "true").
		{"id: True", "id: work-plan", "id: True"},
	} {
		if !strings.Contains(valid, c.old) {
			t.Fatalf("%s: the base has no %q", c.name, c.old)
		}
		doc := []byte(strings.Replace(valid, c.old, c.new, 1))
		n := document(t, doc)
		loader, _ := loaderVerdict(t, doc, n)
		err := s.Validate(instanceOf(t, n))
		if loader || err != nil {
			t.Errorf("%s: loader valid %v, schema %v; want the loader to refuse it and the schema to pass it", c.name, loader, err)
		}
	}
}
