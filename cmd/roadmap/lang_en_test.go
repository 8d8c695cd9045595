package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/importer"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// knownRussian are the cases whose English output still has Russian the
// program itself wrote, with where it comes from. Remove a case when its
// cause is fixed: the test fails when a listed case has no Russian left.
var knownRussian = map[string]string{}

// vocabulary is the Russian that English messages quote because the
// user's documents and workbooks must say it so: the headers the importer
// looks for in an order's table, the fact "частично" the report reader
// takes, an indicator of the Nikolsky roadmap that the description of
// RM018 cites (SARIF rule descriptions).
var vocabulary = []string{
	"Мероприятия", "Наименование", "Направления деятельности", "Содержание", "Срок", "Период", "Дата", "начало", "окончание", // import.err.no_table
	"показател", "Индикат", "результат", "Форма завершения", "исполнител", "Ответственн", // import.err.no_table
	"Сроки реализации", "Индикативный показатель", "Исполнители", // the schema's column names
	"частично",          // doc.RM110
	"Площадки СПО, ВПО", // doc.RM018
	// RM029, RM030: the words to write in a deadline or an indicator.
	"не менее", "не более", "раз в N лет", "раз в два года", "до N", "полный охват", "каждый", "ежегодно, …", "октябрь 2022",
	"с … по …", "в течение года", "в течение учебного года",
}

// TestEnglishHasNoRussian runs every command with --lang en over the seeds
// (roadmaps, report fixtures, import documents, diff and merge cases) and
// fails on Cyrillic in the output, or in the files written, that is not
// text taken from the inputs: every YAML scalar and comment, every cell,
// every line of an imported document, every argument (file paths), and
// what the loader reads out of them (units, document names).
func TestEnglishHasNoRussian(t *testing.T) {
	t.Parallel()
	cases := englishCases(t)
	names := map[string]bool{}
	for _, c := range cases {
		if names[c.name] {
			t.Fatalf("case %s twice", c.name)
		}
		names[c.name] = true
	}
	for name := range knownRussian {
		if !names[name] {
			t.Errorf("knownRussian lists %s, which is not a case", name)
		}
	}
	corpus := &corpusCache{files: map[string][]string{}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			russian := c.run(t, corpus)
			reason, known := knownRussian[c.name]
			switch {
			case len(russian) > 0 && !known:
				n := len(russian)
				if n > 10 {
					russian = append(russian[:10], "  …")
				}
				t.Errorf("Russian in the English output (%d line(s)):\n%s", n, strings.Join(russian, "\n"))
			case len(russian) == 0 && known:
				t.Errorf("no Russian left: remove the case from knownRussian (%s)", reason)
			}
		})
	}
}

// outKind says how to read an output into the texts a user reads.
type outKind int

const (
	plain    outKind = iota // lines
	jsonOut                 // the string values of a JSON document
	csvOut                  // the cells
	markdown                // lines, Markdown escapes undone
)

// enCase is one command line.
type enCase struct {
	name string
	args []string // without --lang en
	kind outKind  // of stdout
	// inputs are the files whose text the output may quote.
	inputs []string
	// written are the files the command writes (in its temporary
	// directory, named "OUT/..." in args).
	written []string
	// draft: the written YAML is an imported draft; its values are the
	// document's words (cases declined), only its comments are the
	// program's.
	draft bool
	// fails: the command is expected to stop with exit code 2.
	fails bool
}

const repo = "../.."

