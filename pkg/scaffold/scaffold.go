// Package scaffold owns the starting roadmap that `roadmap new` writes: a
// valid roadmap/v1 file for a district, a region or a school, with the
// editor's schema modeline, a few activities to copy and, in comments, an
// example of every kind of deadline and indicator docs/format.md lists.
// The file is in Russian, as the roadmaps it starts are.
package scaffold

import (
	"bytes"
	"fmt"
	"github.com/roadmap-edu/roadmap/pkg/schema"
	"strings"
	"text/template"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Options name whose roadmap it is and when it runs.
type Options struct {
	// Level is roadmap.LevelDistrict, LevelRegion or LevelSchool.
	Level string
	// ID is the roadmap's id, a Latin slug.
	ID string
	// District, Region and Organisation name the owner: the level's own
	// one is required (District for a district roadmap, …), the others
	// are written when given.
	District, Region, Organisation string
	// Authority issues the approving order.
	Authority string
	// Period is the years the roadmap runs.
	Period roadmap.Period
}

// Schema is the modeline's schema: the copy beside the roadmaps that
// `roadmap schema` writes (roadmaps/roadmap.schema.json).
const Schema = schema.File

// Roadmap is the starting file for o (o.Missing must be "").
func Roadmap(o Options) ([]byte, error) {
	var b bytes.Buffer
	if err := tmpl.Execute(&b, o); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Missing names the owner the level needs and o lacks: "district",
// "region" or "organisation" ("" when none is missing).
func (o Options) Missing() string {
	switch {
	case o.Level == roadmap.LevelDistrict && o.District == "":
		return "district"
	case o.Level == roadmap.LevelRegion && o.Region == "":
		return "region"
	case o.Level == roadmap.LevelSchool && o.Organisation == "":
		return "organisation"
	}
	return ""
}

// Years reports a period of more than one year: the school-year and
// cross-year examples need two.
func (o Options) Years() bool { return o.Period.To > o.Period.From }

// Owner is the district, region or organisation whose roadmap it is.
func (o Options) Owner() string {
	switch o.Level {
	case roadmap.LevelRegion:
		return o.Region
	case roadmap.LevelSchool:
		return o.Organisation
	}
	return o.District
}

// quote writes s as a YAML scalar: plain when it can be, quoted when the
// text would read otherwise (a colon, a leading digit, «#»).
func quote(s string) string {
	// One line: the values stand in flow lists too.
	out, err := yaml.Marshal(strings.Join(strings.Fields(s), " "))
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

var tmpl = template.Must(template.New("roadmap").Funcs(template.FuncMap{"q": quote, "inc": func(y int) int { return y + 1 }}).Parse(text))

const text = `# yaml-language-server: $schema=` + Schema + `
# Дорожная карта: заготовка от «roadmap new». Замените примеры мероприятий своими,
# укажите номер и дату утверждающего приказа и проверьте: roadmap check ЭТОТ_ФАЙЛ.
# Описание формата: docs/format.md; как понимается каждый срок: roadmap show ЭТОТ_ФАЙЛ.
format: roadmap/v1
id: {{q .ID}}
level: {{.Level}}
{{- if .Region}}
region: {{q .Region}}
{{- end}}
{{- if .District}}
district: {{q .District}}
{{- end}}
{{- if .Organisation}}
organisation: {{q .Organisation}}
{{- end}}
authority: {{q .Authority}}
title: {{if .Years}}{{q (printf "Дорожная карта на %d-%d годы" .Period.From .Period.To)}}{{else}}{{q (printf "Дорожная карта на %d год" .Period.From)}}{{end}}
period: {from: {{.Period.From}}, to: {{.Period.To}}}
document:                     # утверждающий документ
  kind: order                 # order (приказ) | concept (концепция) | other
  number: "1"                 # номер приказа, как напечатан, в кавычках
  date: {{.Period.From}}-01-10            # дата приказа: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ
  title: Об утверждении дорожной карты
goals:
  - Цель дорожной карты
activities:
  - id: work-plan             # латинский идентификатор: по нему сравниваются версии
    n: 1                      # номер в документе, подряд с 1
    title: Составление плана работы
    due: Ежегодно август
    indicator: Наличие плана работы
    executors: [{{q .Authority}}]
  - id: seminars
    n: 2
    title: Проведение семинаров для педагогов
    due: ежеквартально
    indicator: Не менее 1 семинара в квартал
    executors: [Методический кабинет]
  - id: coverage
    n: 3
    title: Вовлечение обучающихся в программы
    due: в течение года
    indicator: {{if .Years}}{{.Period.From}} – 30%, {{end}}{{.Period.To}} – 50%
    executors: [Образовательные организации]
    note: Образцы сроков и показателей — в комментариях ниже.

# Сроки (due): текст документа, программа разбирает его сама. Образцы фраз:
#   due: Ежегодно август  # каждый год периода, до конца августа
#   due: август {{.Period.From}} г.  # названный год, до конца августа
#   due: до 01.09.{{.Period.From}}  # день названного года
#   due: I квартал {{.Period.From}} г.  # до конца квартала (и I полугодие)
#   due: с 10 января по 10 февраля {{.Period.From}} года  # промежуток
#   due: ежемесячно  # 12 сроков в год (ежеквартально — 4)
#   due: раз в полугодие  # 30 июня и 31 декабря
#   due: один раз в два года с {{.Period.From}} года  # каждый второй год
{{- if .Years}}
#   due: {{.Period.From}}/{{inc .Period.From}} учебный год  # до 30 июня {{inc .Period.From}}{{end}}
#   due: ежегодно к началу учебного года  # до 1 сентября каждого года
#   due: ежегодно сентябрь – май  # через Новый год: один срок, в конце
{{- if .Years}}
#   due: сентябрь {{.Period.From}} – май {{inc .Period.From}}  # то же в названные годы{{end}}
#   due: в течение 10 дней со дня подписания  # от даты приказа
#   due: постоянно  # без срока, факт — за каждый год
#   due: по мере необходимости  # без срока
#   due: по отдельному графику  # без срока: по плану
#   due: за 2 недели до начала экзаменационного периода  # к событию: дату ставит человек
# Если фраза понята не так, задайте структуру (она важнее текста):
#   due: {text: по согласованию, years: [{{.Period.From}}], months: [5], day: 15}  # дата
#   due: {text: по графику отчётности, years: [{{.Period.From}}], quarters: [1, 3]}  # кварталы
#   due: {text: по итогам полугодий, every: true, halves: [1, 2]}  # полугодия
#   due: {text: ежеквартально до 10 числа, recur: quarter, recur_day: 10, next_month: true}
#   due: {text: ежегодно с {{.Period.To}}, every: true, since: {{.Period.To}}}
#   due: {text: раз в два года, step: 2, since: {{.Period.From}}}
{{- if .Years}}
#   due: {text: в учебном году, school_years: [{{.Period.From}}]}{{end}}
#   due: {text: к началу учебного года, every: true, school_start: true}
{{- if .Years}}
#   due: {text: с сентября по май, from: {year: {{.Period.From}}, month: 9}, to: {year: {{inc .Period.From}}, month: 5}}{{end}}
#   due: {text: в установленный срок, after: {n: 3, unit: month}}
#   due: {text: в рабочем порядке, kind: continuous}
#   due: {text: по запросу, kind: on_demand}
#   due: {text: по графику ФЦТ, kind: plan, plan: ФЦТ}
#   due: {text: до начала экзаменов, kind: event, event: начало экзаменационного периода}
#
# Показатели (indicator), по видам:
#   indicator: Наличие плана работы  # document: документ есть
#   indicator: Не менее 15 участников в год  # count: число не меньше
#   indicator: Не менее 55% обучающихся  # percent: процент не меньше
#   indicator: не должно превышать 45%  # percent: процент не больше
#   indicator: {{if .Years}}{{.Period.From}} – 20%, {{end}}{{.Period.To}} – 50%  # targets: значение по годам
#   indicator: Ежегодное увеличение числа участников  # growth: рост к прошлому году
#   indicator: {text: "Площадки СПО, ВПО", kind: text}  # text: оценивает человек
# Структурой:
#   indicator: {text: Положение о рабочей группе, kind: document, documents: [Положение о рабочей группе]}
#   indicator: {text: 15 участников, kind: count, min: 15, unit: участников, per: year}
#   indicator: {text: не менее 1 раза в квартал, kind: count, min: 1, unit: раз, per: quarter}
#   indicator: {text: до 45% обучающихся, kind: percent, max: 45, unit: '%'}
#   indicator: {text: рост охвата, unit: '%', targets: { {{- if .Years}}{{.Period.From}}: 30, {{end}}{{.Period.To}}: 40}}
#   indicator: {text: рост числа участников, kind: growth}
`
