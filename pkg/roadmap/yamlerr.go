package roadmap

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// yaml.v3 reports a syntax error at the line of the construct it was
// parsing (for parser errors that line is 0-based, so one line early; for
// a dedented key it is the enclosing list, many lines early) and never
// gives a column. The mistake itself is at or after that line. A line
// scanner that knows the mistakes people make by hand (tabs, a colon
// without a space, indentation that breaks the parent's, unclosed quotes
// and brackets, a stray colon in text, a BOM in the middle) finds the
// first of them from there and says what to type instead.

// syntaxMistake is a mistake the scanner recognised.
type syntaxMistake struct {
	pos     diag.Pos
	problem i18n.Msg
}

// locateSyntaxError returns the first mistake in data from the line
// before line from (yaml.v3's, 1-based; 0 means anywhere), or false when
// it sees none.
func locateSyntaxError(data []byte, from int) (syntaxMistake, bool) {
	s := &scanner{from: from, plainCont: -1, pending: -1}
	for _, l := range strings.Split(string(data), "\n") {
		s.lines = append(s.lines, strings.TrimSuffix(l, "\r"))
	}
	for i := range s.lines {
		s.line(i)
		if s.found != nil {
			return *s.found, true
		}
	}
	switch {
	case s.quote != 0:
		s.report(s.openLine, s.openCol, i18n.M("hint.yaml.unclosed_quote", string(s.quote), string(s.quote)))
	case s.depth > 0:
		s.report(s.openLine, s.openCol, i18n.M("hint.yaml.unclosed_bracket", string(s.openBracket), closing(s.openBracket)))
	}
	if s.found != nil {
		return *s.found, true
	}
	return syntaxMistake{}, false
}

// level is an open block collection: a mapping whose keys, or a sequence
// whose dashes, stand at indent.
type level struct {
	indent   int
	seq      bool
	key      string // mapping: the last key; sequence: the first key of its first item
	keyCol   int
	firstKey string
}

type scanner struct {
	lines []string
	from  int
	found *syntaxMistake

	levels  []level
	popped  []level // the levels the current line closed, innermost first
	pending int     // indent of a "key:" (or "-") whose value is on the next lines; -1 none

	block     int // parent indent of the block scalar (| or >) being skipped
	inBlock   bool
	plainCont int // a plain scalar may continue on lines deeper than this; -1 none
	contKey   string
	contCol   int

	// An open quoted scalar or flow collection spanning lines.
	quote       rune
	depth       int
	openBracket rune
	openLine    int // 0-based
	openCol     int // 0-based rune column
	ownerIndent int
}

func (s *scanner) report(line, col int, m i18n.Msg) {
	// A BOM or a tab yaml.v3 passes over shows one line later.
	if s.found != nil || line+2 < s.from {
		return
	}
	s.found = &syntaxMistake{pos: diag.Pos{Line: line + 1, Col: col + 1}, problem: m}
}

func closing(open rune) string {
	if open == '{' {
		return "}"
	}
	return "]"
}

func runeCol(text string, byteOff int) int { return utf8.RuneCountInString(text[:byteOff]) }

func isBlank(rest string) bool { return rest == "" || strings.HasPrefix(rest, "#") }

