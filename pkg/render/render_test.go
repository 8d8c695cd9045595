package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

var table = view.Table{
	Title: "Т", Subtitle: "по состоянию на 01.07.2022",
	Columns: []view.Column{{Key: "name", Header: "Название"}, {Key: "pct", Header: "Выполнено, %", Type: view.TypePercent}},
	Rows:    [][]string{{"=HYPERLINK(\"x\")", "72,7"}, {"a | b\nc", ""}},
}

func render(t *testing.T, f Format, opts Options, write func(Renderer, *bytes.Buffer) error) string {
	t.Helper()
	r, err := New(f, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := write(r, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestTableFormats(t *testing.T) {
	tbl := func(r Renderer, b *bytes.Buffer) error { return r.Table(b, table) }
	tests := []struct {
		format Format
		opts   Options
		want   string
	}{
		{CSV, Options{}, "Название,\"Выполнено, %\"\n\"'=HYPERLINK(\"\"x\"\")\",72.7\n\"a | b\nc\",\n"},
		{CSV, Options{CSVExcel: true}, "\uFEFFНазвание;Выполнено, %\r\n\"'=HYPERLINK(\"\"x\"\")\";72,7\r\n\"a | b\r\nc\";\r\n"},
		{JSON, Options{}, "[\n  {\n    \"name\": \"=HYPERLINK(\\\"x\\\")\",\n    \"pct\": 72.7\n  },\n  {\n    \"name\": \"a | b\\nc\",\n    \"pct\": null\n  }\n]\n"},
		{Markdown, Options{}, "**Т**\n\n_по состоянию на 01.07.2022_\n\n| Название | Выполнено, % |\n| --- | --- |\n| =HYPERLINK(\"x\") | 72,7 |\n| a \\| b<br>c |  |\n"},
	}
	for _, tt := range tests {
		if got := render(t, tt.format, tt.opts, tbl); got != tt.want {
			t.Errorf("%s %+v:\n got %q\nwant %q", tt.format, tt.opts, got, tt.want)
		}
	}
	if _, err := New(GitHub, Options{}); err != nil {
		t.Fatal(err)
	}
	r, _ := New(GitHub, Options{})
	if err := r.Table(&bytes.Buffer{}, table); err != ErrUnsupported {
		t.Errorf("github table: %v", err)
	}
}

func TestTextTableFitsWidth(t *testing.T) {
	long := view.Table{Columns: []view.Column{{Header: "Мероприятие"}, {Header: "Показатель"}}}
	for range 3 {
		long.Rows = append(long.Rows, []string{strings.Repeat("Проведение мониторинга эффективности работы ", 4), "Не менее 55% обучающихся общеобразовательных организаций"})
	}
	out := render(t, Text, Options{Width: 60}, func(r Renderer, b *bytes.Buffer) error { return r.Table(b, long) })
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if n := len([]rune(line)); n > 60 {
			t.Errorf("line of %d characters: %s", n, line)
		}
	}
	if !strings.Contains(out, "│ Мероприятие") || strings.Contains(out, "МЕРОПРИЯТИЕ") {
		t.Errorf("headers must keep their case:\n%s", out)
	}
}

func TestGitHubEscaping(t *testing.T) {
	fs := []diag.Finding{{File: "a,b:c.yaml", Pos: diag.Pos{Line: 2, Col: 3}, Code: diag.UnparsedDue, Severity: diag.Warning, Args: []any{"50%\nx"}}}
	out := render(t, GitHub, Options{Lang: i18n.EN}, func(r Renderer, b *bytes.Buffer) error { return r.Findings(b, fs) })
	want := "::warning file=a%2Cb%3Ac.yaml,line=2,col=3,title=RM017::cannot read the deadline \"50%25\\nx\": give it as a structure {text, years, months}\n"
	if out != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
}
