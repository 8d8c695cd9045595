package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/schema"
)

const shipped = "../../roadmaps/roadmap.schema.json"

// langs are the languages of the schema; the validation tests run on each.
var langs = []i18n.Lang{i18n.RU, i18n.EN}

// TestShipped: the schema shipped beside the roadmaps is exactly what
// `roadmap schema` prints in Russian, the default. go test ./pkg/schema
// -update rewrites it.
func TestShipped(t *testing.T) {
	got, err := schema.Generate(i18n.RU)
	if err != nil {
		t.Fatal(err)
	}
	golden.Compare(t, shipped, got)
	for _, lang := range langs {
		first, _ := schema.Generate(lang)
		again, _ := schema.Generate(lang)
		if !bytes.Equal(first, again) {
			t.Errorf("%s: two runs generate different bytes", lang)
		}
		// It is JSON, in the 2020-12 dialect, with the documented $id.
		var doc map[string]any
		if err := json.Unmarshal(first, &doc); err != nil {
			t.Fatal(err)
		}
		if doc["$schema"] != schema.Draft || doc["$id"] != schema.ID {
			t.Errorf("%s: $schema %v, $id %v", lang, doc["$schema"], doc["$id"])
		}
	}
}

// TestLanguages: the English schema is another text of the same schema:
// its bytes differ from the Russian ones, and with the words (title,
// description, enumDescriptions) taken out the two are one document.
func TestLanguages(t *testing.T) {
	t.Parallel()
	docs := map[i18n.Lang]any{}
	for _, lang := range langs {
		data, err := schema.Generate(lang)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		docs[lang] = doc
	}
	ru, en := texts(docs[i18n.RU]), texts(docs[i18n.EN])
	if len(ru) != len(en) || len(ru) == 0 {
		t.Fatalf("%d Russian texts, %d English ones", len(ru), len(en))
	}
	for i := range ru {
		if ru[i] == en[i] {
			t.Errorf("the same text in both languages: %q", ru[i])
		}
	}
	shape := func(doc any) string {
		b, err := json.Marshal(withoutWords(doc))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if shape(docs[i18n.RU]) != shape(docs[i18n.EN]) {
		t.Error("the Russian and English schemas differ beyond their words")
	}
}

// words are the keywords of a schema that hold text for a reader.
var words = []string{"title", "description", "enumDescriptions", "errorMessage"}

// withoutWords is a decoded schema without its words. A property may be
// named like a keyword (Document.title): only a schema's own keywords go,
// not the names in properties.
func withoutWords(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			switch {
			case slices.Contains(words, k):
			case k == "properties" || k == "patternProperties" || k == "$defs":
				named := map[string]any{}
				for name, s := range e.(map[string]any) {
					named[name] = withoutWords(s)
				}
				out[k] = named
			default:
				out[k] = withoutWords(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = withoutWords(e)
		}
		return out
	}
	return v
}

// texts are the words of a decoded schema, in a fixed order.
func texts(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			switch e := v[k].(type) {
			case string:
				if slices.Contains(words, k) {
					out = append(out, e)
				}
			case []any:
				if k == "enumDescriptions" {
					for _, d := range e {
						out = append(out, d.(string))
					}
					continue
				}
				out = append(out, texts(e)...)
			case map[string]any:
				if k == "properties" || k == "patternProperties" || k == "$defs" {
					for _, name := range slices.Sorted(maps.Keys(e)) {
						out = append(out, texts(e[name])...)
					}
					continue
				}
				out = append(out, texts(e)...)
			}
		}
	case []any:
		for _, e := range v {
			out = append(out, texts(e)...)
		}
	}
	return out
}

// TestModeline: every shipped roadmap names the schema on its first line,
// so that yaml-language-server finds it.
func TestModeline(t *testing.T) {
	for _, f := range seeds(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		if first != "# yaml-language-server: $schema=roadmap.schema.json" {
			t.Errorf("%s: first line %q, want the yaml-language-server modeline", f, first)
		}
	}
}

