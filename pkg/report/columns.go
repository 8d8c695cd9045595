// Package report owns the districts' Excel reports: the form a district
// fills in (Template) and reading filled-in workbooks, whoever made them
// (Read): it finds the header row among title rows, matches headers by
// meaning, follows merged cells, reads every sheet as a stream and turns
// cells into values. What the values mean for an indicator is package
// fulfil's business.
package report

import (
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// Field is a column of a report.
type Field int

// The report columns, in the order of the generated form.
const (
	FieldRoadmap Field = iota
	FieldDistrict
	FieldID
	FieldN
	FieldTitle
	FieldIndicator
	FieldYear
	FieldPlan
	FieldFact
	FieldDate
	FieldDocument
	FieldReason
	numFields
)

// Fields lists the columns in form order.
var Fields = []Field{FieldRoadmap, FieldDistrict, FieldID, FieldN, FieldTitle, FieldIndicator,
	FieldYear, FieldPlan, FieldFact, FieldDate, FieldDocument, FieldReason}

// Key is the column's stable English name (JSON, messages).
func (f Field) Key() string {
	return [...]string{"roadmap", "district", "id", "n", "title", "indicator", "year", "plan", "fact", "date", "document", "reason"}[f]
}

// headers are the names a column goes by. Districts retype forms by hand,
// so the usual variants of Russian reporting forms are here too; matching
// ignores case, spaces, line breaks and ё/е.
var headers = [numFields][]string{
	FieldRoadmap: {"Дорожная карта", "ID дорожной карты", "Код дорожной карты", "Roadmap"},
	FieldDistrict: {"Район", "Муниципальный район", "Муниципальное образование", "Район / организация", "Регион",
		"Субъект Российской Федерации", "Организация", "Образовательная организация", "District", "Region", "Organisation"},
	FieldID:        {"ID", "Код", "Код мероприятия", "ID мероприятия", "Идентификатор", "Activity ID"},
	FieldN:         {"№", "№ п/п", "N п/п", "№п/п", "Номер", "Номер мероприятия", "N", "No"},
	FieldTitle:     {"Мероприятие", "Мероприятия", "Наименование мероприятия", "Название мероприятия", "Activity"},
	FieldIndicator: {"Индикативный показатель", "Показатель", "Индикатор", "Наименование показателя", "Indicator"},
	FieldYear:      {"Год", "Отчетный год", "Период", "Year"},
	FieldPlan:      {"План", "Плановое значение", "Целевое значение", "План (целевое значение)", "Plan", "Target"},
	FieldFact: {"Факт", "Фактическое значение", "Значение", "Отчетный год: факт", "Фактически", "Факт (фактическое значение)",
		"Фактическое значение показателя", "Actual", "Fact"},
	FieldDate:     {"Дата выполнения", "Дата исполнения", "Дата", "Срок выполнения (факт)", "Date done", "Date"},
	FieldDocument: {"Документ / комментарий", "Документ/комментарий", "Документ", "Комментарий", "Примечание", "Подтверждающий документ", "Document / comment", "Document", "Comment"},
	FieldReason: {"Причина отклонения", "Причины отклонения", "Обоснование причин отклонения", "Обоснование причин отклонений",
		"Причина невыполнения", "Deviation reason", "Reason"},
}

// formHeaders are the catalogue keys of the form's headers.
var formHeaders = [numFields]string{
	FieldRoadmap: "template.col.roadmap", FieldDistrict: "template.col.district", FieldID: "template.col.id",
	FieldN: "template.col.n", FieldTitle: "template.col.title", FieldIndicator: "template.col.indicator",
	FieldYear: "template.col.year", FieldPlan: "template.col.plan", FieldFact: "template.col.fact",
	FieldDate: "template.col.date", FieldDocument: "template.col.document", FieldReason: "template.col.reason",
}

// Header is the form's header of f in lang.
func (f Field) Header(lang i18n.Lang) string { return i18n.T(lang, formHeaders[f]) }

// headerIndex adds the form's own headers, in every language, to the
// names: whatever the catalogue words them, the form reads back.
var headerIndex = func() map[string]Field {
	m := map[string]Field{}
	for f, names := range headers {
		for _, n := range names {
			m[headerKey(n)] = Field(f)
		}
	}
	for _, f := range Fields {
		for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
			m[headerKey(f.Header(lang))] = f
		}
	}
	for _, level := range []string{roadmap.LevelRegion, roadmap.LevelSchool} {
		for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
			m[headerKey(ownerHeader(level, lang))] = FieldDistrict
		}
	}
	return m
}()

// headerKey folds a header for matching: lower case, ё as е, no spaces,
// no punctuation around words.
func headerKey(s string) string {
	s = strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(s, "ё", "е"), "Ё", "Е"))
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '.', ',', ':', '*', '(', ')', '"', '«', '»':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// MatchHeader tells which column a header cell names.
func MatchHeader(s string) (Field, bool) {
	k := headerKey(s)
	if k == "" {
		return 0, false
	}
	if f, ok := headerIndex[k]; ok {
		return f, true
	}
	// "Факт 2021", "2021 год: факт", "План на 2021 год": a year beside the
	// name.
	stripped := strings.Trim(yearRe.ReplaceAllString(k, ""), "-–—/год")
	if f, ok := headerIndex[stripped]; ok && stripped != k {
		return f, true
	}
	for _, prefix := range []string{"факт", "план"} {
		if strings.HasPrefix(stripped, prefix) || strings.HasSuffix(stripped, prefix) {
			if prefix == "факт" {
				return FieldFact, true
			}
			return FieldPlan, true
		}
	}
	return 0, false
}
