package check_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
)

// procsFiles is how many files TestSameOutputWhateverTheProcessors
// checks: 10,000 under the scale tag (make bench), fewer in go test,
// whose 90 s it took a quarter of.
var procsFiles = 3_000

// TestSameOutputWhateverTheProcessors: check over 3,000 files (10,000 in
// make bench; copies of the seeds and of rule examples, with findings)
// gives byte-identical output in every format with GOMAXPROCS 1, 2 and 8.
func TestSameOutputWhateverTheProcessors(t *testing.T) {
	dir := t.TempDir()
	var sources [][]byte
	for _, p := range []string{"../../roadmaps/bessonovsky.yaml", "../../roadmaps/nikolsky.yaml",
		"../../testdata/rules/RM010-numbering.yaml", "../../testdata/rules/RM017-unparsed-due.yaml", "../../testdata/rules/RM029-due-assumed.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, data)
	}
	n := procsFiles
	if testing.Short() {
		n = 200
	}
	for i := 0; i < n; i++ {
		src := sources[i%len(sources)]
		// Own ids, and now and then the same one twice (RM009 across files).
		id := fmt.Sprintf("id: r%04d", i-i%7/6)
		data := []byte(strings.Replace(string(src), "\nid: ", "\n"+id+"\nx-old-id: ", 1))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%04d.yaml", i)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first map[render.Format][]byte
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		res, err := check.Run([]string{dir}, nil)
		if err != nil {
			t.Fatal(err)
		}
		out := map[render.Format][]byte{}
		for _, f := range []render.Format{render.Text, render.JSON, render.SARIF, render.JUnit, render.GitHub} {
			r, err := render.New(f, render.Options{Lang: i18n.RU, Files: res.Files})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := r.Findings(&b, res.Findings); err != nil {
				t.Fatal(err)
			}
			out[f] = b.Bytes()
		}
		if first == nil {
			first = out
			if len(res.Findings) == 0 {
				t.Fatal("no findings: the test would prove nothing")
			}
			continue
		}
		for f, b := range out {
			if !bytes.Equal(b, first[f]) {
				t.Errorf("GOMAXPROCS %d: %s output differs from GOMAXPROCS 1", procs, f)
			}
		}
	}
}
