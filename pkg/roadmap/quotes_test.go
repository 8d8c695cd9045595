package roadmap_test

import (
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// TestQuotedOrderNumber: Word quotes around an order number are stripped
// with an RM033 warning naming them; YAML's own quotes and quotes inside
// the number are not touched.
func TestQuotedOrderNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		number, want, quotes string // quotes: the RM033 argument, "" for none
	}{
		{`“112/01-07”`, "112/01-07", "“…”"},
		{`«112/01-07»`, "112/01-07", "«…»"},
		{`„112/01-07“`, "112/01-07", "„…“"},
		{`№ “112/01-07”`, "112/01-07", "“…”"},
		{`“№ 112/01-07”`, "112/01-07", "“…”"},
		{`'"70"'`, "70", `"…"`},
		{`"112/01-07"`, "112/01-07", ""},
		{`№ 94/01-09`, "94/01-09", ""},
		{`“112/01-07`, "“112/01-07", ""},
		{`112 «о»`, "112 «о»", ""},
		{`“”`, "“”", ""},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			t.Parallel()
			data := strings.Replace(minimal, `number: "1"`, "number: "+tt.number, 1)
			r, fs := roadmap.Parse("f.yaml", []byte(data))
			if r == nil {
				t.Fatalf("no roadmap: %v", fs)
			}
			if r.Document.Number != tt.want {
				t.Errorf("number = %q, want %q", r.Document.Number, tt.want)
			}
			var got []diag.Finding
			for _, f := range fs {
				if f.Code == diag.QuotedNumber {
					got = append(got, f)
				}
			}
			switch {
			case tt.quotes == "" && len(got) > 0:
				t.Errorf("unexpected RM033: %v", got)
			case tt.quotes != "" && (len(got) != 1 || got[0].Args[1] != tt.quotes || got[0].Line != 7):
				t.Errorf("RM033 = %v, want one at line 7 naming %s", got, tt.quotes)
			}
		})
	}
}

// TestQuotedNumbersEverywhere: the approving document and the amendments
// have order numbers too.
func TestQuotedNumbersEverywhere(t *testing.T) {
	t.Parallel()
	data := strings.Replace(minimal, `number: "1"`, `number: "1", approved_by: {kind: order, number: «5», date: 2020-01-10}`, 1) +
		"amendments:\n  - {kind: order, number: “7/1”, date: 2021-01-10, title: О внесении изменений}\n"
	r, fs := roadmap.Parse("f.yaml", []byte(data))
	if r == nil {
		t.Fatalf("no roadmap: %v", fs)
	}
	if r.Document.ApprovedBy == nil || r.Document.ApprovedBy.Number != "5" || len(r.Amendments) != 1 || r.Amendments[0].Number != "7/1" {
		t.Fatalf("numbers not stripped: %+v %+v", r.Document.ApprovedBy, r.Amendments)
	}
	if got := codes(fs); got != "7:73 RM033, 16:27 RM033" {
		t.Errorf("findings = %s", got)
	}
}
