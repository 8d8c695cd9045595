package i18n_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// The catalogue guards itself: TestCatalogueUsed reads the source of the
// whole module for the keys it asks the catalogue for, and fails on a key
// the catalogue lacks or on a catalogue key nothing asks for.

// dynamicPrefixes are the prefixes of the keys the code builds at run time
// ("kind." + kind): every key under one counts as used. A key built from a
// prefix missing here fails the test, and so does a prefix no code builds
// keys from any more, or that no key is under.
var dynamicPrefixes = []struct{ prefix, why string }{
	{"assume.", "pkg/check: what a reading of a deadline (assume.KEY) or an indicator (assume.indicator.KEY) assumed, for RM029 and RM030"},
	{"reading.kind.", "pkg/view, pkg/importer: the kind of a deadline with no date of its own (continuous, on demand, plan, event, after the order)"},
	{"diff.amend.name.", "pkg/view: the name of a top-level field in an amendment clause"},
	{"diff.col.", "pkg/view: a column of the roadmap table as amendment clauses name it"},
	{"diff.dockind.", "pkg/view: the kind of a document a diff names (order, concept, other)"},
	{"diff.field.", "pkg/view: the name of a changed field"},
	{"diff.rfield.", "pkg/view: the name of a changed top-level field"},
	{"doc.", "rule descriptions: doc.RMnnn (SARIF, docs/rules.md), doc.severity.* (docs/rules.md)"},
	{"import.due.by.", "pkg/importer: \"by day month\" in a deadline's reading, by month"},
	{"import.due.month.", "pkg/importer: a month in a deadline's reading"},
	{"kind.", "the kind of an indicator (view, diff, fulfil)"},
	{"per.", "what an indicator's threshold counts: year or total (view, diff)"},
	{"status.", "pkg/fulfil: the status of an activity in a year"},
	{"summary.col.", "pkg/summary: column headers"},
	{"summary.sheet.", "pkg/summary: the sheet of a view"},
	{"summary.title.", "pkg/summary: the title of a view"},
	{"summary.unit.", "pkg/summary: the unit of an indicator kind"},
	{"yaml.", "pkg/roadmap: a problem of the YAML library, by its English text"},
}

