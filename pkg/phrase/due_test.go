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
	{in: "в течение всего периода", want: Due{Kind: DueContinuous}},
	{in: "в течение учебного года", want: Due{Every: true, Throughout: true, SchoolYear: true}},
	{in: "постоянно", want: Due{Kind: DueContinuous}},
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
	{in: "ежемесячно", want: Due{Every: true, Recur: RecurMonth}},
	{in: "ежеквартально", want: Due{Every: true, Recur: RecurQuarter}},
	{in: "по плану работы РМО", want: Due{Kind: DuePlan, Plan: "РМО"}},
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

	// Issue 13: the forms of other regions' orders.
	{in: "до 1 сентября, до 1 октября", want: Due{Months: []int{9, 10}, Day: 1}},
	{in: "до 1 сентября, декабрь", want: Due{Months: []int{9, 12}}},
	{in: "по мере необходимости", want: Due{Kind: DueOnDemand}},
	{in: "по плану", want: Due{Kind: DuePlan}},
	{in: "по отдельному графику", want: Due{Kind: DuePlan}},
	{in: "октябрь – май", want: Due{From: &YearMonth{Month: 10}, To: &YearMonth{Month: 5}}},
	{in: "06.02.2023 – 30.05.2023", want: Due{Years: []int{2023}, Months: []int{2, 3, 4, 5}, Day: 30}},
	{in: "с 10 января по 10 февраля 2023 года", want: Due{Years: []int{2023}, Months: []int{1, 2}, Day: 10}},
	{in: "21 октября – 10 ноября", want: Due{Months: []int{10, 11}, Day: 10}},
	{in: "11 – 20 ноября", want: Due{Months: []int{11}, Day: 20}},
	{in: "до 25 числа каждого месяца", want: Due{Every: true, Recur: RecurMonth, RecurDay: 25}},
	{in: "ежеквартально до 10 числа месяца, следующего за отчётным кварталом",
		want: Due{Every: true, Recur: RecurQuarter, RecurDay: 10, NextMonth: true}},
	{in: "раз в полугодие", want: Due{Every: true, Recur: RecurHalf}},
	{in: "1 раз в квартал", want: Due{Every: true, Recur: RecurQuarter}},
	{in: "I полугодие 2023 г.", want: Due{Years: []int{2023}, Halves: []int{1}}},
	{in: "в течение I полугодия", want: Due{Throughout: true, Halves: []int{1}}},
	{in: "ежегодно, до 25 декабря отчётного года", want: Due{Every: true, Months: []int{12}, Day: 25}},
	{in: "ежегодно с 2023", want: Due{Every: true, Since: 2023}},
	{in: "Май, ежегодно с 2023", want: Due{Every: true, Since: 2023, Months: []int{5}}},
	{in: "один раз в два года", want: Due{Step: 2}},
	{in: "2022/2023 учебный год", want: Due{SchoolYears: []int{2022}}},
	{in: "в течение 2022-2023 учебного года", want: Due{Throughout: true, SchoolYears: []int{2022}}},
	{in: "к началу учебного года", want: Due{SchoolStart: true}},
	{in: "по итогам I полугодия", want: Due{Halves: []int{1}}},
	{in: "по итогам I полугодия учебного года", want: Due{Halves: []int{1}, School: true}},
	{in: "в трёхмесячный срок", want: Due{Kind: DueAfterOrder, After: &Interval{N: 3, Unit: "month"}}},
	{in: "в 6-месячный срок", want: Due{Kind: DueAfterOrder, After: &Interval{N: 6, Unit: "month"}}},
	{in: "в течение месяца со дня подписания", want: Due{Kind: DueAfterOrder, After: &Interval{N: 1, Unit: "month"}}},
	{in: "не позднее чем за 2 недели до начала экзаменационного периода",
		want: Due{Kind: DueEvent, Event: "не позднее чем за 2 недели до начала экзаменационного периода"}},
	{in: "10 ноября 2020* года", want: Due{Years: []int{2020}, Months: []int{11}, Day: 10}},
	{in: "мaй 2023", want: Due{Years: []int{2023}, Months: []int{5}}},
	{in: "до\u00a01\u200b сентября 2023 г.", want: Due{Years: []int{2023}, Months: []int{9}, Day: 1}},
	// A word it does not know is left out and named.
	{in: "август 2023 (ориентировочно)", want: Due{Years: []int{2023}, Months: []int{8}, Ignored: "ориентировочно"}},

	// Not readable.
	{in: "", unparsed: true},
	{in: "   ", unparsed: true},
	{in: "когда-нибудь", unparsed: true},
	{in: "random text", unparsed: true},
	{in: "13 месяц", unparsed: true},
	{in: "2021 – 2019 гг.", unparsed: true},
	{in: "32.13.2021", unparsed: true},
	{in: "31.02.2021", unparsed: true},
	{in: "до 29 февраля 2021 г.", unparsed: true},
	{in: "1989 г.", unparsed: true},
	{in: "2101", unparsed: true},
	{in: "20201", unparsed: true},
	{in: "май 2022 – декабрь 2021", unparsed: true},
	{in: "август 2021 – 2022 – май", unparsed: true},
	{in: "квартал", unparsed: true},
	{in: "V квартал", unparsed: true},
	{in: "5 квартал", unparsed: true},
	{in: "-", unparsed: true},
	{in: "г.", unparsed: true},
	{in: "ежегодно, 50%", unparsed: true},
	{in: "\xff\xfe", unparsed: true},
}

