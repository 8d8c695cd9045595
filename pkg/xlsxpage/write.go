package xlsxpage

import (
	"archive/zip"
	"bytes"
	"cmp"
	"io"
	"slices"

	"github.com/xuri/excelize/v2"
)

// Write writes the workbook with its parts in a fixed order, so that the
// same workbook gives the same bytes in every run: excelize writes the
// parts it keeps in maps in the order the process's map seed gives. The
// compressed parts are copied as they are, not compressed again.
func Write(w io.Writer, f *excelize.File) error {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	parts := slices.Clone(zr.File)
	slices.SortFunc(parts, func(a, b *zip.File) int {
		return cmp.Or(cmp.Compare(partRank(a.Name), partRank(b.Name)), cmp.Compare(a.Name, b.Name))
	})
	zw := zip.NewWriter(w)
	for _, p := range parts {
		raw, err := p.OpenRaw()
		if err != nil {
			return err
		}
		h := p.FileHeader
		dst, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(dst, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// partRank puts the parts a reader needs first where office programs
// write them: the content types, then the package relationships.
func partRank(name string) int {
	switch name {
	case "[Content_Types].xml":
		return 0
	case "_rels/.rels":
		return 1
	}
	return 2
}
