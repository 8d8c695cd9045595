package render_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
)

// TestSARIFCodeScanning: what GitHub code scanning shows of a rule (help,
// helpUri to the rule's heading in docs/rules.md), the tool's version and
// home, and paths relative to the repository root with a uriBaseId.
func TestSARIFCodeScanning(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	in := filepath.Join(root, "roadmaps", "a.yaml")
	out := filepath.Join(filepath.Dir(root), "elsewhere.yaml")
	fs := []diag.Finding{
		{File: in, Pos: diag.Pos{Line: 3, Col: 1}, Code: diag.Rules[0].Code, Severity: diag.Error},
		{File: out, Pos: diag.Pos{Line: 1, Col: 1}, Code: diag.Rules[0].Code, Severity: diag.Error},
	}
	r, err := render.New(render.SARIF, render.Options{Lang: i18n.RU, Version: "v1.2.3", Root: root})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Findings(&buf, fs); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version        string
					InformationURI string `json:"informationUri"`
					Rules          []struct {
						ID      string
						Help    struct{ Text string }
						HelpURI string `json:"helpUri"`
					}
				}
			}
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string
							URIBaseID string `json:"uriBaseId"`
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	driver := log.Runs[0].Tool.Driver
	if driver.InformationURI != render.Homepage {
		t.Errorf("informationUri %q", driver.InformationURI)
	}
	if driver.Version != "v1.2.3" {
		t.Errorf("tool.driver.version %q", driver.Version)
	}
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^## (RM\d+)$`).FindAllStringSubmatch(string(doc), -1) {
		anchors["#"+strings.ToLower(m[1])] = true
	}
	for _, rule := range driver.Rules {
		anchor, ok := strings.CutPrefix(rule.HelpURI, render.RulesURL)
		if !ok || !anchors[anchor] {
			t.Errorf("%s: helpUri %q is no heading of docs/rules.md", rule.ID, rule.HelpURI)
		}
		if !strings.HasPrefix(rule.Help.Text, rule.ID+" ") || !strings.Contains(rule.Help.Text, rule.HelpURI) {
			t.Errorf("%s: help.text %q", rule.ID, rule.Help.Text)
		}
	}
	want := []struct{ uri, base string }{
		{"roadmaps/a.yaml", "%SRCROOT%"},
		{"file://" + filepath.ToSlash(out), ""},
	}
	for i, res := range log.Runs[0].Results {
		got := res.Locations[0].PhysicalLocation.ArtifactLocation
		if !strings.HasPrefix(want[i].uri, "file://") && (got.URI != want[i].uri || got.URIBaseID != want[i].base) ||
			strings.HasPrefix(want[i].uri, "file://") && (!strings.HasPrefix(got.URI, "file://") || got.URIBaseID != "") {
			t.Errorf("result %d: %+v, want %+v", i, got, want[i])
		}
	}
}
