package importer

import (
	"errors"
	"strings"
	"testing"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "Первая строка\n\n  \nВторая\r\nТретья\r", "P Первая строка\nP Вторая\nP Третья\n"},
		{"bom and bold", "\xEF\xBB\xBF**ПРИКАЗ**\n", "P **ПРИКАЗ**\n"},
		{"tab separated", "Заголовок\n№\tМероприятие\tСрок\n1.\tПлан\tавгуст\t\t\n\n\tработы\t\t\nПосле\n",
			"P Заголовок\nT 3 rows\nR № | Мероприятие | Срок\nR 1. | План | август\nR  | работы\nP После\n"},
		{"one cell per line", "\t\t№\n\tМероприятие\n\tСроки\nреализации\n\n\t1. \n\tПлан\n\tавгуст,\n2020 г.\n\n\t2. \n\tОтчёт\n\n\tежегодно\n",
			"T 3 rows\nR № | Мероприятие | Сроки⏎реализации\nR 1. | План | август,⏎2020 г.\nR 2. | Отчёт | ежегодно\n"},
		{"empty cells", "\tА\n\t\n\t\n\n\tБ\n\tВ\n\tГ\n", "T 2 rows\nR А |  | \nR Б | В | Г\n"},
		{"single row is a paragraph", "Начальник\t\t\tС. Н. Назарова\n", "P Начальник С. Н. Назарова\n"},
		{"text after a table ends it", "1.\tА\tБ\n2.\tВ\tГ\n\nТекст после\n\tновая\tтаблица\n",
			"T 2 rows\nR 1. | А | Б\nR 2. | В | Г\nP Текст после\nP новая таблица\n"},
		{"numbered segments are not merged", "\tА\n\tБ\n\tВ\n\n\t1.\n\n\t2.\n\tx\n", "T 3 rows\nR А | Б | В\nR 1.\nR 2. | x\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadText([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Dump(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestReadTextLines(t *testing.T) {
	doc, err := ReadText([]byte("a\n\nb\n№\tМероприятие\n1.\tx\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Blocks[1].Para.Loc.Line; got != 3 {
		t.Errorf("paragraph b at line %d, want 3", got)
	}
	tbl := doc.Blocks[2].Table
	if tbl == nil || tbl.Rows[1].Cells[1].Loc.Line != 5 {
		t.Errorf("cell x not at line 5: %+v", tbl)
	}
}

func TestReadTextErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		kind error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\r\n\t \n"), ErrEmpty},
		{"windows-1251", []byte("\xcf\xf0\xe8\xea\xe0\xe7"), ErrEncoding},
		{"utf-16", []byte("\xff\xfe\x1f\x04"), ErrEncoding},
		{"too large", []byte(strings.Repeat("a", int(MaxFileSize)+1)), ErrTooLarge},
	}
	for _, tt := range tests {
		if _, err := ReadText(tt.in); !errors.Is(err, tt.kind) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.kind)
		}
	}
}

func TestClean(t *testing.T) {
	tests := map[string]string{
		"  с\u00a0учетом \t потребностей ":     "с учетом потребностей",
		"[bookmark: _GoBack]Наличие плана":     "Наличие плана",
		"Сроки\nреализации":                    "Сроки реализации",
		"пере\u00adнос\u200b":                  "перенос",
		"a\x00b":                               "a b",
		"[bookmark: x][bookmark: y] текст [x]": "текст [x]",
	}
	for in, want := range tests {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
