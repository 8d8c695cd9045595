package yamlfmt

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// emitsAs reports whether yaml.v3's encoder, set up as Format sets it up
// (indentation 2, no line width), would write doc as exactly body: fmt
// --check of a formatted file then costs the parse, not the parse and an
// encoding (the encoder was about half of fmt's time).
//
// It walks the tree as the encoder's emitter would, keeping the same
// state (indentation, column, whether the last thing written was white
// space or indentation, pending comments) and comparing each byte it
// would write with body instead of writing it. It knows only the part of
// YAML roadmaps use: block and flow mappings and sequences, plain,
// double-quoted and literal scalars, comments above and below keys and
// list items and after values and list items. Anything else (anchors,
// tags, comments elsewhere, text the emitter would escape or fold) makes
// it answer false, and the caller encodes as before: false means "not
// sure", never "not canonical".
//
// It follows emitterc.go and encode.go of go.yaml.in/yaml/v3 v3.0.6 (the
// functions named below). TestEmitsAsAgreesWithTheEncoder,
// TestEmitsAsOnRandomTrees and FuzzEmitsAs hold it to the encoder (never
// a wrong yes), TestEmitsAsTakes to its subset (a yes where it should);
// after an upgrade of yaml.v3 they tell whether it still agrees.
func emitsAs(doc *yaml.Node, body []byte) bool {
	// Line breaks other than LF would count lines differently from the
	// parser (whose positions the plain scalars are checked against); a
	// BOM left after eol.Split is dropped before the parse.
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.FootComment != "" || doc.LineComment != "" ||
		bytes.IndexByte(body, '\r') >= 0 || bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")) ||
		bytes.Contains(body, []byte("\xC2\x85")) || bytes.Contains(body, []byte("\xE2\x80\xA8")) || bytes.Contains(body, []byte("\xE2\x80\xA9")) {
		return false
	}
	m := mirror{want: body, line: 1, indent: -1, footIndent: -1, whitespace: true, indention: true}
	// DOCUMENT-START, implicit: the document's comment and a blank line.
	if doc.HeadComment != "" {
		m.head = doc.HeadComment
		m.processHead()
		m.putBreak()
	}
	// DOCUMENT-CONTENT.
	root := doc.Content[0]
	m.setHead(root.HeadComment)
	m.processHead()
	m.node(root, false, false, false)
	// DOCUMENT-END: no foot comment, and none makes a blank line.
	m.footIndent = -1
	m.writeIndent()
	return !m.bad && m.pos == len(m.want)
}

// mirror is the state of yaml.v3's emitter (yaml_emitter_t) that the
// subset needs, with a cursor into the text it is compared with. Once bad
// (a byte differs, or the emitter would do what the mirror does not
// know), every method does nothing.
type mirror struct {
	want []byte
	pos  int
	// line (from 1) of pos, as the parser counts for a node's Line;
	// lineStart where that line starts (column tells the column).
	line, lineStart int
	indent          int
	flowLevel       int
	// footIndent is the indentation of the foot comment just written (a
	// blank line follows it at that indentation), -1 if none.
	footIndent int
	// whitespace: the last thing written was white space; indention: only
	// indentation so far on this line (the emitter's own names).
	whitespace, indention bool
	// the pending comments: head, line, foot, and tail (a key's foot
	// comment, which the encoder hands to the next key)
	head, lineC, foot, tail string
	bad                     bool
}

func (m *mirror) put(b byte) {
	if m.bad || m.pos >= len(m.want) || m.want[m.pos] != b {
		m.bad = true
		return
	}
	m.pos++
}

func (m *mirror) putBreak() {
	if m.bad || m.pos >= len(m.want) || m.want[m.pos] != '\n' {
		m.bad = true
		return
	}
	m.pos++
	m.lineStart = m.pos
	m.line++
	m.indention = true
}

// write compares s, which holds no line break.
func (m *mirror) write(s string) {
	if m.bad || len(m.want)-m.pos < len(s) || string(m.want[m.pos:m.pos+len(s)]) != s {
		m.bad = true
		return
	}
	m.pos += len(s)
}

