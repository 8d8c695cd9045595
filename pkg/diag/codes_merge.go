package diag

// Rule codes of amendment files (roadmap-amendment/v1) and of merging
// roadmaps (package merge, `roadmap merge`); their rules are in Rules.
const (
	AmendUnknownRoadmap  Code = "RM201"
	AmendUnknownActivity Code = "RM202"
	AmendDuplicateID     Code = "RM203"
	AmendBeforeBase      Code = "RM204"
	AmendAlreadyApplied  Code = "RM205"
	AmendBadChange       Code = "RM206"
	AmendUnknownExecutor Code = "RM207"
	MergeConflict        Code = "RM208"
	MergeOrderConflict   Code = "RM209"
	AmendRoadmapMismatch Code = "RM210"
)