// TestEveryPropertyDescribed: every definition, property and enum value
// has a description in each language: the Russian one in Russian, the
// English one without Cyrillic outside «…» (the documents' own words).
func TestEveryPropertyDescribed(t *testing.T) {
	t.Parallel()
	for _, lang := range langs {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			check := func(where, d string) {
				t.Helper()
				switch {
				case d == "":
					t.Errorf("%s has no description", where)
				case lang == i18n.RU && !isRussian(d):
					t.Errorf("%s: description not in Russian: %q", where, d)
				case lang == i18n.EN && hasCyrillic(quotedRussian.ReplaceAllString(d, "")):
					t.Errorf("%s: description not in English: %q", where, d)
				}
			}
			root := schema.Build(lang)
			check("title", root.Title)
			check("the root", root.Description)
			if len(root.Defs) == 0 {
				t.Fatal("no definitions")
			}
			for _, d := range root.Defs {
				check("$defs/"+d.Name, d.Schema.Description)
				if len(d.Schema.Properties) == 0 {
					t.Errorf("$defs/%s has no properties", d.Name)
				}
				for _, p := range d.Schema.PatternProperties {
					check("$defs/"+d.Name+"/patternProperties/"+p.Name, p.Schema.Description)
				}
				for _, p := range d.Schema.Properties {
					where := "$defs/" + d.Name + "/properties/" + p.Name
					check(where, p.Schema.Description)
					e := enumOf(p.Schema)
					if len(e.Enum) != len(e.EnumDescriptions) {
						t.Errorf("%s: enum values without descriptions", where)
					}
					for i, d := range e.EnumDescriptions {
						check(fmt.Sprintf("%s/enum/%v", where, e.Enum[i]), d)
					}
				}
			}
		})
	}
}

// enumOf is the schema of s that holds its enumeration: s, or the
// alternative of s that has one (an optional value may also be blank or
// null).
func enumOf(s *schema.Schema) *schema.Schema {
	for _, a := range s.AnyOf {
		if a.Enum != nil {
			return a
		}
	}
	return s
}

func isRussian(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 'А' && r <= 'я' })
}

func hasCyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// quotedRussian is a Russian term an English description quotes.
var quotedRussian = regexp.MustCompile(`«[^«»]*»`)

// TestShape spot-checks what the tags and the loader's rules make of the
// model.
func TestShape(t *testing.T) {
	root := schema.Build(i18n.RU)
	def := func(name string) *schema.Schema {
		t.Helper()
		s := root.Defs.Get(name)
		if s == nil {
			t.Fatalf("no $defs/%s", name)
		}
		return s
	}
	r := def("Roadmap")
	if got := r.Properties.Get("format").Const; got != roadmap.FormatV1 {
		t.Errorf("Roadmap.format const %v", got)
	}
	if !slices.Contains(r.Required, "activities") || slices.Contains(r.Required, "region") {
		t.Errorf("Roadmap required %v", r.Required)
	}
	if r.AdditionalProperties != false || r.PatternProperties.Get(schema.ExtensionPattern) == nil {
		t.Error("Roadmap: unknown keys must be refused, x- keys allowed")
	}
	if def("Period").PatternProperties != nil {
		t.Error("x- keys are allowed at the top level only")
	}
	kind := def("IndicatorSpec").Properties.Get("kind")
	if fmt.Sprint(enumOf(kind).Enum) != "[document count percent targets growth text]" {
		t.Errorf("IndicatorSpec.kind enum %v", enumOf(kind).Enum)
	}
	// Year keys: by_year's always; an indicator's targets' where check
	// compares them with the period, when the indicator measures the
	// activity (the bounds in Activity's allOf).
	byYear := def("ExpectedResult").Properties.Get("by_year")
	if byYear.PropertyNames == nil || byYear.PropertyNames.Pattern != schema.YearPattern {
		t.Errorf("by_year: keys are not years: %+v", byYear)
	}
	if targets := def("IndicatorSpec").Properties.Get("targets"); targets.PropertyNames == nil {
		t.Errorf("targets: keys are not integers: %+v", targets)
	}
	bounds := def("Activity").AllOf[0].Properties.Get("indicator").Properties.Get("targets")
	if bounds.PropertyNames == nil || bounds.PropertyNames.Pattern != schema.YearPattern {
		t.Errorf("an indicator's targets: keys are not years: %+v", bounds)
	}
	if due := def("Activity").Properties.Get("due"); len(due.AnyOf) != 2 || due.AnyOf[1].Ref != "#/$defs/DueSpec" {
		t.Errorf("Activity.due: %+v", due)
	}
	if date := def("Document").Properties.Get("date"); date.Pattern != schema.DatePattern {
		t.Errorf("Document.date: %+v", date)
	}
}

// validator compiles the schema in lang with an independent validator:
// the Russian one as shipped, the English one as `roadmap schema --lang
// en` prints it.
func validator(t *testing.T, lang i18n.Lang) *jsonschema.Schema {
	t.Helper()
	data, err := schema.Generate(lang)
	if lang == i18n.RU {
		data, err = os.ReadFile(shipped)
	}
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schema.ID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(schema.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// eachLang runs test on the validator of each language, in parallel.
func eachLang(t *testing.T, test func(t *testing.T, s *jsonschema.Schema)) {
	t.Helper()
	t.Parallel()
	for _, lang := range langs {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			test(t, validator(t, lang))
		})
	}
}

