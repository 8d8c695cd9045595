package i18n

// Messages of `roadmap import`.
func init() {
	register(map[string]entry{
		"import.short":   {"импортировать приказ или концепцию (.docx, .txt) в дорожную карту YAML", "import an order or a concept (.docx, .txt) into a roadmap YAML file"},
		"import.long":    {"Читает документ Word (.docx) или текст, скопированный из него (.txt), находит шапку приказа или концепции и таблицу дорожной карты и пишет черновик дорожной карты в формате roadmap/v1: без -o в стандартный вывод. Что пропущено или угадано, сообщается предупреждениями в стандартный поток ошибок с местом в документе.", "Reads a Word document (.docx) or text copied from one (.txt), finds the order's or the concept's header and the roadmap table, and writes a roadmap/v1 draft: to standard output without -o. What was skipped or guessed is reported as warnings on standard error, with the place in the document."},
		"import.example": {"  roadmap import prikaz-94.docx -o roadmaps/bessonovsky.yaml\n  roadmap import kontseptsiya.txt --id nikolsky-proforientatsiya --district \"Никольский район\"", "  roadmap import prikaz-94.docx -o roadmaps/bessonovsky.yaml\n  roadmap import concept.txt --id nikolsky-proforientatsiya --district \"Никольский район\""},

		"flag.import_output":   {"файл, в который записать дорожную карту (по умолчанию стандартный вывод)", "file to write the roadmap to (default standard output)"},
		"flag.import_id":       {"идентификатор дорожной карты (по умолчанию из района и направления)", "roadmap id (default: made from the district and the direction)"},
		"flag.import_district": {"район, если в документе он назван иначе или не назван", "district, when the document names it otherwise or not at all"},
		"flag.import_force":    {"перезаписать существующий файл -o", "overwrite an existing -o file"},

		"import.err.args":      {"укажите ровно один файл документа (.docx или .txt)", "give exactly one document file (.docx or .txt)"},
		"import.err.exists":    {"файл %s уже существует: укажите другой -o или добавьте --force", "%s already exists: choose another -o or add --force"},
		"import.err.empty":     {"%s: документ пуст", "%s: the document is empty"},
		"import.err.too_large": {"%s: файл слишком велик (%s)", "%s: the file is too large (%s)"},
		"import.err.damaged":   {"%s: файл повреждён или это не документ Word .docx (%s)", "%s: the file is damaged or not a Word .docx document (%s)"},
		"import.err.no_table":  {"%s: не найдена таблица дорожной карты (нужна строка заголовков со столбцами «Мероприятия», «Сроки реализации», «Индикативный показатель», «Исполнители»)", "%s: no roadmap table found (it needs a header row with the columns «Мероприятия», «Сроки реализации», «Индикативный показатель», «Исполнители»)"},
		"import.err.format":    {"%s: этот тип файла не поддерживается (%s): сохраните документ в Word как .docx или скопируйте текст в .txt", "%s: this file type is not supported (%s): save the document in Word as .docx or copy its text into a .txt"},
		"import.err.encoding":  {"%s: текст не в кодировке UTF-8 (похоже на %s): сохраните его как UTF-8", "%s: the text is not UTF-8 (looks like %s): save it as UTF-8"},
		"import.err.legacy":    {"%s: это документ Word 97-2003 (.doc) или документ, защищённый паролем: сохраните его в Word как .docx без пароля", "%s: this is a Word 97-2003 (.doc) or a password-protected document: save it in Word as .docx without a password"},
		"import.err.nothing":   {"ничего не записано", "nothing was written"},

		"import.summary":       {"импортировано мероприятий: %d; предупреждений: %d", "activities imported: %d; warnings: %d"},
		"import.summary_check": {"проверка черновика (как roadmap check): ошибок %d, предупреждений %d — исправьте их в файле", "check of the draft (as roadmap check): %d errors, %d warnings — fix them in the file"},
		"import.warning":       {"предупреждение: %s", "warning: %s"},

		"import.loc.line":  {"строка %d", "line %d"},
		"import.loc.para":  {"абзац %d", "paragraph %d"},
		"import.loc.table": {"таблица %d", "table %d"},
		"import.loc.row":   {"таблица %d, строка %d", "table %d, row %d"},
		"import.loc.cell":  {"таблица %d, строка %d, ячейка %d", "table %d, row %d, cell %d"},

		"import.warn.skipped":          {"текст не вошёл в дорожную карту: «%s»", "text left out of the roadmap: %q"},
		"import.warn.no_title":         {"над таблицей нет заголовка «Дорожная карта ...»: title не заполнен", "no «Дорожная карта ...» heading above the table: title left empty"},
		"import.warn.no_date":          {"не найдена дата приказа", "the order's date was not found"},
		"import.warn.no_number":        {"не найден номер приказа", "the order's number was not found"},
		"import.warn.no_order_title":   {"не найдено название приказа («Об ...»)", "the order's title («Об ...») was not found"},
		"import.warn.no_prikazyvayu":   {"не найдено слово «ПРИКАЗЫВАЮ»: преамбула и пункты приказа не разобраны", "the word «ПРИКАЗЫВАЮ» was not found: the preamble and clauses were not read"},
		"import.warn.case":             {"должность и имя из пункта «%s» поставлены в именительный падеж по догадке: «%s», «%s» — проверьте", "position and name in clause %q put in the nominative by guess: %q, %q — check them"},
		"import.warn.approval":         {"не разобраны номер или дата утверждающего приказа: «%s»", "the approving order's number or date could not be read: %q"},
		"import.warn.other":            {"документ не похож ни на приказ, ни на концепцию: kind: other, название «%s»", "the document is neither an order nor a concept: kind: other, title %q"},
		"import.warn.column_numbers":   {"строка с номерами столбцов пропущена", "row of column numbers skipped"},
		"import.warn.row_skipped":      {"строка таблицы без номера перед первым мероприятием пропущена: «%s»", "table row without a number before the first activity skipped: %q"},
		"import.warn.continued":        {"строка без номера присоединена к мероприятию № %d (перенос строки таблицы на новую страницу)", "row without a number joined to activity %d (a table row split by a page break)"},
		"import.warn.section_row":      {"строка-заголовок раздела пропущена: «%s»", "section heading row skipped: %q"},
		"import.warn.bad_number":       {"номер «%s» не разобран: мероприятию присвоен № %d", "number %q not read: the activity is given n %d"},
		"import.warn.empty":            {"мероприятие № %d: пустое поле %s", "activity %d: empty field %s"},
		"import.warn.due":              {"мероприятие № %d: срок «%s» не разобран: запишите его структурой {text, years, months}", "activity %d: deadline %q not read: give it as a structure {text, years, months}"},
		"import.warn.indicator":        {"мероприятие № %d: в показателе «%s» нет измеримой величины — записан как kind: text, выполнение оценивает человек", "activity %d: indicator %q has no measure — written as kind: text, a person judges fulfilment"},
		"import.warn.executors":        {"мероприятие № %d: исполнители разделены по догадке: %s", "activity %d: executors split by guess: %s"},
		"import.warn.no_rows":          {"в таблице дорожной карты нет ни одного мероприятия", "the roadmap table has no activities"},
		"import.warn.period_guessed":   {"период не указан в заголовке: принят %d–%d по годам в сроках", "the title gives no period: %d–%d taken from the years of the deadlines"},
		"import.warn.no_period":        {"период дорожной карты не найден: заполните period", "the roadmap's period was not found: fill in period"},
		"import.warn.results_skipped":  {"таблица ожидаемых результатов пропущена: не удалось сопоставить столбцы годам", "table of expected results skipped: its columns could not be matched to years"},
		"import.warn.results_years":    {"в таблице ожидаемых результатов нет строки с годами: столбцы приняты за годы %d–%d по порядку", "the table of expected results has no row of years: its columns are taken as the years %d–%d in order"},
		"import.warn.recased":          {"название органа написано прописными буквами: записано как «%s» — проверьте", "the authority's name is in capitals: written as %q — check it"},
		"import.warn.no_authority":     {"не найден орган, издавший документ (authority)", "the issuing authority was not found"},
		"import.warn.no_district":      {"район не найден в названии органа: укажите --district", "no district in the authority's name: give --district"},
		"import.warn.district_guessed": {"район не назван в названии органа: по тексту документа принят «%s» — проверьте или укажите --district", "the authority names no district: %q taken from the document's text — check it or give --district"},
		"import.warn.no_direction":     {"направление не найдено (нет текста в «» в заголовке): заполните direction", "the direction was not found (no text in «» in the title): fill in direction"},

		"import.yaml.head":         {"Импортировано командой roadmap import из %s.\nКомментарии после сроков и показателей показывают, как их поняла программа;\nпроверьте предупреждения импорта и запустите roadmap check.", "Imported by roadmap import from %s.\nThe comments after deadlines and indicators show how the program read them;\nreview the import warnings and run roadmap check."},
		"import.yaml.unparsed_due": {"не разобрано: запишите структурой {text, years, months}", "not read: give it as a structure {text, years, months}"},
	})
}
