package xlsxpage

import (
	"archive/zip"
	"bytes"
	"cmp"
	"io"
	"regexp"
	"slices"

	"github.com/xuri/excelize/v2"
)

// Write writes the workbook with its parts in a fixed order, so that the
// same workbook gives the same bytes in every run: excelize writes the
// parts it keeps in maps in the order the process's map seed gives, and
// adds the image types of a drawing (a chart) to the content types from a
// map too, so their <Default> entries are put in order as well. The
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
		if p.Name == contentTypes {
			if err := writeContentTypes(zw, p); err != nil {
				return err
			}
			continue
		}
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

const contentTypes = "[Content_Types].xml"

// contentTypeDefault is one <Default> of the content types.
var contentTypeDefault = regexp.MustCompile(`<Default [^>]*></Default>`)

// writeContentTypes writes the content types with their <Default>
// entries in order.
func writeContentTypes(zw *zip.Writer, p *zip.File) error {
	r, err := p.Open()
	if err != nil {
		return err
	}
	xml, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return err
	}
	if locs := contentTypeDefault.FindAllIndex(xml, -1); len(locs) > 0 {
		defaults := make([]string, len(locs))
		for i, l := range locs {
			defaults[i] = string(xml[l[0]:l[1]])
		}
		slices.Sort(defaults)
		var fixed bytes.Buffer
		fixed.Write(xml[:locs[0][0]])
		for i, d := range defaults {
			fixed.WriteString(d)
			if i+1 < len(locs) {
				// What lay between this entry and the next (nothing).
				fixed.Write(xml[locs[i][1]:locs[i+1][0]])
			}
		}
		fixed.Write(xml[locs[len(locs)-1][1]:])
		xml = fixed.Bytes()
	}
	h := p.FileHeader
	dst, err := zw.CreateHeader(&h)
	if err != nil {
		return err
	}
	_, err = dst.Write(xml)
	return err
}

// partRank puts the parts a reader needs first where office programs
// write them: the content types, then the package relationships.
func partRank(name string) int {
	switch name {
	case contentTypes:
		return 0
	case "_rels/.rels":
		return 1
	}
	return 2
}
