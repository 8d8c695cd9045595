package render

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

type jsonRenderer struct{ opts Options }

// FindingJSON is the documented JSON form of a finding.
type FindingJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Cell     string `json:"cell,omitempty"`
	Code     string `json:"code"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// Findings writes a JSON array (empty, not null, when clean).
func (r jsonRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	out := make([]FindingJSON, len(fs))
	for i, f := range fs {
		out[i] = FindingJSON{
			File: f.File, Line: f.Line, Column: f.Col, Cell: f.Cell,
			Code: string(f.Code), Rule: f.Code.Rule().Name,
			Severity: f.Severity.String(), Message: f.Message(r.opts.Lang),
		}
	}
	return WriteJSON(w, out)
}

// Table writes the rows as an array of objects keyed by column key, with
// numbers as JSON numbers (percents on the 0..100 scale), an absent number
// as null and a status in words.
func (r jsonRenderer) Table(w io.Writer, t view.Table) error {
	out := make([]orderedRow, len(t.Rows))
	for i, row := range t.Rows {
		out[i] = orderedRow{cols: t.Columns, cells: row, lang: r.opts.Lang}
	}
	return WriteJSON(w, out)
}

// orderedRow marshals as an object whose keys keep the column order.
type orderedRow struct {
	cols  []view.Column
	cells []view.Cell
	lang  i18n.Lang
}

func (o orderedRow) MarshalJSON() ([]byte, error) {
	buf := []byte{'{'}
	for i, c := range o.cols {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSONString(buf, c.Key)
		buf = append(buf, ':')
		switch cell := cellAt(o.cells, i); cell.Kind {
		case view.CellInt, view.CellNumber, view.CellPercent:
			buf = strconv.AppendFloat(buf, cell.Num, 'f', -1, 64)
		case view.CellEmpty:
			buf = append(buf, "null"...)
		default:
			buf = appendJSONString(buf, cellText(cell, o.lang))
		}
	}
	return append(buf, '}'), nil
}

// appendJSONString appends s as a JSON string, HTML characters unescaped
// like WriteJSON.
func appendJSONString(buf []byte, s string) []byte {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return append(buf, strings.TrimSuffix(b.String(), "\n")...)
}