// column is the emitter's column: the characters written since the last
// line break (the parser's column less one). Counted when asked, which is
// rarely: after a value the emitter breaks the line without looking.
func (m *mirror) column() int {
	return utf8.RuneCount(m.want[m.lineStart:m.pos])
}

// writeIndent is yaml_emitter_write_indent.
func (m *mirror) writeIndent() {
	indent := max(m.indent, 0)
	if !m.indention {
		m.putBreak()
	} else if c := m.column(); c > indent || c == indent && !m.whitespace {
		m.putBreak()
	}
	if m.footIndent == indent {
		m.putBreak()
	}
	for c := m.column(); !m.bad && c < indent; c++ {
		m.put(' ')
	}
	m.whitespace = true
	m.footIndent = -1
}

// writeIndicator is yaml_emitter_write_indicator.
func (m *mirror) writeIndicator(ind string, needWhitespace, isWhitespace, isIndention bool) {
	if needWhitespace && !m.whitespace {
		m.put(' ')
	}
	m.write(ind)
	m.whitespace = isWhitespace
	m.indention = m.indention && isIndention
}

// increaseIndent is yaml_emitter_increase_indent; inSeqItem says the node
// is an item of a block sequence (the emitter's state stack then has
// BLOCK-SEQUENCE-ITEM on top).
func (m *mirror) increaseIndent(flow, inSeqItem bool) {
	switch {
	case m.indent < 0 && flow:
		m.indent = 2
	case m.indent < 0:
		m.indent = 0
	case inSeqItem:
		m.indent += 2
	default:
		m.indent = 2 * ((m.indent + 2) / 2)
	}
}

// setHead is what yaml_emitter_analyze_event does with an event's head
// comment.
func (m *mirror) setHead(c string) {
	if c != "" {
		m.head = c
	}
}

// setTail is what yaml_emitter_analyze_event does with an event's tail
// comment.
func (m *mirror) setTail(c string) {
	if c != "" {
		m.tail = c
	}
}

// processHead is yaml_emitter_process_head_comment.
func (m *mirror) processHead() {
	if m.tail != "" {
		m.writeIndent()
		m.writeComment(m.tail)
		m.tail = ""
		m.footIndent = max(m.indent, 0)
	}
	if m.head == "" {
		return
	}
	m.writeIndent()
	m.writeComment(m.head)
	m.head = ""
}

// processFoot is yaml_emitter_process_foot_comment.
func (m *mirror) processFoot() {
	if m.foot == "" {
		return
	}
	m.writeIndent()
	m.writeComment(m.foot)
	m.foot = ""
	m.footIndent = max(m.indent, 0)
}

// processLine is yaml_emitter_process_line_comment.
func (m *mirror) processLine() {
	if m.lineC == "" {
		return
	}
	if !m.whitespace {
		m.put(' ')
	}
	m.writeComment(m.lineC)
	m.lineC = ""
}

// writeComment is yaml_emitter_write_comment (the text holds no line
// break but LF: emitsAs refused the others).
func (m *mirror) writeComment(c string) {
	breaks, pound := false, false
	for i := 0; i < len(c) && !m.bad; {
		if c[i] == '\n' {
			m.putBreak()
			i++
			breaks, pound = true, false
			continue
		}
		if breaks {
			m.writeIndent()
		}
		if !pound {
			if c[i] != '#' {
				m.put('#')
				m.put(' ')
			}
			pound = true
		}
		end := strings.IndexByte(c[i:], '\n')
		if end < 0 {
			end = len(c)
		} else {
			end += i
		}
		m.write(c[i:end])
		i = end
		m.indention = false
		breaks = false
	}
	if !breaks {
		m.putBreak()
	}
	m.whitespace = true
}

