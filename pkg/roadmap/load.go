package roadmap

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// MaxFileSize bounds what the loader reads: a roadmap is kilobytes; a
// file of hundreds of megabytes is a mistake, not a roadmap. The command
// line's --max-size sets it once, before any file is read.
var MaxFileSize int64 = 64 << 20

// ErrTooLarge is wrapped by the error for a file over MaxFileSize (a
// *safefile.TooLargeError).
var ErrTooLarge = safefile.ErrTooLarge

// Load reads and decodes the roadmap file at path ("-" reads stdin). The
// error is for I/O only; problems with the content are findings. The
// roadmap is nil when the file could not be decoded at all.
func Load(path string, stdin io.Reader) (*Roadmap, []diag.Finding, error) {
	data, err := ReadFile(path, stdin)
	if err != nil {
		return nil, nil, err
	}
	r, fs := Parse(path, data)
	return r, fs, nil
}

// ReadFile reads a roadmap or amendment file ("-" reads stdin, nil as
// empty), refusing files over MaxFileSize.
func ReadFile(path string, stdin io.Reader) ([]byte, error) {
	if path != "-" {
		return safefile.ReadFile(path, MaxFileSize)
	}
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	return safefile.ReadAll(stdin, path, MaxFileSize)
}

var bom = []byte("\xEF\xBB\xBF")

// Parse decodes a roadmap file's bytes. file names it in findings.
func Parse(file string, data []byte) (*Roadmap, []diag.Finding) {
	data = bytes.TrimPrefix(data, bom)
	if f, ok := checkEncoding(file, data); !ok {
		return nil, []diag.Finding{f}
	}
	if fs := conflictMarkers(file, data); len(fs) > 0 {
		return nil, fs
	}
	root, fs := parseNode(file, data)
	if root == nil {
		return nil, fs
	}
	d := &decoder{file: file, positions: map[string]diag.Pos{}}
	r := &Roadmap{File: file}
	d.decode(root, reflect.ValueOf(r).Elem(), "")
	r.positions = d.positions
	fs = append(fs, normalizeNumbers(r)...)
	if r.Format != "" && r.Format != FormatV1 {
		d.add(nodeAt(root, "format"), diag.FormatVersion, r.Format, FormatV1)
	}
	return r, append(fs, d.findings...)
}

// nodeAt returns the value node of key in mapping m, or m.
func nodeAt(m *yaml.Node, key string) *yaml.Node {
	if m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1]
			}
		}
	}
	return m
}

// parseNode parses the YAML syntax into the root node of the single
// document, or reports why it cannot.
func parseNode(file string, data []byte) (root *yaml.Node, fs []diag.Finding) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := safeDecode(dec, &doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []diag.Finding{diag.New(file, diag.Pos{Line: 1, Col: 1}, diag.EmptyFile)}
		}
		return nil, []diag.Finding{syntaxFinding(file, data, err)}
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) && doc.Content[0].Value == "" {
		return nil, []diag.Finding{diag.New(file, diag.Pos{Line: 1, Col: 1}, diag.EmptyFile)}
	}
	var next yaml.Node
	if err := safeDecode(dec, &next); err == nil {
		fs = append(fs, diag.New(file, diag.Pos{Line: next.Line, Col: next.Column}, diag.MultipleDocuments))
	} else if !errors.Is(err, io.EOF) {
		fs = append(fs, syntaxFinding(file, data, err))
	}
	return doc.Content[0], fs
}

// safeDecode turns a panic inside the YAML library into an error: user
// input must never crash the tool.
func safeDecode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: %v", p)
		}
	}()
	return dec.Decode(n)
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// syntaxFinding turns yaml.v3's error string ("yaml: line 5: did not find
// expected key") into a positioned finding: at the mistake the scanner of
// yamlerr.go finds from that line on, else at the library's line.
func syntaxFinding(file string, data []byte, err error) diag.Finding {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	var hint any = ""
	if line > 0 {
		if text, ok := lineText(data, line); ok && strings.Contains(leadingSpace(text), "\t") {
			hint = i18n.M("hint.tab")
		}
	}
	if hint == "" && bytes.Contains(data, []byte("\n\t")) && strings.Contains(msg, "cannot start any token") {
		hint = i18n.M("hint.tab")
	}
	if m, ok := locateSyntaxError(data, line); ok {
		return diag.New(file, m.pos, diag.YAMLSyntax, m.problem, "")
	}
	pos := diag.Pos{Line: max(line, 1), Col: 1}
	return diag.New(file, pos, diag.YAMLSyntax, yamlProblem(msg), hint)
}

