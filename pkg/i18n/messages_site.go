package i18n

// Messages of `roadmap site`, its pages and charts, and of the summary's
// chart sheet.
var siteMessages = map[string]entry{
	"summary.sheet.chart": {"Диаграмма", "Chart"},
	"summary.title.chart": {"Статусы мероприятий по районам", "Activity statuses by district"},
}
