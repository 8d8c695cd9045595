package diag

// Rule codes of amendment files (roadmap-amendment/v1) and of merging
// roadmaps (package merge, `roadmap merge`).
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

func init() {
	Rules = append(Rules,
		Rule{AmendUnknownRoadmap, "amendment-unknown-roadmap", Error},
		Rule{AmendUnknownActivity, "amendment-unknown-activity", Error},
		Rule{AmendDuplicateID, "amendment-duplicate-activity", Error},
		Rule{AmendBeforeBase, "amendment-before-base", Error},
		Rule{AmendAlreadyApplied, "amendment-already-applied", Error},
		Rule{AmendBadChange, "amendment-bad-change", Error},
		Rule{AmendUnknownExecutor, "amendment-unknown-executor", Error},
		Rule{MergeConflict, "merge-conflict", Error},
		Rule{MergeOrderConflict, "merge-order-conflict", Warning},
		Rule{AmendRoadmapMismatch, "amendment-other-roadmap", Error},
	)
}