func englishCases(t *testing.T) []enCase {
	t.Helper()
	glob := func(pattern string) []string {
		m, err := filepath.Glob(filepath.Join(repo, pattern))
		if err != nil || len(m) == 0 {
			t.Fatalf("no files %s", pattern)
		}
		return m
	}
	roadmaps := glob("roadmaps/*.yaml")
	rules := glob("testdata/rules/*.yaml")
	seedsReport := filepath.Join(repo, "testdata/reports/seeds-2020-2022.xlsx")
	var cs []enCase
	add := func(c enCase) { cs = append(cs, c) }

	add(enCase{name: "check/roadmaps", args: append([]string{"check", "--strict"}, roadmaps...), inputs: roadmaps})
	for _, f := range []string{"text", "json", "github", "junit", "sarif"} {
		kind := plain
		if f == "json" || f == "sarif" {
			kind = jsonOut
		}
		add(enCase{name: "check/rules/" + f, args: []string{"check", "--format", f, filepath.Join(repo, "testdata/rules")}, kind: kind, inputs: rules})
	}
	mergeRules := glob("testdata/merge/rules/*.yaml")
	add(enCase{name: "check/amendments", args: []string{"check", filepath.Join(repo, "testdata/merge/rules")}, inputs: mergeRules})
	reports := slices.Concat(glob("testdata/reports/*.xlsx"), glob("testdata/reports/*.csv"),
		glob("testdata/reports/bad/*.xlsx"), glob("testdata/reports/libreoffice/*.xlsx"))
	for _, rep := range reports {
		rel, _ := filepath.Rel(filepath.Join(repo, "testdata/reports"), rep)
		add(enCase{name: "check/report/" + filepath.ToSlash(rel),
			args:   append([]string{"check", "--report", rep, "--as-of", "2022-07-01"}, roadmaps...),
			inputs: append([]string{rep}, roadmaps...)})
	}
	add(enCase{name: "check/report/json", args: append([]string{"check", "--format", "json", "--report", seedsReport, "--as-of", "2022-07-01"}, roadmaps...),
		kind: jsonOut, inputs: append([]string{seedsReport}, roadmaps...)})

	for _, rm := range roadmaps {
		for _, f := range []string{"text", "markdown", "json"} {
			add(enCase{name: "show/" + filepath.Base(rm) + "/" + f, args: []string{"show", "--format", f, rm}, kind: kindOf(f), inputs: []string{rm}})
		}
	}
	add(enCase{name: "report-template", args: append([]string{"report", "template", "-o", "OUT/form.xlsx"}, roadmaps...),
		inputs: roadmaps, written: []string{"form.xlsx"}})

	for _, by := range []string{"district", "activity", "executor", "year"} {
		for _, f := range []string{"text", "markdown", "csv", "json"} {
			add(enCase{name: "summary/" + by + "/" + f,
				args:   append([]string{"summary", "--report", seedsReport, "--as-of", "2022-07-01", "--by", by, "--format", f}, roadmaps...),
				kind:   kindOf(f),
				inputs: append([]string{seedsReport}, roadmaps...)})
		}
	}
	add(enCase{name: "summary/xlsx", args: append([]string{"summary", "--report", seedsReport, "--as-of", "2022-07-01", "-o", "OUT/summary.xlsx"}, roadmaps...),
		inputs: append([]string{seedsReport}, roadmaps...), written: []string{"summary.xlsx"}})

	for _, dir := range glob("testdata/diff/*") {
		pair := []string{filepath.Join(dir, "old.yaml"), filepath.Join(dir, "new.yaml")}
		for _, f := range []string{"text", "markdown", "json", "amendment", "table"} {
			add(enCase{name: "diff/" + filepath.Base(dir) + "/" + f, args: append([]string{"diff", "--format", f}, pair...), kind: kindOf(f), inputs: pair})
		}
	}
	mixed := []string{filepath.Join(repo, "testdata/diff/mixed/old.yaml"), filepath.Join(repo, "testdata/diff/mixed/new.yaml")}
	add(enCase{name: "diff/mixed/xlsx", args: append([]string{"diff", "--format", "table", "-o", "OUT/diff.xlsx"}, mixed...), inputs: mixed, written: []string{"diff.xlsx"}})
	add(enCase{name: "diff/mixed/amendment-file", args: append([]string{"diff", "--format", "amendment", "-o", "OUT/amendment.yaml"}, mixed...), inputs: mixed, written: []string{"amendment.yaml"}})

	for _, dir := range glob("testdata/merge/apply/*") {
		in := append([]string{filepath.Join(dir, "base.yaml")}, glob(filepath.Join("testdata/merge/apply", filepath.Base(dir), "amendment*.yaml"))...)
		add(enCase{name: "merge/apply/" + filepath.Base(dir), args: append([]string{"merge"}, append(in, "-o", "OUT/merged.yaml")...),
			inputs: in, written: []string{"merged.yaml"}})
	}
	for _, dir := range glob("testdata/merge/three/*") {
		in := []string{filepath.Join(dir, "o.yaml"), filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")}
		add(enCase{name: "merge/three/" + filepath.Base(dir), args: []string{"merge", "--base", in[0], in[1], in[2]}, inputs: in})
	}
	base := filepath.Join(repo, "testdata/merge/rules/base.yaml")
	for _, am := range mergeRules {
		if am == base {
			continue
		}
		in := []string{base, am}
		add(enCase{name: "merge/rules/" + strings.TrimSuffix(filepath.Base(am), ".yaml"), args: []string{"merge", base, am, "-o", "OUT/merged.yaml"}, inputs: in})
	}
	for _, dir := range glob("testdata/merge/rules/RM*") {
		if filepath.Ext(dir) != "" {
			continue
		}
		in := []string{filepath.Join(dir, "o.yaml"), filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")}
		add(enCase{name: "merge/rules/" + filepath.Base(dir), args: []string{"merge", "--base", in[0], in[1], in[2], "-o", "OUT/merged.yaml"},
			inputs: in, written: []string{"merged.yaml"}})
	}

	for _, doc := range slices.Concat(glob("testdata/import/*.docx"), glob("testdata/import/*.txt"), glob("testdata/seeds/*.txt")) {
		name := filepath.Base(doc)
		broken := name == "damaged.docx" || name == "empty.txt" || name == "notable.docx"
		c := enCase{name: "import/" + name, args: []string{"import", doc, "-o", "OUT/draft.yaml"}, inputs: []string{doc}, draft: true, fails: broken}
		if !broken {
			c.written = []string{"draft.yaml"}
		}
		add(c)
	}

	diffs := glob("testdata/diff/*/*.yaml")
	add(enCase{name: "fmt/check", args: append([]string{"fmt", "--check", filepath.Join(repo, "testdata/diff")}, roadmaps...), inputs: slices.Concat(roadmaps, diffs)})
	add(enCase{name: "fmt/print", args: []string{"fmt", roadmaps[0]}, inputs: roadmaps[:1]})
	add(enCase{name: "schema", args: []string{"schema"}, kind: jsonOut})
	add(enCase{name: "version", args: []string{"version"}})
	add(enCase{name: "completion/bash", args: []string{"completion", "bash"}})
	add(enCase{name: "help", args: []string{"help"}})
	root := (&app{lang: "en"}).rootCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := strings.Fields(c.CommandPath())[1:]
		add(enCase{name: "help/" + strings.Join(append([]string{"roadmap"}, path...), " "), args: append(path, "--help")})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return cs
}

func kindOf(format string) outKind {
	switch format {
	case "json":
		return jsonOut
	case "csv":
		return csvOut
	case "markdown":
		return markdown
	}
	return plain
}

// run runs the case and returns the lines with Russian that the inputs do
// not account for, each named by where it was found.
func (c enCase) run(t *testing.T, corpus *corpusCache) []string {
	out := t.TempDir()
	args := []string{"--lang", "en"}
	for _, a := range c.args {
		args = append(args, strings.Replace(a, "OUT/", out+string(filepath.Separator), 1))
	}
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	if strings.Contains(stderr.String(), "internal error") || code == exitUsage && !c.fails || code != exitUsage && c.fails {
		t.Fatalf("roadmap %s: exit %d\n%s", strings.Join(c.args, " "), code, stderr.String())
	}
	known := corpus.strings(t, c.inputs)
	known = slices.Concat(known, c.args, vocabulary)
	texts := map[string][]string{
		"stdout": c.kind.texts(t, stdout.String()),
		"stderr": plain.texts(t, stderr.String()),
	}
	for _, name := range c.written {
		path := filepath.Join(out, name)
		if _, err := os.Stat(path); err != nil && code != exitClean {
			continue // a failed command may write nothing
		}
		if strings.HasSuffix(name, ".xlsx") {
			texts[name] = xlsxStrings(t, path)
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if c.draft {
			known = append(known, yamlStrings(t, data, false)...)
		}
		texts[name] = plain.texts(t, string(data))
	}
	allow := newStripper(known)
	var russian []string
	for _, where := range slices.Sorted(maps.Keys(texts)) {
		for _, text := range texts[where] {
			if rest := allow.strip(text); hasCyrillic(rest) {
				russian = append(russian, fmt.Sprintf("  %s: %s", where, text))
			}
		}
	}
	return russian
}

// texts splits an output into what a user reads as one piece.
func (k outKind) texts(t *testing.T, s string) []string {
	switch k {
	case jsonOut:
		var v any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, s)
		}
		var out []string
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				out = append(out, v)
			case []any:
				for _, e := range v {
					walk(e)
				}
			case map[string]any:
				for _, key := range slices.Sorted(maps.Keys(v)) {
					out = append(out, key)
					walk(v[key])
				}
			}
		}
		walk(v)
		return out
	case csvOut:
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(s, "\uFEFF")))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("not CSV: %v\n%s", err, s)
		}
		return slices.Concat(rows...)
	case markdown:
		unescape := strings.NewReplacer(`\\`, `\`, `\*`, "*", `\_`, "_", "\\`", "`", "&lt;", "<", "&gt;", ">", `\[`, "[", `\]`, "]", `\|`, "|", `\#`, "#", "<br>", "\n")
		var out []string
		for _, line := range strings.Split(s, "\n") {
			for _, cell := range strings.Split(line, " | ") {
				out = append(out, strings.Split(unescape.Replace(cell), "\n")...)
			}
		}
		return out
	}
	return strings.Split(s, "\n")
}

