package render

import (
	"archive/zip"
	"bytes"
	"cmp"
	"io"
	"regexp"
	"slices"
)

const contentTypes = "[Content_Types].xml"

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// contentTypeDefault is one <Default> of a workbook's [Content_Types].xml.
var contentTypeDefault = regexp.MustCompile(`<Default [^>]*></Default>`)

// stableZip makes the same workbook the same bytes: excelize writes the
// parts of streamed sheets (every sheet of WriteXLSX), and adds the image
// types of a drawing (a chart) to the content types, from maps, in a
// different order each run. It puts the parts in order of name ([Content_Types].xml first, as
// Office writes it) and the content types' <Default> entries in order;
// the other parts are copied as they are, still compressed.
func stableZip(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts := slices.Clone(zr.File)
	slices.SortFunc(parts, func(a, b *zip.File) int {
		return cmp.Or(-cmp.Compare(boolInt(a.Name == contentTypes), boolInt(b.Name == contentTypes)), cmp.Compare(a.Name, b.Name))
	})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range parts {
		if f.Name != contentTypes {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		xml, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, err
		}
		locs := contentTypeDefault.FindAllIndex(xml, -1)
		if len(locs) > 0 {
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
		h := f.FileHeader
		w, err := zw.CreateHeader(&h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(xml); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
