package merge

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// editor changes a roadmap file's text in place, one change at a time,
// guided by the node tree of the current text (see encode.go).
type editor struct {
	file string
	t    *text
	root *yaml.Node
	// structural is set when activities were added, removed or moved: n
	// is renumbered at the end then, and only then.
	structural bool
	// commentsMoved is set once a top-level entry was parsed alone: a
	// comment between it and the entry before (a file's last comment) then
	// hangs where a parse of the whole text would not hang it. Nothing
	// after reads comments (the documents are recorded last), and a
	// decoder never does.
	commentsMoved bool
	// byID indexes the activities by id (position + 1) (the first of an id) until an
	// edit adds, removes or renames one; nil when it is to be made again.
	byID map[string]int
}

func newEditor(file string, data []byte) (*editor, []diag.Finding) {
	return newEditorOf(file, data, nil)
}

// newEditorOf is newEditor given the tree of data when the caller has it
// (nil when not): it serves as is when it is the tree of the text the
// editor parses (line ends LF, no byte-order mark).
func newEditorOf(file string, data []byte, tree *yaml.Node) (*editor, []diag.Finding) {
	e := &editor{file: file, t: newText(data)}
	root, fs := tree, []diag.Finding(nil)
	if root == nil || !bytes.Equal(e.t.body(), data) {
		root, fs = e.t.parse(file)
	}
	if root == nil {
		return nil, fs
	}
	if root.Kind != yaml.MappingNode {
		return nil, []diag.Finding{diag.New(file, diag.Pos{Line: root.Line, Col: root.Column}, diag.WrongType, "roadmap", "mapping", root.ShortTag())}
	}
	e.root = root
	return e, nil
}

// reparse re-reads the tree after an edit. The edits write valid YAML; a
// failure here is a bug, reported as an error rather than a bad file.
func (e *editor) reparse() error {
	root, fs := e.t.parse(e.file)
	if root == nil || root.Kind != yaml.MappingNode {
		return fmt.Errorf("merge: internal error: the edited text of %s is not valid YAML: %v", e.file, fs)
	}
	e.root, e.byID = root, nil
	return nil
}

// An edit of one activity re-reads only that activity: parsing the whole
// file after each of a hundred changes to a 5,000-activity roadmap was
// nearly all of merge's time. The nodes below the edit move by the lines
// it added or took (shift), and the activity's own lines are parsed alone
// (parseItem) into the node that replaces its old one. verifyEdits (set by
// the tests) compares the tree so kept with a full parse after every edit.
var verifyEdits bool

// shift moves every node starting below line after by delta lines. A
// child followed by a sibling starting at or above that line lies above
// it whole, and is passed over.
func shift(n *yaml.Node, after, delta int) {
	if n.Line > after {
		n.Line += delta
	}
	c := n.Content
	i := 0
	for i+1 < len(c) && c[i+1].Line <= after {
		i++
	}
	for _, k := range c[i:] {
		shift(k, after, delta)
	}
}

// parseItem parses lines from..to of the text, a list of one activity
// with what comes before its dash (comments, a blank line), into a list
// node holding the activity's node, at their places in the file; nil when
// the lines do not parse alone.
func (e *editor) parseItem(from, to int) *yaml.Node {
	var doc yaml.Node
	if err := unmarshalSafe([]byte(strings.Join(e.t.lines[from-1:to], "\n")+"\n"), &doc); err != nil ||
		len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode || len(doc.Content[0].Content) != 1 {
		return nil
	}
	list := doc.Content[0]
	shift(list, 0, from-1)
	return list
}

func unmarshalSafe(data []byte, n *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: %v", p)
		}
	}()
	return yaml.Unmarshal(data, n)
}

// edited brings the tree up to date after lines from..to (the old text's)
// of the activities list were replaced by n lines: the activities at
// indexes [j, j+old) gave way to new ones, the lines from..from+n-1 of
// the new text. A part that does not parse alone re-reads the file.
func (e *editor) edited(from, to, n, j, old, added int) error {
	_, seq := e.activities()
	delta := n - (to - from + 1)
	if old != added {
		e.byID = nil
	}
	var items []*yaml.Node
	var first *yaml.Node // the new item's list: where its dash is
	if added > 0 {
		if first = e.parseItem(from, from+n-1); first == nil {
			return e.reparse()
		}
		items = first.Content
	}
	if len(seq.Content)-old+len(items) == 0 {
		return e.reparse() // no activities left: no list either
	}
	seq.Content = slices.Replace(seq.Content, j, j+old)
	if delta != 0 { // most sets keep their line count: nothing moves
		shift(e.root, to, delta)
	}
	seq.Content = slices.Insert(seq.Content, j, items...)
	if j == 0 {
		// A block list starts at its first dash.
		if first != nil {
			seq.Line, seq.Column = first.Line, first.Column
		} else {
			seq.Line = e.dashLine(seq.Content[0])
			seq.Column = indentOf(e.t.line(seq.Line)) + 1
		}
	}
	if verifyEdits {
		return e.verify()
	}
	return nil
}

