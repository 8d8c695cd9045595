package check_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
)

// formatExample finds the ready-to-paste lines of docs/format.md.
var formatExample = regexp.MustCompile(`(?m)^(due|indicator): \{.*\}$`)

// TestFormatExamples pastes every ready-to-paste deadline and indicator of
// docs/format.md into a roadmap: each must load and check with no error or
// warning (RM017/RM018 point users at them).
func TestFormatExamples(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := formatExample.FindAllString(string(doc), -1)
	var dues, indicators int
	for _, ex := range examples {
		due, indicator := "Ежегодно август", "Наличие плана"
		if strings.HasPrefix(ex, "due: ") {
			due, dues = strings.TrimPrefix(ex, "due: "), dues+1
		} else {
			indicator, indicators = strings.TrimPrefix(ex, "indicator: "), indicators+1
		}
		yaml := "format: roadmap/v1\nid: t\ndistrict: Тестовый район\nauthority: Управление образования\n" +
			"period: {from: 2020, to: 2025}\ndocument: {kind: order, number: \"1\", date: 2020-01-15}\n" +
			"activities:\n  - id: a\n    n: 1\n    title: Мероприятие\n    executors: [МКУ]\n" +
			"    due: " + due + "\n    indicator: " + indicator + "\n"
		path := filepath.Join(t.TempDir(), "example.yaml")
		if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := check.Run([]string{path}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if diag.Fails(res.Findings, true) {
			t.Errorf("docs/format.md example %q: %v", ex, res.Findings)
		}
	}
	if dues < 15 || indicators < 8 {
		t.Errorf("%d deadline and %d indicator examples in docs/format.md, want at least 15 and 8", dues, indicators)
	}
}
