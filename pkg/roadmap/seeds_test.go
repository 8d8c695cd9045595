package roadmap_test

// The faithfulness test of the two seed roadmaps.
//
// It checks roadmaps/bessonovsky.yaml and roadmaps/nikolsky.yaml against the
// plain-text copies of the documents they encode (testdata/seeds/), without
// the project's loader: each YAML file is decoded with go.yaml.in/yaml/v3 into
// generic values, and the seed tables are parsed here, independently.
//
// Texts are compared after normalisation: runs of whitespace (including line
// breaks and no-break spaces) become one space, and the ends are trimmed. The
// "[bookmark: _GoBack]" debris of the text conversion is dropped from seeds.
//
// Executors: a roadmap splits an executor cell of the document into
// organisations. The rule checked is that the normalised cell equals the
// executors, in order, joined each by " " or by ", " (so no word may be
// lost, added or reordered by the split).

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

const (
	seedRoadmapsDir = "../../roadmaps"
	seedTextsDir    = "../../testdata/seeds"
)

// seedRow is one row of a seed roadmap table.
type seedRow struct {
	n         int
	title     string
	due       string
	indicator string
	executors string
	line      int // 1-based line of the row's start in the seed text
}

// seedCase binds a roadmap file to its seed document.
type seedCase struct {
	file       string // under roadmaps/
	seed       string // under testdata/seeds/
	id         string
	activities int
	parse      func(t *testing.T, seed string) []seedRow
	meta       func(t *testing.T, doc map[string]any, seed string)
}

var seedCases = []seedCase{
	{
		file:       "bessonovsky.yaml",
		seed:       "000_a78fa937b25c20b9.txt",
		id:         "bessonovsky-proforientatsiya",
		activities: 12,
		parse:      parseBessonovskyTable,
		meta:       checkBessonovskyMeta,
	},
	{
		file:       "nikolsky.yaml",
		seed:       "002_4903afc5830eaa80.txt",
		id:         "nikolsky-proforientatsiya",
		activities: 8,
		parse:      parseNikolskyTable,
		meta:       checkNikolskyMeta,
	},
}

var (
	slugRe   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	digitsRe = regexp.MustCompile(`[0-9]+`)
)

func TestSeedRoadmaps(t *testing.T) {
	for _, sc := range seedCases {
		t.Run(sc.file, func(t *testing.T) {
			raw, doc := loadSeedYAML(t, sc.file)
			seedBytes, err := os.ReadFile(filepath.Join(seedTextsDir, sc.seed))
			if err != nil {
				t.Fatalf("reading seed of %s: %v", sc.file, err)
			}
			seed := string(seedBytes)

			t.Run("file", func(t *testing.T) {
				checkFileHygiene(t, sc.file, raw)
				for _, v := range scalars(doc) {
					if strings.Contains(v, "[bookmark:") {
						t.Errorf("%s: a value keeps the conversion debris: %q", sc.file, v)
					}
				}
				if got := str(doc["format"]); got != "roadmap/v1" {
					t.Errorf("%s: format = %q, want %q", sc.file, got, "roadmap/v1")
				}
				if got := str(doc["id"]); got != sc.id {
					t.Errorf("%s: id = %q, want %q", sc.file, got, sc.id)
				}
			})

			acts := activitiesByN(t, sc.file, doc, sc.activities)
			rows := sc.parse(t, seed)
			if len(rows) != sc.activities {
				t.Fatalf("%s: the seed parser found %d table rows in %s, want %d", sc.file, len(rows), sc.seed, sc.activities)
			}
			for _, row := range rows {
				t.Run(fmt.Sprintf("activity-%d", row.n), func(t *testing.T) {
					act, ok := acts[row.n]
					if !ok {
						t.Fatalf("%s: no activity with n: %d (seed %s line %d)", sc.file, row.n, sc.seed, row.line)
					}
					checkActivity(t, sc.file, sc.seed, row, act)
				})
			}

			t.Run("document", func(t *testing.T) { sc.meta(t, doc, seed) })
		})
	}
}

