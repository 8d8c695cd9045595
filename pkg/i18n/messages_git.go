package i18n

// Messages of roadmap git install (cmd/roadmap/git.go).
var gitMessages = map[string]entry{
	"git.not_on_path": {"предупреждение: программы roadmap нет в PATH, и git не смог бы её запустить; в настройку git записан полный путь %s. Если переместите программу, запустите roadmap git install снова (или добавьте её каталог в PATH)", "warning: roadmap is not on PATH, so git could not run it; the full path %s is recorded in git's configuration. If you move the program, run roadmap git install again (or add its directory to PATH)"},
	"git.short":       {"Настроить git для дорожных карт", "Set git up for roadmap files"},
	"git.long": {"Команды настройки git для файлов дорожных карт.",
		"Commands that set git up for roadmap files."},
	"git.install.short": {"Подключить смысловое сравнение и слияние дорожных карт к git", "Make git diff and merge roadmaps by meaning"},
	"git.install.long": {"Дописывает в .gitattributes репозитория строки\n\n  roadmaps/*.yaml diff=roadmap\n  roadmaps/*.yaml merge=roadmap\n\n(шаблон путей — --path-pattern) и настраивает git:\n\n  git config diff.roadmap.command \"roadmap diff\"\n  git config merge.roadmap.name \"roadmap: merge by meaning\"\n  git config merge.roadmap.driver \"roadmap merge --git-driver %O %A %B %P\"\n\nПосле этого git diff и git log -p --ext-diff показывают смысловые изменения дорожных\nкарт, а git merge сливает их по мероприятиям. Строки и настройки, которые уже есть,\nне повторяются: команду можно запускать сколько угодно раз. С --global — для всех\nрепозиториев пользователя: строки пишутся в файл core.attributesFile (если он не задан —\n~/.config/git/attributes, и он прописывается в core.attributesFile), настройки —\nв ~/.gitconfig. Программа roadmap должна быть в PATH.\nКоды завершения: 0 — готово, 2 — вне репозитория git (без --global), нет git или ошибка git.",
		"Appends to the repository's .gitattributes the lines\n\n  roadmaps/*.yaml diff=roadmap\n  roadmaps/*.yaml merge=roadmap\n\n(the path pattern is --path-pattern) and configures git:\n\n  git config diff.roadmap.command \"roadmap diff\"\n  git config merge.roadmap.name \"roadmap: merge by meaning\"\n  git config merge.roadmap.driver \"roadmap merge --git-driver %O %A %B %P\"\n\nThen git diff and git log -p --ext-diff show roadmap changes by meaning, and\ngit merge merges roadmaps by activity. Lines and settings already there are not\nrepeated: the command may be run any number of times. With --global, for all the\nuser's repositories: the lines go to the file core.attributesFile names (when unset,\n~/.config/git/attributes, which is then set as core.attributesFile), the settings to\n~/.gitconfig. The roadmap program must be on PATH.\nExit codes: 0 done, 2 outside a git repository (without --global), no git, or a git error."},
	"git.install.example": {"  roadmap git install\n  roadmap git install --path-pattern '*.roadmap.yaml'\n  roadmap git install --global",
		"  roadmap git install\n  roadmap git install --path-pattern '*.roadmap.yaml'\n  roadmap git install --global"},
	"git.flag.global":       {"настроить git для всех репозиториев пользователя (~/.gitconfig)", "configure git for all of the user's repositories (~/.gitconfig)"},
	"git.flag.path_pattern": {"шаблон путей дорожных карт в .gitattributes", "the .gitattributes pattern of roadmap paths"},

	"git.attr.added":     {"%s: добавлена строка «%s»", "%s: added the line %q"},
	"git.attr.present":   {"%s: строка «%s» уже есть", "%s: the line %q is already there"},
	"git.config.set":     {"git %s %s «%s»: настроено", "git %s %s %q: set"},
	"git.config.present": {"git %s %s «%s»: уже настроено", "git %s %s %q: already set"},
	"git.done":           {"Готово: git diff и git merge сравнивают и сливают файлы %s по смыслу.", "Done: git diff and git merge compare and merge %s files by meaning."},

	"git.err.not_repo": {"текущий каталог не в репозитории git: перейдите в репозиторий или укажите --global", "the current directory is not in a git repository: change to one or use --global"},
	"git.err.no_git":   {"не найдена программа git", "the git program was not found"},
	"git.err.pattern":  {"неверный шаблон путей «%s»: нужен шаблон .gitattributes без пробелов, например roadmaps/*.yaml", "invalid path pattern %q: give a .gitattributes pattern without spaces, such as roadmaps/*.yaml"},
	"git.err.git":      {"git %s: %s", "git %s: %s"},
}
