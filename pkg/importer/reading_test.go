package importer

import (
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
)

func TestDueReading(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, ru, en string }{
		{"Ежегодно август", "ежегодно, август", "every year, August"},
		{"август 2021 г.", "2021: август", "2021: August"},
		{"ежегодно по итогам учебного года, 2021 – 2022 гг.", "ежегодно по итогам учебного года (июнь), 2021–2022", "every year at the end of the school year (June), 2021–2022"},
		{"2020-2022 гг.", "2020–2022", "2020–2022"},
		{"2020, 2022 гг.", "2020, 2022", "2020, 2022"},
		{"Ежегодно по плану РМО", "ежегодно по плану РМО", "every year as planned by РМО"},
		{"февраль, сентябрь\n2020 г.", "2020: февраль, сентябрь", "2020: February, September"},
		{"до 01.09.2021", "2021: до 1 сентября", "2021: by 1 September"},
		{"I квартал 2021 г.", "2021: I квартал", "2021: quarter I"},
		{"декабрь 2021 – май 2022", "декабрь 2021 – май 2022", "December 2021 – May 2022"},
		{"в течение года", "в течение года", "throughout the year"},
		{"в течение 2021 года", "2021: в течение года", "2021: throughout the year"},
		{"в течение всего периода", "постоянно (срока нет: факт — за каждый год)", "continuous (no deadline: a fact each year)"},
		{"ежемесячно", "ежемесячно", "monthly"},
		{"ежеквартально", "ежеквартально", "quarterly"},
		{"когда-нибудь", "когда-нибудь", "когда-нибудь"},
	}
	for _, c := range cases {
		d := phrase.ParseDue(c.in)
		if got := dueReading(d, i18n.RU); got != c.ru {
			t.Errorf("dueReading(%q, ru) = %q, want %q", c.in, got, c.ru)
		}
		if got := dueReading(d, i18n.EN); got != c.en {
			t.Errorf("dueReading(%q, en) = %q, want %q", c.in, got, c.en)
		}
	}
	// Several quarters come from a structured deadline only.
	d := phrase.Due{Parsed: true, Years: []int{2021}, Quarters: []int{1, 2}, Months: []int{1, 2, 3, 4, 5, 6}}
	if ru, en := dueReading(d, i18n.RU), dueReading(d, i18n.EN); ru != "2021: I, II кварталы" || en != "2021: quarters I, II" {
		t.Errorf("two quarters: %q, %q", ru, en)
	}
}
