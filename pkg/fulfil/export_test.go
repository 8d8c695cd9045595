package fulfil

import "github.com/roadmap-edu/roadmap/pkg/roadmap"

// Count is what EvaluateAll counts of rm's results before evaluating it.
func (r *Reports) Count(rm *roadmap.Roadmap) int { return r.e.count(rm) }