// keyShape is what a catalogue key looks like in code; rule codes (RM012)
// are keys too and are checked against diag.Rules.
var (
	keyShape  = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)+$`)
	ruleShape = regexp.MustCompile(`^(doc\.)?RM[0-9]{3}$`)
)

// keyFuncs are the catalogue's functions that take a key, by the index of
// the key among their arguments; wrappers are found in the code. The Key
// of keyStructs is a key too (importer.Warning is rendered with i18n.T).
var (
	keyFuncs   = map[string]int{"i18n.T": 1, "i18n.M": 0, "i18n.Has": 0}
	keyStructs = []string{"Msg", "Warning"}
)

func TestCatalogueUsed(t *testing.T) {
	t.Parallel()
	root := moduleRoot(t)
	code, tests := parseModule(t, root)
	var prefixes []string
	for _, p := range dynamicPrefixes {
		prefixes = append(prefixes, p.prefix)
	}
	for _, p := range check(code, tests, i18n.Keys(), prefixes) {
		t.Error(p)
	}
	for _, r := range diag.Rules {
		for _, k := range []string{string(r.Code), "doc." + string(r.Code)} {
			if !i18n.Has(k) {
				t.Errorf("rule %s has no message %s", r.Code, k)
			}
		}
	}
	for _, k := range i18n.Keys() {
		if ruleShape.MatchString(k) && diag.Code(strings.TrimPrefix(k, "doc.")).Rule().Name == "unknown" {
			t.Errorf("key %s is for a rule diag.Rules does not have", k)
		}
	}
}

// use is a key, or the prefix of a key built at run time, at a place in
// the code.
type use struct {
	key string
	pos token.Position
}

func (u use) String() string {
	return fmt.Sprintf("%s:%d: %q", filepath.ToSlash(u.pos.Filename), u.pos.Line, u.key)
}

// uses are what the code asks the catalogue for.
type uses struct {
	// keys are literals passed as keys, or assigned to a variable that
	// is, or values of a map or slice literal of keys only.
	keys []use
	// dynamic are the literal prefixes of keys built at run time.
	dynamic []use
	// other are the remaining key-shaped literals: a key kept in a table
	// of mixed values or returned by a function. They count as uses; one
	// the catalogue lacks is reported when keys of its family exist
	// ("report.err." for "report.err.damagde").
	other []use
}

// check lists the problems: keys asked for and missing, prefixes not
// listed, catalogue keys nothing asks for, prefixes nothing builds keys
// from. tests are the uses in test files: only their dynamic keys count
// (docs/rules.md is written by a test).
func check(code, tests uses, keys, prefixes []string) []string {
	var out []string
	has := map[string]bool{}
	families := map[string]bool{}
	for _, k := range keys {
		has[k] = true
		families[family(k)] = true
	}
	used := map[string]bool{}
	for _, u := range code.keys {
		used[u.key] = true
		if !has[u.key] {
			out = append(out, fmt.Sprintf("%s is not in the catalogue", u))
		}
	}
	for _, u := range code.other {
		used[u.key] = true
		if !has[u.key] && families[family(u.key)] && !underAny(u.key, prefixes) {
			out = append(out, fmt.Sprintf("%s is not in the catalogue (other keys of %s are)", u, family(u.key)))
		}
	}
	built := map[string]bool{}
	for _, u := range slices.Concat(code.dynamic, tests.dynamic) {
		for _, p := range prefixes {
			if strings.HasPrefix(u.key, p) {
				built[p] = true
			}
		}
		if !underAny(u.key, prefixes) {
			out = append(out, fmt.Sprintf("%s: a key is built from this prefix; add it to dynamicPrefixes", u))
		}
	}
	for _, p := range prefixes {
		if !built[p] {
			out = append(out, fmt.Sprintf("no code builds keys from the prefix %q: remove it from dynamicPrefixes", p))
		}
		if !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, p) }) {
			out = append(out, fmt.Sprintf("no key is under the prefix %q: remove it from dynamicPrefixes", p))
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !used[k] && !underAny(k, prefixes) && !ruleShape.MatchString(k) {
			out = append(out, fmt.Sprintf("catalogue key %q is used nowhere", k))
		}
	}
	return out
}

func family(key string) string { return key[:strings.LastIndexByte(key, '.')+1] }

func underAny(key string, prefixes []string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(key, p) })
}

// moduleRoot is the directory of go.mod above the test's directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// parseModule reads every Go file of the module but those of package i18n
// (the catalogue itself) and of testdata, and returns the uses of the
// program's files and of the test files.
func parseModule(t *testing.T, root string) (code, tests uses) {
	t.Helper()
	fset := token.NewFileSet()
	var files, testFiles []*ast.File
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		isTest := strings.HasSuffix(name, "_test.go")
		if filepath.ToSlash(filepath.Dir(rel)) == "pkg/i18n" && !isTest {
			return nil
		}
		f, err := parser.ParseFile(fset, rel, mustRead(t, path), parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		if isTest {
			testFiles = append(testFiles, f)
		} else {
			files = append(files, f)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("only %d Go files found under %s", len(files), root)
	}
	return scan(fset, files), scan(fset, testFiles)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// scan finds the uses of the catalogue in files.
func scan(fset *token.FileSet, files []*ast.File) uses {
	s := &scanner{fset: fset, funcs: wrappers(files)}
	for _, f := range files {
		s.file(f)
	}
	return s.uses
}

type scanner struct {
	fset  *token.FileSet
	funcs map[string][]int
	uses  uses
	// claimed are the literals already counted as keys or prefixes.
	claimed map[*ast.BasicLit]bool
}

// wrappers extends keyFuncs with the functions and closures that pass a
// parameter on as a key (to i18n.T or another wrapper, or as the Key of a
// composite literal), by name: "t", "warn", "bad"...
func wrappers(files []*ast.File) map[string][]int {
	funcs := map[string][]int{}
	for name, i := range keyFuncs {
		funcs[name] = []int{i}
	}
	for changed := true; changed; {
		changed = false
		for _, f := range files {
			eachFunc(f, func(name string, typ *ast.FuncType, body *ast.BlockStmt) {
				params := paramNames(typ)
				ast.Inspect(body, func(n ast.Node) bool {
					var arg ast.Expr
					switch n := n.(type) {
					case *ast.CallExpr:
						for _, i := range funcs[callName(n)] {
							if i < len(n.Args) {
								arg = n.Args[i]
							}
						}
					case *ast.CompositeLit:
						arg = keyField(n)
					}
					id, ok := arg.(*ast.Ident)
					if !ok {
						return true
					}
					if i := slices.Index(params, id.Name); i >= 0 && !slices.Contains(funcs[name], i) {
						funcs[name] = append(funcs[name], i)
						changed = true
					}
					return true
				})
			})
		}
	}
	return funcs
}

// eachFunc calls fn for every function, method and closure bound to a
// name (t := func(key string, ...) ...) in f.
func eachFunc(f *ast.File, fn func(name string, typ *ast.FuncType, body *ast.BlockStmt)) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				fn(n.Name.Name, n.Type, n.Body)
			}
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				if lit, ok := rhs.(*ast.FuncLit); ok && i < len(n.Lhs) {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						fn(id.Name, lit.Type, lit.Body)
					}
				}
			}
		}
		return true
	})
}

func paramNames(typ *ast.FuncType) []string {
	var names []string
	for _, field := range typ.Params.List {
		if len(field.Names) == 0 {
			names = append(names, "")
		}
		for _, n := range field.Names {
			names = append(names, n.Name)
		}
	}
	return names
}

// callName names the function called: "i18n.T" for the package's own
// functions, else the bare name of the function or method ("t" for
// c.app.t).
func callName(c *ast.CallExpr) string {
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		if pkg, ok := fn.X.(*ast.Ident); ok && pkg.Name == "i18n" {
			return "i18n." + fn.Sel.Name
		}
		if _, ok := keyFuncs["i18n."+fn.Sel.Name]; ok {
			return "" // another package's T or M
		}
		return fn.Sel.Name
	}
	return ""
}

// keyField returns the value of Key in a literal of one of keyStructs.
func keyField(cl *ast.CompositeLit) ast.Expr {
	name := ""
	switch t := cl.Type.(type) {
	case *ast.Ident:
		name = t.Name
	case *ast.SelectorExpr:
		name = t.Sel.Name
	}
	if !slices.Contains(keyStructs, name) {
		return nil
	}
	for _, e := range cl.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Key" {
				return kv.Value
			}
		}
	}
	return nil
}

func (s *scanner) file(f *ast.File) {
	s.claimed = map[*ast.BasicLit]bool{}
	// Values assigned to each name in each function, for keys passed
	// through a variable (key := "git.attr.present"; a.t(key)).
	eachFunc(f, func(_ string, _ *ast.FuncType, body *ast.BlockStmt) {
		assigned := map[string][]ast.Expr{}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if id, ok := lhs.(*ast.Ident); ok {
							assigned[id.Name] = append(assigned[id.Name], n.Rhs[i])
						}
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) {
						assigned[id.Name] = append(assigned[id.Name], n.Values[i])
					}
				}
			}
			return true
		})
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				for _, i := range s.funcs[callName(n)] {
					if i < len(n.Args) {
						s.key(n.Args[i], assigned)
					}
				}
			case *ast.CompositeLit:
				if v := keyField(n); v != nil {
					s.key(v, assigned)
				}
			}
			return true
		})
	})
	// Tables of keys: map or slice literals whose values are all keys.
	ast.Inspect(f, func(n ast.Node) bool {
		if cl, ok := n.(*ast.CompositeLit); ok && isTable(cl.Type) {
			var lits []*ast.BasicLit
			for _, e := range cl.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					e = kv.Value
				}
				lit, ok := e.(*ast.BasicLit)
				if !ok || !keyShape.MatchString(unquote(lit)) {
					return true
				}
				lits = append(lits, lit)
			}
			for _, lit := range lits {
				s.literal(lit, &s.uses.keys)
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && keyShape.MatchString(unquote(lit)) {
			s.literal(lit, &s.uses.other)
		}
		return true
	})
}

func isTable(typ ast.Expr) bool {
	switch typ.(type) {
	case *ast.MapType, *ast.ArrayType:
		return true
	}
	return false
}

// key records the expression passed as a key: a literal, a prefix plus
// a value, or a variable assigned either.
func (s *scanner) key(e ast.Expr, assigned map[string][]ast.Expr) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s.literal(e, &s.uses.keys)
		}
	case *ast.BinaryExpr:
		for e.Op == token.ADD {
			if lit, ok := e.X.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s.literal(lit, &s.uses.dynamic)
				return
			}
			x, ok := e.X.(*ast.BinaryExpr)
			if !ok {
				return
			}
			e = x
		}
	case *ast.Ident:
		values := assigned[e.Name]
		delete(assigned, e.Name) // a ring of assignments ends here
		for _, v := range values {
			s.key(v, assigned)
		}
		assigned[e.Name] = values
	}
}

func (s *scanner) literal(lit *ast.BasicLit, to *[]use) {
	if s.claimed[lit] {
		return
	}
	s.claimed[lit] = true
	*to = append(*to, use{unquote(lit), s.fset.Position(lit.Pos())})
}

func unquote(lit *ast.BasicLit) string {
	v, err := strconv.Unquote(lit.Value)
	if err != nil {
		return ""
	}
	return v
}

// TestCheckFindsProblems is the guard's own test: small sources and a
// fake catalogue, and the problems it must report.
func TestCheckFindsProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		src      string // the file after its package clause
		keys     []string
		prefixes []string
		want     []string
	}{
		{
			name: "typo in i18n.T and i18n.M",
			src: `
