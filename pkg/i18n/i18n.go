// Package i18n owns the user-facing text of the tool: a catalogue of
// messages in Russian (the default: methodologists read it) and English,
// addressed by stable keys. Rule messages use the rule code as their key.
// Each part of the tool keeps its messages in a table of its own
// (messages*.go); areas composes them. The tests guard the catalogue: a key
// in two areas, a key the code asks for and the catalogue lacks, a key
// nothing asks for (guard_test.go) all fail.
package i18n

import (
	"fmt"
	"maps"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Lang is a language of user-facing text.
type Lang string

// The supported languages.
const (
	RU Lang = "ru"
	EN Lang = "en"
)

// ParseLang accepts "ru" or "en" (any case, "ru_RU.UTF-8" style too).
func ParseLang(s string) (Lang, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "" || strings.HasPrefix(s, "ru"):
		return RU, nil
	case strings.HasPrefix(s, "en"):
		return EN, nil
	}
	return RU, fmt.Errorf("unsupported language %q (ru, en)", s)
}

// FromEnv returns the language named by ROADMAP_LANG, or Russian.
func FromEnv() Lang {
	l, err := ParseLang(os.Getenv("ROADMAP_LANG"))
	if err != nil {
		return RU
	}
	return l
}

// Msg is a message to be rendered later; it may be passed as an argument
// of another message and is then rendered in the same language.
type Msg struct {
	Key  string
	Args []any
}

// M makes a Msg.
func M(key string, args ...any) Msg { return Msg{Key: key, Args: args} }

// T renders the message key in lang. A key missing from the catalogue is
// a programming error: under go test it panics naming the key, so that
// the test fails loudly; in the program it renders as the key and its
// arguments rather than as an empty message.
func T(lang Lang, key string, args ...any) string {
	e, ok := catalogue[key]
	if !ok {
		if testing.Testing() {
			panic("i18n: no message " + strconv.Quote(key) + " in the catalogue")
		}
		return missing(key, args)
	}
	tmpl := e.ru
	if lang == EN {
		tmpl = e.en
	}
	if len(args) == 0 {
		return tmpl
	}
	rendered := make([]any, len(args))
	for i, a := range args {
		if m, ok := a.(Msg); ok {
			rendered[i] = T(lang, m.Key, m.Args...)
		} else {
			rendered[i] = a
		}
	}
	return fmt.Sprintf(tmpl, rendered...)
}

// Has reports whether key is in the catalogue.
func Has(key string) bool {
	_, ok := catalogue[key]
	return ok
}

// Keys returns every key of the catalogue (unsorted).
func Keys() []string {
	keys := make([]string, 0, len(catalogue))
	for k := range catalogue {
		keys = append(keys, k)
	}
	return keys
}

// missing renders a key the catalogue lacks.
func missing(key string, args []any) string {
	if len(args) == 0 {
		return key
	}
	return key + " " + fmt.Sprint(args...)
}

type entry struct{ ru, en string }

// area is the messages of one part of the tool.
type area struct {
	name     string
	messages map[string]entry
}

// areas lists every table of messages; the catalogue is their union. A
// key belongs to one area only (TestAreasDisjoint).
var areas = []area{
	{"core", coreMessages},
	{"cli", cliMessages},
	{"diff", diffMessages},
	{"doc", docMessages},
	{"git", gitMessages},
	{"import", importMessages},
	{"merge", mergeMessages},
	{"report", reportMessages},
	{"schema", schemaMessages},
	{"site", siteMessages},
	{"summary", summaryMessages},
}

// catalogue holds every message by key.
var catalogue = compose(areas)

func compose(areas []area) map[string]entry {
	c := map[string]entry{}
	for _, a := range areas {
		maps.Copy(c, a.messages)
	}
	return c
}
