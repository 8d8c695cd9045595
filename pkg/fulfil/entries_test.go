package fulfil

import (
	"fmt"
	"strings"
	"testing"
)

// TestEntriesStore holds the packed store to what a map of entries gave:
// every entry back as put, over chunk boundaries, a text longer than a
// chunk, an entry put over, and keys never put not found.
func TestEntriesStore(t *testing.T) {
	t.Parallel()
	type k struct{ act, year, by int32 }
	var s entries
	want := map[k]entry{}
	sheets := []*sheetOf{{"a.xlsx", "Лист1"}, {"b.xlsx", "Отчет"}}
	long := strings.Repeat("длинный текст ", arenaChunk/10)
	for i := range 3*slotChunk + 17 {
		key := k{int32(i % 1000), int32(2024 + i/1000), int32(i % 3)}
		en := entry{factShown: fmt.Sprint(i), factRaw: fmt.Sprint(i * 2), dateShown: "", dateRaw: "45000",
			row: reportRow{at: sheets[(i/500)%2], factCol: int32(i % 7), factRow: int32(i), document: "Приказ № " + fmt.Sprint(i)}}
		if i%777 == 0 {
			en.row.reason = long
		}
		if i%5 == 0 {
			en.factShown, en.factRaw = "  ", ""
		}
		s.put(s.find(key.act, key.year, key.by), key.act, key.year, key.by, &en)
		want[key] = en
	}
	// Put over: the last value stands.
	over := entry{factShown: "99", row: reportRow{at: sheets[0], document: "новый"}}
	s.put(s.find(5, 2024, 2), 5, 2024, 2, &over)
	want[k{5, 2024, 2}] = over
	for key, en := range want {
		i := s.find(key.act, key.year, key.by)
		if i < 0 {
			t.Fatalf("%v not found", key)
		}
		if got := s.get(i); *got != en {
			t.Fatalf("%v: got %+v, want %+v", key, *got, en)
		}
		if s.slot(i).hasFact != (en.factText() != "") {
			t.Fatalf("%v: hasFact %v", key, s.slot(i).hasFact)
		}
	}
	for _, key := range []k{{5, 2024, 0}, {-1, 2024, 0}, {1 << 20, 2024, 0}, {5, 1999, 2}, {5, 2024, -1}} {
		if i := s.find(key.act, key.year, key.by); i >= 0 && want[key] == (entry{}) {
			t.Errorf("%v found, never put", key)
		}
	}
	if int(s.n) != len(want) {
		t.Errorf("%d slots for %d keys", s.n, len(want))
	}
}