// node emits n in its parent's context: inSeqItem for an item of a block
// sequence, simpleKey for a mapping's key, lineOK where the parent writes
// a line comment after the node (a value or item in block context).
func (m *mirror) node(n *yaml.Node, inSeqItem, simpleKey, lineOK bool) {
	if m.bad {
		return
	}
	if n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 {
		m.bad = true
		return
	}
	if n.FootComment != "" {
		switch {
		case simpleKey && m.flowLevel == 0:
			// A block mapping's key: the encoder hands its foot comment
			// to the next key (blockMapping).
		case lineOK && m.flowLevel == 0 && n.Kind == yaml.ScalarNode:
			m.foot = n.FootComment // written after the node
		default:
			m.bad = true
			return
		}
	}
	if n.LineComment != "" {
		// Known only after a value or list item in block context that is a
		// scalar (the encoder gives the comment to its event) or a flow
		// collection (to its end event): then it is written after the node.
		flow := n.Kind != yaml.ScalarNode && (n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0)
		if !lineOK || m.flowLevel > 0 || n.Kind != yaml.ScalarNode && !flow {
			m.bad = true
			return
		}
		if n.Kind == yaml.ScalarNode {
			m.lineC = n.LineComment
		}
	}
	switch n.Kind {
	case yaml.ScalarNode:
		m.scalar(n, inSeqItem, simpleKey)
	case yaml.MappingNode:
		if n.Tag != "" && n.Tag != "!!map" || simpleKey {
			m.bad = true
			return
		}
		if m.flowLevel > 0 || n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
			m.flowMapping(n, inSeqItem)
		} else {
			m.blockMapping(n, inSeqItem)
		}
	case yaml.SequenceNode:
		if n.Tag != "" && n.Tag != "!!seq" || simpleKey {
			m.bad = true
			return
		}
		if m.flowLevel > 0 || n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
			m.flowSequence(n, inSeqItem)
		} else {
			m.blockSequence(n, inSeqItem)
		}
	default:
		m.bad = true
	}
}

func (m *mirror) blockMapping(n *yaml.Node, inSeqItem bool) {
	if len(n.Content)%2 != 0 {
		m.bad = true
		return
	}
	saved := m.indent
	m.increaseIndent(false, inSeqItem)
	tail := ""
	for i := 0; i < len(n.Content) && !m.bad; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		m.setTail(tail)
		m.setHead(k.HeadComment)
		m.processHead()
		m.writeIndent()
		if !simpleKey(k) || v.HeadComment != "" {
			m.bad = true
			return
		}
		m.node(k, false, true, false)
		tail = k.FootComment
		m.writeIndicator(":", false, false, false)
		m.node(v, false, false, true)
		m.processLine()
		m.processFoot()
	}
	// MAPPING-END: the last key's foot comment.
	m.setTail(tail)
	m.processHead()
	m.indent = saved
}

func (m *mirror) blockSequence(n *yaml.Node, inSeqItem bool) {
	saved := m.indent
	m.increaseIndent(false, inSeqItem)
	for _, c := range n.Content {
		if m.bad {
			return
		}
		m.setHead(c.HeadComment)
		m.processHead()
		m.writeIndent()
		m.writeIndicator("-", true, false, true)
		m.node(c, true, false, true)
		m.processLine()
		m.processFoot()
	}
	m.indent = saved
}

func (m *mirror) flowMapping(n *yaml.Node, inSeqItem bool) {
	if len(n.Content)%2 != 0 {
		m.bad = true
		return
	}
	m.writeIndicator("{", true, true, false)
	saved := m.indent
	m.increaseIndent(true, inSeqItem)
	m.flowLevel++
	for i := 0; i < len(n.Content) && !m.bad; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.HeadComment != "" || v.HeadComment != "" || !simpleKey(k) {
			m.bad = true
			return
		}
		if i > 0 {
			m.writeIndicator(",", false, false, false)
		}
		if m.pos == m.lineStart { // column 0
			m.writeIndent()
		}
		m.node(k, false, true, false)
		m.writeIndicator(":", false, false, false)
		m.node(v, false, false, false)
	}
	m.flowLevel--
	m.indent = saved
	m.writeIndicator("}", false, false, false)
	m.lineC = n.LineComment
	m.processLine()
}

