package roadmap

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// Number is an activity's number as the document prints it: "3", or
// "2.3" (the third activity of section 2). It is kept in a canonical form:
// digits separated by single dots, no leading zeros, no trailing dot
// («1.1.» is "1.1"). The zero Number is absent.
type Number string

// ParseNumber reads a printed number: «3», «3.», «2.3», «2.3.». It
// refuses anything else (a Roman numeral, letters, an empty part).
func ParseNumber(s string) (Number, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	if s == "" {
		return "", false
	}
	parts := strings.Split(s, ".")
	out := make([]string, len(parts))
	for i, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return "", false
		}
		v, _ := strconv.Atoi(p)
		if v == 0 {
			return "", false
		}
		out[i] = strconv.Itoa(v)
	}
	return Number(strings.Join(out, ".")), true
}

// NumberOf is the plain number i.
func NumberOf(i int) Number { return Number(strconv.Itoa(i)) }

// Parts are the number's parts: [2 3] for "2.3".
func (n Number) Parts() []int {
	if n == "" {
		return nil
	}
	fs := strings.Split(string(n), ".")
	out := make([]int, len(fs))
	for i, f := range fs {
		out[i], _ = strconv.Atoi(f)
	}
	return out
}

// Int is the number when it is a plain one.
func (n Number) Int() (int, bool) {
	if n == "" || strings.Contains(string(n), ".") {
		return 0, false
	}
	i, err := strconv.Atoi(string(n))
	return i, err == nil
}

// Prefix is the number without its last part: "2" for "2.3", "" for "3".
func (n Number) Prefix() Number {
	if i := strings.LastIndexByte(string(n), '.'); i >= 0 {
		return n[:i]
	}
	return ""
}

// Last is the number's last part: 3 for "2.3".
func (n Number) Last() int {
	p := n.Parts()
	if len(p) == 0 {
		return 0
	}
	return p[len(p)-1]
}

// With is the number with its last part set to last: "2.4" for ("2.3", 4).
func (n Number) With(last int) Number {
	if p := n.Prefix(); p != "" {
		return p + "." + NumberOf(last)
	}
	return NumberOf(last)
}

// Compare orders numbers part by part: 2 < 2.1 < 2.10 < 3.
func (n Number) Compare(m Number) int { return slices.Compare(n.Parts(), m.Parts()) }

// String is the number as printed.
func (n Number) String() string { return string(n) }

// MarshalJSON writes a plain number as a JSON number and a dotted one as
// a string ("2.3").
func (n Number) MarshalJSON() ([]byte, error) {
	if i, ok := n.Int(); ok {
		return []byte(strconv.Itoa(i)), nil
	}
	return json.Marshal(string(n))
}

// Renumber gives activities their numbers after rows were added, removed
// or moved, keeping the document's scheme: ns are the numbers as they
// stand (in the new order; "" for a new row) and sections the activities'
// sections. A dotted number takes the prefix its section's other numbers
// have (else its own) and counts on within that prefix; plain numbers run
// on, or start again at 1 in each section when the document numbers them
// so.
func Renumber(ns []Number, sections []string) []Number {
	out := make([]Number, len(ns))
	prefixOf := map[string]Number{}
	restart := false
	for i, n := range ns {
		if p := n.Prefix(); p != "" {
			if _, ok := prefixOf[sections[i]]; !ok {
				prefixOf[sections[i]] = p
			}
		}
		if i > 0 && n == "1" && sections[i] != sections[i-1] {
			restart = true
		}
	}
	var prev Number
	for i, n := range ns {
		var p Number
		if n.Prefix() != "" || (n == "" && prefixOf[sections[i]] != "") {
			p = prefixOf[sections[i]]
			if p == "" {
				p = n.Prefix()
			}
		}
		next := 1
		switch {
		case i == 0:
		case p != "":
			if prev.Prefix() == p {
				next = prev.Last() + 1
			}
		case restart && sections[i] != sections[i-1]:
		default:
			next = prev.Last() + 1
		}
		if p != "" {
			out[i] = p + "." + NumberOf(next)
		} else {
			out[i] = NumberOf(next)
		}
		prev = out[i]
	}
	return out
}
