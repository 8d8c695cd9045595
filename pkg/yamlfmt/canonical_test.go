package yamlfmt_test

import (
	"bytes"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/synth"
	"github.com/roadmap-edu/roadmap/pkg/yamlfmt"
)

// agree fails t when the fast path says the encoder gives data's text
// back and the encoder does not, or when IsCanonical and "Format(data) ==
// data" differ. It returns whether the fast path said so.
func agree(t *testing.T, name string, data []byte) bool {
	t.Helper()
	fast, body, encoded, encErr, ok := yamlfmt.FastPath(data)
	if fast && (!ok || encErr != nil || !bytes.Equal(encoded, body)) {
		t.Errorf("%s: the fast path says canonical, the encoder writes (err %v):\n%s\ninput:\n%s", name, encErr, encoded, body)
	}
	out, ferr := yamlfmt.Format(data)
	canonical, cerr := yamlfmt.IsCanonical(data)
	if (ferr != nil) != (cerr != nil) || ferr == nil && canonical != bytes.Equal(out, data) {
		t.Errorf("%s: IsCanonical %v (err %v), Format gives it back %v (err %v)", name, canonical, cerr, bytes.Equal(out, data), ferr)
	}
	fout, same, err := yamlfmt.Formatted(data)
	if (ferr != nil) != (err != nil) || !bytes.Equal(fout, out) || same != canonical {
		t.Errorf("%s: Formatted gives %q, %v (err %v); Format %q (err %v)", name, fout, same, err, out, ferr)
	}
	return fast
}

