package roadmap_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// positionsBase is a valid roadmap; each case of TestSyntaxErrorPositions
// puts one typical mistake into it.
const positionsBase = `format: roadmap/v1
id: test-district
district: Тестовый район
authority: Управление образования Тестового района
direction: Профориентация
period: {from: 2020, to: 2022}
document:
  kind: order
  number: "12/01-09"
  date: 2020-07-14
  title: Об утверждении дорожной карты
activities:
  - id: work-plan
    n: 1
    title: Составление Плана работы
    due: Ежегодно август
    indicator: Наличие Плана работы
    executors: [МКУ МЦПРО]
  - id: proektoria
    n: 2
    title: Участие в открытых уроках «ПроеКтория»
    due: ежегодно
    indicator: Не менее 55% обучающихся
    executors: [Общеобразовательные организации]
  - id: fairs
    n: 3
    title: Ярмарки профессий
    due: ежегодно, апрель
    indicator: Не менее 2 ярмарок в год
    executors: [МКУ МЦПРО]
`

// positionCases are the typical hand-made YAML mistakes: line of
// positionsBase replaced by text (which may be several lines), and where
// the mistake truly is. docs/rules.md shows them as a before/after table
// (pkg/check TestRulesDoc includes testdata/yaml-positions.md).
var positionCases = []struct {
	mistake string // Russian / English
	line    int
	text    string
	want    diag.Pos
}{
	{"табуляция в отступе / a tab in the indentation", 20, "\tn: 2", diag.Pos{Line: 20, Col: 1}},
	{"нет пробела после двоеточия / no space after a colon", 22, "    due:в течение года", diag.Pos{Line: 22, Col: 9}},
	{"элемент списка сдвинут влево / a dedented list item", 19, "- id: proektoria", diag.Pos{Line: 19, Col: 1}},
	{"ключ сдвинут влево / a dedented key", 27, "  title: Ярмарки профессий", diag.Pos{Line: 27, Col: 3}},
	{"ключ сдвинут на один пробел / a key one space off", 27, "   title: Ярмарки профессий", diag.Pos{Line: 27, Col: 4}},
	{"не закрыта кавычка / an unclosed quote", 15, `    title: "Составление Плана работы`, diag.Pos{Line: 15, Col: 12}},
	{"не закрыта скобка / an unclosed bracket", 18, "    executors: [МКУ МЦПРО", diag.Pos{Line: 18, Col: 16}},
	{"двоеточие в тексте / a stray colon in text", 21, "    title: Участие в уроках: ПроеКтория", diag.Pos{Line: 21, Col: 28}},
	{"кавычки Word и двоеточие / Word quotes and a colon", 21, "    title: “Урок: ПроеКтория”", diag.Pos{Line: 21, Col: 17}},
	{"нет «- » у элемента списка / «- » missing", 25, "  id: fairs", diag.Pos{Line: 25, Col: 3}},
	{"period: to левее from / period: to left of from", 6, "period:\n    from: 2020\n  to: 2022", diag.Pos{Line: 8, Col: 3}},
	{"period: to правее from / period: to right of from", 6, "period:\n  from: 2020\n   to: 2022", diag.Pos{Line: 8, Col: 4}},
	{"BOM посреди файла / a BOM in the middle", 13, "\uFEFF  - id: work-plan", diag.Pos{Line: 13, Col: 1}},
}

var libraryLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// TestSyntaxErrorPositions asserts that RM001 stands at the mistake for
// every case, and keeps the before/after table of docs/rules.md: the line
// yaml.v3 names, the position and message check gives, the true one.
func TestSyntaxErrorPositions(t *testing.T) {
	t.Parallel()
	base := strings.Split(positionsBase, "\n")
	var b strings.Builder
	b.WriteString(`Библиотека YAML (yaml.v3) называет строку, с которой начала разбирать конструкцию
(для ошибок разбора — на строку раньше, для сдвинутого ключа — строку начала списка) и
не называет столбца; roadmap ищет саму ошибку, начиная со строки перед этой. Ниже —
типичные ошибки, внесённые в правильный файл: где их указывает библиотека и где
` + "`roadmap check`" + ` (· — пробел, → — табуляция). Таблицу проверяет тест
TestSyntaxErrorPositions (pkg/roadmap): замечание должно стоять там, где ошибка.

The YAML library (yaml.v3) names the line where it began parsing the construct (for
parser errors one line early, for a dedented key the line the list starts) and no
column; roadmap looks for the mistake itself from the line before that one on. Below,
typical mistakes put into a valid file: where the library puts them and where
` + "`roadmap check`" + ` does (· is a space, → a tab). TestSyntaxErrorPositions (pkg/roadmap)
checks the table: the finding must stand where the mistake is.

`)
	b.WriteString("| Ошибка / mistake | Строка / line | yaml.v3 | roadmap check | Где ошибка / true |\n| --- | --- | --- | --- | --- |\n")
	libraryRight := 0
	for _, c := range positionCases {
		lines := append(append(append([]string{}, base[:c.line-1]...), c.text), base[c.line:]...)
		data := strings.Join(lines, "\n")
		var n yaml.Node
		err := yaml.Unmarshal([]byte(data), &n)
		if err == nil {
			t.Fatalf("%s: yaml.v3 accepts it; not a syntax error", c.mistake)
		}
		lib := libraryLine.FindStringSubmatch(err.Error())
		if lib == nil {
			t.Fatalf("%s: yaml.v3 says %q", c.mistake, err)
		}
		_, fs := roadmap.Parse("f.yaml", []byte(data))
		if len(fs) != 1 || fs[0].Code != diag.YAMLSyntax {
			t.Fatalf("%s: findings %v, want one RM001", c.mistake, fs)
		}
		f := fs[0]
		if f.Pos != c.want {
			t.Errorf("%s: RM001 at %d:%d, the mistake is at %d:%d (%s)", c.mistake, f.Line, f.Col, c.want.Line, c.want.Col,
				i18n.T(i18n.RU, string(f.Code), f.Args...))
		}
		if lib[1] == fmt.Sprint(c.want.Line) {
			libraryRight++
		}
		typed := strings.Split(data, "\n")[c.want.Line-1]
		fmt.Fprintf(&b, "| %s | `%s` | %s: %s | %d:%d: %s | %d:%d |\n", c.mistake, visible(typed), lib[1], lib[2],
			f.Line, f.Col, cell(i18n.T(i18n.RU, string(f.Code), f.Args...)), c.want.Line, c.want.Col)
	}
	fmt.Fprintf(&b, "\nyaml.v3 называет верную строку в %d случаях из %d и никогда — столбец.\n"+
		"yaml.v3 names the right line in %d cases of %d, and never the column.\n", libraryRight, len(positionCases), libraryRight, len(positionCases))
	golden.Compare(t, "testdata/yaml-positions.md", []byte(b.String()))
}

