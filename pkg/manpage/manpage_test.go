package manpage

import (
	"strings"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	err := Write(&b, Page{Name: "roadmap-x", Section: "1", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Source: "roadmap v1", Manual: "roadmap",
		Summary: `say "hi"`,
		Sections: []Section{{Heading: "DESCRIPTION", Blocks: []Block{
			{Text: strings.Repeat("word ", 40) + "\n\n.starts like a request, C:\\path"},
			{Tag: "-o, --output FILE", Text: "where"},
			{Text: "  roadmap x -o a.yaml\n'quoted", Literal: true},
		}}}})
	if err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		`.TH "ROADMAP-X" "1" "2026-01-02" "roadmap v1" "roadmap"` + "\n",
		"roadmap\\-x \\- say \"hi\"\n",
		"\n.PP\n\\&.starts like a request, C:\\epath\n",
		".TP\n\\fB\\-o, \\-\\-output FILE\\fR\nwhere\n",
		".nf\n.RS 4\n  roadmap x \\-o a.yaml\n\\&'quoted\n.RE\n.fi\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		if len([]rune(line)) > maxLine && !strings.HasPrefix(line, ".") {
			t.Errorf("line of %d characters: %s", len([]rune(line)), line)
		}
	}
}