// verify compares the tree with the text parsed whole.
func (e *editor) verify() error {
	root, fs := e.t.parse(e.file)
	if root == nil {
		return fmt.Errorf("merge: edited text does not parse: %v", fs)
	}
	if d := nodeDiff(root, e.root, "$", !e.commentsMoved); d != "" {
		return fmt.Errorf("merge: kept tree differs from the text at %s", d)
	}
	return nil
}

// nodeDiff names the first difference between two trees, "" if none;
// comments count when comments is set.
func nodeDiff(a, b *yaml.Node, path string, comments bool) string {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column ||
		len(a.Content) != len(b.Content) ||
		comments && (a.HeadComment != b.HeadComment || a.LineComment != b.LineComment || a.FootComment != b.FootComment) {
		return fmt.Sprintf("%s: %+v vs %+v", path, *a, *b)
	}
	for i := range a.Content {
		if d := nodeDiff(a.Content[i], b.Content[i], fmt.Sprintf("%s[%d]", path, i), comments); d != "" {
			return d
		}
	}
	return ""
}

// activities returns the index of the activities key in the root and the
// sequence; seq is nil when there is none.
func (e *editor) activities() (int, *yaml.Node) {
	for i := 0; i+1 < len(e.root.Content); i += 2 {
		if e.root.Content[i].Value == "activities" {
			return i, e.root.Content[i+1]
		}
	}
	return -1, nil
}

func (e *editor) items() []*yaml.Node {
	_, seq := e.activities()
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	return seq.Content
}

func itemID(item *yaml.Node) string {
	if _, v := amendment.Lookup(item, "id"); v != nil && v.Kind == yaml.ScalarNode {
		return strings.TrimSpace(v.Value)
	}
	return ""
}

// index returns the position of the activity id, or -1.
func (e *editor) index(id string) int {
	if e.byID == nil {
		items := e.items()
		e.byID = make(map[string]int, len(items))
		for j, item := range items {
			if k := itemID(item); e.byID[k] == 0 {
				e.byID[k] = j + 1
			}
		}
	}
	return e.byID[id] - 1
}

// ids lists the activity ids in order.
func (e *editor) ids() []string {
	var out []string
	for _, item := range e.items() {
		out = append(out, itemID(item))
	}
	return out
}

// entryEnd returns the last line of the entry at key index i of the block
// mapping m, whose content ends at line limit: up to the next key, less the
// blank lines and comments before it (they belong to the next key).
func (e *editor) entryEnd(m *yaml.Node, i, limit int) int {
	k := m.Content[i]
	end := limit
	if i+2 < len(m.Content) {
		end = m.Content[i+2].Line - 1
		if h := m.Content[i+2]; h.Line > 0 {
			end = e.headStart(h.Line, h.Column-1) - 1
		}
	}
	for end > k.Line {
		l := e.t.line(end)
		if isBlank(l) || (isComment(l) && indentOf(l) <= k.Column-1) {
			end--
			continue
		}
		break
	}
	return max(end, k.Line)
}

// headStart returns the first line of the comments right above line (no
// blank line between) indented at least indent.
func (e *editor) headStart(line, indent int) int {
	for line > 1 {
		l := e.t.line(line - 1)
		if !isComment(l) || indentOf(l) < indent {
			break
		}
		line--
	}
	return line
}

// seqEnd is the last line of the activities entry.
func (e *editor) seqEnd() int {
	ai, _ := e.activities()
	return e.entryEnd(e.root, ai, len(e.t.lines))
}