func TestParseDue(t *testing.T) {
	for _, c := range dueCases {
		want := c.want
		want.Text = strings.TrimSpace(c.in)
		want.Parsed = !c.unparsed
		got := ParseDue(c.in)
		// The occurrences are held by TestSchedule and the corpus test.
		got.Points = nil
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
	by := func(y, m, d int) Deadline { return Deadline{Year: y, By: day(y, m, d)} }
	cases := []struct {
		in   string
		ctx  Context
		want []Deadline
	}{
		{"Ежегодно август", Context{From: 2020, To: 2022}, []Deadline{by(2020, 8, 31), by(2021, 8, 31), by(2022, 8, 31)}},
		{"ежегодно по итогам учебного года, 2021 – 2022 гг.", Context{From: 2020, To: 2022}, []Deadline{by(2021, 6, 30), by(2022, 6, 30)}},
		{"до 01.09.2021", Context{From: 2020, To: 2022}, []Deadline{by(2021, 9, 1)}},
		{"до 1 сентября", Context{From: 2020, To: 2021}, []Deadline{by(2020, 9, 1), by(2021, 9, 1)}},
		{"I квартал 2021 г.", Context{From: 2020, To: 2022}, []Deadline{by(2021, 3, 31)}},
		// A span is one occurrence, due at its end.
		{"декабрь 2021 – май 2022", Context{From: 2020, To: 2022}, []Deadline{{2022, day(2021, 12, 1), day(2022, 5, 31)}}},
		{"ежегодно", Context{From: 2020, To: 2021}, []Deadline{by(2020, 12, 31), by(2021, 12, 31)}},
		{"2021 – 2022 гг.", Context{From: 2020, To: 2022}, []Deadline{by(2021, 12, 31), by(2022, 12, 31)}},
		{"февраль, сентябрь\n2020 г.", Context{From: 2020, To: 2022}, []Deadline{by(2020, 2, 29), by(2020, 9, 30)}},
		{"Декабрь 2020г. Февраль 2021г.", Context{From: 2020, To: 2021}, []Deadline{by(2020, 12, 31), by(2021, 2, 28)}},
		{"апрель, май - июнь, июль", Context{From: 2009, To: 2009}, []Deadline{by(2009, 4, 30), {2009, day(2009, 5, 1), day(2009, 6, 30)}, by(2009, 7, 31)}},
		{"ежегодно по плану РМО", Context{From: 2020, To: 2020}, []Deadline{by(2020, 12, 31)}},
		{"февраль", Context{From: 2023, To: 2024}, []Deadline{by(2023, 2, 28), by(2024, 2, 29)}},
		{"до 29 февраля", Context{From: 2023, To: 2024}, []Deadline{by(2023, 2, 28), by(2024, 2, 29)}},
		{"ежеквартально", Context{From: 2021, To: 2021}, []Deadline{by(2021, 3, 31), by(2021, 6, 30), by(2021, 9, 30), by(2021, 12, 31)}},
		{"ежеквартально до 10 числа месяца, следующего за отчётным кварталом", Context{From: 2023, To: 2023},
			[]Deadline{by(2023, 4, 10), by(2023, 7, 10), by(2023, 10, 10), {2023, time.Time{}, day(2024, 1, 10)}}},
		{"раз в полугодие", Context{From: 2023, To: 2023}, []Deadline{by(2023, 6, 30), by(2023, 12, 31)}},
		{"до 25 числа каждого месяца", Context{From: 2023, To: 2023}, []Deadline{by(2023, 1, 25), by(2023, 2, 25), by(2023, 3, 25),
			by(2023, 4, 25), by(2023, 5, 25), by(2023, 6, 25), by(2023, 7, 25), by(2023, 8, 25), by(2023, 9, 25), by(2023, 10, 25),
			by(2023, 11, 25), by(2023, 12, 25)}},
		// A bare month in a school-year plan is in the school year.
		{"октябрь", Context{From: 2022, To: 2023, SchoolYear: true}, []Deadline{by(2022, 10, 31)}},
		{"март", Context{From: 2022, To: 2023, SchoolYear: true}, []Deadline{by(2023, 3, 31)}},
		{"Май, ежегодно с 2023", Context{From: 2022, To: 2025}, []Deadline{by(2023, 5, 31), by(2024, 5, 31), by(2025, 5, 31)}},
		{"один раз в два года", Context{From: 2021, To: 2024}, []Deadline{by(2021, 12, 31), by(2023, 12, 31)}},
		{"2022/2023 учебный год", Context{From: 2022, To: 2023}, []Deadline{by(2023, 6, 30)}},
		{"к началу учебного года", Context{From: 2022, To: 2023}, []Deadline{by(2022, 9, 1), by(2023, 9, 1)}},
		{"по итогам I полугодия", Context{From: 2022, To: 2023, SchoolYear: true}, []Deadline{by(2022, 12, 31)}},
		{"по итогам I полугодия", Context{From: 2023, To: 2023}, []Deadline{by(2023, 6, 30)}},
		{"06.02.2023 – 30.05.2023", Context{From: 2023, To: 2023}, []Deadline{{2023, day(2023, 2, 6), day(2023, 5, 30)}}},
		{"с 10 января по 10 февраля 2023 года", Context{From: 2023, To: 2023}, []Deadline{{2023, day(2023, 1, 10), day(2023, 2, 10)}}},
		{"11 – 20 ноября", Context{From: 2023, To: 2023}, []Deadline{{2023, day(2023, 11, 11), day(2023, 11, 20)}}},
		{"сентябрь – май", Context{From: 2022, To: 2023, SchoolYear: true}, []Deadline{{2023, day(2022, 9, 1), day(2023, 5, 31)}}},
		{"в трёхмесячный срок", Context{From: 2022, To: 2023, Order: day(2022, 10, 5)}, []Deadline{by(2023, 1, 5)}},
		{"в течение 10 рабочих дней со дня подписания приказа", Context{From: 2022, To: 2023, Order: day(2022, 10, 7)}, []Deadline{by(2022, 10, 21)}},
		{"в трёхмесячный срок", Context{From: 2022, To: 2023}, nil},
		{"постоянно", Context{From: 2022, To: 2023}, nil},
		// Years outside the period are kept for the checker to flag.
		{"август 2019 г.", Context{From: 2020, To: 2022}, []Deadline{by(2019, 8, 31)}},
		{"ежегодно", Context{From: 2022, To: 2020}, nil},
		{"когда-нибудь", Context{From: 2020, To: 2022}, nil},
	}
	for _, c := range cases {
		got := ParseDue(c.in).Schedule(c.ctx)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseDue(%q).Schedule(%+v)\n got %v\nwant %v", c.in, c.ctx, got, c.want)
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