func f() { _ = i18n.T(lang, "diff.col.titel"); _ = i18n.M("diff.col.due") }`,
			keys: []string{"diff.col.title", "diff.col.due"},
			want: []string{
				`snippet.go:2: "diff.col.titel" is not in the catalogue`,
				`catalogue key "diff.col.title" is used nowhere`,
			},
		},
		{
			name: "method, closure and chained wrappers",
			src: `
func (a *app) t(key string, args ...any) string { return i18n.T(a.lang, key, args...) }
func (c *cmd) usage(key string) error { return errors.New(c.app.t(key)) }
func f(c *cmd) {
	t := func(n int, key string) { out = append(out, c.app.t(key, n)) }
	t(1, "a.one")
	c.usage("a.twoo")
}`,
			keys: []string{"a.one", "a.two"},
			want: []string{
				`snippet.go:7: "a.twoo" is not in the catalogue`,
				`catalogue key "a.two" is used nowhere`,
			},
		},
		{
			name: "key kept in a struct and in a variable",
			src: `
func (rc *recogniser) warn(loc Loc, key string, args ...any) {
	rc.warnings = append(rc.warnings, Warning{Loc: loc, Key: key, Args: args})
}
func f(rc *recogniser, added bool) {
	rc.warn(Loc{}, "import.warn.no_date")
	key := "git.attr.present"
	if added {
		key = "git.attr.addded"
	}
	_ = i18n.M(key)
	_ = view.Column{Key: "not.a.key"}
}`,
			keys: []string{"import.warn.no_date", "git.attr.present", "git.attr.added"},
			want: []string{
				`snippet.go:9: "git.attr.addded" is not in the catalogue`,
				`catalogue key "git.attr.added" is used nowhere`,
			},
		},
		{
			name: "table of keys",
			src: `
