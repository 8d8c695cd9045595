package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
)

// Big writes one roadmap of n activities to path (a region's
// consolidated plan: merge and diff at scale) and returns it.
func Big(path string, seed uint64, n int) (Roadmap, error) {
	ph, err := loadPhrases()
	if err != nil {
		return Roadmap{}, err
	}
	r, data, err := canonical(roadmapFile(ph, seed, 0, 0, n))
	if err != nil {
		return Roadmap{}, err
	}
	r.Path = path
	return r, os.WriteFile(path, data, 0o644)
}

// Amendment writes to path an amendment of r making changes changes to
// distinct activities, as an order amending a roadmap does: most set a
// title, a deadline or an indicator, one in ten removes an activity and
// one in ten adds one after another.
func Amendment(path string, seed uint64, r Roadmap, changes int) error {
	if changes > len(r.Activities) {
		return fmt.Errorf("synth: %d changes to %d activities", changes, len(r.Activities))
	}
	ph, err := loadPhrases()
	if err != nil {
		return err
	}
	rnd := rand.New(rand.NewPCG(seed, 0x616d656e64))
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("format: roadmap-amendment/v1\nroadmap: %s\n", r.ID)
	w("document: {kind: order, number: \"%d\", date: %d-03-01, title: О внесении изменений в дорожную карту}\n", 1+rnd.IntN(400), r.From)
	w("changes:\n")
	for i, at := range rnd.Perm(len(r.Activities))[:changes] {
		a := r.Activities[at]
		switch i % 10 {
		case 0:
			w("  - remove: %s\n", a.ID)
		case 1:
			w("  - add:\n      id: added-%d\n      title: %s\n      due: %s\n      executors: [Управление образования]\n    after: %s\n",
				i, scalar(titleVerbs[rnd.IntN(len(titleVerbs))]+" "+titleObjects[rnd.IntN(len(titleObjects))]), scalar(ph.due(rnd, r.From, r.To)), a.ID)
		case 2, 3, 4:
			w("  - set: %s\n    title: %s\n", a.ID, scalar(a.Title+" (в редакции изменений)"))
		case 5, 6, 7:
			w("  - set: %s\n    due: %s\n", a.ID, scalar(fmt.Sprintf(dueYear[rnd.IntN(len(dueYear))], r.To)))
		default:
			w("  - set: %s\n    indicator: %s\n", a.ID, scalar(fmt.Sprintf("Не менее %d участников", 10+rnd.IntN(90))))
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
