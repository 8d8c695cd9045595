package phrase

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// seedDues are the deadline phrases of the two seed documents, verbatim.
var seedDues = []string{
	"Ежегодно август",
	"Ежегодно сентябрь",
	"Ежегодно по плану РМО",
	"ежегодно по итогам учебного года, 2021 – 2022 гг.",
	"2021 – 2022 гг.",
	"август 2021 г.",
	"ежегодно",
	"2020-2022 гг.",
	"ежегодно по итогам учебного года",
	"сентябрь  2020г.",
	"февраль, сентябрь\n2020 г.",
	"ежегодно по итогам учебного года, 2021-2022гг.",
	"2021-2022гг.",
	"август,\n2020 г.",
}

func ym(y, m int) *YearMonth { return &YearMonth{Year: y, Month: m} }

// dueCases pairs phrases with the Due they must give; Text and Parsed are
// filled in by the test (Parsed unless unparsed is set).
var dueCases = []struct {
	in       string
	want     Due
	unparsed bool
}{
	// The seeds.
	{in: "Ежегодно август", want: Due{Every: true, Months: []int{8}}},
	{in: "Ежегодно сентябрь", want: Due{Every: true, Months: []int{9}}},
	{in: "Ежегодно по плану РМО", want: Due{Every: true, Plan: "РМО"}},
	{in: "ежегодно по итогам учебного года, 2021 – 2022 гг.", want: Due{Every: true, SchoolYear: true, Years: []int{2021, 2022}}},
	{in: "2021 – 2022 гг.", want: Due{Years: []int{2021, 2022}}},
	{in: "август 2021 г.", want: Due{Years: []int{2021}, Months: []int{8}}},
	{in: "ежегодно", want: Due{Every: true}},
	{in: "2020-2022 гг.", want: Due{Years: []int{2020, 2021, 2022}}},
	{in: "ежегодно по итогам учебного года", want: Due{Every: true, SchoolYear: true}},
	{in: "сентябрь  2020г.", want: Due{Years: []int{2020}, Months: []int{9}}},
	{in: "февраль, сентябрь\n2020 г.", want: Due{Years: []int{2020}, Months: []int{2, 9}}},
	{in: "ежегодно по итогам учебного года, 2021-2022гг.", want: Due{Every: true, SchoolYear: true, Years: []int{2021, 2022}}},
	{in: "2021-2022гг.", want: Due{Years: []int{2021, 2022}}},
	{in: "август,\n2020 г.", want: Due{Years: []int{2020}, Months: []int{8}}},

	// Common forms.
	{in: "в августе", want: Due{Months: []int{8}}},
	{in: "в августе 2021 года", want: Due{Years: []int{2021}, Months: []int{8}}},
	{in: "до 1 сентября", want: Due{Months: []int{9}, Day: 1}},
	{in: "до 01.09.2021", want: Due{Years: []int{2021}, Months: []int{9}, Day: 1}},
	{in: "до 1 сентября 2021 г.", want: Due{Years: []int{2021}, Months: []int{9}, Day: 1}},
	{in: "не позднее 1-го сентября", want: Due{Months: []int{9}, Day: 1}},
	{in: "I квартал 2021 г.", want: Due{Years: []int{2021}, Months: []int{1, 2, 3}, Quarters: []int{1}}},
	{in: "IV квартал", want: Due{Months: []int{10, 11, 12}, Quarters: []int{4}}},
	{in: "1 квартал 2022 года", want: Due{Years: []int{2022}, Months: []int{1, 2, 3}, Quarters: []int{1}}},
	{in: "2-й квартал", want: Due{Months: []int{4, 5, 6}, Quarters: []int{2}}},
	{in: "I-II кв. 2021", want: Due{Years: []int{2021}, Months: []int{1, 2, 3, 4, 5, 6}, Quarters: []int{1, 2}}},
	{in: "в течение года", want: Due{Every: true, Throughout: true}},
	{in: "в течение 2021 года", want: Due{Throughout: true, Years: []int{2021}}},
	{in: "в течение всего периода", want: Due{Throughout: true}},
	{in: "в течение учебного года", want: Due{Every: true, Throughout: true, SchoolYear: true}},
	{in: "постоянно", want: Due{Every: true, Throughout: true}},
	{in: "декабрь 2021 – май 2022", want: Due{From: ym(2021, 12), To: ym(2022, 5), Years: []int{2021, 2022}}},
	{in: "сентябрь-октябрь 2021", want: Due{Years: []int{2021}, Months: []int{9, 10}}},
	{in: "сентябрь – декабрь", want: Due{Months: []int{9, 10, 11, 12}}},
	{in: "май, 2022", want: Due{Years: []int{2022}, Months: []int{5}}},
	{in: "2021 год", want: Due{Years: []int{2021}}},
	{in: "2022", want: Due{Years: []int{2022}}},
	{in: "2020, 2022 гг.", want: Due{Years: []int{2020, 2022}}},
	{in: "2021 и 2022 годы", want: Due{Years: []int{2021, 2022}}},
	{in: "ежегодно, декабрь", want: Due{Every: true, Months: []int{12}}},
	{in: "ежегодно в августе", want: Due{Every: true, Months: []int{8}}},
	{in: "ежемесячно", want: Due{Every: true, Months: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}}},
	{in: "ежеквартально", want: Due{Every: true, Quarters: []int{1, 2, 3, 4}, Months: []int{3, 6, 9, 12}}},
	{in: "по плану работы РМО", want: Due{Plan: "РМО"}},
	{in: "ежегодно (август)", want: Due{Every: true, Months: []int{8}}},
	{in: "ежегодно по плану РМО (август)", want: Due{Every: true, Plan: "РМО", Months: []int{8}}},
	{in: "по плану «Точка роста», 2021 г.", want: Due{Plan: "Точка роста", Years: []int{2021}}},
	{in: "с сентября по декабрь 2021 г.", want: Due{Years: []int{2021}, Months: []int{9, 10, 11, 12}}},
	{in: "с декабря 2021 по май 2022 года", want: Due{From: ym(2021, 12), To: ym(2022, 5), Years: []int{2021, 2022}}},
	{in: "каждый год", want: Due{Every: true}},
	{in: "ЕЖЕГОДНО  АВГУСТ.", want: Due{Every: true, Months: []int{8}}},
	{in: "сент. 2021 г.", want: Due{Years: []int{2021}, Months: []int{9}}},
	{in: "09.2021", want: Due{Years: []int{2021}, Months: []int{9}}},
	{in: "2021\u00a0–\u00a02022\u00a0гг.", want: Due{Years: []int{2021, 2022}}},
	{in: "2021—2022 годов", want: Due{Years: []int{2021, 2022}}},
	{in: "2021 − 2022 годы", want: Due{Years: []int{2021, 2022}}},
	{in: "2020г.", want: Due{Years: []int{2020}}},
	{in: "  май  ", want: Due{Months: []int{5}}},
	{in: "февраль, до 1 сентября", want: Due{Months: []int{2, 9}, Day: 1}},
	{in: "до 29 февраля 2024 г.", want: Due{Years: []int{2024}, Months: []int{2}, Day: 29}},

	// Not readable.
	{in: "", unparsed: true},
	{in: "   ", unparsed: true},
	{in: "когда-нибудь", unparsed: true},
	{in: "по мере необходимости", unparsed: true},
	{in: "random text", unparsed: true},
	{in: "13 месяц", unparsed: true},
	{in: "2021 – 2019 гг.", unparsed: true},
	{in: "32.13.2021", unparsed: true},
	{in: "31.02.2021", unparsed: true},
	{in: "до 29 февраля 2021 г.", unparsed: true},
	{in: "1989 г.", unparsed: true},
	{in: "2101", unparsed: true},
	{in: "20201", unparsed: true},
	{in: "октябрь – май", unparsed: true},
	{in: "май 2022 – декабрь 2021", unparsed: true},
	{in: "август 2021 – 2022 – май", unparsed: true},
	{in: "квартал", unparsed: true},
	{in: "V квартал", unparsed: true},
	{in: "5 квартал", unparsed: true},
	{in: "по плану", unparsed: true},
	{in: "-", unparsed: true},
	{in: "г.", unparsed: true},
	{in: "ежегодно, 50%", unparsed: true},
	{in: "до 1 сентября, до 1 октября", unparsed: true},
	{in: "до 1 сентября, декабрь", unparsed: true},
	{in: "\xff\xfe", unparsed: true},
}