func (m *mirror) flowSequence(n *yaml.Node, inSeqItem bool) {
	m.writeIndicator("[", true, true, false)
	saved := m.indent
	m.increaseIndent(true, inSeqItem)
	m.flowLevel++
	for i, c := range n.Content {
		if m.bad {
			return
		}
		if c.HeadComment != "" {
			m.bad = true
			return
		}
		if i > 0 {
			m.writeIndicator(",", false, false, false)
		}
		if m.pos == m.lineStart { // column 0
			m.writeIndent()
		}
		m.node(c, false, false, false)
	}
	m.flowLevel--
	m.indent = saved
	if m.pos == m.lineStart { // column 0
		m.writeIndent()
	}
	m.writeIndicator("]", false, false, false)
	m.lineC = n.LineComment
	m.processLine()
}

// simpleKey is yaml_emitter_check_simple_key for the subset: a one-line
// scalar of at most 128 bytes (no anchor or tag is written).
func simpleKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && len(k.Value) <= 128 && !strings.Contains(k.Value, "\n")
}

// scalar emits a scalar as encoder.node and the emitter would: the style
// the node asks for, then yaml_emitter_select_scalar_style.
func (m *mirror) scalar(n *yaml.Node, inSeqItem, simpleKey bool) {
	v := n.Value
	if n.Style&yaml.DoubleQuotedStyle != 0 && !utf8.ValidString(v) {
		// Escapes can make any bytes; the encoder writes them as
		// !!binary. The other styles hold text of the valid input.
		m.bad = true
		return
	}
	a := analyze(v)
	saved := m.indent
	m.increaseIndent(true, inSeqItem)
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		// Tag dropped only for !!str; another would need resolve.
		if n.Tag != "" && n.Tag != "!!str" || !a.plainQuoted {
			m.bad = true
			return
		}
		m.writeIndicator(`"`, true, false, false)
		m.write(v)
		m.writeIndicator(`"`, false, false, false)
	case n.Style&(yaml.SingleQuotedStyle|yaml.FoldedStyle) != 0:
		m.bad = true
	case n.Style&yaml.LiteralStyle != 0:
		if n.Tag != "" && n.Tag != "!!str" || !a.blockAllowed || m.flowLevel > 0 || simpleKey {
			m.bad = true // written double-quoted
			return
		}
		m.literal(v)
	case strings.Contains(v, "\n"):
		m.bad = true // literal unless resolve says otherwise
	default:
		m.plain(n, a, simpleKey)
	}
	m.indent = saved
}

// plain writes a scalar that asks for no style. The encoder writes it
// plain when resolving the text gives back its tag (else it quotes it or
// writes the tag), which holds for a node the parser read as plain text
// at this very place: its tag is that resolution, and nothing in Format
// changes the tag of a plain scalar. So the node must stand at the
// position being compared; the text compared then proves it was plain.
func (m *mirror) plain(n *yaml.Node, a analysis, simpleKey bool) {
	v := n.Value
	allowed := a.blockPlain
	if m.flowLevel > 0 {
		allowed = a.flowPlain
	}
	if !allowed || v == "" && (m.flowLevel > 0 || simpleKey) {
		m.bad = true // single- or double-quoted
		return
	}
	if v != "" && !m.whitespace {
		m.put(' ')
	}
	switch {
	case n.Tag == "":
	case v == "" && n.Tag == "!!null":
	case n.Line == m.line && n.Column == m.column()+1:
	default:
		m.bad = true
		return
	}
	m.write(v)
	if v != "" {
		m.whitespace = false
	}
	m.indention = false
}