// dashLine finds the line of the "-" that starts item.
func (e *editor) dashLine(item *yaml.Node) int {
	l := e.t.line(item.Line)
	if prefix := runePrefix(l, item.Column-1); strings.HasSuffix(strings.TrimRight(prefix, " "), "-") {
		return item.Line
	}
	for ln := item.Line - 1; ln >= 1; ln-- {
		if t := strings.TrimSpace(e.t.line(ln)); strings.HasPrefix(t, "-") {
			return ln
		}
	}
	return item.Line
}

func runePrefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// bounds returns the lines of activity j: head (its leading comments),
// start (the dash line) and end.
func (e *editor) bounds(j int) (head, start, end int) {
	items := e.items()
	start = e.dashLine(items[j])
	indent := indentOf(e.t.line(start))
	head = e.headStart(start, indent)
	end = e.seqEnd()
	if j+1 < len(items) {
		ns := e.dashLine(items[j+1])
		end = e.headStart(ns, indentOf(e.t.line(ns))) - 1
	}
	for end > start && (isBlank(e.t.line(end)) || isComment(e.t.line(end)) && indentOf(e.t.line(end)) <= indent+2) {
		end--
	}
	return head, start, end
}

// separated reports whether activities are set apart by blank lines.
func (e *editor) separated() bool {
	if len(e.items()) < 2 {
		return false
	}
	head, _, _ := e.bounds(1)
	return isBlank(e.t.line(head - 1))
}

// dashIndent is the indentation of the items of activities.
func (e *editor) dashIndent() int {
	items := e.items()
	if len(items) == 0 {
		return 2
	}
	return indentOf(e.t.line(e.dashLine(items[0])))
}

// setIn sets key to val (nil deletes it) in the block mapping m whose
// content ends at limit; a new key goes where order puts it.
func (e *editor) setIn(m *yaml.Node, limit int, key string, val *yaml.Node, order []string) {
	if val == nil {
		e.putEntry(m, limit, key, nil, order)
		return
	}
	e.putEntry(m, limit, key, func(indent int, oldKey, oldVal *yaml.Node) []string {
		nk := amendment.Key(key)
		if oldKey != nil {
			nk.LineComment = oldKey.LineComment
		}
		return encodeEntry(nk, restyle(val, oldVal), indent)
	}, order)
}

// putEntry replaces the lines of key's entry in the block mapping m by
// what render gives for its indentation (nil render deletes the entry);
// a missing key is inserted where order puts it.
func (e *editor) putEntry(m *yaml.Node, limit int, key string, render func(indent int, oldKey, oldVal *yaml.Node) []string, order []string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != key {
			continue
		}
		k := m.Content[i]
		end := e.entryEnd(m, i, limit)
		if render == nil {
			e.t.replace(k.Line, end, nil)
			return
		}
		lines := render(k.Column-1, k, m.Content[i+1])
		// The first key of a list item shares the line with its dash
		// ("- id: a"): keep what stands before the key.
		if pre := runePrefix(e.t.line(k.Line), k.Column-1); strings.TrimSpace(pre) != "" && len(lines) > 0 {
			lines[0] = pre + strings.TrimLeft(lines[0], " ")
		}
		e.t.replace(k.Line, end, lines)
		return
	}
	if render == nil || len(m.Content) == 0 {
		return
	}
	line, indent := e.insertLine(m, limit, key, order)
	e.t.replace(line, line-1, render(indent, nil, nil))
}

// insertLine returns where a new key of the block mapping m goes (the
// line to insert before) and its indentation.
func (e *editor) insertLine(m *yaml.Node, limit int, key string, order []string) (line, indent int) {
	after := len(m.Content) - 2
	if r := rankOf(order, key); r < len(order) {
		after = 0
		for i := 0; i+1 < len(m.Content); i += 2 {
			if rankOf(order, m.Content[i].Value) < r {
				after = i
			}
		}
	}
	if after == len(m.Content)-2 {
		// After the last key: at the very end, past trailing comments.
		return limit + 1, m.Content[0].Column - 1
	}
	return e.entryEnd(m, after, limit) + 1, m.Content[0].Column - 1
}

// setField sets a field of activity j (val nil removes it).
func (e *editor) setField(j int, key string, val *yaml.Node) error {
	item := e.items()[j]
	_, start, end := e.bounds(j)
	if item.Kind != yaml.MappingNode || item.Style&yaml.FlowStyle != 0 {
		// A flow-style activity is rewritten whole.
		c := copyKeepComments(item)
		setNode(c, key, val, activityFields)
		e.t.replace(start, end, encodeItem(c, indentOf(e.t.line(start))))
		return e.reparse()
	}
	head, _, _ := e.bounds(j)
	n := len(e.t.lines)
	if key == "id" {
		e.byID = nil
	}
	e.setIn(item, end, key, val, activityFields)
	return e.edited(head, end, end-head+1+len(e.t.lines)-n, j, 1, 1)
}

