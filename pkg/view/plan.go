package view

import (
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Plan says what a plan requires, readably, for the "План" column of the
// report form and of status tables: "≥ 55 %", "наличие документа",
// "≥ 35 %", "больше, чем в 2020".
func Plan(p roadmap.Plan, lang i18n.Lang) string {
	m := p.Msg()
	return i18n.T(lang, m.Key, m.Args...)
}

// StatusLabel is a status key in words: "выполнено", "не выполнено".
func StatusLabel(key string, lang i18n.Lang) string {
	return i18n.T(lang, "status."+key)
}