// yamlProblems are the library's problems that carry a value, by their
// English text; the others are keys "yaml." + text.
var yamlProblems = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^exceeded max depth of (\d+)$`), "yaml.max_depth"},
	{regexp.MustCompile(`^unknown anchor '(.*)' referenced$`), "yaml.unknown_anchor"},
	{regexp.MustCompile(`^found unknown escape character`), "yaml.found unknown escape character while parsing a quoted scalar"},
}

// yamlProblem words a problem of the YAML library: the library's English
// never reaches a user, so a problem not in the catalogue is named in
// general terms ("yaml.other"), at the line the library gives.
func yamlProblem(msg string) i18n.Msg {
	if i18n.Has("yaml." + msg) {
		return i18n.M("yaml." + msg)
	}
	for _, p := range yamlProblems {
		if m := p.re.FindStringSubmatch(msg); m != nil {
			if len(m) > 1 {
				return i18n.M(p.key, m[1])
			}
			return i18n.M(p.key)
		}
	}
	return i18n.M("yaml.other")
}

func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

func lineText(data []byte, line int) (string, bool) {
	for i := 1; len(data) > 0; i++ {
		end := bytes.IndexByte(data, '\n')
		cur := data
		if end >= 0 {
			cur, data = data[:end], data[end+1:]
		} else {
			data = nil
		}
		if i == line {
			return string(cur), true
		}
	}
	return "", false
}

// conflictMarkers finds lines left by an unresolved git merge.
func conflictMarkers(file string, data []byte) []diag.Finding {
	var fs []diag.Finding
	line := 0
	for len(data) > 0 {
		line++
		end := bytes.IndexByte(data, '\n')
		cur := data
		if end >= 0 {
			cur, data = data[:end], data[end+1:]
		} else {
			data = nil
		}
		cur = bytes.TrimRight(cur, "\r")
		if marker, ok := isConflictMarker(cur); ok {
			fs = append(fs, diag.New(file, diag.Pos{Line: line, Col: 1}, diag.ConflictMarker, marker))
		}
	}
	return fs
}

func isConflictMarker(line []byte) (string, bool) {
	for _, m := range []string{"<<<<<<<", "|||||||", "=======", ">>>>>>>"} {
		if bytes.HasPrefix(line, []byte(m)) {
			rest := line[len(m):]
			// "=======" stands alone; the others may be followed by a label.
			if len(rest) == 0 || (m != "=======" && rest[0] == ' ') {
				return m, true
			}
		}
	}
	return "", false
}

// checkEncoding reports a file that is not UTF-8, naming its likely
// encoding: Russian users' editors often save windows-1251.
func checkEncoding(file string, data []byte) (diag.Finding, bool) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || isUTF16(data) {
		return diag.New(file, diag.Pos{Line: 1, Col: 1}, diag.NotUTF8, "UTF-16"), false
	}
	if utf8.Valid(data) {
		return diag.Finding{}, true
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return diag.New(file, diag.Pos{Line: line, Col: col}, diag.NotUTF8, GuessEncoding(data)), false
}

// isUTF16 tells UTF-16 without a byte-order mark: text has no NUL bytes,
// UTF-16 of Russian or Latin text has one in most characters, all at even
// offsets (big-endian) or all at odd ones (little-endian). Such a file is
// even valid UTF-8 when its text is Latin only.
func isUTF16(data []byte) bool {
	n := min(len(data), 4096) &^ 1
	if n < 4 {
		return false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return (even > half/4 && odd == 0) || (odd > half/4 && even == 0) ||
		// Cyrillic: the high byte is 0x04 in most characters.
		cyrillicUTF16(data[:n])
}

// cyrillicUTF16 tells UTF-16 Russian text: the high byte of most
// characters is 0x04 (U+0400-U+04FF) or 0x00 (spaces, digits, Latin), at
// one parity only.
func cyrillicUTF16(data []byte) bool {
	var le, be int
	for i := 0; i+1 < len(data); i += 2 {
		if data[i+1] == 0x04 || data[i+1] == 0 {
			le++
		}
		if data[i] == 0x04 || data[i] == 0 {
			be++
		}
	}
	half := len(data) / 2
	return le > half*9/10 && be < half/2 || be > half*9/10 && le < half/2
}

// GuessEncoding names the likely single-byte Cyrillic encoding of data
// that is not UTF-8: windows-1251, KOI8-R or CP866 (DOS). Russian text is
// mostly lower case, and each encoding puts lower-case letters elsewhere.
func GuessEncoding(data []byte) string {
	if isUTF16(data) {
		return "UTF-16"
	}
	var lower1251, lowerKOI, dos int
	for _, b := range data {
		switch {
		case b >= 0xE0:
			lower1251++ // а..я in windows-1251
		case b >= 0xC0:
			lowerKOI++ // а..я in KOI8-R
		}
		if (b >= 0xA0 && b <= 0xAF) || (b >= 0xE0 && b <= 0xEF) || (b >= 0x80 && b <= 0x9F) {
			dos++
		}
	}
	high := lower1251 + lowerKOI
	switch {
	case high == 0 && dos > 0:
		return "CP866"
	case high == 0:
		return "?"
	case lowerKOI > lower1251:
		return "KOI8-R"
	}
	// CP866 lower case sits at 0xA0-0xAF and 0xE0-0xEF; windows-1251 text
	// rarely has many bytes below 0xC0.
	if dos > 2*high {
		return "CP866"
	}
	return "windows-1251"
}

// numberSign matches the "№ " or "N " documents put before a number (or
// before the quotes around it).
var numberSign = regexp.MustCompile(`^(?:№|N|No\.?|N°)\s*([\d“«„"])`)

// DocumentNumber strips the number sign from an order number as written
// ("№ 94/01-09" -> "94/01-09"); the rest is free text and kept as is.
func DocumentNumber(s string) string {
	return numberSign.ReplaceAllString(strings.TrimSpace(s), "$1")
}

// numberQuotes are the quotes Word and typists put around a number, by
// the opening one: the closing ones each may take.
var numberQuotes = map[rune]string{'“': "”“", '«': "»", '„': "“”", '”': "”", '"': `"`, '\'': "'", '‘': "’"}

// unquoteNumber strips the quotes around a whole order number («“112/01-07”»
// is 112/01-07) and names them as typed ("“…”"); quotes is "" when there
// are none.
func unquoteNumber(s string) (number, quotes string) {
	s = strings.TrimSpace(s)
	open, size := utf8.DecodeRuneInString(s)
	closers, ok := numberQuotes[open]
	if !ok || len(s) <= size {
		return s, ""
	}
	last, lsize := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(closers, last) || len(s)-lsize <= size {
		return s, ""
	}
	return strings.TrimSpace(s[size : len(s)-lsize]), string(open) + "…" + string(last)
}

// normalizeNumbers strips the number sign and quotes from the order
// numbers; each pair of quotes is a warning, so the file gets fixed too.
func normalizeNumbers(r *Roadmap) []diag.Finding {
	var fs []diag.Finding
	fix := func(path string, n *string) {
		number, quotes := unquoteNumber(DocumentNumber(*n))
		if quotes != "" {
			number = DocumentNumber(number)
			fs = append(fs, diag.New(r.File, r.Pos(path), diag.QuotedNumber, strings.TrimSpace(*n), quotes, number))
		}
		*n = number
	}
	fix("document.number", &r.Document.Number)
	if r.Document.ApprovedBy != nil {
		fix("document.approved_by.number", &r.Document.ApprovedBy.Number)
	}
	for i := range r.Amendments {
		fix(fmt.Sprintf("amendments[%d].number", i), &r.Amendments[i].Number)
	}
	return fs
}