// patchDocument sets the fields of the approving document that patch
// gives (null removes one), keeping the others and their comments.
func (e *editor) patchDocument(patch *yaml.Node) error {
	for i := 0; i+1 < len(patch.Content); i += 2 {
		key, val := patch.Content[i].Value, prepare(patch.Content[i+1])
		at := -1
		for k := 0; k+1 < len(e.root.Content); k += 2 {
			if e.root.Content[k].Value == "document" {
				at = k
			}
		}
		if at < 0 {
			return fmt.Errorf("merge: the roadmap has no document")
		}
		doc := e.root.Content[at+1]
		if doc.Kind != yaml.MappingNode || doc.Style&yaml.FlowStyle != 0 || len(doc.Content) == 0 {
			// A flow-style document is rewritten whole.
			c := copyKeepComments(doc)
			setNode(c, key, val, documentFields)
			if err := e.setTop("document", c); err != nil {
				return err
			}
			continue
		}
		e.setIn(doc, e.entryEnd(e.root, at, len(e.t.lines)), key, val, documentFields)
		if err := e.reparse(); err != nil {
			return err
		}
	}
	return nil
}

// setTop sets a top-level field (val nil removes it).
func (e *editor) setTop(key string, val *yaml.Node) error {
	e.setIn(e.root, len(e.t.lines), key, val, roadmapFields)
	return e.reparse()
}

// setNode sets key in the mapping node m.
func setNode(m *yaml.Node, key string, val *yaml.Node, order []string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			if val == nil {
				m.Content = slices.Delete(m.Content, i, i+2)
			} else {
				m.Content[i+1] = restyle(val, m.Content[i+1])
			}
			return
		}
	}
	if val != nil {
		m.Content = append(m.Content, amendment.Key(key), val)
	}
}

// copyKeepComments copies a node with its comments and styles.
func copyKeepComments(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = nil
	for _, sub := range n.Content {
		c.Content = append(c.Content, copyKeepComments(sub))
	}
	return &c
}

// insertAt returns the line before which an activity placed after `after`
// ("" the end, amendment.AfterFirst the start, else an id) goes.
func (e *editor) insertAt(after string) int {
	items := e.items()
	switch {
	case len(items) == 0:
		return e.seqEnd() + 1
	case after == amendment.AfterFirst:
		head, _, _ := e.bounds(0)
		return head
	case after == "":
		_, _, end := e.bounds(len(items) - 1)
		return end + 1
	}
	j := e.index(after)
	if j < 0 {
		_, _, end := e.bounds(len(items) - 1)
		return end + 1
	}
	_, _, end := e.bounds(j)
	return end + 1
}

// insertItem puts an activity's lines after `after`.
func (e *editor) insertItem(after string, lines []string) error {
	_, seq := e.activities()
	if seq == nil || seq.Kind != yaml.SequenceNode || seq.Style&yaml.FlowStyle != 0 || len(seq.Content) == 0 {
		return fmt.Errorf("merge: %s: activities must be a block list to add to", e.file)
	}
	at := e.insertAt(after)
	if e.separated() {
		// Activities set apart by blank lines get one too.
		lines = slices.Clone(lines)
		if after == amendment.AfterFirst {
			lines = append(lines, "")
		} else {
			lines = append([]string{""}, lines...)
		}
	}
	e.t.replace(at, at-1, lines)
	e.structural = true
	j := 0
	for _, item := range e.items() {
		if item.Line < at {
			j++
		}
	}
	return e.edited(at, at-1, len(lines), j, 0, 1)
}

