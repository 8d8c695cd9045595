package i18n

// Messages of shell completion, generated docs and small command options.
func init() {
	register(map[string]entry{
		"completion.short": {"Скрипт автодополнения для оболочки (bash, zsh, fish, powershell)", "Shell completion script (bash, zsh, fish, powershell)"},
		"completion.long": {"Печатает скрипт автодополнения команд, параметров, идентификаторов дорожных карт\\n(--district) и мероприятий (--activity) для указанной оболочки.",
			"Prints a completion script for commands, flags, roadmap ids (--district) and\\nactivity ids (--activity) for the given shell."},
		"completion.example": {"  source <(roadmap completion bash)\\n  roadmap completion zsh > \"${fpath[1]}/_roadmap\"\\n  roadmap completion fish > ~/.config/fish/completions/roadmap.fish\\n  roadmap completion powershell | Out-String | Invoke-Expression",
			"  source <(roadmap completion bash)\\n  roadmap completion zsh > \"${fpath[1]}/_roadmap\"\\n  roadmap completion fish > ~/.config/fish/completions/roadmap.fish\\n  roadmap completion powershell | Out-String | Invoke-Expression"},
		"flag.activity":   {"показать только это мероприятие (ID)", "show only this activity (id)"},
		"err.no_activity": {"нет мероприятия «%s» в дорожной карте %s", "no activity %q in roadmap %s"},
		"fmt.short":       {"Привести файлы дорожных карт к единому виду", "Put roadmap files in canonical layout"},
		"fmt.long": {"Упорядочивает ключи как в описании формата, делает отступы по 2 пробела, снимает\nлишние кавычки (номера приказов всегда в кавычках), переводы строк LF, без BOM.\nКомментарии сохраняются. Без параметров печатает результат; --in-place (-w)\nзаписывает файлы; --check только перечисляет неупорядоченные файлы (код 1) — для CI.",
			"Orders keys as the format describes, indents by 2 spaces, drops needless quotes\n(order numbers always quoted), LF line ends, no BOM. Comments are kept. Prints the\nresult; --in-place (-w) rewrites the files; --check lists unformatted files (exit 1), for CI."},
		"fmt.example":                        {"  roadmap fmt roadmaps/bessonovsky.yaml\n  roadmap fmt --in-place roadmaps/\n  roadmap fmt --check", "  roadmap fmt roadmaps/bessonovsky.yaml\n  roadmap fmt --in-place roadmaps/\n  roadmap fmt --check"},
		"flag.fmt_check":                     {"только проверить: перечислить файлы не в едином виде, код 1", "only check: list files not in canonical layout, exit 1"},
		"flag.fmt_in_place":                  {"записать результат в сами файлы", "rewrite the files"},
		"err.fmt_flags":                      {"--check и --in-place несовместимы", "--check and --in-place exclude each other"},
		"err.fmt_many":                       {"несколько файлов: укажите --in-place или --check", "several files: give --in-place or --check"},
		"err.fmt_broken":                     {"файл не читается как YAML: выполните roadmap check", "not readable as YAML: run roadmap check"},
		"fmt.written":                        {"Упорядочен %s.", "Formatted %s."},
		"fmt.unformatted":                    {"Файлов не в едином виде: %d (roadmap fmt --in-place исправит).", "%d file(s) not in canonical layout (roadmap fmt --in-place fixes them)."},
		"err.cobra.unknown_command":          {"неизвестная команда «%s» (см. «%s --help»)", "unknown command %q (see \"%s --help\")"},
		"err.cobra.unknown_flag":             {"неизвестный параметр %s", "unknown flag %s"},
		"err.cobra.unknown_shorthand":        {"неизвестный параметр -%s в %s", "unknown shorthand flag -%s in %s"},
		"err.cobra.needs_argument":           {"параметру %s нужно значение", "flag %s needs a value"},
		"err.cobra.invalid_argument":         {"неверное значение «%s» параметра %s", "invalid value %q for flag %s"},
		"err.cobra.invalid_command_argument": {"недопустимый аргумент «%s» команды %s", "invalid argument %q for %s"},
		"err.cobra.args":                     {"команда принимает аргументов: %s, а передано: %s", "the command takes %s argument(s), got %s"},
		"git.example":                        {"  roadmap git install\n  roadmap git install --global", "  roadmap git install\n  roadmap git install --global"},
		"report.example":                     {"  roadmap report template -o форма-2021.xlsx\n  roadmap check --report отчёты/2021/ --as-of 2021-12-31", "  roadmap report template -o form-2021.xlsx\n  roadmap check --report reports/2021/ --as-of 2021-12-31"},
		"gendocs.short":                      {"Сгенерировать справочник команд (man и Markdown)", "Generate the command reference (man and Markdown)"},
		"err.too_large":                      {"%s: файл слишком велик (больше %d МиБ)", "%s: the file is too large (over %d MiB)"},
	})
}
