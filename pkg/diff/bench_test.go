package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// bigPair makes two versions of a roadmap of n activities as YAML: in the
// new one about 10% of the activities are changed, 3% removed, 3% added,
// 1% renamed, and one moved.
func bigPair(n int) (old, new []byte) {
	head := `format: roadmap/v1
id: big
district: Большой район
authority: Управление образования
direction: Профориентация
period: {from: 2020, to: 2022}
document: {kind: order, number: "1", date: 2020-01-10, title: Об утверждении}
activities:
`
	dues := []string{"Ежегодно август", "2021 – 2022 гг.", "август 2021 г.", "ежегодно по итогам учебного года", "I квартал 2021 г."}
	inds := []string{"Не менее %d участников в год", "Не менее %d%% обучающихся", "Наличие плана работы № %d", "2020 – %d%%, 2021 – 35%%, 2022 – 50%%"}
	row := func(b *strings.Builder, id string, k, n, v int, title string) {
		fmt.Fprintf(b, "  - id: %s\n    n: %d\n    title: %s\n    due: %s\n    indicator: %q\n    executors: [МКУ МЦПРО, Общеобразовательные организации %d]\n",
			id, n, title, dues[k%len(dues)], fmt.Sprintf(inds[k%len(inds)], 10+v%80), k%7)
	}
	var o, w strings.Builder
	o.WriteString(head)
	w.WriteString(head)
	nn := 0
	for k := 0; k < n; k++ {
		title := fmt.Sprintf("Мероприятие по профессиональной ориентации обучающихся номер %d", k)
		row(&o, fmt.Sprintf("a%d", k), k, k+1, k, title)
		switch {
		case k%33 == 5: // removed
		case k%100 == 7: // renamed: new id, title nearly the same
			nn++
			row(&w, fmt.Sprintf("r%d", k), k, nn, k, title+".")
		case k%10 == 3: // changed indicator
			nn++
			row(&w, fmt.Sprintf("a%d", k), k, nn, k+1, title)
		default:
			nn++
			row(&w, fmt.Sprintf("a%d", k), k, nn, k, title)
		}
		if k%33 == 9 { // added
			nn++
			row(&w, fmt.Sprintf("new%d", k), k+1, nn, k, fmt.Sprintf("Новое мероприятие %d о встречах с работодателями", k))
		}
	}
	return []byte(o.String()), []byte(w.String())
}

func parsePair(b testing.TB, old, new []byte) (*roadmap.Roadmap, *roadmap.Roadmap) {
	ro, fo := roadmap.Parse("old.yaml", old)
	rn, fn := roadmap.Parse("new.yaml", new)
	if ro == nil || rn == nil || len(fo)+len(fn) > 0 {
		b.Fatalf("generated roadmaps do not load: %v %v", fo, fn)
	}
	return ro, rn
}

func TestBigDiff(t *testing.T) {
	old, new := bigPair(5000)
	ro, rn := parsePair(t, old, new)
	res := Compute(ro, rn, Options{})
	var added, removed, renamed, changed int
	for _, c := range res.Changes {
		switch c.Kind {
		case KindAdded:
			added++
		case KindRemoved:
			removed++
		case KindRenamed:
			renamed++
		case KindChanged:
			changed++
		}
	}
	if renamed != 49 || added != 152 || removed != 152 || changed != 485 {
		t.Errorf("changed %d, added %d, removed %d, renamed %d", changed, added, removed, renamed)
	}
}

func BenchmarkLoadTwo(b *testing.B) {
	old, new := bigPair(5000)
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		parsePair(b, old, new)
	}
}

func BenchmarkDiff(b *testing.B) {
	old, new := bigPair(5000)
	ro, rn := parsePair(b, old, new)
	for b.Loop() {
		Compute(ro, rn, Options{})
	}
}

func BenchmarkLoadAndDiff(b *testing.B) {
	old, new := bigPair(5000)
	for b.Loop() {
		ro, rn := parsePair(b, old, new)
		Compute(ro, rn, Options{})
	}
}