// corpus is every YAML file of the repository's test data and roadmaps,
// the FuzzFormat corpus, and what Format makes of each.
func corpus(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, root := range []string{"../../testdata", "../../roadmaps", "testdata/fuzz"} {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") && !strings.Contains(path, "fuzz") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if strings.Contains(path, "fuzz") {
				data = fuzzInput(data)
			}
			files[path] = data
			if out, err := yamlfmt.Format(data); err == nil {
				files[path+" (formatted)"] = out
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// fuzzInput reads a go test fuzz corpus file ("go test fuzz v1" and one
// []byte("...") line); unreadable ones are taken as they are.
func fuzzInput(file []byte) []byte {
	_, rest, ok := bytes.Cut(file, []byte("\n[]byte("))
	if !ok {
		return file
	}
	s := strings.TrimSpace(string(rest))
	s = strings.TrimSuffix(s, ")")
	if u, err := strconv.Unquote(s); err == nil {
		return []byte(u)
	}
	return file
}

// TestEmitsAsAgreesWithTheEncoder holds the fast path of fmt --check to
// yaml.v3's encoder: on the corpus, on generated roadmaps (pkg/synth),
// and on thousands of mutations of them (a quote taken away or added, a
// space, a line's indentation, a comment, a letter), whenever the fast
// path says the encoder writes the text back, it does; and IsCanonical
// agrees with Format everywhere.
func TestEmitsAsAgreesWithTheEncoder(t *testing.T) {
	t.Parallel()
	files := corpus(t)
	n := 8
	if testing.Short() {
		n = 3
	}
	dir := t.TempDir()
	rs, err := synth.Tree(dir, 5, n, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		// Every generated file is formatted, and all the fast path knows.
		if !agree(t, r.Path, data) {
			t.Errorf("%s: formatted, but the fast path is not sure", r.Path)
		}
		files[r.Path] = data
	}
	fast := 0
	for name, data := range files {
		if agree(t, name, data) {
			fast++
		}
	}
	if fast < len(rs)+4 {
		t.Errorf("the fast path took %d of %d files: the test says little", fast, len(files))
	}
	rnd := rand.New(rand.NewPCG(17, 1))
	mutants, fastMutants := 0, 0
	for _, name := range slices.Sorted(maps.Keys(files)) { // the same mutants every run
		data := files[name]
		for range 6 {
			m := mutate(rnd, data)
			mutants++
			if agree(t, name+" (mutated)", m) {
				fastMutants++
			}
		}
	}
	t.Logf("fast path: %d of %d files, %d of %d mutants", fast, len(files), fastMutants, mutants)
	if fastMutants < mutants/20 {
		t.Errorf("the fast path took only %d of %d mutants: the test says little", fastMutants, mutants)
	}
}

// pieces are what mutate puts into a text: YAML's signs, white space,
// words the resolver reads as other types, letters.
var pieces = []string{`"`, `'`, " ", "  ", "\t", "\n", "\n  ", ":", ": ", "#", " # c", "-", "- ", "[", "]", "{", "}", ",", "|", ">",
	"&a", "*a", "!", "!!str ", "?", "yes", "null", "~", "1", "0x1", "1e3", "2020-01-01", "<<", "---", "...", "\\", "\u00a0", "\u0085",
	"я", "Ж", "«", "»", "№", "x-", "\xEF\xBB\xBF", "\r\n", "# comment\n", "\n# comment\n", "🙂", "\u2028"}

// mutate returns data with one to three small changes.
func mutate(rnd *rand.Rand, data []byte) []byte {
	b := append([]byte{}, data...)
	for range 1 + rnd.IntN(3) {
		if len(b) == 0 {
			b = append(b, pieces[rnd.IntN(len(pieces))]...)
			continue
		}
		i := rnd.IntN(len(b))
		switch rnd.IntN(6) {
		case 0, 1: // insert a piece
			p := pieces[rnd.IntN(len(pieces))]
			b = append(b[:i], append([]byte(p), b[i:]...)...)
		case 2: // delete a few bytes
			j := min(len(b), i+1+rnd.IntN(3))
			b = append(b[:i], b[j:]...)
		case 3: // replace a byte by a piece
			p := pieces[rnd.IntN(len(pieces))]
			b = append(b[:i], append([]byte(p), b[i+1:]...)...)
		case 4: // indent or dedent a line
			start := bytes.LastIndexByte(b[:i], '\n') + 1
			if rnd.IntN(2) == 0 {
				b = append(b[:start], append([]byte("  "), b[start:]...)...)
			} else if bytes.HasPrefix(b[start:], []byte("  ")) {
				b = append(b[:start], b[start+2:]...)
			}
		case 5: // change a letter of a word, keeping the layout
			if r := b[i]; r >= 'a' && r <= 'z' {
				b[i] = 'a' + byte(rnd.IntN(26))
			}
		}
	}
	return b
}

// FuzzEmitsAs: whatever the input, when the fast path says the encoder
// writes its text back, the encoder does, for the input and for what
// Format makes of it; IsCanonical agrees with Format.
func FuzzEmitsAs(f *testing.F) {
	for _, s := range []string{"id: x\n", "format: roadmap/v1\nid: x\nperiod: {from: 2020, to: 2022}\n",
		"# c\nformat: roadmap/v1\nactivities:\n  # a\n  - id: a\n    executors: [A, B]\n    n: 1\n",
		"description: |-\n  a\n\n  b\n", "document:\n  number: \"70\"\n", "title: \"a: b\"\nx: yes\n"} {
		f.Add([]byte(s))
	}
	seeds, _ := filepath.Glob("../../roadmaps/*.yaml")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, "input", data)
		if out, err := yamlfmt.Format(data); err == nil {
			agree(t, "formatted", out)
		}
	})
}

// TestEmitsAsOnRandomTrees: the same agreement on what yaml.v3 writes for
// random trees (nested block and flow collections, every scalar style,
// comments above, after and below any node) and on mutants of it, which
// reach the emitter's corners that roadmaps rarely do.
func TestEmitsAsOnRandomTrees(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(7, 8))
	n := 1500
	if testing.Short() {
		n = 500
	}
	texts, fast := 0, 0
	for range n {
		doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{randomNode(rnd, 0, yaml.MappingNode)}}
		if rnd.IntN(4) == 0 {
			doc.HeadComment = "# document"
		}
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if !encodes(enc, doc) {
			continue
		}
		text := b.Bytes()
		texts++
		if agree(t, "random tree", text) {
			fast++
		}
		for range 3 {
			agree(t, "mutated random tree", mutate(rnd, text))
		}
	}
	t.Logf("fast path: %d of %d random trees", fast, texts)
	if fast < texts/5 {
		t.Errorf("the fast path took %d of %d random trees: the test says little", fast, texts)
	}
}

func encodes(enc *yaml.Encoder, doc *yaml.Node) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return enc.Encode(doc) == nil && enc.Close() == nil
}