// literal is yaml_emitter_write_literal_scalar for text that needs no
// indentation hint and keeps at most one final line break.
func (m *mirror) literal(v string) {
	if v != "" && (v[0] == ' ' || v[0] == '\n') || strings.ContainsAny(v, "\r\u0085\u2028\u2029") {
		m.bad = true
		return
	}
	m.writeIndicator("|", true, false, false)
	switch {
	case !strings.HasSuffix(v, "\n"):
		m.writeIndicator("-", false, false, false)
	case len(v) == 1 || v[len(v)-2] == '\n':
		m.bad = true // "+": keeps several breaks, open-ended
		return
	}
	// yaml_emitter_process_line_comment_linebreak: the comment, or a break.
	if m.lineC == "" {
		m.putBreak()
	}
	m.processLine()
	m.whitespace = true
	breaks := true
	for i := 0; i < len(v) && !m.bad; {
		if v[i] == '\n' {
			m.putBreak()
			i++
			breaks = true
			continue
		}
		if breaks {
			m.writeIndent()
		}
		end := strings.IndexByte(v[i:], '\n')
		if end < 0 {
			end = len(v)
		} else {
			end += i
		}
		m.write(v[i:end])
		i = end
		m.indention = false
		breaks = false
	}
}

// analysis is what yaml_emitter_analyze_scalar finds out about a text,
// and whether it is double-quoted as it is (no escapes).
type analysis struct {
	flowPlain, blockPlain, blockAllowed bool
	plainQuoted                         bool
}

// analyze is yaml_emitter_analyze_scalar (the emitter set to unicode).
func analyze(v string) analysis {
	if a, ok := analyzeUsual(v); ok {
		return a
	}
	return analyzeAll(v)
}

// analyzeUsual is analyze for the usual text (it was a sixth of fmt
// --check's time): it starts with a letter, a digit or a non-ASCII sign,
// does not end with a space and holds no tab, control character, line
// break or character from U+D000 up (where the emitter's printable and
// BOM rules lie); ok false leaves the text to analyzeAll.
// TestAnalyzeUsualAgrees holds the two together.
func analyzeUsual(v string) (a analysis, ok bool) {
	if v == "" || v[len(v)-1] == ' ' {
		return a, false
	}
	switch b := v[0]; {
	case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9':
	case b == 0xC2:
		if len(v) < 2 || v[1] < 0xA0 {
			return a, false
		}
	case b >= 0xC3 && b <= 0xEC && b != 0xE2:
	default:
		return a, false
	}
	a = analysis{flowPlain: true, blockPlain: true, blockAllowed: true, plainQuoted: true}
	for i := 1; i < len(v); i++ {
		switch b := v[i]; {
		case b >= 0x80:
			switch {
			case b == 0xC2:
				if i+1 >= len(v) || v[i+1] < 0xA0 {
					return a, false // C1 controls, NEL
				}
			case b == 0xE2:
				if i+2 < len(v) && v[i+1] == 0x80 && (v[i+2] == 0xA8 || v[i+2] == 0xA9) {
					return a, false // LS, PS
				}
			case b >= 0xED:
				return a, false
			}
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9', b == ' ':
		case b == ',', b == '?', b == '[', b == ']', b == '{', b == '}':
			a.flowPlain = false
		case b == ':':
			a.flowPlain = false
			if i+1 == len(v) || v[i+1] == ' ' {
				a.blockPlain = false
			}
		case b == '#':
			if v[i-1] == ' ' {
				a.flowPlain, a.blockPlain = false, false
			}
		case b == '"', b == '\\':
			a.plainQuoted = false
		case b < 0x20 || b == 0x7F:
			return a, false
		}
	}
	return a, true
}

