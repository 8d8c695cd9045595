package importer

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
)

func warningsText(ws []Warning) string {
	var out []string
	for _, w := range ws {
		out = append(out, w.String(i18n.EN))
	}
	return strings.Join(out, "\n")
}

// TestPageBreakJoin: rows without a number continue the previous
// activity, cell by cell, whatever the column order.
func TestPageBreakJoin(t *testing.T) {
	text := "Дорожная карта по направлению «Тест» на 2021-2022 годы\n" +
		"Исполнители\tМероприятия\t№ п/п\tИндикативный показатель\tСроки реализации\n" +
		"1\t2\t3\t4\t5\n" +
		"МКУ МЦПРО\tПроведение «Образование для\t1.\tНе менее 15\tежегодно\n" +
		"\n" +
		"\tжизни»\t\tучастников в год\t\n" +
		"Школы\tАнализ\t2.\tНаличие справки\t2022 г.\n"
	doc, err := ReadText([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, ws, err := Recognise(doc, Options{District: "Тестовый район"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Activities) != 2 {
		t.Fatalf("%d activities: %+v", len(r.Activities), r.Activities)
	}
	a := r.Activities[0]
	if a.Title != "Проведение «Образование для жизни»" || a.Indicator.Text != "Не менее 15 участников в год" ||
		a.Indicator.Kind != phrase.KindCount || !slices.Equal(a.Executors, []string{"МКУ МЦПРО"}) || a.N != "1" {
		t.Errorf("activity 1: %+v", a)
	}
	if b := r.Activities[1]; b.N != "2" || b.Title != "Анализ" || !b.Due.Parsed {
		t.Errorf("activity 2: %+v", b)
	}
	if r.Period.From != 2021 || r.Period.To != 2022 || r.Direction != "Тест" {
		t.Errorf("period %v, direction %q", r.Period, r.Direction)
	}
	w := warningsText(ws)
	// The row of column numbers is skipped silently: nothing in it is a guess.
	if strings.Contains(w, "line 3:") {
		t.Errorf("a warning on the row of column numbers:\n%s", w)
	}
	for _, want := range []string{"line 6: row without a number joined to activity 1"} {
		if !strings.Contains(w, want) {
			t.Errorf("no warning %q in\n%s", want, w)
		}
	}
}

func TestRecogniseRows(t *testing.T) {
	text := "Дорожная карта на 2021 год\n" +
		"№\tМероприятие\tСрок\tПоказатель\tИсполнитель\n" +
		"\tРаздел 1. Организация\t\t\t\n" +
		"Раздел 2\t\t\t\t\n" +
		"1\tПлан\tпо мере необходимости\tПлощадки\tМКУ\n" +
		"1.1\tПодпункт\tмай\tНаличие плана\tМКУ\n"
	doc, _ := ReadText([]byte(text))
	r, ws, err := Recognise(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := warningsText(ws)
	for _, want := range []string{
		`line 3: table row without a number before the first activity skipped`,
		`line 4: section heading row skipped: "Раздел 2"`,
		`activity 1: indicator "Площадки" has no measure`,
		"no district in the authority's name",
	} {
		if !strings.Contains(w, want) {
			t.Errorf("no warning %q in\n%s", want, w)
		}
	}
	if len(r.Activities) != 2 || r.Activities[0].Indicator.Kind != phrase.KindText || !r.Activities[0].Indicator.Parsed ||
		r.Activities[1].N != "1.1" {
		t.Errorf("activities: %+v", r.Activities)
	}
	if r.Period.From != 2021 || r.Period.To != 2021 {
		t.Errorf("period %v", r.Period)
	}
}

// TestSectionDue: a heading row may carry a deadline when its number is
// Roman or its title a stage; an Arabic-numbered row with a deadline and
// no executors stays an activity (an executor cell left empty), and so
// does a Roman-numbered row with executors.
func TestSectionDue(t *testing.T) {
	text := "Дорожная карта на 2013 год\n" +
		"№\tМероприятия\tСроки\tОтветственные\n" +
		"I.\tЭтап подготовки\tноябрь 2012 – май 2013\n" +
		"1.\tПлан\tмай 2013\n" +
		"2.\tЭтап проведения\tиюнь 2013\n" +
		"1.\tЭкзамены\tиюнь 2013\tМинистерство\n" +
		"II.\tЭтап анализа\tиюль 2013\tМинистерство\n"
	doc, _ := ReadText([]byte(text))
	r, ws, err := Recognise(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var secs, acts []string
	for _, s := range r.Sections {
		secs = append(secs, s.N+" "+s.Title)
	}
	for _, a := range r.Activities {
		acts = append(acts, a.N.String()+" "+a.Title)
	}
	if want := []string{"I Этап подготовки", "2 Этап проведения"}; !slices.Equal(secs, want) {
		t.Errorf("sections %q, want %q", secs, want)
	}
	if want := []string{"1 План", "1 Экзамены", "2 Этап анализа"}; !slices.Equal(acts, want) {
		t.Errorf("activities %q, want %q", acts, want)
	}
	w := warningsText(ws)
	for _, want := range []string{
		`line 3: the row of section I «Этап подготовки» with a deadline is taken as a section`,
		`line 5: the row of section 2 «Этап проведения» with a deadline`,
		`line 4: activity 1: empty field executors`,
		`line 7: number "II." not read`,
	} {
		if !strings.Contains(w, want) {
			t.Errorf("no warning %q in\n%s", want, w)
		}
	}
}

func TestRecogniseNoTable(t *testing.T) {
	for _, text := range []string{
		"Просто текст\nбез таблицы\n",
		"а\tб\tв\nг\tд\tе\n", // a table, but not a roadmap
	} {
		doc, err := ReadText([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := Recognise(doc, Options{}); !errors.Is(err, ErrNoTable) {
			t.Errorf("%q: %v, want ErrNoTable", text, err)
		}
	}
}

func TestSplitExecutors(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		guessed bool
	}{
		{"МКУ МЦПРО Бессоновского района", []string{"МКУ МЦПРО Бессоновского района"}, false},
		{"Общественные организации Бессоновского района", []string{"Общественные организации Бессоновского района"}, false},
		{"МКУ МЦПРО Бессоновского района Общеобразовательные организации, психолог базового кабинета ППМС центра",
			[]string{"МКУ МЦПРО Бессоновского района", "Общеобразовательные организации", "психолог базового кабинета ППМС центра"}, true},
		{"Управление образования МКУ МЦПРО Бессоновского района", []string{"Управление образования", "МКУ МЦПРО Бессоновского района"}, true},
		{"Управление образования администрации Никольского района", []string{"Управление образования администрации Никольского района"}, false},
		{"МБОУ СОШ № 1; МБОУ СОШ № 2", []string{"МБОУ СОШ № 1", "МБОУ СОШ № 2"}, false},
		{"Отдел образования и Центр детского творчества", []string{"Отдел образования и Центр детского творчества"}, false},
		{"Министерство образования и науки Республики Северная Осетия-Алания (далее - Министерство)",
			[]string{"Министерство образования и науки Республики Северная Осетия-Алания (далее - Министерство)"}, false},
		{"Министерство образования Республики Мордовия", []string{"Министерство образования Республики Мордовия"}, false},
		{"Министерство образования Республики Мордовия Управление образования",
			[]string{"Министерство образования Республики Мордовия", "Управление образования"}, true},
		{"Управление (далее - Управление, Отдел), МКУ", []string{"Управление (далее - Управление, Отдел)", "МКУ"}, false},
		{"Н.Е. Байрачный К.А. Федоренко", []string{"Н.Е. Байрачный", "К.А. Федоренко"}, true},
		{"Директор ОО Куратор Калачева Е. А.", []string{"Директор ОО", "Куратор Калачева Е. А."}, true},
		{"ГОУ ДПО НИРО", []string{"ГОУ ДПО НИРО"}, false},
		{"Т.И.Герасименко Т.В.Лавринова", []string{"Т.И.Герасименко", "Т.В.Лавринова"}, true},
		{"Т.В.Лавринова Руководители МТГ", []string{"Т.В.Лавринова", "Руководители МТГ"}, true},
		{"Т.В.Лавринова И.И. Петров", []string{"Т.В.Лавринова", "И.И. Петров"}, true},
		{"Столярова И.В. Т.В.Лавринова", []string{"Столярова И.В.", "Т.В.Лавринова"}, true},
		{"Т.В.Лавринова", []string{"Т.В.Лавринова"}, false},
		{"Классные руководители Столярова И.В.", []string{"Классные руководители", "Столярова И.В."}, true},
		{"Учителя начальной школы Т.В.Лавринова", []string{"Учителя начальной школы", "Т.В.Лавринова"}, true},
		// A single position names the person who holds it.
		{"Заместитель директора Т.В.Лавринова", []string{"Заместитель директора Т.В.Лавринова"}, false},
		{"Учитель ОБЖ Зам. директора по ВР", []string{"Учитель ОБЖ", "Зам. директора по ВР"}, true},
		{"", nil, false},
	}
	for _, tt := range tests {
		got, guessed := SplitExecutors(tt.in)
		if !slices.Equal(got, tt.want) || guessed != tt.guessed {
			t.Errorf("SplitExecutors(%q) = %q, %v; want %q, %v", tt.in, got, guessed, tt.want, tt.guessed)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Составление Плана работы по профессиональной ориентации": "sostavlenie-plana-raboty",
		"Участие в региональном этапе":                            "uchastie-regionalnom-etape",
		"Бессоновский":              "bessonovsky",
		"Никольский":                "nikolsky",
		"профориентация":            "proforientatsiya",
		"Щука, ёж и Объём":          "shchuka-ezh-obem",
		"2021 год":                  "n2021-god",
		"«ПроеКтория»":              "proektoriya",
		"!!!":                       "",
		strings.Repeat("Очень", 20): "ochenochenochenochenochenochenochenochen",
	}
	for in, want := range tests {
		got := Slug(in)
		if got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
		if got != "" && !slugPattern.MatchString(got) {
			t.Errorf("Slug(%q) = %q is not a valid id", in, got)
		}
	}
}

func TestUniqueIDs(t *testing.T) {
	got := uniqueIDs([]string{"Участие обучающихся в онлайн-уроках", "Участие обучающихся", "Участие обучающихся", "", "…"})
	want := []string{"uchastie-obuchayushchikhsya-onlayn", "uchastie-obuchayushchikhsya", "uchastie-obuchayushchikhsya-2", "activity-4", "activity-5"}
	if !slices.Equal(got, want) {
		t.Errorf("uniqueIDs = %q, want %q", got, want)
	}
}

func TestNominative(t *testing.T) {
	tests := []struct {
		f        func(string) string
		in, want string
	}{
		{nominativeOrg, "Управления образования Бессоновского района", "Управление образования Бессоновского района"},
		{nominativeOrg, "администрации Никольского района", "Администрация Никольского района"},
		{nominativeOrg, "Отдела образования", "Отдел образования"},
		{nominativeOrg, "Министерства образования", "Министерство образования"},
		{nominativePosition, "директора МКУ МЦПРО Бессоновского района", "директор МКУ МЦПРО Бессоновского района"},
		{nominativePosition, "главного специалиста Управления образования", "главный специалист Управления образования"},
		{nominativePosition, "заместителя начальника", "заместитель начальника"},
		{nominativeName, "Л.И. Машарову", "Л.И. Машарова"},
		{nominativeName, "Е.Г. Назарову", "Е.Г. Назарова"},
		{nominativeName, "И.И. Петровского", "И.И. Петровский"},
		{district, "Управление образования Бессоновского района Пензенской области", "Бессоновский район"},
		{region, "Управление образования Бессоновского района Пензенской области", "Пензенская область"},
		{region, "Отдел образования Каневского района Краснодарского края", "Краснодарский край"},
		{region, "проведения ГИА в Краснодарском крае в 2016 году", "Краснодарский край"},
		{region, "в Краснодарском краевом институте", ""},
		{regionName, "Шемуршинского района Чувашской Республики с 21 января", "Чувашская Республика"},
		{regionName, "Министерство образования Кабардино-Балкарской Республики", "Кабардино-Балкарская Республика"},
		{regionName, "Министерство образования Республики Мордовия", "Республика Мордовия"},
		{regionName, capitalise("В 2012-2013 УЧЕБНОМ ГОДУ В КРАСНОДАРСКОМ КРАЕ"), "Краснодарский край"},
		{regionName, capitalise("МИНИСТЕРСТВО ОБРАЗОВАНИЯ ЧУВАШСКОЙ РЕСПУБЛИКИ"), "Чувашская Республика"},
		{regionName, capitalise("ОТДЕЛ ОБРАЗОВАНИЯ ПЕНЗЕНСКОЙ ОБЛАСТИ"), "Пензенская область"},
		{recase, "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ БЕССОНОВСКОГО РАЙОНА ПЕНЗЕНСКОЙ ОБЛАСТИ", "Управление образования Бессоновского района Пензенской области"},
		{sentenceCase, "КОНЦЕПЦИЯ муниципальной системы", "Концепция муниципальной системы"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDocxNumberedRows: Word's automatic numbering leaves the number
// cells empty; such rows are activities, not continuations.
func TestDocxNumberedRows(t *testing.T) {
	num := `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>`
	row := func(n, title string) string {
		return `<w:tr>` + tc(n, "") + tc(p(title), "") + tc(p("ежегодно"), "") + tc(p("Наличие плана"), "") + tc(p("МКУ"), "") + `</w:tr>`
	}
	body := p("Дорожная карта на 2021-2022 годы") + `<w:tbl>` + row(p("№ п/п"), "Мероприятия") +
		`<w:tr>` + tc(p("№"), "") + tc(p("Мероприятия"), "") + tc(p("Сроки"), "") + tc(p("Показатель"), "") + tc(p("Исполнители"), "") + `</w:tr>` +
		row(num, "Первое") + row(num, "Второе") + `</w:tbl>`
	doc, err := ReadDocx(makeDocx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := Recognise(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Activities) != 2 || r.Activities[0].N != "1" || r.Activities[1].N != "2" || r.Activities[1].Title != "Второе" {
		t.Errorf("activities: %+v", r.Activities)
	}
}

func TestTitleInTable(t *testing.T) {
	body := `<w:tbl><w:tr>` + tc(p("Дорожная карта по направлению «Чтение» на 2021-2022 годы"), `<w:gridSpan w:val="5"/>`) + `</w:tr>` +
		`<w:tr>` + tc(p("№"), "") + tc(p("Мероприятия"), "") + tc(p("Сроки"), "") + tc(p("Показатель"), "") + tc(p("Исполнители"), "") + `</w:tr>` +
		`<w:tr>` + tc(p("1"), "") + tc(p("Конкурс"), "") + tc(p("май 2021 г."), "") + tc(p("Не менее 10 участников"), "") + tc(p("МКУ ИМЦ Тестовского района"), "") + `</w:tr></w:tbl>`
	doc, err := ReadDocx(makeDocx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	r, ws, err := Recognise(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Дорожная карта по направлению «Чтение» на 2021-2022 годы" || r.Direction != "Чтение" || r.Period.To != 2022 ||
		r.District != "Тестовский район" || len(r.Activities) != 1 {
		t.Errorf("title %q, direction %q, period %v, district %q, %d activities", r.Title, r.Direction, r.Period, r.District, len(r.Activities))
	}
	if w := warningsText(ws); !strings.Contains(w, "neither an order nor a concept") {
		t.Errorf("warnings:\n%s", w)
	}
}
