package roadmap

import (
	"reflect"
	"sync"

	"github.com/roadmap-edu/roadmap/pkg/phrase"
)

// Reading a deadline or an indicator phrase is most of decoding a
// roadmap, and the same phrases come again and again: «ежегодно» in every
// file, and merge reads a roadmap, then the same roadmap amended. The
// readings are remembered per process, by text (they depend on nothing
// else), and each caller gets its own deep copy, so that no two roadmaps
// share a slice or a pointer.

// phraseCacheSize bounds each cache; when full it starts afresh.
const phraseCacheSize = 1 << 14

type phraseCache[T any] struct {
	mu    sync.Mutex
	m     map[string]T
	parse func(string) T
}

func (c *phraseCache[T]) get(text string) T {
	c.mu.Lock()
	v, ok := c.m[text]
	c.mu.Unlock()
	if !ok {
		v = c.parse(text)
		c.mu.Lock()
		if len(c.m) >= phraseCacheSize {
			clear(c.m)
		}
		c.m[text] = v
		c.mu.Unlock()
	}
	return deepCopy(v)
}

var (
	dueCache       = &phraseCache[phrase.Due]{m: map[string]phrase.Due{}, parse: phrase.ParseDue}
	indicatorCache = &phraseCache[phrase.Indicator]{m: map[string]phrase.Indicator{}, parse: phrase.ParseIndicator}
)

// parseDue is phrase.ParseDue, remembered.
func parseDue(text string) phrase.Due { return dueCache.get(text) }

// parseIndicator is phrase.ParseIndicator, remembered.
func parseIndicator(text string) phrase.Indicator { return indicatorCache.get(text) }

// deepCopy copies v with everything it points to: slices, maps and
// pointers are new, whatever fields the phrase types grow.
func deepCopy[T any](v T) T {
	var out T
	copyValue(reflect.ValueOf(&out).Elem(), reflect.ValueOf(v))
	return out
}

func copyValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		copyValue(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			copyValue(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for it := src.MapRange(); it.Next(); {
			val := reflect.New(src.Type().Elem()).Elem()
			copyValue(val, it.Value())
			m.SetMapIndex(it.Key(), val)
		}
		dst.Set(m)
	case reflect.Struct:
		for i := range src.NumField() {
			copyValue(dst.Field(i), src.Field(i))
		}
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		val := reflect.New(src.Elem().Type()).Elem()
		copyValue(val, src.Elem())
		dst.Set(val)
	default:
		dst.Set(src)
	}
}
