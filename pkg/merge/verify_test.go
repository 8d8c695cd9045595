package merge

// Every test here checks, after each edit of an activity, that the node
// tree the editor keeps (shifted, the activity parsed alone) is the one
// a full parse of the text gives.
func init() { verifyEdits = true }
