// Package eol owns keeping a text file's line ends and byte-order mark
// across an edit: a file written by Notepad or by Git for Windows with
// core.autocrlf (CRLF, a BOM) is read as LF text and written back as it
// came, so that a formatter or a merge changes only what it means to.
package eol

import "bytes"

// Style is how a file ends its lines and whether it starts with a BOM.
type Style struct {
	BOM  bool
	CRLF bool
}

var bom = []byte("\xEF\xBB\xBF")

// Split returns data as LF text without a BOM, and the style to write it
// back in. A file with any CRLF is taken as a CRLF file.
func Split(data []byte) ([]byte, Style) {
	var s Style
	if rest, ok := bytes.CutPrefix(data, bom); ok {
		s.BOM, data = true, rest
	}
	if bytes.Contains(data, []byte("\r\n")) {
		s.CRLF = true
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	return data, s
}

// Apply writes LF text in style s.
func (s Style) Apply(text []byte) []byte {
	if s.CRLF {
		text = bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))
	}
	if s.BOM {
		text = append(append([]byte{}, bom...), text...)
	}
	return text
}