// analyzeAll is yaml_emitter_analyze_scalar, character by character.
func analyzeAll(v string) analysis {
	if v == "" {
		return analysis{blockPlain: true, plainQuoted: true}
	}
	var (
		blockIndicators, flowIndicators, lineBreaks, special, tabs bool
		leadingSpace, leadingBreak, trailingSpace, trailingBreak   bool
		breakSpace, spaceBreak                                     bool
		previousSpace, previousBreak                               bool
		escapes                                                    bool
	)
	if strings.HasPrefix(v, "---") || strings.HasPrefix(v, "...") {
		blockIndicators, flowIndicators = true, true
	}
	// The emitter escapes every character of a text that starts with a
	// BOM (its is_bom looks at the start, not at i).
	escapes = strings.HasPrefix(v, "\xEF\xBB\xBF")
	precededByWhitespace := true
	for i, w := 0, 0; i < len(v); i += w {
		w = width(v[i])
		followedByWhitespace := i+w >= len(v) || v[i+w] == ' ' || v[i+w] == '\t'
		if i == 0 {
			switch v[i] {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				flowIndicators, blockIndicators = true, true
			case '?', ':':
				flowIndicators = true
				if followedByWhitespace {
					blockIndicators = true
				}
			case '-':
				if followedByWhitespace {
					flowIndicators, blockIndicators = true, true
				}
			}
		} else {
			switch v[i] {
			case ',', '?', '[', ']', '{', '}':
				flowIndicators = true
			case ':':
				flowIndicators = true
				if followedByWhitespace {
					blockIndicators = true
				}
			case '#':
				if precededByWhitespace {
					flowIndicators, blockIndicators = true, true
				}
			}
		}
		printable := isPrintable(v, i)
		if v[i] == '\t' {
			tabs = true
		} else if !printable {
			special = true
		}
		brk := isBreak(v, i)
		if !printable || brk || v[i] == '"' || v[i] == '\\' {
			escapes = true
		}
		switch {
		case v[i] == ' ':
			if i == 0 {
				leadingSpace = true
			}
			if i+w == len(v) {
				trailingSpace = true
			}
			if previousBreak {
				breakSpace = true
			}
			previousSpace, previousBreak = true, false
		case brk:
			lineBreaks = true
			if i == 0 {
				leadingBreak = true
			}
			if i+w == len(v) {
				trailingBreak = true
			}
			if previousSpace {
				spaceBreak = true
			}
			previousSpace, previousBreak = false, true
		default:
			previousSpace, previousBreak = false, false
		}
		precededByWhitespace = v[i] == ' ' || v[i] == '\t' || brk
	}
	a := analysis{flowPlain: true, blockPlain: true, blockAllowed: true, plainQuoted: !escapes}
	if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
		a.flowPlain, a.blockPlain = false, false
	}
	if trailingSpace {
		a.blockAllowed = false
	}
	if breakSpace || spaceBreak || tabs || special {
		a.flowPlain, a.blockPlain = false, false
	}
	if spaceBreak || special {
		a.blockAllowed = false
	}
	if lineBreaks {
		a.flowPlain, a.blockPlain = false, false
	}
	if flowIndicators {
		a.flowPlain = false
	}
	if blockIndicators {
		a.blockPlain = false
	}
	return a
}

// width is the length of the UTF-8 sequence that starts with b.
func width(b byte) int {
	switch {
	case b&0x80 == 0x00:
		return 1
	case b&0xE0 == 0xC0:
		return 2
	case b&0xF0 == 0xE0:
		return 3
	case b&0xF8 == 0xF0:
		return 4
	}
	return 1
}

// isPrintable is the emitter's is_printable (v is valid UTF-8).
func isPrintable(v string, i int) bool {
	b := v[i]
	next := func(k int) byte {
		if i+k < len(v) {
			return v[i+k]
		}
		return 0
	}
	return b == 0x0A ||
		b >= 0x20 && b <= 0x7E ||
		b == 0xC2 && next(1) >= 0xA0 ||
		b > 0xC2 && b < 0xED ||
		b == 0xED && next(1) < 0xA0 ||
		b == 0xEE ||
		b == 0xEF && !(next(1) == 0xBB && next(2) == 0xBF) && !(next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF))
}

// isBreak is the emitter's is_break: CR, LF, NEL, LS, PS.
func isBreak(v string, i int) bool {
	switch v[i] {
	case '\r', '\n':
		return true
	case 0xC2:
		return strings.HasPrefix(v[i:], "\xC2\x85")
	case 0xE2:
		return strings.HasPrefix(v[i:], "\xE2\x80\xA8") || strings.HasPrefix(v[i:], "\xE2\x80\xA9")
	}
	return false
}