// instance reads YAML as an editor's language server sees it: mapping keys
// as strings, dates and other timestamps as strings, anchors expanded.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	return instanceOf(t, &n)
}

// instanceOf is instance of the parsed document n.
func instanceOf(t *testing.T, n *yaml.Node) any {
	t.Helper()
	v, err := generic(n)
	if err != nil {
		t.Fatal(err)
	}
	// Through JSON, so that the validator sees JSON values only.
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func generic(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return generic(n.Content[0])
	case yaml.AliasNode:
		return generic(n.Alias)
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			v, err := generic(c)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.ShortTag() == "!!merge" {
				m, err := generic(val)
				if err != nil {
					return nil, err
				}
				merged, _ := m.(map[string]any)
				for mk, mv := range merged {
					if _, ok := out[mk]; !ok {
						out[mk] = mv
					}
				}
				continue
			}
			v, err := generic(val)
			if err != nil {
				return nil, err
			}
			out[k.Value] = v
		}
		return out, nil
	}
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		err := n.Decode(&b)
		return b, err
	case "!!int":
		i, err := strconv.ParseInt(n.Value, 0, 64)
		if err != nil {
			var f float64
			err = n.Decode(&f)
			return f, err
		}
		return i, nil
	case "!!float":
		var f float64
		err := n.Decode(&f)
		return f, err
	}
	return n.Value, nil // strings, timestamps
}

func seeds(t *testing.T) []string {
	files, err := filepath.Glob("../../roadmaps/*.yaml")
	if err != nil || len(files) < 2 {
		t.Fatalf("seed roadmaps: %v %v", files, err)
	}
	return files
}

// TestSeedsValidate: both shipped roadmaps are valid against the schema.
func TestSeedsValidate(t *testing.T) {
	eachLang(t, func(t *testing.T, s *jsonschema.Schema) {
		for _, f := range seeds(t) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(instance(t, data)); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	})
}

