package merge_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/amendment"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/merge"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// The properties run on random edits of the real roadmaps, made by random
// amendments; the seed is fixed so that a failure repeats.

var seeds = []string{"../../roadmaps/bessonovsky.yaml", "../../roadmaps/nikolsky.yaml"}

var (
	titles     = []string{"Новое мероприятие", "Проведение «Недели профессий»", "Участие в проекте \"Билет в будущее\"", "2021", "Анализ: итоги года"}
	dues       = []string{"Ежегодно август", "2021 – 2022 гг.", "август 2021 г.", "I квартал 2022 г.", "в течение года", "по согласованию"}
	indicators = []string{"Наличие Плана работы", "Не менее 15 участников в год", "Не менее 60% обучающихся", "2020 – 20%, 2021 – 35%, 2022 – 50%", "Площадки СПО, ВПО"}
	executors  = []string{"МКУ МЦПРО", "Общеобразовательные организации", "Управление образования", "Общественные организации", "Колледж: отделение"}
)

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func someExecutors(rng *rand.Rand) []any {
	var out []any
	for _, i := range rng.Perm(len(executors))[:1+rng.IntN(3)] {
		out = append(out, executors[i])
	}
	return out
}

// randomAmendment makes an amendment of r touching only the activities
// in touch and adding activities named prefix-N after anchors among touch.
func randomAmendment(rng *rand.Rand, r *roadmap.Roadmap, touch []string, prefix string, number int, top string) []byte {
	var changes []any
	ids := slices.Clone(touch)
	for range 1 + rng.IntN(4) {
		switch k := rng.IntN(10); {
		case k < 5 && len(ids) > 0:
			c := map[string]any{"set": pick(rng, ids)}
			fields := []string{"title", "due", "indicator", "executors", "note"}
			for _, i := range rng.Perm(len(fields))[:1+rng.IntN(3)] {
				switch fields[i] {
				case "title":
					c["title"] = pick(rng, titles)
				case "due":
					c["due"] = pick(rng, dues)
				case "indicator":
					c["indicator"] = pick(rng, indicators)
				case "executors":
					c["executors"] = someExecutors(rng)
				case "note":
					if rng.IntN(3) == 0 {
						c["note"] = nil
					} else {
						c["note"] = pick(rng, titles)
					}
				}
			}
			changes = append(changes, c)
		case k < 7:
			id := fmt.Sprintf("%s-%d", prefix, rng.IntN(1000))
			if slices.Contains(ids, id) {
				continue
			}
			c := map[string]any{"add": map[string]any{"id": id, "title": pick(rng, titles), "due": pick(rng, dues),
				"indicator": pick(rng, indicators), "executors": someExecutors(rng)}}
			if len(ids) > 0 && rng.IntN(3) > 0 {
				c["after"] = pick(rng, ids)
			}
			ids = append(ids, id)
			changes = append(changes, c)
		case k < 8 && len(ids) > 1:
			id := pick(rng, ids)
			ids = slices.DeleteFunc(ids, func(s string) bool { return s == id })
			changes = append(changes, map[string]any{"remove": id})
		case k < 9 && top != "":
			if top == "period" {
				changes = append(changes, map[string]any{"period": map[string]any{"from": 2020, "to": 2022 + rng.IntN(4)}})
			} else {
				changes = append(changes, map[string]any{top: pick(rng, titles)})
			}
		}
	}
	if len(changes) == 0 {
		changes = append(changes, map[string]any{"set": touch[0], "note": "Изменено"})
	}
	doc := map[string]any{"kind": "order", "number": fmt.Sprintf("%d/01-09", number),
		"date": fmt.Sprintf("2023-%02d-01", 1+number%12), "title": "О внесении изменений"}
	out, err := yaml.Marshal(map[string]any{"format": "roadmap-amendment/v1", "roadmap": r.ID, "document": doc, "changes": changes})
	if err != nil {
		panic(err)
	}
	return out
}

func mustApply(t *testing.T, base []byte, file []byte) []byte {
	t.Helper()
	a, fs := amendment.Parse("amendment.yaml", file)
	if diag.Fails(fs, false) {
		t.Fatalf("amendment: %v\n%s", fs, file)
	}
	out, fs, err := merge.Apply("base.yaml", base, []*amendment.Amendment{a})
	if err != nil || out == nil {
		t.Fatalf("apply: %v %v\n%s", err, fs, file)
	}
	return out
}

func parse(t *testing.T, data []byte) *roadmap.Roadmap {
	t.Helper()
	r, fs := roadmap.Parse("x.yaml", data)
	if r == nil || diag.Fails(fs, false) {
		t.Fatalf("not a roadmap: %v\n%s", fs, data)
	}
	return r
}