// visible shows the indentation and invisible characters of a line.
func visible(line string) string {
	text := strings.TrimLeft(line, " ")
	line = strings.Repeat("·", len(line)-len(text)) + text
	return strings.NewReplacer("\t", "→", "\uFEFF", "<BOM>", "|", `\|`).Replace(line)
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// TestSyntaxScannerQuietOnValidFiles: a file yaml.v3 reads must give the
// scanner nothing to say, or it would put RM001 at a false place.
func TestSyntaxScannerQuietOnValidFiles(t *testing.T) {
	t.Parallel()
	var files []string
	for _, pattern := range []string{"../../roadmaps/*.yaml", "../../testdata/*/*.yaml", "../../testdata/*/*/*.yaml", "../../testdata/*/*/*/*.yaml"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	checked := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var n yaml.Node
		if yaml.Unmarshal(data, &n) != nil {
			continue
		}
		checked++
		if pos, ok := roadmap.LocateSyntaxError(data); ok {
			t.Errorf("%s is valid YAML, the scanner finds a mistake at %d:%d", file, pos.Line, pos.Col)
		}
	}
	if checked < 100 {
		t.Errorf("only %d valid files checked", checked)
	}
}

// TestSyntaxErrorMutations puts each kind of mistake into every line of
// positionsBase. Every RM001 must lie inside the file, and it must name the
// mutated line far more often than yaml.v3 does.
func TestSyntaxErrorMutations(t *testing.T) {
	t.Parallel()
	mutations := []func(string) string{
		func(l string) string { return "\t" + strings.TrimLeft(l, " ") },
		func(l string) string { return strings.TrimPrefix(l, "  ") },
		func(l string) string { return strings.TrimPrefix(l, " ") },
		func(l string) string { return " " + l },
		func(l string) string { return strings.Replace(l, ": ", ":", 1) },
		func(l string) string { return strings.Replace(l, "]", "", 1) },
		func(l string) string { return strings.Replace(l, "}", "", 1) },
		func(l string) string { return strings.Replace(l, `"`, "", 1) },
		func(l string) string { return strings.Replace(l, ": ", `: "`, 1) },
		func(l string) string { return strings.Replace(l, "- ", "", 1) },
		func(l string) string { return l + ": текст" },
		func(l string) string { return "\uFEFF" + l },
	}
	base := strings.Split(positionsBase, "\n")
	rejected, ours, library := 0, 0, 0
	for i := range base {
		for _, mutate := range mutations {
			m := mutate(base[i])
			if m == base[i] {
				continue
			}
			lines := append(append(append([]string{}, base[:i]...), m), base[i+1:]...)
			data := strings.Join(lines, "\n")
			var n yaml.Node
			err := yaml.Unmarshal([]byte(data), &n)
			if err == nil {
				continue
			}
			rejected++
			if lib := libraryLine.FindStringSubmatch(err.Error()); lib != nil && lib[1] == fmt.Sprint(i+1) {
				library++
			}
			_, fs := roadmap.Parse("f.yaml", []byte(data))
			for _, f := range fs {
				if f.Code != diag.YAMLSyntax {
					continue
				}
				if f.Line < 1 || f.Line > len(lines) || f.Col < 1 || f.Col > len([]rune(lines[f.Line-1]))+1 {
					t.Errorf("line %d mutated to %q: RM001 at %d:%d, outside the file", i+1, m, f.Line, f.Col)
				}
				if f.Line == i+1 {
					ours++
				}
			}
		}
	}
	t.Logf("%d mutations rejected by yaml.v3: the mutated line named by yaml.v3 %d times, by RM001 %d times", rejected, library, ours)
	if rejected < 100 || ours*10 < rejected*8 {
		t.Errorf("RM001 names the mutated line in %d of %d mutations (yaml.v3: %d); want at least 80%%", ours, rejected, library)
	}
}
