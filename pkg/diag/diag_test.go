package diag

import (
	"strings"
	"testing"
)

func TestSortOrdersCellsNaturally(t *testing.T) {
	fs := []Finding{
		{File: "r.xlsx", Cell: "Лист1!I14", Code: NotMet},
		{File: "r.xlsx", Cell: "Лист1!I9", Code: NotMet},
		{File: "r.xlsx", Cell: "Лист1!AA9", Code: NotMet},
		{File: "a.yaml", Pos: Pos{Line: 10, Col: 2}, Code: BadDate},
		{File: "a.yaml", Pos: Pos{Line: 2, Col: 5}, Code: BadDate},
		{File: "r.xlsx", Cell: "Лист0!Z99", Code: NotMet},
	}
	Sort(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Where())
	}
	want := "a.yaml:2:5 a.yaml:10:2 r.xlsx: Лист0!Z99 r.xlsx: Лист1!I9 r.xlsx: Лист1!AA9 r.xlsx: Лист1!I14"
	if strings.Join(got, " ") != want {
		t.Errorf("order:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestFails(t *testing.T) {
	warn := []Finding{{Code: UnparsedDue, Severity: Warning}}
	if Fails(warn, false) || !Fails(warn, true) || !Fails([]Finding{{Severity: Error}}, false) || Fails(nil, true) {
		t.Error("Fails: errors always fail, warnings only when strict")
	}
}