func TestParseDue(t *testing.T) {
	for _, c := range dueCases {
		want := c.want
		want.Text = strings.TrimSpace(c.in)
		want.Parsed = !c.unparsed
		got := ParseDue(c.in)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParseDue(%q)\n got %s\nwant %s", c.in, dumpDue(got), dumpDue(want))
		}
	}
}

// TestParseDueSeeds guards that every seed phrase is in dueCases.
func TestParseDueSeeds(t *testing.T) {
	for _, s := range seedDues {
		if !ParseDue(s).Parsed {
			t.Errorf("seed %q not parsed", s)
		}
	}
}

func TestParseDueHuge(t *testing.T) {
	in := strings.Repeat("ежегодно ", 100000)
	if d := ParseDue(in); d.Parsed || d.Text != strings.TrimSpace(in) {
		t.Errorf("huge phrase: Parsed %v, Text kept %v", d.Parsed, d.Text == strings.TrimSpace(in))
	}
}

func dumpDue(d Due) string {
	type fields Due // without Due.String, so that %+v shows the fields
	s := fmt.Sprintf("%+v", fields(d))
	if d.From != nil {
		s += fmt.Sprintf(" From=%+v", *d.From)
	}
	if d.To != nil {
		s += fmt.Sprintf(" To=%+v", *d.To)
	}
	return s
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestSchedule(t *testing.T) {
	cases := []struct {
		in       string
		from, to int
		want     []Deadline
	}{
		{"Ежегодно август", 2020, 2022, []Deadline{{2020, day(2020, 8, 31)}, {2021, day(2021, 8, 31)}, {2022, day(2022, 8, 31)}}},
		{"ежегодно по итогам учебного года, 2021 – 2022 гг.", 2020, 2022, []Deadline{{2021, day(2021, 6, 30)}, {2022, day(2022, 6, 30)}}},
		{"до 01.09.2021", 2020, 2022, []Deadline{{2021, day(2021, 9, 1)}}},
		{"до 1 сентября", 2020, 2021, []Deadline{{2020, day(2020, 9, 1)}, {2021, day(2021, 9, 1)}}},
		{"I квартал 2021 г.", 2020, 2022, []Deadline{{2021, day(2021, 3, 31)}}},
		// A span: Dec 31 in its first years, the end of To.Month in To.Year.
		{"декабрь 2021 – май 2022", 2020, 2022, []Deadline{{2021, day(2021, 12, 31)}, {2022, day(2022, 5, 31)}}},
		{"ежегодно", 2020, 2021, []Deadline{{2020, day(2020, 12, 31)}, {2021, day(2021, 12, 31)}}},
		{"2021 – 2022 гг.", 2020, 2022, []Deadline{{2021, day(2021, 12, 31)}, {2022, day(2022, 12, 31)}}},
		{"февраль, сентябрь\n2020 г.", 2020, 2022, []Deadline{{2020, day(2020, 9, 30)}}},
		{"ежегодно по плану РМО", 2020, 2020, []Deadline{{2020, day(2020, 12, 31)}}},
		{"февраль", 2023, 2024, []Deadline{{2023, day(2023, 2, 28)}, {2024, day(2024, 2, 29)}}},
		{"до 29 февраля", 2023, 2024, []Deadline{{2023, day(2023, 2, 28)}, {2024, day(2024, 2, 29)}}},
		{"ежеквартально", 2021, 2021, []Deadline{{2021, day(2021, 12, 31)}}},
		// Years outside the period are kept for the checker to flag.
		{"август 2019 г.", 2020, 2022, []Deadline{{2019, day(2019, 8, 31)}}},
		{"ежегодно", 2022, 2020, nil},
		{"когда-нибудь", 2020, 2022, nil},
	}
	for _, c := range cases {
		got := ParseDue(c.in).Schedule(c.from, c.to)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseDue(%q).Schedule(%d, %d)\n got %v\nwant %v", c.in, c.from, c.to, got, c.want)
		}
	}
}

func TestOutsidePeriod(t *testing.T) {
	cases := []struct {
		in   string
		want []int
	}{
		{"2019 – 2023 гг.", []int{2019, 2023}},
		{"2020-2022 гг.", nil},
		{"ежегодно", nil},
		{"декабрь 2022 – май 2023", []int{2023}},
		{"август 2019 г.", []int{2019}},
	}
	for _, c := range cases {
		if got := ParseDue(c.in).OutsidePeriod(2020, 2022); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseDue(%q).OutsidePeriod(2020, 2022) = %v, want %v", c.in, got, c.want)
		}
	}
}

func BenchmarkParseDue(b *testing.B) {
	for b.Loop() {
		for _, s := range seedDues {
			ParseDue(s)
		}
	}
}
