package summary

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/phrase"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
	"github.com/roadmap-edu/roadmap/pkg/synth"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// nearDuplicates makes results of owners that copy one list of
// activities with edits: ids shared and reused for other activities,
// titles with typos, other case, punctuation, ё for е, or other words;
// owners with several roadmaps; numbers plain and dotted, sections or
// none, results repeated for an owner (the last one shows).
func nearDuplicates(seed uint64, owners int) []fulfil.Result {
	rnd := rand.New(rand.NewPCG(seed, 17))
	bases := []string{
		"Проведение мониторинга качества образования",
		"Поведение мониторинга качества образования",
		"Организация профориентационной работы «ПроеКтория»",
		"Составление плана работы",
		"Составление плана работ",
		"Обновление материально-технической базы организаций",
		"Повышение квалификации педагогов",
		"Ёлка",
		"",
		"12",
	}
	letters := []rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕЁ .,«»-0123456789")
	mutate := func(s string) string {
		r := []rune(s)
		for range rnd.IntN(4) {
			switch i := rnd.IntN(len(r) + 1); rnd.IntN(5) {
			case 0:
				r = append(r[:i], append([]rune{letters[rnd.IntN(len(letters))]}, r[i:]...)...)
			case 1:
				if i < len(r) {
					r = append(r[:i], r[i+1:]...)
				}
			case 2:
				if i < len(r) {
					r[i] = letters[rnd.IntN(len(letters))]
				}
			case 3:
				r = []rune(string(r) + ".")
			default:
				r = []rune("  " + string(r) + " ")
			}
		}
		return string(r)
	}
	statuses := fulfil.Statuses
	kinds := []phrase.IndicatorKind{"", phrase.KindDocument, phrase.KindCount, phrase.KindPercent, phrase.KindText}
	var rs []fulfil.Result
	for o := range owners {
		owner := fmt.Sprintf("Район %03d", rnd.IntN(owners*2))
		level := roadmap.LevelDistrict
		if rnd.IntN(20) == 0 {
			level = "school"
		}
		for m := range 1 + rnd.IntN(3) {
			id := fmt.Sprintf("r%d-%d", o, m)
			for a := range 5 + rnd.IntN(20) {
				actID := fmt.Sprintf("a%d", rnd.IntN(12))
				title := bases[rnd.IntN(len(bases))]
				if rnd.IntN(3) > 0 {
					title = mutate(title)
				}
				n := roadmap.Number(strconv.Itoa(a + 1))
				if rnd.IntN(4) == 0 {
					n = roadmap.Number(fmt.Sprintf("%d.%d", 1+rnd.IntN(3), 1+rnd.IntN(12)))
				}
				var sec roadmap.Section
				order := 0
				if rnd.IntN(2) == 0 {
					order = 1 + rnd.IntN(3)
					sec = roadmap.Section{ID: fmt.Sprintf("s%d", order), N: strconv.Itoa(order), Title: fmt.Sprintf("Раздел %d", order)}
				}
				for y := 2021 + rnd.IntN(2); y <= 2024; y++ {
					for range 1 + rnd.IntN(2)*rnd.IntN(2) {
						v := float64(rnd.IntN(200))
						r := fulfil.Result{RoadmapID: id, RoadmapName: "Карта " + id, Level: level, Owner: owner,
							ActivityID: actID, N: n, Section: sec, SectionOrder: order, Title: title,
							Indicator: "показатель " + actID, Year: y, Status: statuses[rnd.IntN(len(statuses))],
							Plan: roadmap.Plan{Kind: kinds[rnd.IntN(len(kinds))], Year: y, Min: &v, Unit: []string{"", "%", "человек"}[rnd.IntN(3)]},
							Fact: strconv.Itoa(rnd.IntN(300)), Reason: []string{"", "нет средств", "перенос"}[rnd.IntN(3)],
							Executors: []string{"Управление образования", "Школа " + strconv.Itoa(rnd.IntN(5))}[:1+rnd.IntN(2)]}
						if rnd.IntN(2) == 0 {
							r.Achievement = &v
						}
						rs = append(rs, r)
					}
				}
			}
		}
	}
	// Not in roadmap order: a collector may take results in any order.
	if seed%2 == 1 {
		rnd.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
	}
	return rs
}

