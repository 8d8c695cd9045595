package i18n

import (
	"regexp"
	"slices"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

// TestCatalogueComplete fails when a message exists in one language only,
// or when the two translations take different arguments.
func TestCatalogueComplete(t *testing.T) {
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
		{RU, "no.such.key", []any{1}, "no.such.key 1"},
	}
	for _, tt := range tests {
		if got := T(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"": RU, "ru": RU, "RU": RU, "ru_RU.UTF-8": RU, "en": EN, "en_US": EN} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseLang("de"); err == nil {
		t.Error("de accepted")
	}
}
