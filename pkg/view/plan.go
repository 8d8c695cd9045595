package view

import (
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Plan says what an activity's indicator requires in one year, readably,
// for the "План" column of the report form and of status tables:
// "≥ 55 %", "наличие: «Плана работы»", "2021: ≥ 35 %", "рост к 2020".
func Plan(a roadmap.Activity, p roadmap.Period, year int, lang i18n.Lang) string {
	ind := a.Indicator
	switch ind.Kind {
	case phrase.KindDocument:
		if len(ind.Documents) > 1 {
			return i18n.T(lang, "plan.documents", len(ind.Documents))
		}
		return i18n.T(lang, "plan.document")
	case phrase.KindCount, phrase.KindPercent:
		s := Threshold(ind)
		if a.Per(p) == phrase.PerTotal {
			s += " " + i18n.T(lang, "plan.total")
		}
		return s
	case phrase.KindTargets:
		for _, t := range ind.Targets {
			if t.Year == year {
				return "≥ " + withUnit(t.Value, ind.Unit)
			}
		}
		return i18n.T(lang, "plan.no_target", year)
	case phrase.KindGrowth:
		if year <= p.From {
			return i18n.T(lang, "plan.growth_base")
		}
		return i18n.T(lang, "plan.growth", year-1)
	}
	return i18n.T(lang, "plan.text")
}