// stripper removes the known texts from an output, longest first, and
// the pieces of them that a text table wraps or truncates a cell into.
type stripper struct {
	texts []string // the known texts with Cyrillic, longest first
	all   string   // all of them, to find pieces of them in
}

func newStripper(known []string) *stripper {
	var s stripper
	seen := map[string]bool{}
	for _, k := range known {
		for _, v := range variants(k) {
			if hasCyrillic(v) && !seen[v] {
				seen[v] = true
				s.texts = append(s.texts, v)
			}
		}
	}
	slices.SortFunc(s.texts, func(a, b string) int { return len(b) - len(a) })
	s.all = strings.Join(s.texts, "\x00")
	return &s
}

// variants are the forms a known text takes in output: itself, its
// lines, its words joined by single spaces (wrapped text re-flowed).
func variants(s string) []string {
	out := []string{s, strings.Join(strings.Fields(s), " ")}
	for _, line := range strings.Split(s, "\n") {
		out = append(out, strings.TrimSpace(line))
	}
	return out
}

func (s *stripper) strip(text string) string {
	if !hasCyrillic(text) {
		return text
	}
	// A line of a text table: a cell wraps, at any character, over
	// lines, and a list in a cell is joined by separators, so each part of
	// a cell between separators may be a piece of a known text.
	if strings.HasPrefix(strings.TrimSpace(text), "│") {
		var rest []string
		for _, part := range cellParts.Split(text, -1) {
			part = strings.TrimSuffix(strings.TrimSpace(part), "…")
			part = listNumber.ReplaceAllString(part, "") // "2. " of a numbered list
			if !strings.Contains(s.all, part) {
				rest = append(rest, s.strip(part))
			}
		}
		return strings.Join(rest, " │ ")
	}
	// A title cut with "…" after its number names a row of the before /
	// after table: «1. Составление Плана работы…».
	if cut := strings.TrimSuffix(listNumber.ReplaceAllString(text, ""), "…"); cut != text && strings.Contains(s.all, cut) {
		return ""
	}
	// Known texts may hold quotes and quotes may hold known texts: the
	// text is accounted for if either order of removal explains it.
	if rest := s.known(s.quoted(text)); !hasCyrillic(rest) {
		return rest
	}
	return s.quoted(s.known(text))
}