var columns = map[string]string{"title": "diff.col.title", "due": "diff.col.deu"}
var pos = map[string]int{"add.id": 1}
var mixed = []struct{ re, key string }{{"x", "err.cobra.unknown_flagg"}, {"y", "vcs.revision"}}`,
			keys: []string{"diff.col.title", "diff.col.due", "err.cobra.unknown_flag"},
			want: []string{
				`snippet.go:2: "diff.col.deu" is not in the catalogue`,
				`snippet.go:4: "err.cobra.unknown_flagg" is not in the catalogue (other keys of err.cobra. are)`,
				`catalogue key "diff.col.due" is used nowhere`,
				`catalogue key "err.cobra.unknown_flag" is used nowhere`,
			},
		},
		{
			name: "keys built at run time",
			src: `
func f(k, s string) {
	_ = i18n.T(lang, "kind."+k)
	_ = i18n.T(lang, "status."+s+".long")
	if key := "doc." + s; i18n.Has(key) {
	}
}`,
			keys:     []string{"kind.count", "status.met.long", "doc.RM001", "per.year"},
			prefixes: []string{"kind.", "doc.", "per."},
			want: []string{
				`snippet.go:4: "status.": a key is built from this prefix; add it to dynamicPrefixes`,
				`no code builds keys from the prefix "per.": remove it from dynamicPrefixes`,
				`catalogue key "status.met.long" is used nowhere`,
			},
		},
		{
			name:     "a prefix no key is under",
			src:      "\nfunc f(k string) { _ = i18n.T(lang, \"kind.\"+k) }",
			prefixes: []string{"kind."},
			want:     []string{`no key is under the prefix "kind.": remove it from dynamicPrefixes`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "snippet.go", "package p"+tt.src, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			got := check(scan(fset, []*ast.File{f}), uses{}, tt.keys, tt.prefixes)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