// meaning is the roadmap's content for comparison: every field, no
// positions, no file name.
func meaning(t *testing.T, data []byte) string {
	t.Helper()
	r := parse(t, data)
	r.File = ""
	b, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func activityIDs(r *roadmap.Roadmap) []string {
	var ids []string
	for _, a := range r.Activities {
		ids = append(ids, a.ID)
	}
	return ids
}

// TestPropertyDiffRoundTrip: apply(base, FromDiff(diff(base, x))) == x,
// also through the written amendment file.
func TestPropertyDiffRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, seed := range seeds {
		base, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		br := parse(t, base)
		for i := range 60 {
			x := mustApply(t, base, randomAmendment(rng, br, activityIDs(br), "new", i, pick(rng, []string{"period", "title", "description", ""})))
			am, left := merge.FromDiff(diff.Compute(br, parse(t, x), diff.Options{}))
			if len(left) > 0 {
				t.Fatalf("%s #%d: FromDiff left out %v", seed, i, left)
			}
			file, err := am.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			y := mustApply(t, base, file)
			if got, want := meaning(t, y), meaning(t, x); got != want {
				t.Fatalf("%s #%d: round trip differs\namendment:\n%s\ngot:\n%s\nwant:\n%s", seed, i, file, y, x)
			}
		}
	}
}

// TestPropertyMergeWithItself: merging O with O, O gives O byte for byte.
func TestPropertyMergeWithItself(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, seed := range seeds {
		base, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		br := parse(t, base)
		versions := [][]byte{base}
		for i := range 20 {
			versions = append(versions, mustApply(t, base, randomAmendment(rng, br, activityIDs(br), "new", i, "period")))
		}
		for _, o := range versions {
			in := merge.Input{File: "o.yaml", Data: o}
			res, fs, err := merge.ThreeWay(in, in, in)
			if err != nil || res == nil {
				t.Fatal(err, fs)
			}
			if string(res.Data) != string(o) || len(res.Conflicts) > 0 || len(res.Findings) > 0 {
				t.Fatalf("merge of O with itself changed it:\n%s", res.Data)
			}
		}
	}
}

// TestPropertyDisjointEditsCommute: edits of disjoint activities (and
// different top-level keys) merge without conflicts, and merging them in
// either order gives the same roadmap, holding both sides' changes.
func TestPropertyDisjointEditsCommute(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, seed := range seeds {
		base, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		br := parse(t, base)
		for i := range 60 {
			ids := activityIDs(br)
			rng.Shuffle(len(ids), func(a, b int) { ids[a], ids[b] = ids[b], ids[a] })
			half := len(ids) / 2
			a := mustApply(t, base, randomAmendment(rng, br, ids[:half], "ours", 2*i, "period"))
			b := mustApply(t, base, randomAmendment(rng, br, ids[half:], "theirs", 2*i+1, "title"))
			o := merge.Input{File: "o.yaml", Data: base}
			ab, _, err := merge.ThreeWay(o, merge.Input{File: "a.yaml", Data: a}, merge.Input{File: "b.yaml", Data: b})
			if err != nil || ab == nil {
				t.Fatal(err)
			}
			ba, _, err := merge.ThreeWay(o, merge.Input{File: "b.yaml", Data: b}, merge.Input{File: "a.yaml", Data: a})
			if err != nil || ba == nil {
				t.Fatal(err)
			}
			if len(ab.Conflicts)+len(ba.Conflicts) > 0 {
				t.Fatalf("#%d: conflicts in disjoint edits:\n%s", i, ab.Data)
			}
			mab, mba := meaning(t, ab.Data), meaning(t, ba.Data)
			if mab != mba {
				t.Fatalf("#%d: merge(O,A,B) != merge(O,B,A)\nA:\n%s\nB:\n%s\nAB:\n%s\nBA:\n%s", i, a, b, ab.Data, ba.Data)
			}
			// Both sides' changes are in: each side's activities are as that side has them.
			m := parse(t, ab.Data)
			for _, side := range [][]byte{a, b} {
				sr := parse(t, side)
				for _, act := range sr.Activities {
					got := slices.IndexFunc(m.Activities, func(x roadmap.Activity) bool { return x.ID == act.ID })
					touched := !slices.Contains(activityIDs(br), act.ID) || !sameActivity(br, act)
					if touched && (got < 0 || !sameFields(m.Activities[got], act)) {
						t.Fatalf("#%d: change to %s lost:\n%s", i, act.ID, ab.Data)
					}
				}
			}
		}
	}
}

func sameActivity(r *roadmap.Roadmap, a roadmap.Activity) bool {
	for _, x := range r.Activities {
		if x.ID == a.ID {
			return sameFields(x, a)
		}
	}
	return false
}

func sameFields(a, b roadmap.Activity) bool {
	a.N, b.N = "", ""
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}
