package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/schema"
)

const shipped = "../../roadmaps/roadmap.schema.json"

// TestShipped: the schema shipped beside the roadmaps is exactly what
// `roadmap schema` prints. go test ./pkg/schema -update rewrites it.
func TestShipped(t *testing.T) {
	got, err := schema.Generate()
	if err != nil {
		t.Fatal(err)
	}
	golden.Compare(t, shipped, got)
	again, _ := schema.Generate()
	if !bytes.Equal(got, again) {
		t.Error("two runs generate different bytes")
	}
	// It is JSON, in the 2020-12 dialect, with the documented $id.
	var doc map[string]any
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["$schema"] != schema.Draft || doc["$id"] != schema.ID {
		t.Errorf("$schema %v, $id %v", doc["$schema"], doc["$id"])
	}
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
// has a Russian description.
func TestEveryPropertyDescribed(t *testing.T) {
	root := schema.Build()
	if root.Title == "" || root.Description == "" {
		t.Error("the schema has no title or description")
	}
	if len(root.Defs) == 0 {
		t.Fatal("no definitions")
	}
	for _, d := range root.Defs {
		if d.Schema.Description == "" {
			t.Errorf("$defs/%s has no description", d.Name)
		}
		if len(d.Schema.Properties) == 0 {
			t.Errorf("$defs/%s has no properties", d.Name)
		}
		for _, p := range d.Schema.Properties {
			if p.Schema.Description == "" {
				t.Errorf("$defs/%s/properties/%s has no description", d.Name, p.Name)
			}
			if !isRussian(p.Schema.Description) {
				t.Errorf("$defs/%s/properties/%s: description not in Russian: %q", d.Name, p.Name, p.Schema.Description)
			}
			if len(p.Schema.Enum) != len(p.Schema.EnumDescriptions) || slices.Contains(p.Schema.EnumDescriptions, "") {
				t.Errorf("$defs/%s/properties/%s: enum values without descriptions", d.Name, p.Name)
			}
		}
	}
}

func isRussian(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 'А' && r <= 'я' })
}

// TestShape spot-checks what the tags and the loader's rules make of the
// model.
func TestShape(t *testing.T) {
	root := schema.Build()
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
	if fmt.Sprint(kind.Enum) != "[document count percent targets growth text]" {
		t.Errorf("IndicatorSpec.kind enum %v", kind.Enum)
	}
	targets := def("IndicatorSpec").Properties.Get("targets")
	if targets.PropertyNames == nil || targets.PropertyNames.Pattern != schema.YearPattern {
		t.Errorf("targets: keys are not years: %+v", targets)
	}
	if due := def("Activity").Properties.Get("due"); len(due.AnyOf) != 2 || due.AnyOf[1].Ref != "#/$defs/DueSpec" {
		t.Errorf("Activity.due: %+v", due)
	}
	if date := def("Document").Properties.Get("date"); date.Pattern != schema.DatePattern {
		t.Errorf("Document.date: %+v", date)
	}
}

// validator compiles the shipped schema with an independent validator.
func validator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(shipped)
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

// instance reads YAML as an editor's language server sees it: mapping keys
// as strings, dates and other timestamps as strings, anchors expanded.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	v, err := generic(&n)
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
	s := validator(t)
	for _, f := range seeds(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(instance(t, data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestAmendmentExamples: the amendments package merge applies in its tests
// are valid against the schema (the amendment shapes mirror merge's).
func TestAmendmentExamples(t *testing.T) {
	s := validator(t)
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
}

// loaderShape are the codes of what the loader refuses that is shape: the
// schema refuses a file with them too.
var loaderShape = []diag.Code{diag.UnknownKey, diag.MissingField, diag.WrongType, diag.FormatVersion, diag.BadValue}

// TestRuleExamples compares the schema with the loader on the examples of
// docs/rules.md: a file the loader reads without findings is valid, a
// file the loader refuses for its shape is not.
func TestRuleExamples(t *testing.T) {
	s := validator(t)
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
		_, fs := roadmap.Parse(f, data)
		var n yaml.Node
		if len(fs) > 0 && (fs[0].Code == diag.YAMLSyntax || fs[0].Code == diag.NotUTF8 || fs[0].Code == diag.ConflictMarker ||
			fs[0].Code == diag.EmptyFile || fs[0].Code == diag.MultipleDocuments || fs[0].Code == diag.Aliasing || yaml.Unmarshal(data, &n) != nil) {
			continue // not a YAML document an editor could validate
		}
		verr := s.Validate(instance(t, data))
		switch {
		case len(fs) == 0 && verr != nil:
			t.Errorf("%s: the loader reads it, the schema refuses it: %v", f, verr)
		case shapeFinding(fs) && verr == nil:
			t.Errorf("%s: the loader refuses it (%v), the schema accepts it", f, fs)
		}
	}
}

func shapeFinding(fs []diag.Finding) bool {
	for _, f := range fs {
		if slices.Contains(loaderShape, f.Code) {
			return true
		}
	}
	return false
}

// TestRefuses: what an editor must flag while one types.
func TestRefuses(t *testing.T) {
	s := validator(t)
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
		{"missing required field", "district: Тестовый район\n", "", false},
		{"empty required text", "district: Тестовый район", `district: ""`, false},
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
}