// quoted removes the quoted pieces of known texts: the words an amendment
// replaces, a paragraph the importer left out (cut with "…").
func (s *stripper) quoted(text string) string {
	return quotedSpan.ReplaceAllStringFunc(text, func(q string) string {
		inner := strings.Trim(q, `"«»`)
		if strings.Contains(s.all, strings.TrimSuffix(strings.TrimSpace(inner), "…")) {
			return ""
		}
		return q
	})
}

// known removes the known texts, longest first.
func (s *stripper) known(text string) string {
	for _, k := range s.texts {
		if strings.Contains(text, k) {
			text = strings.ReplaceAll(text, k, "")
		}
	}
	return text
}

// listNumber is the number of an item of a list the program numbers
// ("2. Title" of a section, "1) goal", "3 → 2. Title" of a renumbered
// activity).
var listNumber = regexp.MustCompile(`^(?:[0-9]+(?:\.[0-9]+)* → )?(?:[0-9]+(?:\.[0-9]+)*|[IVXLC]+)[.)]\s+`)

// quotedSpan is a text in quotes: "..." or «...» (not nested).
var quotedSpan = regexp.MustCompile(`"[^"]+"|«[^«»]+»`)

// cellParts separates the parts of a text table's line: borders, list
// separators, quotes and brackets.
var cellParts = regexp.MustCompile(`│|[;,:]\s|[«»"()]`)

