package yamlfmt

import (
	"bufio"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// TestSurelyPlainAgreesWithTheParser: whatever surelyPlain calls plain,
// the YAML parser reads back unquoted as the same string, in block and
// flow context: on every phrase of the corpus and on random text from
// the letters and signs it accepts.
func TestSurelyPlainAgreesWithTheParser(t *testing.T) {
	t.Parallel()
	var texts []string
	for _, path := range []string{"../../testdata/phrases/deadlines.tsv", "../../testdata/phrases/indicators.tsv"} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			p, _, _ := strings.Cut(sc.Text(), "\t")
			texts = append(texts, p)
		}
		f.Close()
	}
	alphabet := []rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯabcxyzABC0123456789 .,;()«»№%/+-–—!?[]{}:#'\"\u00a0\t&*|>@`~=")
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		r := make([]rune, 1+rnd.IntN(12))
		for i := range r {
			r[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		texts = append(texts, string(r))
	}
	sure := 0
	for _, s := range texts {
		if s == "" || strings.TrimSpace(s) != s {
			continue
		}
		for _, flow := range []bool{false, true} {
			if surelyPlain(s, flow) {
				sure++
				if !parsesPlain(s, flow) {
					t.Errorf("surelyPlain(%q, flow %v), but it does not read back plain", s, flow)
				}
			}
		}
	}
	if sure < 1000 {
		t.Errorf("surelyPlain took only %d texts: the test says nothing", sure)
	}
}
