package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// freshWrite is Write as it was before the fixed parts were kept
// compressed and the compressors pooled: every part compressed anew.
func freshWrite(d *Document, w io.Writer) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	parts := []part{fixedParts[0], fixedParts[1], {"docProps/core.xml", fmt.Sprintf(coreProps, esc(d.Title))},
		fixedParts[2], fixedParts[3], fixedParts[4], {"word/document.xml", documentString(d)}}
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

func documentString(d *Document) string {
	var b bytes.Buffer
	d.documentXML(&b)
	return b.String()
}

// FuzzEscTo: escTo escapes as xml.EscapeText.
func FuzzEscTo(f *testing.F) {
	f.Add("a\"b'c&d<e>f\tg\nh\ri\x00j\x1f\xff\ufffd\ufffe\U0001F600 ж")
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		_ = xml.EscapeText(&want, []byte(s))
		var got bytes.Buffer
		escTo(&got, s)
		if got.String() != want.String() {
			t.Errorf("%q: got %q, want %q", s, got.String(), want.String())
		}
	})
}

// TestSameBytesAsFresh: documents written one after another (the pooled
// compressors reused, the fixed parts copied) are the bytes of each
// written anew.
func TestSameBytesAsFresh(t *testing.T) {
	t.Parallel()
	var docs []*Document
	for _, path := range []string{"../../roadmaps/bessonovsky.yaml", "../../roadmaps/nikolsky.yaml", "../../testdata/doc/sections.yaml"} {
		r, fs, err := roadmap.Load(path, nil)
		if err != nil || r == nil || len(fs) > 0 {
			t.Fatalf("%s: %v %v", path, err, fs)
		}
		docs = append(docs, Order(r, i18n.RU), Order(r, i18n.EN))
	}
	docs = append(docs, &Document{Title: "<пусто> & \"\""}, &Document{})
	for round := range 2 {
		for i, d := range docs {
			var got, want bytes.Buffer
			if err := d.Write(&got); err != nil {
				t.Fatal(err)
			}
			if err := freshWrite(d, &want); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("round %d, document %d: %d bytes, written anew %d", round, i, got.Len(), want.Len())
			}
		}
	}
}

// BenchmarkWrite writes a seed's order; BenchmarkWriteFresh as before.
func BenchmarkWrite(b *testing.B) { benchWrite(b, (*Document).Write) }

func BenchmarkWriteFresh(b *testing.B) { benchWrite(b, freshWrite) }

func benchWrite(b *testing.B, write func(*Document, io.Writer) error) {
	r, _, err := roadmap.Load("../../roadmaps/bessonovsky.yaml", nil)
	if err != nil {
		b.Fatal(err)
	}
	d := Order(r, i18n.RU)
	b.ReportAllocs()
	for b.Loop() {
		if err := write(d, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
