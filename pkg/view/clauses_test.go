package view

import (
	"slices"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/diff/difftest"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// TestAmendmentStructure: the text a Word writer sets out — the lead-in,
// the paragraphs numbered «3», «3.1» when the order's own text changes
// too, an added row as cells with the quotes in the first and last cell.
func TestAmendmentStructure(t *testing.T) {
	t.Parallel()
	a := Amendment(difftest.Compute(t, "order-clause"), i18n.RU, diff.NumberingKeep)
	if !strings.HasPrefix(a.LeadIn, "Внести в приказ Управления образования Тестового района от 14.07.2020 № 94/01-09 «Об утверждении дорожной карты по направлению „Профориентация“»") {
		t.Errorf("lead-in: %q", a.LeadIn)
	}
	var ns []string
	for _, p := range a.Paragraphs {
		ns = append(ns, p.N)
	}
	if want := []string{"1", "2", "3", "3.1"}; !slices.Equal(ns, want) {
		t.Errorf("numbers %q, want %q", ns, want)
	}

	a = Amendment(difftest.Compute(t, "delete-add"), i18n.RU, diff.NumberingRenumber)
	last := a.Paragraphs[len(a.Paragraphs)-1]
	if last.Row == nil || last.Text != "Дополнить пунктом 5 следующего содержания:" {
		t.Fatalf("added row: %+v", last)
	}
	want := []string{"«5.", "Проведение ярмарки профессий", "ежегодно апрель", "Не менее 100 участников в год", "МКУ МЦПРО»."}
	if !slices.Equal(last.Row.Cells, want) || len(last.Row.Columns) != len(want) || last.Row.Columns[0] != "№ п/п" {
		t.Errorf("row cells %q, columns %q", last.Row.Cells, last.Row.Columns)
	}
	for _, p := range a.Paragraphs {
		if strings.Contains(p.Text, " | ") {
			t.Errorf("a row joined into a clause: %q", p.Text)
		}
	}

	// No document to name: the roadmap is named; a roadmap with no
	// title still gets a lead-in.
	doc := *difftest.Compute(t, "removed").Old
	doc.Document.Number, doc.Document.Title = "", ""
	if got := leadIn(&doc, i18n.RU, false); !strings.HasPrefix(got, "Внести в приложение к приказу Управления образования Тестового района от 14.07.2020 следующие") {
		t.Errorf("no number: %q", got)
	}
	doc.Document.Kind, doc.Document.Title = "concept", ""
	if got := leadIn(&doc, i18n.RU, false); got != "Внести в дорожную карту «Дорожная карта по направлению „Профориентация“ на 2020-2022 годы» следующие изменения:" {
		t.Errorf("no document: %q", got)
	}
	doc.Title = ""
	if got := leadIn(&doc, i18n.RU, false); got != "Внести в дорожную карту следующие изменения:" {
		t.Errorf("nothing named: %q", got)
	}
	if got := genitive(i18n.RU, "Министерство образования Пензенской области"); got != "Министерства образования Пензенской области" {
		t.Errorf("genitive: %q", got)
	}
}
