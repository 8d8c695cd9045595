package i18n

// Messages of `roadmap doc` and of the Word documents (pkg/docx): the
// frame of an order around the roadmap's own texts.
var docMessages = map[string]entry{
	"docx.short":       {"написать приказ об утверждении дорожной карты с приложением-таблицей (.docx)", "write the order approving the roadmap, with its annex table (.docx)"},
	"docx.long":        {"Пишет документ Word (.docx), который подписывает руководитель: шапку органа, «ПРИКАЗ», дату и номер, место издания, название, преамбулу, пункты после «ПРИКАЗЫВАЮ:» (если дорожная карта их записывает), подпись, а на новой альбомной странице — приложение с грифом «УТВЕРЖДЕНА приказом … от … № …» и таблицей дорожной карты (разделы — строками через всю таблицу, строка заголовков повторяется на каждой странице). Концепция пишется со своим названием, грифом утверждения, описанием, задачами и таблицей ожидаемых результатов. Оформление по ГОСТ Р 7.0.97-2025: A4, поля 20/10/20/20 мм, Times New Roman 14 пт в тексте и 12 пт в таблицах, даты ДД.ММ.ГГГГ. Слова рамки — на языке --lang, тексты дорожной карты — как в файле. roadmap import этого файла даёт ту же дорожную карту.", "Writes the Word document (.docx) the head of the authority signs: the authority's heading, the word ORDER, date and number, place, title, preamble, the clauses after I ORDER (when the roadmap records them), the signatory, and on a new landscape page the annex with its APPROVED by order of ... No. ... block and the roadmap table (sections as rows across the table, the header row repeated on every page). A concept is written with its title, approval, description, goals and table of expected results. Layout per GOST R 7.0.97-2025: A4, margins 20/10/20/20 mm, Times New Roman 14 pt in text and 12 pt in tables, dates DD.MM.YYYY. The frame's words are in the --lang language, the roadmap's texts as the file has them. roadmap import of a Russian document gives the same roadmap back."},
	"docx.example":     {"  roadmap doc roadmaps/bessonovsky.yaml -o приказ.docx\n  roadmap diff --format amendment old.yaml new.yaml -o изменения.docx", "  roadmap doc roadmaps/bessonovsky.yaml -o order.docx\n  roadmap diff --format amendment old.yaml new.yaml -o amendments.docx"},
	"docx.flag.output": {"файл .docx, который записать", "the .docx file to write"},

	"docx.err.args":   {"укажите ровно один файл дорожной карты", "give exactly one roadmap file"},
	"docx.err.output": {"укажите файл .docx: -o приказ.docx", "give a .docx file: -o order.docx"},
	"docx.err.load":   {"%s не прочитан: документ не записан", "%s could not be read: no document written"},
	"docx.written":    {"записан %s", "written: %s"},

	"docx.order":            {"ПРИКАЗ", "ORDER"},
	"docx.order_verb":       {"ПРИКАЗЫВАЮ:", "I ORDER:"},
	"docx.number":           {"№ %s", "No. %s"},
	"docx.annex":            {"Приложение", "Annex"},
	"docx.approved":         {"УТВЕРЖДЕНА", "APPROVED"},
	"docx.approved_by":      {"приказом %s", "by the order of %s"},
	"docx.of":               {"от %s", "of %s"},
	"docx.concept_approved": {"Утверждена приказом %s от %s № %s", "Approved by the order of %s of %s No. %s"},
	"docx.table":            {"Таблица %d.", "Table %d."},
	"docx.results_caption":  {"Ожидаемые результаты по годам реализации", "Expected results by year"},
	"docx.results_col":      {"Результат", "Result"},

	"docx.col.n":         {"№ п/п", "No."},
	"docx.col.title":     {"Мероприятия", "Activities"},
	"docx.col.due":       {"Сроки реализации", "Deadlines"},
	"docx.col.indicator": {"Индикативный показатель", "Indicator"},
	"docx.col.result":    {"Ожидаемый результат", "Expected result"},
	"docx.col.executors": {"Исполнители", "Executors"},
	"docx.col.note":      {"Примечание", "Note"},

	"docx.amend_title":   {"О внесении изменений в приказ %s от %s №\u00a0%s", "On amending the order of %s of %s No.\u00a0%s"},
	"docx.blank_date":    {"__.__.____", "__.__.____"},
	"docx.blank_number":  {"№ ______", "No. ______"},
	"docx.sign_position": {"(должность)", "(position)"},
	"docx.sign_name":     {"_____________ (И. О. Фамилия)", "_____________ (initials, surname)"},
}