func hasCyrillic(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0
}

// corpusCache holds the texts of each input file, read once.
type corpusCache struct {
	mu    sync.Mutex
	files map[string][]string
}

func (c *corpusCache) strings(t *testing.T, paths []string) []string {
	var out []string
	for _, p := range paths {
		c.mu.Lock()
		ss, ok := c.files[p]
		c.mu.Unlock()
		if !ok {
			ss = fileStrings(t, p)
			c.mu.Lock()
			c.files[p] = ss
			c.mu.Unlock()
		}
		out = append(out, ss...)
	}
	return out
}

// fileStrings are the texts of an input: YAML scalars and comments, and
// what the loader reads from a roadmap; cells and sheet names of a
// workbook; lines, cells and paragraphs of a document to import.
func fileStrings(t *testing.T, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	switch filepath.Ext(path) {
	case ".yaml":
		out := yamlStrings(t, data, true)
		if r, _ := roadmap.Parse(path, data); r != nil {
			out = append(out, valueStrings(reflect.ValueOf(r))...)
		}
		return out
	case ".xlsx":
		return xlsxStrings(t, path)
	case ".docx", ".txt", ".csv":
		out := strings.FieldsFunc(string(data), func(r rune) bool { return r == '\n' || r == '\t' })
		if doc, err := importer.ReadFile(path); err == nil {
			out = append(out, valueStrings(reflect.ValueOf(doc))...)
			if r, _, err := importer.Recognise(doc, importer.Options{}); err == nil {
				out = append(out, valueStrings(reflect.ValueOf(r))...)
			}
		}
		return out
	}
	t.Fatalf("no texts for %s", path)
	return nil
}

// yamlStrings are every scalar of a YAML file and, with comments, every
// comment; a file that is not YAML is taken line by line.
func yamlStrings(t *testing.T, data []byte, comments bool) []string {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return strings.Split(string(data), "\n")
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			out = append(out, n.Value)
		}
		if comments {
			for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
				for _, line := range strings.Split(c, "\n") {
					out = append(out, strings.TrimSpace(strings.TrimPrefix(line, "#")))
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
	if comments {
		// Comments the parser does not attach to a node (conflict
		// markers, text after the last key) come back line by line.
		for _, line := range strings.Split(string(data), "\n") {
			if i := strings.Index(line, "#"); i >= 0 {
				out = append(out, strings.TrimSpace(line[i+1:]))
			}
		}
	}
	return out
}

// valueStrings are the strings anywhere in v.
func valueStrings(v reflect.Value) []string {
	var out []string
	switch v.Kind() {
	case reflect.String:
		out = append(out, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = append(out, valueStrings(v.Elem())...)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = append(out, valueStrings(v.Field(i))...)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			out = append(out, valueStrings(v.Index(i))...)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			out = append(out, valueStrings(iter.Key())...)
			out = append(out, valueStrings(iter.Value())...)
		}
	}
	return out
}

// xlsxStrings are the sheet names and cells of a workbook; an unreadable
// one has none.
func xlsxStrings(t *testing.T, path string) []string {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	for _, sheet := range f.GetSheetList() {
		out = append(out, sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, row := range rows {
			out = append(out, row...)
		}
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, dv := range dvs {
			for _, s := range []*string{dv.Error, dv.ErrorTitle, dv.Prompt, dv.PromptTitle} {
				if s != nil {
					out = append(out, *s)
				}
			}
			out = append(out, dv.Formula1)
		}
	}
	if props, err := f.GetDocProps(); err == nil {
		out = append(out, props.Title, props.Subject, props.Description)
	}
	return out
}