// addActivity adds a new activity built from fields.
func (e *editor) addActivity(fields []amendment.Field, after string) error {
	item := &yaml.Node{Kind: yaml.MappingNode}
	sorted := slices.Clone(fields)
	slices.SortStableFunc(sorted, func(a, b amendment.Field) int {
		return cmp.Compare(rankOf(activityFields, a.Key), rankOf(activityFields, b.Key))
	})
	flowLists := e.flowExecutors()
	for _, f := range sorted {
		if f.Key == "n" || amendment.IsNull(f.Value) {
			continue
		}
		v := amendment.Copy(f.Value)
		if f.Key == "executors" {
			if v.Kind == yaml.ScalarNode {
				v = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{v}}
			}
			v.Style = 0
			if flowLists {
				amendment.Flow(v)
			}
		}
		item.Content = append(item.Content, amendment.Key(f.Key), v)
		if f.Key == "id" {
			item.Content = append(item.Content, amendment.Key("n"), &yaml.Node{Kind: yaml.ScalarNode, Value: "0"})
		}
	}
	return e.insertItem(after, encodeItem(item, e.dashIndent()))
}

func rankOf(order []string, k string) int {
	if r := slices.Index(order, k); r >= 0 {
		return r
	}
	return len(order)
}

// flowExecutors reports whether the roadmap writes executors as flow
// lists ([a, b]), judging by its first activity.
func (e *editor) flowExecutors() bool {
	for _, item := range e.items() {
		if _, v := amendment.Lookup(item, "executors"); v != nil && v.Kind == yaml.SequenceNode {
			return v.Style&yaml.FlowStyle != 0
		}
	}
	return true
}

// removeActivity deletes activity j with its leading comments and returns
// its lines.
func (e *editor) removeActivity(j int) ([]string, error) {
	head, _, end := e.bounds(j)
	lines := slices.Clone(e.t.lines[head-1 : end])
	from := head
	if isBlank(e.t.line(head-1)) && (isBlank(e.t.line(end+1)) || j == len(e.items())-1) {
		from-- // the blank line that set it apart goes with it
	}
	e.t.replace(from, end, nil)
	e.structural = true
	return lines, e.edited(from, end, 0, j, 1, 0)
}

// moveActivity moves activity id after `after` (amendment.AfterFirst or an id).
func (e *editor) moveActivity(id, after string) error {
	j := e.index(id)
	if j < 0 {
		return nil
	}
	lines, err := e.removeActivity(j)
	if err != nil {
		return err
	}
	return e.insertItem(after, lines)
}

// renumber sets n to 1, 2, ... in order, editing the numbers in place;
// no line comes or goes, and the n nodes (and the columns after them on
// their lines) are set as a parse would set them.
func (e *editor) renumber() error {
	items := e.items()
	ns := make([]roadmap.Number, len(items))
	sections := make([]string, len(items))
	for j, item := range items {
		if _, n := amendment.Lookup(item, "n"); n != nil && n.Kind == yaml.ScalarNode {
			ns[j], _ = roadmap.ParseNumber(n.Value)
		}
		if _, s := amendment.Lookup(item, "section"); s != nil && s.Kind == yaml.ScalarNode {
			sections[j] = strings.TrimSpace(s.Value)
		}
	}
	want := roadmap.Renumber(ns, sections)
	for j, item := range items {
		_, n := amendment.Lookup(item, "n")
		if n == nil || n.Kind != yaml.ScalarNode || ns[j] == want[j] {
			continue
		}
		text := want[j].String()
		if _, plain := want[j].Int(); !plain {
			text = `"` + text + `"` // 2.3 unquoted would read as a decimal
		}
		line := e.t.line(n.Line)
		off := len(runePrefix(line, n.Column-1))
		end := off
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			end += 1 + strings.IndexAny(line[off+1:], `"'`) + 1
		} else {
			for end < len(line) && !strings.ContainsRune(" \t,}#", rune(line[end])) {
				end++
			}
		}
		e.t.lines[n.Line-1] = line[:off] + text + line[end:]
		// The node says what a parse of the new line would.
		if delta := utf8.RuneCountInString(text) - utf8.RuneCountInString(line[off:end]); delta != 0 {
			shiftColumns(item, n.Line, n.Column, delta)
		}
		n.Value = want[j].String()
		if _, plain := want[j].Int(); plain {
			n.Tag, n.Style = "!!int", 0
		} else {
			n.Tag, n.Style = "!!str", yaml.DoubleQuotedStyle
		}
	}
	return e.verified()
}

// shiftColumns moves the nodes on line that start right of col by delta
// columns (a flow item's keys after a renumbered n).
func shiftColumns(n *yaml.Node, line, col, delta int) {
	if n.Line == line && n.Column > col {
		n.Column += delta
	}
	for _, c := range n.Content {
		shiftColumns(c, line, col, delta)
	}
}

