package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
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

// TestRules keeps the literal Rules whole: codes in order, names unique,
// and every Code constant of the package listed.
func TestRules(t *testing.T) {
	t.Parallel()
	names := map[string]bool{}
	for i, r := range Rules {
		if i > 0 && Rules[i-1].Code >= r.Code {
			t.Errorf("Rules: %s after %s, want code order", r.Code, Rules[i-1].Code)
		}
		if names[r.Name] {
			t.Errorf("Rules: name %s used twice", r.Name)
		}
		names[r.Name] = true
		if got := r.Code.Rule(); got != r {
			t.Errorf("%s.Rule() = %v", r.Code, got)
		}
	}
	consts := codeConstants(t)
	for _, c := range consts {
		if c.Rule().Name == "unknown" {
			t.Errorf("code %s is declared but not in Rules", c)
		}
	}
	if len(consts) != len(Rules) {
		t.Errorf("%d codes declared, %d rules", len(consts), len(Rules))
	}
}

// codeConstants parses the package for its constants of type Code.
func codeConstants(t *testing.T) []Code {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []Code
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok {
						code, _ := strconv.Unquote(lit.Value)
						out = append(out, Code(code))
					}
				}
			}
		}
	}
	return out
}
