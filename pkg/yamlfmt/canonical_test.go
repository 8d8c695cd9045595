package yamlfmt_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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
	for name, data := range files {
		for range 12 {
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
