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
		"gendocs.short":   {"Сгенерировать справочник команд (man и Markdown)", "Generate the command reference (man and Markdown)"},
	})
}
