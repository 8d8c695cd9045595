package xlsxpage

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Write writes the workbook with its parts in a fixed order, so that the
// same workbook gives the same bytes in every run: excelize writes the
// parts it keeps in maps in the order the process's map seed gives, and
// adds the image types of a drawing (a chart) to the content types from a
// map too, so their <Default> entries are put in order as well. The
// compressed parts are copied as they are, not compressed again.
func Write(w io.Writer, f *excelize.File) error {
	return WriteRows(w, f, nil)
}

// WriteRows is Write with the rows of the sheets rows names (by sheet
// name) put at the end of each one's <sheetData>, each sheet's made by
// its Fill as its part is written.
func WriteRows(w io.Writer, f *excelize.File, rows map[string]Fill) error {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	spliced, err := sheetParts(zr, rows)
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
		if r := spliced[p.Name]; r != nil {
			if err := writeSpliced(zw, p, r); err != nil {
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

// sheetParts maps the parts of the sheets rows names to their rows,
// reading which part is which sheet from the workbook and its
// relationships.
func sheetParts(zr *zip.Reader, rows map[string]Fill) (map[string]Fill, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXML(zr, "xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	if err := readXML(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		if strings.HasPrefix(r.Target, "/") {
			targets[r.ID] = strings.TrimPrefix(r.Target, "/")
		} else {
			targets[r.ID] = path.Join("xl", r.Target)
		}
	}
	parts := map[string]Fill{}
	for _, s := range book.Sheets {
		if r, ok := rows[s.Name]; ok {
			parts[targets[s.ID]] = r
		}
	}
	if len(parts) != len(rows) {
		return nil, fmt.Errorf("xlsxpage: %d of %d sheets with rows found", len(parts), len(rows))
	}
	return parts, nil
}

// readXML decodes a part of the package.
func readXML(zr *zip.Reader, name string, v any) error {
	r, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer r.Close()
	return xml.NewDecoder(r).Decode(v)
}

// writeSpliced writes a sheet part with rows put before its
// </sheetData>.
func writeSpliced(zw *zip.Writer, p *zip.File, rows Fill) error {
	r, err := p.Open()
	if err != nil {
		return err
	}
	sheet, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return err
	}
	at := bytes.LastIndex(sheet, []byte("</sheetData>"))
	if at < 0 {
		return errNoSheetData
	}
	h := p.FileHeader
	return writeSheetPart(zw, &h, sheet[:at], rows, sheet[at:])
}