func (s *scanner) line(n int) {
	text := s.lines[n]
	trimmed := strings.TrimLeft(text, " ")
	indent := len(text) - len(trimmed)
	if s.inBlock {
		if strings.TrimSpace(text) == "" || indent > s.block {
			return
		}
		s.inBlock = false
	}
	if s.quote != 0 || s.depth > 0 {
		s.continueOpen(n, text, indent)
		return
	}
	if i := strings.IndexRune(text, '\uFEFF'); i >= 0 {
		s.report(n, runeCol(text, i), i18n.M("hint.yaml.bom"))
		text = strings.ReplaceAll(text, "\uFEFF", "")
		trimmed = strings.TrimLeft(text, " ")
		indent = len(text) - len(trimmed)
	}
	if lead := text[:len(text)-len(strings.TrimLeft(text, " \t"))]; strings.Contains(lead, "\t") {
		s.report(n, strings.IndexByte(lead, '\t'), i18n.M("hint.yaml.tab"))
		trimmed = strings.TrimLeft(text, " \t")
		indent = len(text) - len(trimmed)
	}
	if _, marker := isConflictMarker([]byte(text)); marker || isBlank(strings.TrimSpace(trimmed)) ||
		trimmed == "---" || trimmed == "..." || strings.HasPrefix(trimmed, "%") {
		return
	}
	if s.plainCont >= 0 && indent > s.plainCont {
		if k, _, ok := splitKey(trimmed); ok && !strings.HasPrefix(trimmed, "- ") {
			s.report(n, indent, i18n.M("hint.yaml.misaligned_key", k, indent+1, s.contKey, s.contCol+1, k, s.contKey))
		}
		return // a plain scalar continued on the next line
	}
	s.plainCont = -1

	pending := s.pending
	s.pending = -1
	s.popped = s.popped[:0]
	for len(s.levels) > 0 && s.levels[len(s.levels)-1].indent > indent {
		s.popped = append(s.popped, s.levels[len(s.levels)-1])
		s.levels = s.levels[:len(s.levels)-1]
	}
	dash := trimmed == "-" || strings.HasPrefix(trimmed, "- ")
	top := s.top()
	switch {
	case pending >= 0 && indent > pending, len(s.levels) == 0,
		pending >= 0 && indent == pending && dash && top != nil && !top.seq:
		s.levels = append(s.levels, level{indent: indent, seq: dash})
	case top.indent == indent && top.seq == dash:
	case dash:
		if sq, ok := s.poppedLevel(true); ok {
			s.report(n, indent, i18n.M("hint.yaml.misaligned_item", indent+1, sq.indent+1))
		}
		s.levels = append(s.levels, level{indent: indent, seq: true})
	default:
		k, _, _ := splitKey(trimmed)
		if top.indent == indent && top.seq && k != "" {
			if k == top.firstKey {
				s.report(n, indent, i18n.M("hint.yaml.missing_dash", "- "+trimmed))
			} else if m, ok := s.poppedLevel(false); ok {
				s.report(n, indent, i18n.M("hint.yaml.misaligned_key", k, indent+1, m.key, m.keyCol+1, k, m.key))
			}
		} else if k != "" {
			m, ok := s.poppedLevel(false)
			if !ok && top.indent < indent && !top.seq {
				m, ok = *top, true // deeper than its siblings
			}
			if ok {
				s.report(n, indent, i18n.M("hint.yaml.misaligned_key", k, indent+1, m.key, m.keyCol+1, k, m.key))
			}
		}
		s.levels = append(s.levels, level{indent: indent})
	}
	body, bodyIndent := trimmed, indent
	if dash {
		rest := strings.TrimLeft(trimmed[1:], " ")
		bodyIndent = indent + len(trimmed) - len(rest)
		body = rest
		if isBlank(body) {
			s.pending = indent
			return
		}
		if k, _, ok := splitKey(body); ok {
			if sq := s.top(); sq.firstKey == "" {
				sq.firstKey = k
			}
			s.levels = append(s.levels, level{indent: bodyIndent})
		} else {
			s.value(n, text, bodyIndent, bodyIndent, "", body)
			return
		}
	}
	k, v, ok := splitKey(body)
	if !ok {
		s.noKey(n, text, bodyIndent, body)
		return
	}
	top = s.top()
	top.key, top.keyCol = k, bodyIndent
	s.value(n, text, bodyIndent, len(text)-len(v), k, v)
}

func (s *scanner) top() *level {
	if len(s.levels) == 0 {
		return nil
	}
	return &s.levels[len(s.levels)-1]
}

// poppedLevel is the innermost level the line closed of the kind asked:
// the one the user most likely meant to stay in.
func (s *scanner) poppedLevel(seq bool) (level, bool) {
	for _, l := range s.popped {
		if l.seq == seq && (seq || l.key != "") {
			return l, true
		}
	}
	return level{}, false
}

// noKey handles a line that should hold a key and does not: a colon with
// no space after it, as «due:в течение года».
func (s *scanner) noKey(n int, text string, indent int, body string) {
	i := strings.IndexByte(body, ':')
	if i <= 0 || i+1 >= len(body) || strings.HasPrefix(body[i:], "://") {
		return
	}
	word := body[:i]
	for j, r := range word {
		if !(unicode.IsLetter(r) || r == '_' || j > 0 && (unicode.IsDigit(r) || r == '-')) {
			return
		}
	}
	off := len(text) - len(body) + i + 1
	s.report(n, runeCol(text, off), i18n.M("hint.yaml.colon_space", word+": "+strings.TrimSpace(body[i+1:])))
}