// verified is nil, or with verifyEdits the difference between the tree
// and a full parse of the text.
func (e *editor) verified() error {
	if verifyEdits {
		return e.verify()
	}
	return nil
}

// record appends the amending document to the roadmap's amendments.
func (e *editor) record(d amendment.Document) error {
	item := amendment.DocumentValue(d)
	for i := 0; i+1 < len(e.root.Content); i += 2 {
		if e.root.Content[i].Value != "amendments" {
			continue
		}
		from, end := e.root.Content[i].Line, e.entryEnd(e.root, i, len(e.t.lines))
		seq := e.root.Content[i+1]
		if seq.Kind == yaml.SequenceNode && seq.Style&yaml.FlowStyle == 0 && len(seq.Content) > 0 {
			first := seq.Content[0]
			indent := indentOf(e.t.line(first.Line))
			lines := encodeItem(item, indent)
			e.t.replace(end+1, end, lines)
			return e.topEdited(i, from, end, len(lines))
		}
		list := &yaml.Node{Kind: yaml.SequenceNode}
		if seq.Kind == yaml.SequenceNode {
			for _, c := range seq.Content {
				list.Content = append(list.Content, copyKeepComments(c))
			}
		}
		list.Content = append(list.Content, item)
		n := len(e.t.lines)
		e.setIn(e.root, len(e.t.lines), "amendments", list, roadmapFields)
		return e.topEdited(i, from, end, len(e.t.lines)-n)
	}
	list := &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}}
	at, _ := e.insertLine(e.root, len(e.t.lines), "amendments", roadmapFields)
	n := len(e.t.lines)
	e.setIn(e.root, len(e.t.lines), "amendments", list, roadmapFields)
	return e.topEdited(-1, at, at-1, len(e.t.lines)-n)
}

// topEdited brings the tree up to date after the top-level entry at pair
// index i (-1: a new one) that held lines from..to of the old text grew
// by grow lines: the entry's lines are parsed alone and take its place,
// the nodes below move. What does not parse alone re-reads the file.
func (e *editor) topEdited(i, from, to, grow int) error {
	var pair []*yaml.Node
	if end := to + grow; end >= from {
		var doc yaml.Node
		if err := unmarshalSafe([]byte(strings.Join(e.t.lines[from-1:end], "\n")+"\n"), &doc); err != nil ||
			len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode || len(doc.Content[0].Content) != 2 {
			return e.reparse()
		}
		m := doc.Content[0]
		shift(m, 0, from-1)
		pair = m.Content
	}
	if i >= 0 {
		e.root.Content = slices.Delete(e.root.Content, i, i+2)
	}
	if grow != 0 {
		shift(e.root, to, grow)
	}
	at := 0
	for at < len(e.root.Content) && e.root.Content[at].Line < from {
		at += 2
	}
	e.root.Content = slices.Insert(e.root.Content, at, pair...)
	if at == 0 && len(pair) > 0 {
		e.root.Line, e.root.Column = pair[0].Line, pair[0].Column
	}
	e.commentsMoved = true
	return e.verified()
}

// renameExecutor renames an executor in every activity.
func (e *editor) renameExecutor(from, to string) error {
	for j := range e.items() {
		_, v := amendment.Lookup(e.items()[j], "executors")
		if v == nil || !slices.Contains(amendment.Scalars(v), from) {
			continue
		}
		nv := amendment.Copy(v)
		if nv.Kind == yaml.ScalarNode {
			nv.Value = to
		}
		for _, c := range nv.Content {
			if c.Kind == yaml.ScalarNode && strings.TrimSpace(c.Value) == from {
				c.Value, c.Tag = to, "!!str"
			}
		}
		if err := e.setField(j, "executors", nv); err != nil {
			return err
		}
	}
	return nil
}

// prepare turns an amendment's value into the node to write: a copy, or
// nil for null (remove the field).
func prepare(v *yaml.Node) *yaml.Node {
	if v == nil || amendment.IsNull(v) {
		return nil
	}
	return amendment.Copy(v)
}

