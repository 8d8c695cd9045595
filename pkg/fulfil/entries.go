package fulfil

import "encoding/binary"

// entries are what the reports say, kept packed: a slot of 32 bytes per
// activity, year and due date reported, and the slot's six cell texts
// one after another in an arena of byte chunks. A country's report has a
// million distinct rows; as a map of entries of eight strings each they
// were about 200 bytes a row and most of what `check --report` held.
// Slots of one activity are chained from heads (indexed by the
// activity's place among all roadmaps'), so no map of keys is needed: an
// activity has a row per year or per occurrence, a handful to walk.
type entries struct {
	// heads are, by activity, 1 + its last slot (0: none).
	heads []int32
	slots [][]slot
	arena [][]byte
	// sheets are the report sheets slots name.
	sheets []*sheetOf
	n      int32
}

// slot is a stored entry.
type slot struct {
	next          int32 // 1 + the activity's slot before it, 0 for none
	by            int32 // in evaluator.dues
	sheet         int32
	factCol, line int32
	year          int32
	hasFact       bool  // a fact cell that is not blank
	text          int64 // where its texts start: chunk<<arenaShift | offset
}

const (
	slotChunk  = 4096
	arenaShift = 20
	arenaChunk = 1 << arenaShift
)

// find is the slot of activity act in year with due date by, -1 for none.
func (s *entries) find(act, year, by int32) int32 {
	if act < 0 || int(act) >= len(s.heads) {
		return -1
	}
	for i := s.heads[act] - 1; i >= 0; {
		sl := s.slot(i)
		if sl.year == year && sl.by == by {
			return i
		}
		i = sl.next - 1
	}
	return -1
}

func (s *entries) slot(i int32) *slot { return &s.slots[i/slotChunk][i%slotChunk] }

// get is slot i unpacked.
func (s *entries) get(i int32) *entry {
	sl := s.slot(i)
	chunk := s.arena[sl.text>>arenaShift]
	b := chunk[sl.text&(arenaChunk-1):]
	var t [6]string
	for k := range t {
		n, w := binary.Uvarint(b)
		b = b[w:]
		if n > 0 {
			t[k] = string(b[:n])
			b = b[n:]
		}
	}
	return &entry{
		row:       reportRow{at: s.sheets[sl.sheet], factCol: sl.factCol, factRow: sl.line, document: t[4], reason: t[5]},
		factShown: t[0], factRaw: t[1], dateShown: t[2], dateRaw: t[3],
	}
}

// put stores en for activity act in year and due date by, over slot i,
// or in a new slot when i is -1.
func (s *entries) put(i, act, year, by int32, en *entry) {
	sl := slot{by: by, year: year, factCol: en.row.factCol, line: en.row.factRow, hasFact: en.factText() != "",
		sheet: s.sheetIndex(en.row.at), text: s.store(en)}
	if i >= 0 {
		sl.next = s.slot(i).next
		*s.slot(i) = sl
		return
	}
	if int(act) >= len(s.heads) {
		s.heads = append(s.heads, make([]int32, int(act)+1-len(s.heads))...)
	}
	sl.next = s.heads[act]
	if n := len(s.slots); n == 0 || len(s.slots[n-1]) == slotChunk {
		s.slots = append(s.slots, make([]slot, 0, slotChunk))
	}
	last := len(s.slots) - 1
	s.slots[last] = append(s.slots[last], sl)
	s.heads[act] = s.n + 1
	s.n++
}

func (s *entries) sheetIndex(at *sheetOf) int32 {
	if n := len(s.sheets); n == 0 || s.sheets[n-1] != at {
		s.sheets = append(s.sheets, at)
	}
	return int32(len(s.sheets) - 1)
}

// store appends en's texts to the arena and says where they start. A
// chunk holds what fits in arenaChunk bytes, or one entry alone.
func (s *entries) store(en *entry) int64 {
	texts := [6]string{en.factShown, en.factRaw, en.dateShown, en.dateRaw, en.row.document, en.row.reason}
	size := 0
	for _, t := range texts {
		size += binary.MaxVarintLen64 + len(t)
	}
	n := len(s.arena)
	if n == 0 || len(s.arena[n-1])+size > arenaChunk {
		s.arena = append(s.arena, make([]byte, 0, max(arenaChunk, size)))
		n++
	}
	b := s.arena[n-1]
	at := int64(n-1)<<arenaShift | int64(len(b))
	for _, t := range texts {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	s.arena[n-1] = b
	return at
}