// TestAmendmentExamples: the amendments package merge applies in its tests
// are valid against the schema (the amendment shapes mirror merge's).
func TestAmendmentExamples(t *testing.T) {
	eachLang(t, func(t *testing.T, s *jsonschema.Schema) {
		files, _ := filepath.Glob("../../testdata/merge/apply/*/amendment.yaml")
		if len(files) == 0 {
			t.Skip("no amendment examples")
		}
		for _, f := range files {
			if strings.Contains(f, "/err-") {
				continue // wrong for the roadmap, not in shape
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(instance(t, data)); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
		// Shapes an amendment must not have.
		base, err := os.ReadFile("../../testdata/merge/apply/set-due/amendment.yaml")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range [][2]string{
			{"set: proektoria", "sett: proektoria"},                       // unknown action
			{"kind: order", "kind: decree"},                               // wrong enum
			{"roadmap: test-district\n", ""},                              // missing required field
			{"due: август 2021 г.", "due: август 2021 г.\n    remove: x"}, // two actions
			{"    due: август 2021 г.\n", ""},                             // set without fields
			{"format: roadmap-amendment/v1", "format: roadmap/v1"},        // a roadmap, then
		} {
			if !strings.Contains(string(base), c[0]) {
				t.Fatalf("set-due/amendment.yaml has no %q", c[0])
			}
			doc := strings.Replace(string(base), c[0], c[1], 1)
			if err := s.Validate(instance(t, []byte(doc))); err == nil {
				t.Errorf("accepted:\n%s", doc)
			}
		}
		// The examples of docs/merge.md.
		doc, err := os.ReadFile("../../docs/merge.md")
		if err != nil {
			t.Skip("no docs/merge.md")
		}
		for _, block := range strings.Split(string(doc), "```yaml\n")[1:] {
			block, _, _ = strings.Cut(block, "```")
			if !strings.Contains(block, "format: roadmap-amendment/v1") {
				continue
			}
			if err := s.Validate(instance(t, []byte(block))); err != nil {
				t.Errorf("docs/merge.md example: %v\n%s", err, block)
			}
		}
	})
}

// TestRuleExamples compares the schema with the loader and check on the
// examples of docs/rules.md, as TestDifferential does its variants: a file
// is valid for the schema exactly when check finds nothing in it that the
// schema mirrors (schemaLevel).
func TestRuleExamples(t *testing.T) {
	eachLang(t, func(t *testing.T, s *jsonschema.Schema) {
		files, _ := filepath.Glob("../../testdata/rules/*.yaml")
		more, _ := filepath.Glob("../../testdata/rules/*/*.yaml")
		files = append(files, more...)
		if len(files) < 20 {
			t.Fatalf("rule examples: %d files", len(files))
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r, fs := roadmap.Parse(f, data)
			var n yaml.Node
			if r == nil || len(fs) > 0 && (fs[0].Code == diag.YAMLSyntax || fs[0].Code == diag.MultipleDocuments ||
				fs[0].Code == diag.Aliasing || fs[0].Code == diag.DuplicateKey) || yaml.Unmarshal(data, &n) != nil {
				continue // not a YAML document an editor could validate
			}
			ok, shape := loaderVerdict(t, data, &n)
			verr := s.Validate(instanceOf(t, &n))
			switch {
			case ok && verr != nil:
				t.Errorf("%s: check finds nothing of shape, the schema refuses it: %v", f, verr)
			case !ok && verr == nil:
				t.Errorf("%s: check refuses it (%v), the schema accepts it", f, shape)
			}
		}
	})
}

// TestRefuses: what an editor must flag while one types.
func TestRefuses(t *testing.T) {
	eachLang(t, func(t *testing.T, s *jsonschema.Schema) {
		base, err := os.ReadFile("../../testdata/rules/RM010-numbering.yaml")
		if err != nil {
			t.Fatal(err)
		}
		valid := strings.Replace(string(base), "n: 3", "n: 2", 1)
		if err := s.Validate(instance(t, []byte(valid))); err != nil {
			t.Fatalf("the base example is not valid: %v", err)
		}
		cases := []struct {
			name, old, new string
			ok             bool
		}{
			{"unknown key", "activities:", "regoin: Пензенская область\nactivities:", false},
			{"unknown activity key", "    due:", "    deadline: x\n    due:", false},
			{"wrong enum", "kind: order", "kind: decree", false},
			{"missing required field", "authority: Управление образования Тестового района\n", "", false},
			{"wrong level", "district: Тестовый район", "level: city\ndistrict: Тестовый район", false},
			{"dotted number", "n: 1", `n: "1.1"`, true},
			{"sections", "activities:", "sections:\n  - {id: s, n: I, title: Раздел}\nactivities:", true},
			{"empty required text", "authority: Управление образования Тестового района", `authority: ""`, false},
			{"text for a number", "n: 1", `n: "один"`, false},
			{"bad date", "date: 2020-07-14", "date: 14 июля 2020", false},
			{"other format", "format: roadmap/v1", "format: roadmap/v2", false},
			{"year keys", "activities:", "expected_results:\n  - {title: x, by_year: {20: a}}\nactivities:", false},
			{"due mapping without text", "due: Ежегодно август", "due: {years: [2021]}", false},
			// What the loader accepts is accepted.
			{"x- key", "activities:", "x-common: &c {a: 1}\nactivities:", true},
			{"date DD.MM.YYYY", "date: 2020-07-14", "date: 14.07.2020", true},
			{"bare number", `number: "12/01-09"`, "number: 12", true},
			{"one executor as text", "executors: [МКУ МЦПРО]", "executors: МКУ МЦПРО", true},
			{"due mapping", "due: Ежегодно август", "due: {text: по согласованию, years: [2021], months: [5], day: 15}", true},
			{"indicator mapping", "indicator: Наличие Плана работы", "indicator: {text: x, kind: targets, targets: {2020: 20, 2021: 35.5}, per: year}", true},
			{"expected results", "activities:", "expected_results:\n  - {title: x, by_year: {2020: a, 2021: b}}\nactivities:", true},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if !strings.Contains(valid, c.old) {
					t.Fatalf("the base example has no %q", c.old)
				}
				doc := strings.Replace(valid, c.old, c.new, 1)
				err := s.Validate(instance(t, []byte(doc)))
				if c.ok && err != nil {
					t.Errorf("refused: %v", err)
				}
				if !c.ok && err == nil {
					t.Errorf("accepted:\n%s", doc)
				}
			})
		}
	})
}

// TestErrorMessages: every errorMessage is in the schema's language, and
// the kinds of value check rules about have one.
func TestErrorMessages(t *testing.T) {
	t.Parallel()
	for _, lang := range langs {
		data, err := schema.Generate(lang)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		msgs := map[string]bool{}
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, e := range v {
					if m, ok := e.(string); ok && k == "errorMessage" {
						msgs[m] = true
					}
					walk(e)
				}
			case []any:
				for _, e := range v {
					walk(e)
				}
			}
		}
		walk(doc)
		if len(msgs) < 10 {
			t.Errorf("%s: %d error messages", lang, len(msgs))
		}
		for m := range msgs {
			if lang == i18n.RU && !isRussian(m) || lang == i18n.EN && hasCyrillic(m) {
				t.Errorf("%s: error message not in the language: %q", lang, m)
			}
			if !regexp.MustCompile(`\(RM0\d\d\)\.$`).MatchString(m) {
				t.Errorf("%s: error message without its rule: %q", lang, m)
			}
		}
	}
}