// applyChange applies one validated change.
func (e *editor) applyChange(c amendment.Change) error {
	switch c.Kind {
	case amendment.ChangeSet:
		id := c.ID
		for _, f := range c.Fields {
			j := e.index(id)
			if j < 0 {
				return fmt.Errorf("merge: no activity %q", id)
			}
			if err := e.setField(j, f.Key, prepare(f.Value)); err != nil {
				return err
			}
			if f.Key == "id" {
				id = itemID(e.items()[j])
			}
		}
	case amendment.ChangeAdd:
		return e.addActivity(c.Fields, c.After)
	case amendment.ChangeRemove:
		if j := e.index(c.ID); j >= 0 {
			_, err := e.removeActivity(j)
			return err
		}
	case amendment.ChangeMove:
		return e.moveActivity(c.ID, c.After)
	case amendment.ChangeRenameExecutor:
		return e.renameExecutor(c.From, c.To)
	case amendment.ChangeRoadmap:
		for _, f := range c.Fields {
			if f.Key == "document" && f.Value.Kind == yaml.MappingNode {
				if err := e.patchDocument(f.Value); err != nil {
					return err
				}
				continue
			}
			if err := e.setTop(f.Key, prepare(f.Value)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Apply applies amendments to the roadmap file base (its bytes) in the
// order of their documents' dates (the order given for equal dates) and
// returns the new file: the changed activities, n renumbered when
// activities were added, removed or moved, and each amending document
// appended to amendments. Every line not changed stays as it was. On any
// finding of severity error nothing is returned: the base, the
// amendments and their fit (ids, dates) are all checked first. The
// result's meaning rules (package check) are for the caller to run.
func Apply(file string, base []byte, amendments []*amendment.Amendment) ([]byte, []diag.Finding, error) {
	out, _, fs, err := applyTree(file, base, amendments)
	return out, fs, err
}

// Merged is a merged roadmap file: its text and, when the editor kept
// it exact, the tree of that text.
type Merged struct {
	Data []byte
	tree *yaml.Node
}

// Read decodes the merged file under the name name as roadmap.Parse
// would, from the kept tree when there is one: the result is checked
// without being parsed again.
func (m *Merged) Read(name string) (*roadmap.Roadmap, []diag.Finding) {
	return roadmap.ParseWithTree(name, m.Data, m.tree)
}

// ApplyMerged is Apply giving the result as a Merged (nil where Apply
// gives no bytes).
func ApplyMerged(file string, base []byte, amendments []*amendment.Amendment) (*Merged, []diag.Finding, error) {
	out, tree, fs, err := applyTree(file, base, amendments)
	if out == nil {
		return nil, fs, err
	}
	return &Merged{Data: out, tree: tree}, fs, err
}

// applyTree is Apply also giving the YAML tree of the result, the one a
// parse of it gives but for where a comment or two hang (nil when the
// file is not in LF lines without a byte-order mark).
func applyTree(file string, base []byte, amendments []*amendment.Amendment) ([]byte, *yaml.Node, []diag.Finding, error) {
	r, tree, fs := roadmap.ParseTree(file, base)
	if r == nil || diag.Fails(fs, false) {
		return nil, nil, fs, nil
	}
	ordered := slices.Clone(amendments)
	slices.SortStableFunc(ordered, func(a, b *amendment.Amendment) int {
		return a.Document.Date.Time().Compare(b.Document.Date.Time())
	})
	st := amendment.NewState(r)
	cur := *r
	cur.Amendments = slices.Clone(r.Amendments)
	for _, a := range ordered {
		fs = append(fs, a.Validate(&cur, st)...)
		cur.Amendments = append(cur.Amendments, roadmap.Amendment{Kind: a.Document.Kind, Number: a.Document.Number, Date: a.Document.Date, Title: a.Document.Title})
	}
	diag.Sort(fs)
	if diag.Fails(fs, false) {
		return nil, nil, fs, nil
	}
	e, efs := newEditorOf(file, base, tree)
	if e == nil {
		return nil, nil, append(fs, efs...), nil
	}
	for _, a := range ordered {
		for _, c := range a.Changes {
			if err := e.applyChange(c); err != nil {
				return nil, nil, fs, err
			}
		}
	}
	if e.structural {
		if err := e.renumber(); err != nil {
			return nil, nil, fs, err
		}
	}
	// The documents are recorded last: no change touches amendments (nor
	// a key ordered after it), so the text is the same as recording each
	// after its changes.
	for _, a := range ordered {
		if err := e.record(a.Document); err != nil {
			return nil, nil, fs, err
		}
	}
	out := e.t.bytes()
	if !bytes.Equal(out, e.t.body()) {
		// CRLF or a byte-order mark: the tree is of the LF text.
		return out, nil, fs, nil
	}
	return out, e.root, fs, nil
}
