package diag

// Code is a stable rule code such as "RM012". Codes are never reused or
// renumbered: users grep for them and docs/rules.md lists them.
type Code string

// Rule describes one rule code.
type Rule struct {
	Code     Code
	Name     string // short English slug, stable
	Severity Severity
}

// The rule codes.
const (
	YAMLSyntax         Code = "RM001"
	DuplicateKey       Code = "RM002"
	UnknownKey         Code = "RM003"
	MissingField       Code = "RM004"
	WrongType          Code = "RM005"
	BadDate            Code = "RM006"
	MalformedID        Code = "RM007"
	DuplicateID        Code = "RM008"
	DuplicateRoadmapID Code = "RM009"
	Numbering          Code = "RM010"
	PeriodOrder        Code = "RM011"
	DueOutsidePeriod   Code = "RM012"
	TargetOutside      Code = "RM013"
	PercentRange       Code = "RM014"
	NegativeCount      Code = "RM015"
	EmptyExecutors     Code = "RM016"
	UnparsedDue        Code = "RM017"
	UnparsedIndicator  Code = "RM018"
	ConflictMarker     Code = "RM019"
	NotUTF8            Code = "RM020"
	Aliasing           Code = "RM021"
	FormatVersion      Code = "RM022"
	BadValue           Code = "RM023"
	EmptyFile          Code = "RM024"
	MultipleDocuments  Code = "RM025"
	MinAboveMax        Code = "RM026"
	UnknownSection     Code = "RM027"
	DuplicateSection   Code = "RM028"
	DueAssumed         Code = "RM029"
	IndicatorAssumed   Code = "RM030"
	DueBeforeOrder     Code = "RM031"
	OrderAfterPeriod   Code = "RM032"
	QuotedNumber       Code = "RM033"
	UnreadableFile     Code = "RM034"

	// Reports (xlsx) and fulfilment.
	ReportUnreadable Code = "RM101"
	ReportNoHeader   Code = "RM102"
	UnknownRoadmap   Code = "RM103"
	UnknownActivity  Code = "RM104"
	YearOutside      Code = "RM105"
	ConflictingRows  Code = "RM106"
	BadReportValue   Code = "RM107"
	NotMet           Code = "RM108"
	NoData           Code = "RM109"
	Partial          Code = "RM110"
	MissingReason    Code = "RM111"
	MetLate          Code = "RM112"
	NeedsReview      Code = "RM113"
	TooManyFindings  Code = "RM114"
	UnknownYear      Code = "RM115"
	PercentShare     Code = "RM116"
	TooManyMerges    Code = "RM117"
)

// Rules lists every rule in code order, those of amendment files and
// merging (codes_merge.go) too.
var Rules = []Rule{
	{YAMLSyntax, "yaml-syntax", Error},
	{DuplicateKey, "duplicate-key", Error},
	{UnknownKey, "unknown-key", Error},
	{MissingField, "missing-field", Error},
	{WrongType, "wrong-type", Error},
	{BadDate, "bad-date", Error},
	{MalformedID, "malformed-id", Error},
	{DuplicateID, "duplicate-id", Error},
	{DuplicateRoadmapID, "duplicate-roadmap-id", Error},
	{Numbering, "numbering", Error},
	{PeriodOrder, "period-order", Error},
	{DueOutsidePeriod, "due-outside-period", Error},
	{TargetOutside, "target-outside-period", Error},
	{PercentRange, "percent-range", Error},
	{NegativeCount, "negative-count", Error},
	{EmptyExecutors, "empty-executors", Error},
	{UnparsedDue, "unparsed-due", Warning},
	{UnparsedIndicator, "unparsed-indicator", Warning},
	{ConflictMarker, "conflict-marker", Error},
	{NotUTF8, "not-utf8", Error},
	{Aliasing, "aliasing", Error},
	{FormatVersion, "format-version", Error},
	{BadValue, "bad-value", Error},
	{EmptyFile, "empty-file", Error},
	{MultipleDocuments, "multiple-documents", Error},
	{MinAboveMax, "min-above-max", Error},
	{UnknownSection, "unknown-section", Error},
	{DuplicateSection, "duplicate-section", Error},
	{DueAssumed, "due-assumed", Warning},
	{IndicatorAssumed, "indicator-assumed", Warning},
	{DueBeforeOrder, "due-before-order", Note},
	{OrderAfterPeriod, "order-after-period", Warning},
	{QuotedNumber, "quoted-number", Warning},
	{UnreadableFile, "unreadable-file", Error},
	{ReportUnreadable, "report-unreadable", Error},
	{ReportNoHeader, "report-no-header", Error},
	{UnknownRoadmap, "report-unknown-roadmap", Error},
	{UnknownActivity, "report-unknown-activity", Error},
	{YearOutside, "report-year-outside-period", Error},
	{ConflictingRows, "report-conflicting-rows", Error},
	{BadReportValue, "report-bad-value", Error},
	{NotMet, "not-met", Error},
	{NoData, "no-data", Error},
	{Partial, "partially-met", Error},
	{MissingReason, "missing-deviation-reason", Warning},
	{MetLate, "met-late", Warning},
	{NeedsReview, "needs-review", Warning},
	{TooManyFindings, "too-many-findings", Warning},
	{UnknownYear, "report-unknown-year", Error},
	{PercentShare, "report-percent-share", Warning},
	{TooManyMerges, "report-too-many-merges", Warning},
	{AmendUnknownRoadmap, "amendment-unknown-roadmap", Error},
	{AmendUnknownActivity, "amendment-unknown-activity", Error},
	{AmendDuplicateID, "amendment-duplicate-activity", Error},
	{AmendBeforeBase, "amendment-before-base", Error},
	{AmendAlreadyApplied, "amendment-already-applied", Error},
	{AmendBadChange, "amendment-bad-change", Error},
	{AmendUnknownExecutor, "amendment-unknown-executor", Error},
	{MergeConflict, "merge-conflict", Error},
	{MergeOrderConflict, "merge-order-conflict", Warning},
	{AmendRoadmapMismatch, "amendment-other-roadmap", Error},
}

// Rule returns the description of c; an unknown code is an error rule.
func (c Code) Rule() Rule {
	for _, r := range Rules {
		if r.Code == c {
			return r
		}
	}
	return Rule{Code: c, Name: "unknown", Severity: Error}
}