var (
	randomValues = []string{"Не менее 30 участников", "ежегодно, до 1 сентября", "roadmap/v1", "a1", "70", "2020", "1.5", "yes", "null", "",
		"a: b", "a #b", "#x", "-x", "- x", "[x]", "{x}", "x,y", "«Кавычки»", "№ 5", "tab\there", "two  spaces", " lead", "trail ",
		"line\nnext", "line\nnext\n", "\nlead", "end\n\n", "a\n\nb", "2020-10-13", "<<", "'q'", "\"dq\"", "back\\slash", "~", "é", "🙂"}
	randomKeys     = []string{"id", "title", "n", "due", "executors", "format", "x-a", "2020", "a b", "к", "description"}
	randomComments = []string{"# c", "# первая\n# вторая", "#", "# c: d", "# a\n\n# b"}
)

// randomNode makes a node of kind (0: any) at depth.
func randomNode(rnd *rand.Rand, depth int, kind yaml.Kind) *yaml.Node {
	if kind == 0 {
		kind = []yaml.Kind{yaml.ScalarNode, yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode}[rnd.IntN(4)]
		if depth > 3 {
			kind = yaml.ScalarNode
		}
	}
	n := &yaml.Node{Kind: kind}
	switch kind {
	case yaml.ScalarNode:
		n.Value = randomValues[rnd.IntN(len(randomValues))]
		n.Tag = "!!str"
		n.Style = []yaml.Style{0, 0, 0, yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle, yaml.LiteralStyle}[rnd.IntN(6)]
	case yaml.MappingNode:
		for range rnd.IntN(4) {
			k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: randomKeys[rnd.IntN(len(randomKeys))]}
			n.Content = append(n.Content, k, randomNode(rnd, depth+1, 0))
		}
	case yaml.SequenceNode:
		for range rnd.IntN(4) {
			n.Content = append(n.Content, randomNode(rnd, depth+1, 0))
		}
	}
	if kind != yaml.ScalarNode && rnd.IntN(3) == 0 {
		n.Style = yaml.FlowStyle
	}
	for _, c := range []*string{&n.HeadComment, &n.LineComment, &n.FootComment} {
		if rnd.IntN(6) == 0 {
			*c = randomComments[rnd.IntN(len(randomComments))]
		}
	}
	if kind == yaml.MappingNode {
		for i := 0; i < len(n.Content); i += 2 {
			for _, c := range []*string{&n.Content[i].HeadComment, &n.Content[i].FootComment} {
				if rnd.IntN(5) == 0 {
					*c = randomComments[rnd.IntN(len(randomComments))]
				}
			}
		}
	}
	return n
}

// TestEmitsAsTakes: the layouts the fast path is for are taken by it (a
// formatted file of each kind costs no encoding), the others left to the
// encoder.
func TestEmitsAsTakes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		fast       bool
	}{
		{"plain keys and values", "format: roadmap/v1\nid: x\ntitle: Дорожная карта\n", true},
		{"document number quoted", "format: roadmap/v1\ndocument:\n  number: \"70\"\n  date: 2020-10-13\n", true},
		{"flow mapping and sequence", "format: roadmap/v1\nperiod: {from: 2020, to: 2022}\nactivities:\n  - id: a\n    executors: [А, Б]\n", true},
		{"comment above the first key", "# Generated.\nformat: roadmap/v1\nid: x\n", true},
		{"comment above a list item", "activities:\n  # the first\n  - id: a\n    n: 1\n", true},
		{"comment after a value", "format: roadmap/v1\nid: x # the id\n", true},
		{"comment after a flow list", "activities:\n  - id: a\n    executors: [A] # who\n", true},
		{"comment below the last key", "format: roadmap/v1\nid: x\n# end\n", true},
		{"comment below a key, blank line after", "format: roadmap/v1\n# below format\n\nid: x\n", true},
		{"literal text", "description: |-\n  Первая строка.\n\n  Вторая.\n", true},
		{"literal text with its final break", "description: |\n  Первая строка.\n", true},
		{"anchor and alias", "x-a: &a [A]\nactivities:\n  - id: a\n    executors: *a\n", false},
		{"folded text", "description: >-\n  Первая вторая\n", false},
		{"escaped text", "title: \"a\\tb\"\n", false},
		{"tag", "title: !!str 1\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.text)
			if out, err := yamlfmt.Format(data); err != nil || !bytes.Equal(out, data) {
				t.Fatalf("not canonical (%v): Format gives\n%s", err, out)
			}
			if got := agree(t, tt.name, data); got != tt.fast {
				t.Errorf("fast path %v, want %v", got, tt.fast)
			}
		})
	}
}