// synthResults are the results of a synth tree evaluated against a
// synth report, as `summary` makes them.
func synthResults(t testing.TB, districts, directions, rows int) []fulfil.Result {
	t.Helper()
	dir := t.TempDir()
	rms, err := synth.Tree(filepath.Join(dir, "roadmaps"), 17, districts, directions)
	if err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "report.xlsx")
	if err := synth.Report(report, 17, rms, rows); err != nil {
		t.Fatal(err)
	}
	res, err := check.Run([]string{filepath.Join(dir, "roadmaps")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	results, _, err := fulfil.Evaluate(res.Roadmaps, []string{report}, fulfil.Options{AsOf: asOf, AllYears: true, Statuses: true})
	if err != nil {
		t.Fatal(err)
	}
	return results
}

var (
	synthOnce sync.Once
	synthRs   []fulfil.Result
)

// sharedSynth is synthResults of 60 roadmaps, made once for the tests
// that compare views on them.
func sharedSynth(t testing.TB) []fulfil.Result {
	t.Helper()
	synthOnce.Do(func() {
		synthRs = synthResults(t, 30, 2, 4000)
	})
	if synthRs == nil {
		t.Fatal("no synth results")
	}
	return synthRs
}

// dataset is results the views are compared on.
type dataset struct {
	name    string
	results func(testing.TB) []fulfil.Result
}

// datasets are near-duplicate titles of 0 to 200 owners, seeds(owners)
// seeds of each, and (but in -short) a synth tree.
func datasets(seeds func(owners int) uint64) []dataset {
	var sets []dataset
	for _, owners := range []int{0, 1, 3, 20, 60, 200} {
		for seed := range seeds(owners) {
			sets = append(sets, dataset{fmt.Sprintf("near-duplicates/%d-owners/seed-%d", owners, seed),
				func(testing.TB) []fulfil.Result { return nearDuplicates(seed, owners) }})
		}
	}
	if !testing.Short() {
		sets = append(sets, dataset{"synth/60-roadmaps", sharedSynth})
	}
	return sets
}

// TestViewsAsBefore: the fast by-activity and by-year views give the
// tables the old ones gave, cell for cell, on near-duplicate titles
// side by side and as rows, in order and shuffled, and on a synth tree.
func TestViewsAsBefore(t *testing.T) {
	t.Parallel()
	sets := datasets(func(owners int) uint64 { return uint64(min(4, 1+400/max(owners, 1))) })
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			t.Parallel()
			results := set.results(t)
			for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
				sameTable(t, "by activity", byActivity(results, lang), oldByActivity(results, lang))
				sameTable(t, "by year", byYear(results, lang), oldByYear(results, lang))
			}
		})
	}
}

func sameTable(t *testing.T, what string, got, want view.Table) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	if len(got.Rows) != len(want.Rows) || !reflect.DeepEqual(got.Columns, want.Columns) {
		t.Fatalf("%s: %d rows, %d columns; want %d, %d", what, len(got.Rows), len(got.Columns), len(want.Rows), len(want.Columns))
	}
	for i := range got.Rows {
		if !reflect.DeepEqual(got.Rows[i], want.Rows[i]) {
			t.Fatalf("%s: row %d\n got %v\nwant %v", what, i, got.Rows[i], want.Rows[i])
		}
	}
	t.Fatalf("%s: headings\n got %v\nwant %v", what, got.Headings, want.Headings)
}

// TestViewsProfile builds every view of a synth tree's results, for a
// profile: ROADMAP_VIEWS_DISTRICTS=300 go test -run TestViewsProfile
// -cpuprofile cpu.out ./pkg/summary/ (three directions each, 50,000
// report rows: the 900 roadmaps of the summary scale test).
func TestViewsProfile(t *testing.T) {
	districts, err := strconv.Atoi(os.Getenv("ROADMAP_VIEWS_DISTRICTS"))
	if err != nil {
		t.Skip("set ROADMAP_VIEWS_DISTRICTS")
	}
	results := synthResults(t, districts, 3, 50_000)
	opts := Options{AsOf: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Lang: i18n.RU}
	rounds := 5
	start := time.Now()
	cells := 0
	for range rounds {
		for _, v := range Views {
			tb := Build(v, results, opts)
			cells += len(tb.Rows) * len(tb.Columns)
		}
	}
	t.Logf("%d results, %d cells: %v a round", len(results), cells/rounds, time.Since(start)/time.Duration(rounds))
	for _, v := range Views {
		start := time.Now()
		for range rounds {
			Build(v, results, opts)
		}
		t.Logf("%s: %v", v, time.Since(start)/time.Duration(rounds))
	}
}
