package site_test

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/site"
)

// shots, when set, is where TestSiteInBrowser saves full-page screenshots
// (docs/site.md says which are docs/examples).
var shots = flag.String("shots", "", "save screenshots of the pages opened in the browser into this directory")

const harness = "../../testdata/site"

// browserPage is what testdata/site/check.mjs reports of a page.
type browserPage struct {
	Site, Page string
	Console    []string
	Outside    []string
	Broken     []string
	Bars       []struct {
		Label  string
		Counts map[string]int
	}
	SVG        int
	RowHeaders []string
	Lang       string
	Violations []struct {
		ID, Impact, Help string
		Nodes            []string
	}
}

// needBrowser skips the test when Chromium, Node or the harness's
// packages are missing, except in CI, where they must be there (.ci/run
// installs them).
func needBrowser(t *testing.T) (node, chromium string) {
	t.Helper()
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing in CI (.ci/run installs it)", what)
		}
		t.Skipf("%s is missing", what)
	}
	chromium = os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		missing("chromium")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node")
	}
	for _, pkg := range []string{"playwright-core", "axe-core"} {
		if _, err := os.Stat(filepath.Join(harness, "node_modules", pkg)); err != nil {
			missing(pkg + " (npm ci in testdata/site)")
		}
	}
	return node, chromium
}

// TestSiteInBrowser builds the site of the shipped roadmaps and the
// seeds' report, and of a generated region of 30 districts, opens pages
// of each kind in headless Chromium and checks them: no console errors,
// no request outside the site, every link resolves, the region page shows
// every district, its chart's bars add up to the counts in its JSON, and
// axe-core finds no serious or critical violation.
func TestSiteInBrowser(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		// make race: the browser has nothing to race.
		t.Skip("a browser in -short mode")
	}
	node, chromium := needBrowser(t)
	dir := t.TempDir()
	shipped := filepath.Join(dir, "shipped")
	if _, err := site.Build(shipped, input(t, i18n.RU, "../../roadmaps", "../../testdata/reports/seeds-2020-2022.xlsx")); err != nil {
		t.Fatal(err)
	}
	rms, report := generate(t, filepath.Join(dir, "gen"), 30, 3)
	region := filepath.Join(dir, "region")
	if _, err := site.Build(region, input(t, i18n.RU, rms, report)); err != nil {
		t.Fatal(err)
	}
	args := []string{"check.mjs"}
	if *shots != "" {
		abs, err := filepath.Abs(*shots)
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, "--shots", abs)
	}
	args = append(args, shipped, "index.html", "d/bessonovskii-raion/index.html",
		"d/bessonovskii-raion/bessonovsky-proforientatsiya.html", "d/bessonovskii-raion/bessonovsky-proforientatsiya.html#a-rmo-deputies",
		"d/nikolskii-raion/nikolsky-proforientatsiya.html",
		"d/bessonovskii-raion/e/mku-mtspro-bessonovskogo-raiona.html", "h/razvitie-sistemy-proforientatsii.html",
		"--", region, "index.html", "d/kamenskii-raion/index.html", "d/kamenskii-raion/d0006-r01.html",
		"d/kamenskii-raion/e/obshcheobrazovatelnye-organizatsii.html", "h/proforientatsiia.html")
	cmd := exec.Command(node, args...)
	cmd.Dir = harness
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("check.mjs: %v\n%s", err, stderr.String())
	}
	var got struct{ Pages []browserPage }
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("check.mjs output: %v\n%s", err, out)
	}
	if len(got.Pages) != 12 {
		t.Fatalf("%d pages checked, want 12", len(got.Pages))
	}
	for _, p := range got.Pages {
		name := filepath.Base(p.Site) + "/" + p.Page
		if len(p.Console) > 0 {
			t.Errorf("%s: console: %q", name, p.Console)
		}
		if len(p.Outside) > 0 {
			t.Errorf("%s: requests outside the site: %q", name, p.Outside)
		}
		if len(p.Broken) > 0 {
			t.Errorf("%s: links that lead nowhere: %q", name, p.Broken)
		}
		if p.Lang != "ru" {
			t.Errorf("%s: lang %q", name, p.Lang)
		}
		for _, v := range p.Violations {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("%s: axe %s (%s): %s at %q", name, v.Impact, v.ID, v.Help, v.Nodes)
			}
		}
		if p.Page == "index.html" && p.SVG == 0 {
			t.Errorf("%s: no chart", name)
		}
	}
	// The generated region's page: every district, and the district
	// chart's bars are the counts of region.json.
	idx := got.Pages[7]
	var rows []map[string]any
	data, err := os.ReadFile(filepath.Join(region, "region.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatal(err)
	}
	bars := map[string]map[string]int{}
	for _, b := range idx.Bars {
		bars[b.Label] = b.Counts
	}
	for i := range 30 {
		d := districtName(i)
		found := false
		for _, h := range idx.RowHeaders {
			found = found || h == d
		}
		if !found {
			t.Errorf("the region page does not list %s", d)
		}
	}
	if len(rows) != 30 {
		t.Fatalf("region.json has %d rows", len(rows))
	}
	for _, row := range rows {
		d := row["district"].(string)
		for _, s := range []string{"met", "met_late", "not_met", "partial", "no_data", "not_due", "needs_review"} {
			if int(row[s].(float64)) != bars[d][s] {
				t.Errorf("%s, %s: region.json %v, the chart's bar %d", d, s, row[s], bars[d][s])
			}
		}
	}
}