// TestSeedParsersSeeTheRows guards the seed parsers themselves: a parser that
// silently lost a page-break continuation would make the faithfulness test
// weaker than it looks.
func TestSeedParsersSeeTheRows(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(seedTextsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	b := parseBessonovskyTable(t, read("000_a78fa937b25c20b9.txt"))
	n := parseNikolskyTable(t, read("002_4903afc5830eaa80.txt"))
	tests := []struct {
		name, got, want string
	}{
		{"bessonovsky 3 title (page break)", b[2].title, "Проведение РМО для заместителей по ВР с рассмотрением вопросов, направленных на формирование у обучающихся позитивного отношения к профессионально-трудовой деятельности (в рамках реализации образовательной технологии «Образование для жизни (обучение через предпринимательство)»"},
		{"bessonovsky 9 indicator (page break)", b[8].indicator, "Ежегодное увеличение числа участников: 2020 – 20%, 2021 – 35%, 2022 – 50%"},
		{"bessonovsky 9 executors (page break)", b[8].executors, "МКУ МЦПРО Бессоновского района Общеобразовательные организации"},
		{"nikolsky 1 indicator (bookmark removed)", n[0].indicator, "Наличие плана работы по профессиональной ориентации и самоопределения обучающихся в Никольском районе"},
		{"nikolsky 2 due (two lines)", n[1].due, "февраль, сентябрь 2020 г."},
		{"nikolsky 8 executors (after a blank line)", n[7].executors, "Управление образования администрации Никольского района"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// ---------------------------------------------------------------------------
// Activities

func activitiesByN(t *testing.T, file string, doc map[string]any, want int) map[int]map[string]any {
	t.Helper()
	list, ok := doc["activities"].([]any)
	if !ok {
		t.Fatalf("%s: activities is %T, want a list", file, doc["activities"])
	}
	if len(list) != want {
		t.Errorf("%s: %d activities, want %d", file, len(list), want)
	}
	byN := map[int]map[string]any{}
	ids := map[string]int{}
	for i, v := range list {
		act, ok := v.(map[string]any)
		if !ok {
			t.Errorf("%s: activities[%d] is %T, want a mapping", file, i, v)
			continue
		}
		n, ok := act["n"].(int)
		if !ok {
			t.Errorf("%s: activities[%d].n is %v (%T), want an integer", file, i, act["n"], act["n"])
			continue
		}
		if n != i+1 {
			t.Errorf("%s: activities[%d].n = %d, want %d (n must run 1..%d in order)", file, i, n, i+1, want)
		}
		if _, dup := byN[n]; dup {
			t.Errorf("%s: two activities with n: %d", file, n)
		}
		byN[n] = act
		id := str(act["id"])
		if !slugRe.MatchString(id) {
			t.Errorf("%s: activity %d: id %q is not a latin slug [a-z0-9-]", file, n, id)
		}
		if prev, dup := ids[id]; dup {
			t.Errorf("%s: activities %d and %d share the id %q", file, prev, n, id)
		}
		ids[id] = n
	}
	return byN
}

func checkActivity(t *testing.T, file, seed string, row seedRow, act map[string]any) {
	where := fmt.Sprintf("%s: activity %d (seed %s line %d)", file, row.n, seed, row.line)
	fields := []struct{ key, want string }{
		{"title", row.title},
		{"due", row.due},
		{"indicator", row.indicator},
	}
	for _, f := range fields {
		got := text(act[f.key])
		if got != f.want {
			t.Errorf("%s: %s text is missing or changed:\n got: %q\nwant: %q", where, f.key, got, f.want)
		}
	}

	var executors []string
	if list, ok := act["executors"].([]any); ok {
		for _, e := range list {
			executors = append(executors, norm(str(e)))
		}
	}
	if !joinsTo(row.executors, executors) {
		t.Errorf("%s: executors %q do not join (by \" \" or \", \") to the document's cell %q", where, executors, row.executors)
	}
	for _, e := range executors {
		if e == "" {
			t.Errorf("%s: an empty executor", where)
		}
	}

	// Every number of the row must survive in the activity's title, due or
	// indicator (in any form the file uses: text, or a mapping's fields).
	have := map[string]bool{}
	for _, key := range []string{"title", "due", "indicator"} {
		for _, s := range scalars(act[key]) {
			for _, d := range digitsRe.FindAllString(s, -1) {
				have[d] = true
			}
		}
	}
	for _, cell := range []string{row.title, row.due, row.indicator, row.executors} {
		for _, d := range digitsRe.FindAllString(cell, -1) {
			if !have[d] {
				t.Errorf("%s: the number %s of the document (in %q) is not in the activity's title, due or indicator", where, d, cell)
			}
		}
	}
}

// joinsTo reports whether cell is parts joined in order, each joint being
// " " or ", ".
func joinsTo(cell string, parts []string) bool {
	if len(parts) == 0 || parts[0] == "" || !strings.HasPrefix(cell, parts[0]) {
		return false
	}
	rest := cell[len(parts[0]):]
	if len(parts) == 1 {
		return rest == ""
	}
	for _, sep := range []string{", ", " "} {
		if strings.HasPrefix(rest, sep) && joinsTo(rest[len(sep):], parts[1:]) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Seed parsers

// parseBessonovskyTable reads the tab-separated table of the Bessonovsky
// annex: a row starts with "N.\t"; a line that starts with a tab continues the
// previous row after a page break, its cells aligned with the row's columns.
func parseBessonovskyTable(t *testing.T, seed string) []seedRow {
	t.Helper()
	rowRe := regexp.MustCompile(`^([0-9]+)\.\t`)
	var rows []seedRow
	var cells [][5]string
	inTable := false
	for i, line := range strings.Split(seed, "\n") {
		if strings.HasPrefix(line, "№ п/п\t") {
			inTable = true
			continue
		}
		if !inTable || strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "\t")
		if m := rowRe.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			rows = append(rows, seedRow{n: n, line: i + 1})
			cells = append(cells, [5]string{})
		} else if !strings.HasPrefix(line, "\t") || len(rows) == 0 {
			t.Fatalf("bessonovsky seed line %d: neither a row nor a continuation: %q", i+1, line)
		}
		c := &cells[len(cells)-1]
		for j := 1; j < len(parts) && j < len(c); j++ {
			if p := strings.TrimSpace(parts[j]); p != "" {
				c[j] += " " + p
			}
		}
	}
	for k := range rows {
		rows[k].title = norm(cells[k][1])
		rows[k].due = norm(cells[k][2])
		rows[k].indicator = norm(cells[k][3])
		rows[k].executors = norm(cells[k][4])
	}
	return rows
}

// parseNikolskyTable reads "Таблица 2." of the Nikolsky concept, where every
// cell is on its own line: a row starts with "\tN. "; a line starting with a
// tab starts the next cell; a line without a tab continues the cell before
// it; blank lines are ignored.
func parseNikolskyTable(t *testing.T, seed string) []seedRow {
	t.Helper()
	rowRe := regexp.MustCompile(`^\t([0-9]+)\.\s*$`)
	lines := strings.Split(seed, "\n")
	start := -1
	for i, line := range lines {
		if strings.TrimSpace(line) == "Таблица 2." {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatal("nikolsky seed: no \"Таблица 2.\"")
	}
	var rows []seedRow
	var cells [][]string
	for i := start + 1; i < len(lines); i++ {
		line := lines[i]
		if m := rowRe.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			rows = append(rows, seedRow{n: n, line: i + 1})
			cells = append(cells, nil)
			continue
		}
		if len(rows) == 0 || strings.TrimSpace(line) == "" {
			continue // the header, or a blank line
		}
		c := &cells[len(cells)-1]
		if strings.HasPrefix(line, "\t") || len(*c) == 0 {
			*c = append(*c, line)
		} else {
			(*c)[len(*c)-1] += " " + line
		}
	}
	for k := range rows {
		c := cells[k]
		if len(c) != 4 {
			t.Fatalf("nikolsky seed line %d: row %d has %d cells, want 4: %q", rows[k].line, rows[k].n, len(c), c)
		}
		rows[k].title = seedCell(c[0])
		rows[k].due = seedCell(c[1])
		rows[k].indicator = seedCell(c[2])
		rows[k].executors = seedCell(c[3])
	}
	return rows
}

func seedCell(s string) string {
	return norm(strings.ReplaceAll(s, "[bookmark: _GoBack]", ""))
}

// ---------------------------------------------------------------------------
// Document metadata

func checkBessonovskyMeta(t *testing.T, doc map[string]any, seed string) {
	lines := strings.Split(seed, "\n")
	const file = "bessonovsky.yaml"

	// The order's number, date and signatory, as the seed has them.
	for _, must := range []string{"94/01-09", "14.07.2020", "С. Н. Назарова", "с. Бессоновка"} {
		if !strings.Contains(seed, must) {
			t.Fatalf("the Bessonovsky seed lacks %q: wrong seed file?", must)
		}
	}
	expectEq(t, file, doc, "94/01-09", "document", "number")
	expectEq(t, file, doc, "2020-07-14", "document", "date")
	expectEq(t, file, doc, "order", "document", "kind")
	expectEq(t, file, doc, "с. Бессоновка", "document", "place")
	expectEq(t, file, doc, "С. Н. Назарова", "document", "signed_by", "name")
	expectEq(t, file, doc, "Начальник", "document", "signed_by", "position")
	expectEq(t, file, doc, seedLine(t, lines, "Об утверждении"), "document", "title")
	expectEq(t, file, doc, seedLine(t, lines, "В целях"), "document", "preamble")
	expectEq(t, file, doc, "2020", "period", "from")
	expectEq(t, file, doc, "2022", "period", "to")

	// The roadmap's heading: "**Дорожная карта" ... "годы.**".
	expectEq(t, file, doc, seedSpan(t, lines, "**Дорожная карта", "годы.**", "*"), "title")
	// The annex approval note, "УТВЕРЖДЕНА" ... "от 14.07.2020 года № 94/01-09".
	note := seedSpan(t, lines, "УТВЕРЖДЕНА", "от 14.07.2020", "")
	if got := text(get(doc, "document", "annex")); !strings.Contains(got, note) {
		t.Errorf("%s: document.annex = %q does not contain the approval note %q", file, got, note)
	}

	// The numbered clauses after "ПРИКАЗЫВАЮ:".
	clauseRe := regexp.MustCompile(`^([0-9]+)\. (.*)$`)
	var clauses []string
	in := false
	for _, line := range lines {
		switch {
		case strings.HasPrefix(line, "ПРИКАЗЫВАЮ"):
			in = true
		case in && clauseRe.MatchString(line):
			clauses = append(clauses, norm(clauseRe.FindStringSubmatch(line)[2]))
		case in && len(clauses) > 0 && strings.TrimSpace(line) == "":
			in = false
		}
	}
	if len(clauses) != 4 {
		t.Fatalf("the Bessonovsky seed parser found %d clauses, want 4", len(clauses))
	}
	expectList(t, file, doc, clauses, "document", "clauses")
}

func checkNikolskyMeta(t *testing.T, doc map[string]any, seed string) {
	lines := strings.Split(seed, "\n")
	const file = "nikolsky.yaml"

	// The approving order: "(Утверждена приказом ... от 13.10.2020 № 70 )".
	m := regexp.MustCompile(`\((Утверждена приказом [^)]*? от ([0-9]{2})\.([0-9]{2})\.([0-9]{4}) № ([0-9]+))\s*\)`).FindStringSubmatch(seed)
	if m == nil {
		t.Fatal("the Nikolsky seed lacks the approval line")
	}
	expectEq(t, file, doc, "concept", "document", "kind")
	expectEq(t, file, doc, "order", "document", "approved_by", "kind")
	expectEq(t, file, doc, m[5], "document", "approved_by", "number")
	expectEq(t, file, doc, m[4]+"-"+m[3]+"-"+m[2], "document", "approved_by", "date")
	expectEq(t, file, doc, norm(m[1]), "document", "approved_by", "text")
	if m[5] != "70" || m[4]+"-"+m[3]+"-"+m[2] != "2020-10-13" {
		t.Errorf("the Nikolsky seed's order is № %s of %s, want № 70 of 2020-10-13", m[5], m[4]+"-"+m[3]+"-"+m[2])
	}
	// The concept's own title, lines 1-3 of the seed.
	conceptTitle := norm(strings.Join(lines[0:3], " "))
	if got := text(get(doc, "document", "title")); !strings.EqualFold(got, conceptTitle) {
		t.Errorf("%s: document.title = %q, want %q (case aside)", file, got, conceptTitle)
	}
	expectEq(t, file, doc, "2020", "period", "from")
	expectEq(t, file, doc, "2022", "period", "to")

	// The section heading, the description and the roadmap's heading.
	expectEq(t, file, doc, seedSpan(t, lines, "Описание, ожидаемые", "«Развитие системы профориентации»", ""), "section")
	expectEq(t, file, doc, norm(seedLine(t, lines, "Система профессиональной ориентации")+" "+seedLine(t, lines, "Для этого необходимо:")), "description")
	var heading []string
	for i, line := range lines {
		if strings.TrimSpace(line) == "Таблица 2." {
			for _, l := range lines[i+1:] {
				if strings.TrimSpace(l) == "" {
					break
				}
				heading = append(heading, l)
			}
			break
		}
	}
	expectEq(t, file, doc, norm(strings.Join(heading, " ")), "title")

	// The goals: the "·" bullets.
	var goals []string
	for _, line := range lines {
		if strings.HasPrefix(line, "·") {
			goals = append(goals, norm(strings.TrimPrefix(line, "·")))
		}
	}
	if len(goals) != 5 {
		t.Fatalf("the Nikolsky seed parser found %d goals, want 5", len(goals))
	}
	expectList(t, file, doc, goals, "goals")

	// "Таблица 1": rows of three year cells (2020, 2021, 2022) separated by
	// blank lines; each cell is a tab-led line.
	var table [][]string
	in := false
	var cur []string
	flush := func() {
		for _, c := range cur {
			if c != "" {
				table = append(table, cur)
				break
			}
		}
		cur = nil
	}
	for _, line := range lines {
		switch {
		case strings.TrimSpace(line) == "Таблица 1.":
			in = true
		case strings.TrimSpace(line) == "Таблица 2.":
			in = false
		case in && strings.HasPrefix(line, "\t"):
			cur = append(cur, seedCell(line))
		case in && strings.TrimSpace(line) == "":
			flush()
		}
	}
	flush()
	if len(table) != 4 {
		t.Fatalf("the Nikolsky seed parser found %d rows in Таблица 1, want 4", len(table))
	}
	results, _ := get(doc, "expected_results").([]any)
	if len(results) != len(table) {
		t.Fatalf("%s: %d expected_results, want %d (the rows of Таблица 1)", file, len(results), len(table))
	}
	for k, row := range table {
		res, _ := results[k].(map[string]any)
		byYear := yearMap(get(res, "by_year"))
		title := ""
		for i, cell := range row {
			year := 2020 + i
			got, ok := byYear[year]
			switch {
			case cell == "" && ok:
				t.Errorf("%s: expected_results[%d].by_year has %d: %q, but the document's cell for %d is empty", file, k, year, got, year)
			case cell != "" && got != cell:
				t.Errorf("%s: expected_results[%d].by_year[%d] is missing or changed:\n got: %q\nwant: %q", file, k, year, got, cell)
			}
			if title == "" {
				title = cell
			}
		}
		if got := text(get(res, "title")); got != title {
			t.Errorf("%s: expected_results[%d].title = %q, want the row's first cell %q", file, k, got, title)
		}
		for y := range byYear {
			if y < 2020 || y >= 2020+len(row) {
				t.Errorf("%s: expected_results[%d].by_year has the year %d outside the table's columns", file, k, y)
			}
		}
	}
}

// seedLine returns the normalised seed line that starts with prefix.
func seedLine(t *testing.T, lines []string, prefix string) string {
	t.Helper()
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return norm(l)
		}
	}
	t.Fatalf("seed: no line starting with %q", prefix)
	return ""
}

// seedSpan joins the seed lines from the one starting with first to the first
// one after it containing last, trimming the characters of cut (markdown "*").
func seedSpan(t *testing.T, lines []string, first, last, cut string) string {
	t.Helper()
	for i, l := range lines {
		if !strings.HasPrefix(l, first) {
			continue
		}
		for j := i; j < len(lines); j++ {
			if strings.Contains(lines[j], last) {
				return strings.Trim(norm(strings.Join(lines[i:j+1], " ")), cut)
			}
		}
	}
	t.Fatalf("seed: no lines from %q to %q", first, last)
	return ""
}

func expectEq(t *testing.T, file string, doc map[string]any, want string, path ...string) {
	t.Helper()
	if got := text(get(doc, path...)); got != want {
		t.Errorf("%s: %s is missing or changed:\n got: %q\nwant: %q", file, strings.Join(path, "."), got, want)
	}
}

func expectList(t *testing.T, file string, doc map[string]any, want []string, path ...string) {
	t.Helper()
	list, _ := get(doc, path...).([]any)
	var got []string
	for _, v := range list {
		got = append(got, text(v))
	}
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			g := "(none)"
			if i < len(got) {
				g = strconv.Quote(got[i])
			}
			t.Errorf("%s: %s[%d] is missing or changed:\n got: %s\nwant: %q", file, strings.Join(path, "."), i, g, w)
		}
	}
	if len(got) > len(want) {
		t.Errorf("%s: %s has %d entries, the document %d", file, strings.Join(path, "."), len(got), len(want))
	}
}

