package site_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/fulfil"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/site"
)

var asOf = time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC)

// input loads the roadmaps (which must pass the check) and evaluates
// them against the reports, as `roadmap site` does.
func input(t testing.TB, lang i18n.Lang, roadmaps string, reports ...string) site.Input {
	t.Helper()
	// As `roadmap site` loads: the reports read while the roadmaps are
	// checked, the roadmaps evaluated on every core.
	ahead := fulfil.ReadAhead(reports)
	res, err := check.Run([]string{roadmaps}, nil)
	if err != nil || diag.Fails(res.Findings, false) {
		t.Fatal(err, res.Findings)
	}
	results, fs, err := fulfil.EvaluateAll(res.Roadmaps, ahead, fulfil.Options{AsOf: asOf, AllYears: true})
	if err != nil {
		t.Fatal(err)
	}
	// Not met and its like are what a site shows; a broken report is not.
	for _, f := range fs {
		if (f.Code < diag.NotMet || f.Code > diag.NeedsReview) && f.Code != diag.TooManyFindings {
			t.Fatalf("report: %s", f.Message(i18n.EN))
		}
	}
	return site.Input{Roadmaps: res.Roadmaps, Results: results, AsOf: asOf, Lang: lang}
}

// files reads every file of a site by its path.
func files(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	href     = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	external = regexp.MustCompile(`(?i)(https?:)?//|@import|url\((?:'|")?[a-z]+:`)
)

// TestShippedSite builds the site of the shipped roadmaps and the seeds'
// report in both languages: the pages are golden, every link is relative
// and resolves, nothing is fetched from elsewhere, and building again
// gives the same bytes.
func TestShippedSite(t *testing.T) {
	t.Parallel()
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			in := input(t, lang, "../../roadmaps", "../../testdata/reports/seeds-2020-2022.xlsx")
			out := filepath.Join(t.TempDir(), "public")
			stats, err := site.Build(out, in)
			if err != nil {
				t.Fatal(err)
			}
			got := files(t, out)
			if stats.Files != len(got) || stats.Pages == 0 {
				t.Errorf("stats %+v, %d files", stats, len(got))
			}
			checkLinks(t, got)
			// One palette: the workbooks' status fills.
			for st, colour := range render.StatusColours {
				if rule := ".st-" + st + " { background: #" + colour + "; }"; !bytes.Contains(got["style.css"], []byte(rule)) {
					t.Errorf("style.css lacks %s", rule)
				}
			}
			for _, page := range []string{"index.html", "d/bessonovskii-raion/bessonovsky-proforientatsiya.html", "d/nikolskii-raion/index.html"} {
				if !bytes.Contains(got[page], []byte(`<html lang="`+string(lang)+`">`)) {
					t.Errorf("%s: no lang %s", page, lang)
				}
				golden.Compare(t, filepath.Join("testdata", string(lang), strings.ReplaceAll(page, "/", "_")), got[page])
			}
			// Again, into the same directory: the same bytes, and the old
			// site replaced, not merged.
			if err := os.WriteFile(filepath.Join(out, "stale.html"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := site.Build(out, in); err != nil {
				t.Fatal(err)
			}
			again := files(t, out)
			if len(again) != len(got) {
				t.Errorf("rebuilt: %d files, want %d", len(again), len(got))
			}
			for name, data := range got {
				if !bytes.Equal(again[name], data) {
					t.Errorf("%s differs when built again", name)
				}
			}
		})
	}
}

// checkLinks: every href and src of every page is relative and names a
// file of the site (an anchor, an element of its page); no page or
// stylesheet refers outside.
func checkLinks(t *testing.T, got map[string][]byte) {
	t.Helper()
	ids := regexp.MustCompile(`id="([^"]*)"`)
	for name, data := range got {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".css") {
			continue
		}
		// An SVG's namespace is a name, not a request.
		if m := external.Find(bytes.ReplaceAll(data, []byte(`xmlns="http://www.w3.org/2000/svg"`), nil)); m != nil {
			t.Errorf("%s refers outside the site: %q", name, m)
		}
		for _, m := range href.FindAllSubmatch(data, -1) {
			link := string(m[1])
			path, anchor, _ := strings.Cut(link, "#")
			target := name
			if path != "" {
				target = filepath.ToSlash(filepath.Join(filepath.Dir(name), path))
			}
			page, ok := got[target]
			if !ok {
				t.Errorf("%s: link %q leads nowhere", name, link)
				continue
			}
			if anchor != "" && !bytes.Contains(page, []byte(`id="`+anchor+`"`)) {
				t.Errorf("%s: link %q: no such anchor", name, link)
			}
		}
		seen := map[string]bool{}
		for _, m := range ids.FindAllSubmatch(data, -1) {
			if seen[string(m[1])] {
				t.Errorf("%s: id %q twice", name, m[1])
			}
			seen[string(m[1])] = true
		}
	}
}

// TestRegionSite builds the generated region of 30 districts (the scale
// test's region, reduced: 3 roadmaps each): the region
// page lists every district, and the bars of its district chart add up to
// the counts of its JSON download.
func TestRegionSite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rms, report := generate(t, dir, 30, 3)
	in := input(t, i18n.RU, rms, report)
	out := filepath.Join(dir, "public")
	if _, err := site.Build(out, in); err != nil {
		t.Fatal(err)
	}
	got := files(t, out)
	checkLinks(t, got)
	index := string(got["index.html"])
	for i := range 30 {
		if !strings.Contains(index, ">"+districtName(i)+"</a>") {
			t.Errorf("the region page does not list %s", districtName(i))
		}
	}
	var rows []map[string]any
	if err := json.Unmarshal(got["region.json"], &rows); err != nil {
		t.Fatal(err)
	}
	bars := barCounts(index)
	if len(rows) != 30 {
		t.Fatalf("region.json: %d rows", len(rows))
	}
	for _, row := range rows {
		d := row["district"].(string)
		for _, s := range []string{"met", "met_late", "not_met", "partial", "no_data", "not_due", "needs_review"} {
			if int(row[s].(float64)) != bars[d][s] {
				t.Errorf("%s %s: JSON %v, chart %d", d, s, row[s], bars[d][s])
			}
		}
	}
}

// barCounts reads the district chart's bars back: counts by district and
// status.
func barCounts(page string) map[string]map[string]int {
	out := map[string]map[string]int{}
	bar := regexp.MustCompile(`<g data-bar="([^"]*)">(.*?)</g>`)
	seg := regexp.MustCompile(`data-status="([a-z_]+)" data-value="(\d+)"`)
	for _, m := range bar.FindAllStringSubmatch(page, -1) {
		c := map[string]int{}
		for _, s := range seg.FindAllStringSubmatch(m[2], -1) {
			n, _ := strconv.Atoi(s[2])
			c[s[1]] += n
		}
		out[m[1]] = c
	}
	return out
}

// TestRefusesOtherDirectory: a directory with files that is not a site
// is left alone; a file is not a directory.
func TestRefusesOtherDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	keep := filepath.Join(dir, "diploma.docx")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	in := input(t, i18n.RU, "../../roadmaps")
	var ns *site.NotSiteError
	if _, err := site.Build(dir, in); !errors.As(err, &ns) {
		t.Fatalf("built into a user's folder: %v", err)
	}
	if _, err := site.Build(keep, in); !errors.As(err, &ns) {
		t.Fatalf("built over a file: %v", err)
	}
	if data, err := os.ReadFile(keep); err != nil || string(data) != "mine" {
		t.Fatalf("the user's file: %q, %v", data, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
