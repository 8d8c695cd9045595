package i18n

// Messages of amendment files and roadmap merge (package merge and
// cmd/roadmap/merge.go).
var mergeMessages = map[string]entry{
	// Rule messages.
	"RM201": {"дорожной карты «%s» нет среди проверяемых%s", "no roadmap %q among those checked%s"},
	"RM202": {"в дорожной карте нет мероприятия «%s»%s", "the roadmap has no activity %q%s"},
	"RM203": {"мероприятие «%s» уже есть в дорожной карте", "activity %q already exists in the roadmap"},
	"RM204": {"документ о внесении изменений от %s датирован раньше, чем %s (%s)", "the amending document of %s is dated before %s (%s)"},
	"RM205": {"изменения № %s от %s уже внесены в %s (есть в amendments)", "amendment No. %s of %s is already recorded in %s (amendments)"},
	"RM206": {"неверное изменение: %s", "bad change: %s"},
	"RM207": {"исполнителя «%s» нет ни в одном мероприятии", "no activity has the executor %q"},
	"RM208": {"конфликт слияния: %s; оставьте нужное между маркерами <<<<<<< и >>>>>>>", "merge conflict: %s; keep what is right between the <<<<<<< and >>>>>>> markers"},
	"RM209": {"обе версии по-разному изменили порядок мероприятий; оставлен порядок текущей версии (ours)", "both sides reordered the activities differently; ours's order is kept"},
	"RM210": {"изменения относятся к дорожной карте «%s», а не к «%s» (%s)", "the amendment is for roadmap %q, not %q (%s)"},

	// Parts of messages.
	"merge.bad.two_actions":    {"в одном изменении несколько действий (%s); разделите их на отдельные пункты списка", "several actions in one change (%s); make them separate items of the list"},
	"merge.bad.empty":          {"пустое изменение", "empty change"},
	"merge.bad.nothing_to_set": {"для мероприятия «%s» не указано, какие поля изменить (title, due, indicator, executors, note)", "nothing to set for activity %q (title, due, indicator, executors, note)"},
	"merge.bad.after":          {"ключ after нужен только вместе с add или move", "after goes only with add or move"},
	"merge.bad.move_self":      {"мероприятие «%s» нельзя поставить после самого себя", "activity %q cannot be moved after itself"},
	"merge.base.document":      {"утверждающий документ дорожной карты", "the roadmap's approving document"},
	"merge.base.amendment":     {"последние внесённые изменения № %s", "the last recorded amendment No. %s"},
	"merge.what.field":         {"поле «%s» мероприятия «%s» изменено в версиях по-разному", "field %q of activity %q changed differently on both sides"},
	"merge.what.activity":      {"мероприятие «%s» удалено в одной версии и изменено в другой", "activity %q removed on one side and changed on the other"},
	"merge.what.key":           {"ключ «%s» изменён в версиях по-разному", "key %q changed differently on both sides"},

	// The command.
	"merge.short": {"Внести изменения в дорожную карту или слить две её версии", "Apply amendments to a roadmap or merge two versions of it"},
	"merge.long": {"Вносит в дорожную карту изменения из файлов roadmap-amendment/v1 (приказы о внесении\nизменений, docs/merge.md) по порядку их дат: изменённые мероприятия, новые и удалённые,\nперенумерация n, реквизиты приказа в amendments. Комментарии, порядок ключей и\nоформление нетронутых строк сохраняются. Без -o и --in-place результат печатается.\nРезультат проходит roadmap check, иначе ничего не записывается.\n\nФормы вызова:\n  roadmap merge БАЗА ИЗМЕНЕНИЯ... [-o ФАЙЛ | --in-place]\n  roadmap merge --base ОБЩИЙ НАШ ИХ [-o ФАЙЛ]        (трёхстороннее слияние)\n  roadmap merge --git-driver %O %A %B %P            (драйвер слияния git, см. README)\n\nТрёхстороннее слияние сопоставляет мероприятия по id и сливает по полям; если обе\nверсии изменили одно поле по-разному, в файл записываются маркеры конфликта вокруг\nэтого поля. Коды завершения: 0 — готово, 1 — замечания или конфликты, 2 — ошибка вызова.",
		"Applies roadmap-amendment/v1 files (amending orders, docs/merge.md) to a roadmap in\nthe order of their dates: changed, added and removed activities, n renumbered, the\norder's details recorded in amendments. Comments, key order and the formatting of\nuntouched lines are kept. Without -o or --in-place the result is printed. The result\nmust pass roadmap check, else nothing is written.\n\nForms:\n  roadmap merge BASE AMENDMENT... [-o FILE | --in-place]\n  roadmap merge --base O OURS THEIRS [-o FILE]       (three-way merge)\n  roadmap merge --git-driver %O %A %B %P            (git merge driver, see README)\n\nThe three-way merge matches activities by id and merges field by field; when both\nsides changed a field differently, conflict markers are written around that field.\nExit codes: 0 done, 1 findings or conflicts, 2 usage error."},
	"merge.example": {"  roadmap merge roadmaps/bessonovsky.yaml amendments/2021-03-01.yaml --in-place\n  roadmap merge roadmaps/bessonovsky.yaml изм-1.yaml изм-2.yaml -o новая.yaml\n  roadmap merge --base общая.yaml наша.yaml их.yaml -o слитая.yaml",
		"  roadmap merge roadmaps/bessonovsky.yaml amendments/2021-03-01.yaml --in-place\n  roadmap merge roadmaps/bessonovsky.yaml am-1.yaml am-2.yaml -o new.yaml\n  roadmap merge --base common.yaml ours.yaml theirs.yaml -o merged.yaml"},
	"merge.flag.output":     {"записать результат в файл", "write the result to a file"},
	"merge.flag.in_place":   {"записать результат в файл дорожной карты (БАЗА)", "write the result over the roadmap file (BASE)"},
	"merge.flag.base":       {"общий предок для трёхстороннего слияния: --base ОБЩИЙ НАШ ИХ", "the common ancestor for a three-way merge: --base O OURS THEIRS"},
	"merge.flag.git_driver": {"работать драйвером слияния git: %O %A %B %P", "act as git's merge driver: %O %A %B %P"},
	"merge.err.args":        {"укажите дорожную карту и хотя бы один файл изменений: БАЗА ИЗМЕНЕНИЯ...", "give the roadmap and at least one amendment file: BASE AMENDMENT..."},
	"merge.err.exclusive":   {"-o и --in-place нельзя указывать вместе", "-o and --in-place cannot be used together"},
	"merge.err.three_args":  {"для трёхстороннего слияния укажите: --base ОБЩИЙ НАШ ИХ [-o ФАЙЛ] (без --in-place)", "a three-way merge takes: --base O OURS THEIRS [-o FILE] (no --in-place)"},
	"merge.err.driver_args": {"драйвер слияния git вызывается так: --git-driver %O %A %B %P (без других флагов)", "the git merge driver form is: --git-driver %O %A %B %P (no other flags)"},
	"merge.line_merged":     {"%s: слить по смыслу нельзя (см. сообщения выше), файл слит построчно: обе версии в нём, различия — между маркерами <<<<<<< и >>>>>>>; исправьте и выполните git add", "%s: cannot merge by meaning (see above); merged line by line: both sides are in the file, their differences between <<<<<<< and >>>>>>> markers; fix them and git add"},
	"merge.err.result":      {"результат слияния не проходит проверку; ничего не записано", "the merge result does not pass the check; nothing written"},
	"merge.applied":         {"внесено документов об изменениях: %d → %s", "amendments applied: %d → %s"},
	"merge.conflicts":       {"конфликтов слияния: %d в %s", "merge conflicts: %d in %s"},

	// docs/rules.md.
	"doc.RM201": {"Файл изменений (roadmap-amendment/v1) относится к дорожной карте, id которой нет среди проверяемых файлов.", "An amendment file names a roadmap id that is not among the files checked."},
	"doc.RM202": {"Изменение (set, remove, move или after) называет мероприятие, которого нет в дорожной карте на момент этого изменения (с учётом предыдущих изменений).", "A change (set, remove, move or after) names an activity the roadmap does not have at that point (earlier changes counted)."},
	"doc.RM203": {"Добавляемое мероприятие (add) имеет id, который уже есть в дорожной карте.", "An added activity (add) has an id the roadmap already has."},
	"doc.RM204": {"Документ о внесении изменений датирован раньше утверждающего документа дорожной карты или последних внесённых в неё изменений.", "The amending document is dated before the roadmap's approving document or its last recorded amendment."},
	"doc.RM205": {"Документ о внесении изменений (тот же номер и дата) уже записан в amendments дорожной карты: изменения уже внесены.", "The amending document (same number and date) is already recorded in the roadmap's amendments: it has been applied."},
	"doc.RM206": {"Пункт changes нельзя выполнить: несколько действий в одном пункте, пустой пункт, set без полей, after без add или move.", "A changes item cannot be carried out: several actions in one item, an empty item, set without fields, after without add or move."},
	"doc.RM207": {"rename_executor переименовывает исполнителя, которого нет ни в одном мероприятии.", "rename_executor renames an executor no activity has."},
	"doc.RM208": {"При трёхстороннем слиянии (roadmap merge --base, драйвер слияния git) обе версии по-разному изменили одно поле мероприятия, ключ верхнего уровня, или одна удалила мероприятие, а другая его изменила. В файле — маркеры конфликта вокруг этого поля.", "In a three-way merge (roadmap merge --base, the git merge driver) both sides changed one field of an activity or a top-level key differently, or one removed an activity the other changed. The file has conflict markers around that field."},
	"doc.RM209": {"При трёхстороннем слиянии обе версии переставили мероприятия по-разному; оставлен порядок текущей версии.", "In a three-way merge both sides reordered the activities differently; ours's order is kept."},
	"doc.RM210": {"Файл изменений относится к другой дорожной карте (id), чем та, к которой его применяют.", "The amendment file is for another roadmap (id) than the one it is applied to."},
}
