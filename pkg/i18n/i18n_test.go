package i18n

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

// TestCatalogueComplete fails when a message exists in one language only,
// or when the two translations take different arguments.
func TestCatalogueComplete(t *testing.T) {
	t.Parallel()
	keys := Keys()
	slices.Sort(keys)
	for _, k := range keys {
		e := catalogue[k]
		if e.ru == "" || e.en == "" {
			t.Errorf("%s: missing a translation (ru %q, en %q)", k, e.ru, e.en)
			continue
		}
		ru, en := argVerbs(e.ru), argVerbs(e.en)
		if !slices.Equal(ru, en) {
			t.Errorf("%s: ru takes %v, en takes %v", k, ru, en)
		}
	}
}

// argVerbs lists the verbs that consume arguments, %q counted as %s since
// Russian quotes with «» where English uses %q.
func argVerbs(s string) []string {
	var out []string
	for _, v := range verb.FindAllString(s, -1) {
		switch v[len(v)-1] {
		case '%':
			continue
		case 'q':
			v = v[:len(v)-1] + "s"
		}
		out = append(out, v)
	}
	return out
}

func TestT(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang Lang
		key  string
		args []any
		want string
	}{
		{RU, "RM016", nil, "не указаны исполнители"},
		{EN, "RM016", nil, "no executors given"},
		{RU, "RM003", []any{"executor", M("hint.did_you_mean", "executors")}, "неизвестный ключ «executor»; возможно, имелось в виду «executors»"},
		{EN, "RM003", []any{"executor", ""}, `unknown key "executor"`},
	}
	for _, tt := range tests {
		if got := T(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

// TestTMissingKey: under go test a missing key panics naming it (also as
// the key of an argument); the program renders the key instead.
func TestTMissingKey(t *testing.T) {
	t.Parallel()
	for _, call := range []func(){
		func() { T(EN, "no.such.key", 1) },
		func() { T(RU, "RM016", M("no.such.key")) },
	} {
		func() {
			defer func() {
				p := recover()
				if msg, _ := p.(string); !strings.Contains(msg, `"no.such.key"`) {
					t.Errorf("T with a missing key: panic %v, want one naming the key", p)
				}
			}()
			call()
		}()
	}
	if got := missing("no.such.key", []any{1}); got != "no.such.key 1" {
		t.Errorf("missing = %q", got)
	}
	if got := missing("no.such.key", nil); got != "no.such.key" {
		t.Errorf("missing = %q", got)
	}
}

// TestAreasDisjoint fails when two areas define the same key: the
// catalogue would keep only one of the messages.
func TestAreasDisjoint(t *testing.T) {
	t.Parallel()
	for _, d := range duplicates(areas) {
		t.Error(d)
	}
	fake := []area{
		{"a", map[string]entry{"x.one": {}, "x.two": {}}},
		{"b", map[string]entry{"x.two": {}}},
	}
	if got := duplicates(fake); !slices.Equal(got, []string{"key x.two is defined in area a and in area b"}) {
		t.Errorf("duplicates of a fake catalogue: %q", got)
	}
	n := 0
	for _, a := range areas {
		n += len(a.messages)
	}
	if len(catalogue) != n {
		t.Errorf("the catalogue has %d keys, its areas %d", len(catalogue), n)
	}
}

func duplicates(areas []area) []string {
	var out []string
	owner := map[string]string{}
	for _, a := range areas {
		for _, k := range slices.Sorted(maps.Keys(a.messages)) {
			if o, dup := owner[k]; dup {
				out = append(out, "key "+k+" is defined in area "+o+" and in area "+a.name)
				continue
			}
			owner[k] = a.name
		}
	}
	return out
}