// value checks the value of key (at indent keyIndent; off is the byte
// offset of v in text).
func (s *scanner) value(n int, text string, keyIndent, off int, key, v string) {
	for strings.HasPrefix(v, "&") || strings.HasPrefix(v, "!") {
		sp := strings.IndexByte(v, ' ')
		if sp < 0 {
			v = ""
			break
		}
		rest := strings.TrimLeft(v[sp:], " ")
		off += len(v) - len(rest)
		v = rest
	}
	switch {
	case isBlank(v):
		s.pending = keyIndent
	case v[0] == '|' || v[0] == '>':
		s.inBlock, s.block = true, keyIndent
	case v[0] == '"' || v[0] == '\'':
		s.quote, s.openLine, s.openCol, s.ownerIndent = rune(v[0]), n, runeCol(text, off), keyIndent
		s.scanQuoted(v[1:])
	case v[0] == '[' || v[0] == '{':
		s.openBracket, s.openLine, s.openCol, s.ownerIndent = rune(v[0]), n, runeCol(text, off), keyIndent
		s.scanFlow(v)
	case v[0] == '*':
	default:
		plain := v
		if i := strings.Index(plain, " #"); i >= 0 {
			plain = plain[:i]
		}
		plain = strings.TrimRight(plain, " ")
		c := strings.Index(plain, ": ")
		if c < 0 && strings.HasSuffix(plain, ":") {
			c = len(plain) - 1
		}
		if c >= 0 {
			s.report(n, runeCol(text, off+c), s.strayColon(key, plain))
			return
		}
		s.plainCont, s.contKey, s.contCol = keyIndent, key, keyIndent
	}
}

// wordQuotes are the typographic quotes Word puts around text, opening to
// closing; YAML reads them as letters.
var wordQuotes = map[rune]rune{'“': '”', '«': '»', '„': '“', '”': '”'}

func (s *scanner) strayColon(key, plain string) i18n.Msg {
	inner := plain
	first, size := utf8.DecodeRuneInString(plain)
	if end, ok := wordQuotes[first]; ok {
		if last, lsize := utf8.DecodeLastRuneInString(plain); last == end || last == '”' {
			inner = plain[size : len(plain)-lsize]
			return i18n.M("hint.yaml.word_quotes", string(first)+"…"+string(last), fixLine(key, yamlQuote(inner)))
		}
	}
	return i18n.M("hint.yaml.stray_colon", fixLine(key, yamlQuote(inner)))
}

func fixLine(key, v string) string {
	if key == "" {
		return "- " + v
	}
	return key + ": " + v
}

// yamlQuote quotes text for YAML: double quotes, or single ones when the
// text has double quotes or backslashes.
func yamlQuote(text string) string {
	if !strings.ContainsAny(text, `"\`) {
		return `"` + text + `"`
	}
	return "'" + strings.ReplaceAll(text, "'", "''") + "'"
}

// scanQuoted looks for the end of the open quoted scalar in rest.
func (s *scanner) scanQuoted(rest string) {
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case s.quote == '"' && c == '\\':
			i++
		case rune(c) == s.quote && s.quote == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			i++
		case rune(c) == s.quote:
			s.quote = 0
			return
		}
	}
}

// scanFlow follows brackets (and quotes inside them) through rest.
func (s *scanner) scanFlow(rest string) {
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if s.quote != 0 {
			if s.quote == '"' && c == '\\' {
				i++
			} else if rune(c) == s.quote {
				s.quote = 0
			}
			continue
		}
		switch c {
		case '"', '\'':
			s.quote = rune(c)
		case '[', '{':
			s.depth++
		case ']', '}':
			s.depth--
			if s.depth == 0 {
				return
			}
		case '#':
			if i > 0 && rest[i-1] == ' ' {
				return
			}
		}
	}
}

// continueOpen reads a line inside an open quote or flow collection. A
// line that looks like the next key of the block, no deeper than the key
// that opened it, means the quote or bracket was never closed.
func (s *scanner) continueOpen(n int, text string, indent int) {
	trimmed := text[indent:]
	body := strings.TrimPrefix(trimmed, "- ")
	if _, _, ok := splitKey(body); ok && indent <= s.ownerIndent {
		if s.depth > 0 {
			s.report(s.openLine, s.openCol, i18n.M("hint.yaml.unclosed_bracket", string(s.openBracket), closing(s.openBracket)))
		} else {
			s.report(s.openLine, s.openCol, i18n.M("hint.yaml.unclosed_quote", string(s.quote), string(s.quote)))
		}
		s.quote, s.depth = 0, 0
		return
	}
	if s.depth > 0 {
		s.scanFlow(trimmed)
	} else {
		s.scanQuoted(trimmed)
	}
}

// splitKey splits a block mapping line «key: value» (or «key:») at its
// first colon followed by a space; plain keys only.
func splitKey(body string) (key, value string, ok bool) {
	if body == "" || strings.ContainsRune(`"'[{#|>*&!%@`+"`", rune(body[0])) {
		return "", "", false
	}
	i := strings.Index(body, ": ")
	if j := strings.Index(body, " #"); j >= 0 && (i < 0 || j < i) {
		body = strings.TrimRight(body[:j], " ")
		i = strings.Index(body, ": ")
	}
	if i < 0 {
		if strings.HasSuffix(body, ":") {
			return body[:len(body)-1], "", true
		}
		return "", "", false
	}
	return body[:i], strings.TrimLeft(body[i+1:], " "), true
}
