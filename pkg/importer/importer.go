package importer

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
	"github.com/roadmap-edu/roadmap/pkg/schema"
)

// ReadFile reads a document file into the document model, refusing files
// over MaxFileSize before reading them.
func ReadFile(path string) (*Document, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

func readLimited(path string) ([]byte, error) {
	data, err := safefile.ReadFile(path, MaxFileSize)
	var tl *safefile.TooLargeError
	switch {
	case errors.As(err, &tl) && tl.Size > 0:
		return nil, tooLarge(tl.Size)
	case errors.As(err, &tl):
		return nil, tooMany(BoundFile, MaxFileSize)
	}
	return data, err
}

// tooLarge is the error for a document of size bytes, over MaxFileSize.
func tooLarge(size int64) error {
	return &Error{Kind: ErrTooLarge, Bound: BoundFile, Limit: MaxFileSize,
		Detail: fmt.Sprintf("%d bytes, the limit is %d MiB", size, MaxFileSize>>20)}
}

// Read reads a document's bytes by the name's extension: .docx, or .txt
// (and any other name, unless the bytes are a zip archive, then .docx).
// A .doc (Word 97-2003) is refused with ErrLegacy.
func Read(name string, data []byte) (*Document, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case ext == ".docx" || ext == ".docm" || bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return ReadDocx(data)
	case ext == ".doc" || ext == ".rtf" || ext == ".odt" || ext == ".pdf":
		return nil, errorf(ErrFormat, "%s", ext)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, &Error{Kind: ErrLegacy}
	}
	return ReadText(data)
}

// Result is an imported roadmap.
type Result struct {
	// YAML is the roadmap/v1 file.
	YAML []byte
	// Roadmap is YAML read back by the roadmap loader.
	Roadmap *roadmap.Roadmap
	// Warnings say what was skipped or guessed, with places in the source.
	Warnings []Warning
	// Findings are those of `roadmap check` on YAML (positions in it).
	Findings []diag.Finding
}

// ImportOptions tune Import.
type ImportOptions struct {
	Options
	// Name of the output file, for findings ("-" for standard output).
	Output string
	// Lang of the comments written in the YAML.
	Lang i18n.Lang
}

// Import reads a document (name gives its type and is quoted in the
// output's head comment), recognises the roadmap in it, writes it as YAML
// and checks the YAML as `roadmap check` would. The error is for a
// document that cannot be imported at all (an *Error) and never for
// findings.
func Import(name string, data []byte, opt ImportOptions) (*Result, error) {
	doc, err := Read(name, data)
	if err != nil {
		return nil, err
	}
	r, warns, err := Recognise(doc, opt.Options)
	if err != nil {
		return nil, err
	}
	out, err := Encode(r, EncodeOptions{Source: filepath.Base(name), Lang: opt.Lang, Schema: schema.Ref(opt.Output)})
	if err != nil {
		return nil, fmt.Errorf("encoding the roadmap: %w", err)
	}
	file := opt.Output
	if file == "" {
		file = "-"
	}
	back, fs := roadmap.Parse(file, out)
	if back != nil {
		fs = append(fs, check.Roadmap(back)...)
	}
	diag.Sort(fs)
	return &Result{YAML: out, Roadmap: back, Warnings: warns, Findings: fs}, nil
}

// ImportFile reads the document at path (refusing one over MaxFileSize
// before reading it) and imports it.
func ImportFile(path string, opt ImportOptions) (*Result, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	return Import(path, data, opt)
}