// ---------------------------------------------------------------------------
// YAML helpers

func loadSeedYAML(t *testing.T, file string) ([]byte, map[string]any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(seedRoadmapsDir, file))
	if err != nil {
		t.Fatalf("reading roadmaps/%s: %v", file, err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("roadmaps/%s is not valid YAML: %v", file, err)
	}
	if doc == nil {
		t.Fatalf("roadmaps/%s is empty", file)
	}
	return raw, doc
}

func checkFileHygiene(t *testing.T, file string, raw []byte) {
	t.Helper()
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		t.Errorf("%s: starts with a BOM", file)
	}
	if !utf8.Valid(raw) {
		t.Errorf("%s: not valid UTF-8", file)
	}
	if bytes.Contains(raw, []byte("\r")) {
		t.Errorf("%s: has CR line endings", file)
	}
	if bytes.Contains(raw, []byte("\t")) {
		t.Errorf("%s: has tabs", file)
	}
}

// get walks string keys through nested mappings; nil when absent.
func get(v any, path ...string) any {
	for _, key := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[key]
	}
	return v
}

// text is the normalised text of a scalar, or of a mapping's "text" (the
// mapping forms of due and indicator).
func text(v any) string {
	if m, ok := v.(map[string]any); ok {
		return norm(str(m["text"]))
	}
	return norm(str(v))
}

// str is a scalar as text: dates as YYYY-MM-DD, numbers as written by Go.
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		return x.Format("2006-01-02")
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(x)
	default:
		return ""
	}
}

// scalars lists every scalar under v (and every non-string mapping key, such
// as the years of by_year or targets), normalised.
func scalars(v any) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(x[k])
			}
		case map[any]any:
			for k, e := range x {
				if _, isString := k.(string); !isString {
					out = append(out, norm(str(k)))
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		default:
			out = append(out, norm(str(x)))
		}
	}
	walk(v)
	return out
}

// yearMap reads a mapping keyed by years (by_year) into year -> text.
func yearMap(v any) map[int]string {
	out := map[int]string{}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Map {
		return out
	}
	for _, k := range rv.MapKeys() {
		y, err := strconv.Atoi(str(k.Interface()))
		if err != nil {
			y = -1
		}
		out[y] = text(rv.MapIndex(k).Interface())
	}
	return out
}

// norm collapses runs of whitespace (no-break spaces included) to one space
// and trims the ends.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}
