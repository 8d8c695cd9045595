package diff

import (
	"regexp"
	"strings"
	"unicode"
)

type span struct{ old, new, anchor string }

// commonWords counts the words old and new share at the start (p) and at
// the end (s), the two never overlapping.
func commonWords(ow, nw []string) (p, s int) {
	for p < len(ow) && p < len(nw) && ow[p] == nw[p] {
		p++
	}
	for s < len(ow)-p && s < len(nw)-p && ow[len(ow)-1-s] == nw[len(nw)-1-s] {
		s++
	}
	return p, s
}

// wordChange finds the words that changed between old and new: the span
// between the common leading and trailing words, widened until the old
// words occur once in the cell, and by up to two words before a lone
// number ("Не менее 55%" rather than "55%"). ok is false when the cell is
// better rewritten whole.
func wordChange(old, new string) (span, bool) {
	ow, nw := strings.Fields(old), strings.Fields(new)
	if len(ow) == 0 || len(nw) == 0 {
		return span{}, false
	}
	p, s := commonWords(ow, nw)
	oa, ob := p, len(ow)-s // old span ow[oa:ob]
	na, nb := p, len(nw)-s
	if oa == ob && na == nb {
		return span{}, false // only spacing changed
	}
	if oa == ob { // pure insertion: anchor on the words before
		if p == 0 {
			return span{}, false
		}
		a := max(0, p-2)
		return span{new: strings.Join(nw[na:nb], " "), anchor: strings.Join(ow[a:p], " ")}, true
	}
	if ob-oa == 1 && nb-na >= 1 && hasDigit(ow[oa]) {
		k := min(2, oa)
		oa, na = oa-k, na-k
	}
	for oa > 0 && strings.Count(old, strings.Join(ow[oa:ob], " ")) > 1 {
		oa, na = oa-1, na-1
	}
	if (oa == 0 && ob == len(ow)) || (len(ow) > 3 && 10*(ob-oa) > 7*len(ow)) {
		return span{}, false
	}
	o, n := trimPunct(strings.Join(ow[oa:ob], " "), strings.Join(nw[na:nb], " "))
	return span{old: o, new: n}, true
}

// trimPunct leaves out the punctuation both spans end with («за собой.»
// → «на заместителя.» is «за собой» → «на заместителя»).
func trimPunct(o, n string) (string, string) {
	for len(o) > 1 && len(n) > 1 && o[len(o)-1] == n[len(n)-1] && strings.ContainsRune(",;.:", rune(o[len(o)-1])) {
		o, n = o[:len(o)-1], n[:len(n)-1]
	}
	return o, n
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// number is a number as a text writes it: «55», «2021», «0,5».
var number = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// digitChange reports a change of one number and nothing else: the one
// changed word differs only in its number, and that number occurs once in
// old, so «цифры «55» заменить цифрами «60»» names it.
func digitChange(old, new string) (o, n string, ok bool) {
	ow, nw := strings.Fields(old), strings.Fields(new)
	p, s := commonWords(ow, nw)
	if len(ow)-p-s != 1 || len(nw)-p-s != 1 {
		return "", "", false
	}
	a, b := ow[p], nw[p]
	la, lb := number.FindAllStringIndex(a, -1), number.FindAllStringIndex(b, -1)
	if len(la) != 1 || len(lb) != 1 || a[:la[0][0]] != b[:lb[0][0]] || a[la[0][1]:] != b[lb[0][1]:] {
		return "", "", false
	}
	o, n = a[la[0][0]:la[0][1]], b[lb[0][0]:lb[0][1]]
	count := 0
	for _, m := range number.FindAllString(old, -1) {
		if m == o {
			count++
		}
	}
	return o, n, count == 1
}

// isNumber reports whether s is one number.
func isNumber(s string) bool {
	return s != "" && number.FindString(s) == s
}

// minimalChange is the words that differ between old and new, the
// punctuation both end with left out ("МЦПРО" of "МЦПРО," → "ЦРО,").
func minimalChange(old, new string) (o, n string, ok bool) {
	ow, nw := strings.Fields(old), strings.Fields(new)
	p, s := commonWords(ow, nw)
	o, n = trimPunct(strings.Join(ow[p:len(ow)-s], " "), strings.Join(nw[p:len(nw)-s], " "))
	return o, n, o != "" && n != "" && o != n
}
