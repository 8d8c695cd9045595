package i18n

// Messages of roadmap schema (package schema and cmd/roadmap/schema.go).
// The schema's own descriptions, in both languages, live in package
// schema: they are data for an editor, not messages of the program.
var schemaMessages = map[string]entry{
	"schema.short": {"Напечатать JSON Schema файлов дорожных карт (для редактора)", "Print the JSON Schema of roadmap files (for an editor)"},
	"schema.long": {"Печатает JSON Schema (draft 2020-12) формата roadmap/v1 и файлов изменений\nroadmap-amendment/v1 с описаниями по-русски. Редактор с поддержкой YAML (VS Code с\nрасширением YAML, yaml-language-server) по ней подсказывает ключи и допустимые значения\nи подчёркивает ошибки при наборе. Копия схемы лежит рядом с дорожными картами\n(roadmaps/roadmap.schema.json); первая строка каждой дорожной карты указывает на неё:\n\n  # yaml-language-server: $schema=roadmap.schema.json\n\nСхема проверяет только строение файла; полную проверку делает roadmap check.",
		"Prints the JSON Schema (draft 2020-12) of the roadmap/v1 format and of\nroadmap-amendment/v1 files, with English descriptions. An editor with YAML support\n(VS Code with the YAML extension, yaml-language-server) uses it to complete keys and\nallowed values and to underline mistakes while typing. A copy, described in Russian,\nlies beside the roadmaps (roadmaps/roadmap.schema.json); the first line of each\nroadmap points to it:\n\n  # yaml-language-server: $schema=roadmap.schema.json\n\nThe schema checks the shape of a file only; roadmap check does the full check."},
	"schema.example": {"  roadmap schema\n  roadmap schema -o roadmaps/roadmap.schema.json",
		"  roadmap schema\n  roadmap schema -o roadmaps/roadmap.schema.json"},
	"schema.flag.output": {"записать схему в файл (по умолчанию — на стандартный вывод)", "write the schema to a file (standard output by default)"},
}
