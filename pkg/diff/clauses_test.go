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
