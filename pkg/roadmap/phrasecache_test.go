package roadmap

import (
	"bufio"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/phrase"
)

// TestPhraseCache: a remembered reading equals a fresh one, and shares
// no memory with the cache or another caller's copy, for every phrase of
// the corpus.
func TestPhraseCache(t *testing.T) {
	t.Parallel()
	for _, path := range []string{"../../testdata/phrases/deadlines.tsv", "../../testdata/phrases/indicators.tsv"} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			text, _, _ := strings.Cut(sc.Text(), "\t")
			for range 2 { // the second time from the cache
				if got, want := parseDue(text), phrase.ParseDue(text); !reflect.DeepEqual(got, want) {
					t.Errorf("due %q: %+v, want %+v", text, got, want)
				}
				if got, want := parseIndicator(text), phrase.ParseIndicator(text); !reflect.DeepEqual(got, want) {
					t.Errorf("indicator %q: %+v, want %+v", text, got, want)
				}
				a, b := parseIndicator(text), parseIndicator(text)
				if shared(reflect.ValueOf(a), reflect.ValueOf(b)) {
					t.Errorf("indicator %q: two readings share memory", text)
				}
				c, d := parseDue(text), parseDue(text)
				if shared(reflect.ValueOf(c), reflect.ValueOf(d)) {
					t.Errorf("due %q: two readings share memory", text)
				}
			}
		}
		f.Close()
	}
}

// shared reports whether two values hold the same pointer, slice or map.
func shared(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Pointer, reflect.Map:
		if !a.IsNil() && a.UnsafePointer() == b.UnsafePointer() {
			return true
		}
		if a.Kind() == reflect.Pointer && !a.IsNil() {
			return shared(a.Elem(), b.Elem())
		}
	case reflect.Slice:
		if a.Len() > 0 && a.UnsafePointer() == b.UnsafePointer() {
			return true
		}
		for i := range a.Len() {
			if shared(a.Index(i), b.Index(i)) {
				return true
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if shared(a.Field(i), b.Field(i)) {
				return true
			}
		}
	}
	return false
}
