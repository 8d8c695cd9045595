package diff

import "testing"

func TestWordChange(t *testing.T) {
	tests := []struct{ old, new, wantOld, wantNew, anchor string }{
		{"Не менее 55% обучающихся школ района", "Не менее 60% обучающихся школ района", "Не менее 55%", "Не менее 60%", ""},
		{"ежегодно", "ежегодно август", "", "август", "ежегодно"},
		{"Проведение РМО для заместителей по ВР", "Проведение РМО для заместителей", "по ВР", "", ""},
	}
	for _, tt := range tests {
		s, ok := wordChange(tt.old, tt.new)
		if !ok || s.old != tt.wantOld || s.new != tt.wantNew || s.anchor != tt.anchor {
			t.Errorf("wordChange(%q, %q) = %+v, %v", tt.old, tt.new, s, ok)
		}
	}
	if _, ok := wordChange("Наличие плана", "Отчёт о работе"); ok {
		t.Error("a rewritten cell should not be a word change")
	}
}

func TestDigitChange(t *testing.T) {
	tests := []struct {
		old, new, o, n string
		ok             bool
	}{
		{"Не менее 55% обучающихся", "Не менее 60% обучающихся", "55", "60", true},
		{"август 2021 г.", "август 2022 г.", "2021", "2022", true},
		{"0,5 ставки", "0,75 ставки", "0,5", "0,75", true},
		// The number occurs twice: words say which.
		{"55 участников из 55 школ", "60 участников из 55 школ", "", "", false},
		// More than the number changed.
		{"Не менее 55%", "Не более 60%", "", "", false},
		{"Не менее 55%", "Не менее 55 человек", "", "", false},
	}
	for _, tt := range tests {
		o, n, ok := digitChange(tt.old, tt.new)
		if ok != tt.ok || ok && (o != tt.o || n != tt.n) {
			t.Errorf("digitChange(%q, %q) = %q, %q, %v", tt.old, tt.new, o, n, ok)
		}
	}
}
