package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// region is the site's content: the districts (owners: districts, and
// a region or a school when their roadmaps are among the input) with
// their roadmaps, results and executors, every list sorted.
type region struct {
	name      string
	districts []*district
	results   []fulfil.Result
	years     []int
}

type district struct {
	name, slug string
	roadmaps   []*roadmapPage
	executors  []*executor
	results    []fulfil.Result
}

type roadmapPage struct {
	r        *roadmap.Roadmap
	slug     string
	district *district
	results  []fulfil.Result
	history  []Revision
}

type executor struct {
	name, slug string
	district   *district
	// results point into the district's: a country's results are
	// hundreds of thousands, each executor's copy would be gigabytes.
	results []*fulfil.Result
}

// group sorts the input into districts, roadmaps and executors.
func group(in Input) *region {
	// Each roadmap's results by index, so that they are copied at most
	// once: into their district's slice, which the roadmaps' slices are
	// parts of.
	byID := map[string][]int{}
	years := map[int]bool{}
	for i, r := range in.Results {
		byID[r.RoadmapID] = append(byID[r.RoadmapID], i)
		years[r.Year] = true
	}
	reg := &region{results: in.Results}
	for y := range years {
		reg.years = append(reg.years, y)
	}
	slices.Sort(reg.years)
	names := map[string]bool{}
	districts := map[string]*district{}
	rms := slices.Clone(in.Roadmaps)
	slices.SortFunc(rms, func(a, b *roadmap.Roadmap) int {
		return cmp.Or(cmp.Compare(a.Owner(), b.Owner()), cmp.Compare(a.ID, b.ID), cmp.Compare(a.File, b.File))
	})
	dslugs := slugs{}
	for _, r := range rms {
		if r.Region != "" {
			names[r.Region] = true
		}
		d := districts[r.Owner()]
		if d == nil {
			d = &district{name: r.Owner(), slug: dslugs.make(r.Owner())}
			districts[r.Owner()] = d
			reg.districts = append(reg.districts, d)
		}
		page := &roadmapPage{r: r, district: d, history: in.History[r.File]}
		d.roadmaps = append(d.roadmaps, page)
	}
	for _, d := range reg.districts {
		// The district's results in the order of its roadmaps: the
		// input's own when they lie so there (as evaluated, roadmap by
		// roadmap), else a copy.
		var idx []int
		ends := make([]int, len(d.roadmaps))
		for k, p := range d.roadmaps {
			idx = append(idx, byID[p.r.ID]...)
			ends[k] = len(idx)
			// Two files of one id (a finding of check) share the results.
			delete(byID, p.r.ID)
		}
		if len(idx) > 0 && idx[len(idx)-1]-idx[0] == len(idx)-1 && slices.IsSorted(idx) {
			d.results = in.Results[idx[0] : idx[0]+len(idx) : idx[0]+len(idx)]
		} else {
			d.results = make([]fulfil.Result, len(idx))
			for k, i := range idx {
				d.results[k] = in.Results[i]
			}
		}
		start := 0
		for k, p := range d.roadmaps {
			p.results = d.results[start:ends[k]:ends[k]]
			start = ends[k]
		}
	}
	for _, d := range reg.districts {
		rslugs := slugs{"index": 1, "district": 1, "e": 1}
		for _, p := range d.roadmaps {
			p.slug = rslugs.make(p.r.ID)
		}
		d.executors = executorsOf(d)
	}
	if len(names) == 1 {
		for n := range names {
			reg.name = n
		}
	}
	return reg
}

// executorsOf lists the executors of a district's activities, each with
// the results of the activities it executes.
func executorsOf(d *district) []*executor {
	by := map[string]*executor{}
	for i := range d.results {
		for _, e := range d.results[i].Executors {
			if by[e] == nil {
				by[e] = &executor{name: e, district: d}
			}
			by[e].results = append(by[e].results, &d.results[i])
		}
	}
	out := make([]*executor, 0, len(by))
	for _, e := range by {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *executor) int { return cmp.Compare(a.name, b.name) })
	es := slugs{}
	for _, e := range out {
		e.slug = es.make(e.name)
	}
	return out
}

// slugs makes file names: the words in Latin letters, digits and
// hyphens, numbered when two names make the same one.
type slugs map[string]int

func (s slugs) make(name string) string {
	base := slug(name)
	s[base]++
	if n := s[base]; n > 1 {
		return base + "-" + strconv.Itoa(n)
	}
	return base
}

// translit is Russian in Latin letters, as in passports (ГОСТ Р 52535.1).
var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "ie", 'ы': "y",
	'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
}

// maxSlug keeps file names short: some systems limit a path to 260
// characters.
const maxSlug = 48

func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		var s string
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			s = string(r)
		case translit[r] != "" || r == 'ь':
			s = translit[r]
		default:
			dash = b.Len() > 0
			continue
		}
		if s == "" {
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
	}
	out := b.String()
	if len(out) > maxSlug {
		out = strings.TrimRight(out[:maxSlug], "-")
	}
	if out == "" {
		out = "x"
	}
	return out
}
