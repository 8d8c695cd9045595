package render_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/render"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// ciInput checks rule examples and the clean shipped roadmaps from the
// repository root, as CI would, and adds a finding about a workbook cell.
func ciInput(t *testing.T) (files []string, fs []diag.Finding) {
	t.Helper()
	t.Chdir("../..")
	res, err := check.Run([]string{
		"roadmaps/bessonovsky.yaml",
		"testdata/rules/RM006-bad-date.yaml",
		"testdata/rules/RM018-unparsed-indicator.yaml",
		"testdata/rules/RM010-numbering.yaml",
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	fs = append(res.Findings, diag.Finding{
		File: "testdata/reports/отчёт.xlsx", Cell: "Лист1!G14", Code: diag.BadReportValue,
		Severity: diag.Error, Args: []any{"много", "count"},
	})
	diag.Sort(fs)
	return res.Files, fs
}

func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Compare(t, filepath.Join("pkg/render/testdata", name), got)
}

func renderCI(t *testing.T, format render.Format, lang i18n.Lang, files []string, fs []diag.Finding) []byte {
	t.Helper()
	r, err := render.New(format, render.Options{Lang: lang, Files: files})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Findings(&buf, fs); err != nil {
		t.Fatal(err)
	}
	if err := r.Table(io.Discard, view.Table{}); !errors.Is(err, render.ErrUnsupported) {
		t.Errorf("%s: Table: %v, want ErrUnsupported", format, err)
	}
	var again bytes.Buffer
	_ = r.Findings(&again, fs)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("%s: two renderings differ", format)
	}
	return buf.Bytes()
}

// The JUnit report as CI servers read it.
type junitReport struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failures  []struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, data []byte) junitReport {
	t.Helper()
	// Well-formed: every token reads.
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, data)
		}
	}
	var rep junitReport
	if err := xml.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	// The counts add up.
	tests, failures := 0, 0
	for _, s := range rep.Suites {
		if s.Tests != len(s.Cases) {
			t.Errorf("suite %s: tests=%d, %d test cases", s.Name, s.Tests, len(s.Cases))
		}
		f := 0
		for _, c := range s.Cases {
			if len(c.Failures) > 1 {
				t.Errorf("suite %s: %d failures in one test case", s.Name, len(c.Failures))
			}
			f += len(c.Failures)
		}
		if s.Failures != f {
			t.Errorf("suite %s: failures=%d, %d failed", s.Name, s.Failures, f)
		}
		tests += s.Tests
		failures += s.Failures
	}
	if rep.Tests != tests || rep.Failures != failures {
		t.Errorf("testsuites: tests=%d failures=%d, suites add up to %d and %d", rep.Tests, rep.Failures, tests, failures)
	}
	return rep
}

func TestJUnit(t *testing.T) {
	files, fs := ciInput(t)
	got := renderCI(t, render.JUnit, i18n.RU, files, fs)
	compareGolden(t, "check.junit.xml", got)
	rep := parseJUnit(t, got)
	// Every file checked and the report: a suite each, in order.
	var names []string
	for _, s := range rep.Suites {
		names = append(names, s.Name)
	}
	want := append(slices.Clone(files), "testdata/reports/отчёт.xlsx")
	if !slices.Equal(names, want) {
		t.Errorf("suites %v, want %v", names, want)
	}
	if rep.Tests != 5 || rep.Failures != 4 {
		t.Errorf("tests=%d failures=%d, want 5 and 4", rep.Tests, rep.Failures)
	}
	for _, s := range rep.Suites {
		c := s.Cases[0]
		switch s.Name {
		case "roadmaps/bessonovsky.yaml":
			// Clean: its one note (RM031, the document's own) is output.
			if len(c.Failures) != 0 || !strings.HasPrefix(c.SystemOut, "roadmaps/bessonovsky.yaml:111:10: note RM031") {
				t.Errorf("the clean file fails: %+v", c)
			}
		case "testdata/rules/RM018-unparsed-indicator.yaml":
			// The warning is output, the duplicate id an error.
			if !strings.Contains(c.SystemOut, "warning RM018") || strings.Contains(c.Failures[0].Text, "warning") {
				t.Errorf("warning: %+v", c)
			}
		case "testdata/rules/RM006-bad-date.yaml":
			if c.Failures[0].Message != "RM006" || strings.Count(c.Failures[0].Text, "\n") != 1 {
				t.Errorf("failure: %+v", c.Failures[0])
			}
		}
	}

	// A clean run is a report of passed tests.
	clean := renderCI(t, render.JUnit, i18n.EN, []string{"roadmaps/bessonovsky.yaml", "roadmaps/nikolsky.yaml"}, nil)
	compareGolden(t, "clean.junit.xml", clean)
	if rep := parseJUnit(t, clean); rep.Tests != 2 || rep.Failures != 0 {
		t.Errorf("clean: tests=%d failures=%d", rep.Tests, rep.Failures)
	}
	// Nothing checked is still a report.
	parseJUnit(t, renderCI(t, render.JUnit, i18n.RU, nil, nil))
	// Characters XML cannot hold are replaced.
	bad := renderCI(t, render.JUnit, i18n.RU, nil, []diag.Finding{{File: "a\x01.yaml", Code: diag.BadReportValue, Severity: diag.Error, Args: []any{"\x02]]>", "count"}}})
	parseJUnit(t, bad)
}

// sarifLog is the part of SARIF 2.1.0 the test checks, with the
// properties the standard requires.
type sarifLog struct {
	Schema  *string `json:"$schema"`
	Version *string `json:"version"`
	Runs    []struct {
		Tool *struct {
			Driver *struct {
				Name  *string `json:"name"`
				Rules []struct {
					ID                   *string                `json:"id"`
					Name                 string                 `json:"name"`
					ShortDescription     *struct{ Text any }    `json:"shortDescription"`
					DefaultConfiguration struct{ Level string } `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   *struct {
				Text *string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation *struct {
						URI *string `json:"uri"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Properties map[string]string `json:"properties"`
		} `json:"results"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, data []byte) sarifLog {
	t.Helper()
	var log sarifLog
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&log); err != nil {
		t.Fatal(err)
	}
	if log.Version == nil || *log.Version != "2.1.0" || log.Schema == nil || *log.Schema != render.SARIFSchema {
		t.Fatalf("version %v, $schema %v", log.Version, log.Schema)
	}
	if len(log.Runs) != 1 || log.Runs[0].Tool == nil || log.Runs[0].Tool.Driver == nil || log.Runs[0].Tool.Driver.Name == nil {
		t.Fatal("runs[0].tool.driver.name is required")
	}
	run := log.Runs[0]
	if *run.Tool.Driver.Name != "roadmap" || len(run.Tool.Driver.Rules) != len(diag.Rules) {
		t.Errorf("driver %q with %d rules", *run.Tool.Driver.Name, len(run.Tool.Driver.Rules))
	}
	for i, r := range run.Tool.Driver.Rules {
		if r.ID == nil || *r.ID != string(diag.Rules[i].Code) || r.ShortDescription == nil || r.ShortDescription.Text == "" {
			t.Errorf("rule %d: %+v", i, r)
		}
		if r.DefaultConfiguration.Level != diag.Rules[i].Severity.String() {
			t.Errorf("rule %d: level %q", i, r.DefaultConfiguration.Level)
		}
	}
	for i, res := range run.Results {
		if res.Message == nil || res.Message.Text == nil || *res.Message.Text == "" {
			t.Errorf("result %d: message.text is required", i)
		}
		if res.RuleIndex == nil || *run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex does not name rule %s", i, res.RuleID)
		}
		if res.Level != "error" && res.Level != "warning" && res.Level != "note" {
			t.Errorf("result %d: level %q", i, res.Level)
		}
		for _, l := range res.Locations {
			if l.PhysicalLocation == nil || l.PhysicalLocation.ArtifactLocation == nil || l.PhysicalLocation.ArtifactLocation.URI == nil {
				t.Errorf("result %d: no artifactLocation.uri", i)
				continue
			}
			if uri := *l.PhysicalLocation.ArtifactLocation.URI; strings.Contains(uri, `\`) || strings.HasPrefix(uri, "/") {
				t.Errorf("result %d: uri %q", i, uri)
			}
			if reg := l.PhysicalLocation.Region; reg != nil && (reg.StartLine < 1 || reg.StartColumn < 0) {
				t.Errorf("result %d: region %+v", i, reg)
			}
		}
	}
	return log
}

func TestSARIF(t *testing.T) {
	files, fs := ciInput(t)
	got := renderCI(t, render.SARIF, i18n.RU, files, fs)
	compareGolden(t, "check.sarif.json", got)
	log := parseSARIF(t, got)
	results := log.Runs[0].Results
	if len(results) != len(fs) {
		t.Fatalf("%d results for %d findings", len(results), len(fs))
	}
	for i, res := range results {
		f := fs[i]
		if res.RuleID != string(f.Code) || *res.Message.Text == "" {
			t.Errorf("result %d: %+v", i, res)
		}
		loc := res.Locations[0].PhysicalLocation
		switch {
		case f.Cell != "":
			if loc.Region != nil || res.Properties["cell"] != f.Cell || !strings.HasPrefix(*res.Message.Text, f.Cell+": ") {
				t.Errorf("cell finding: %+v", res)
			}
		case loc.Region == nil || loc.Region.StartLine != f.Line || loc.Region.StartColumn != f.Col:
			t.Errorf("result %d: region for %s", i, f.Where())
		}
	}
	// English messages, and a clean run with no results.
	en := parseSARIF(t, renderCI(t, render.SARIF, i18n.EN, files, fs))
	for _, res := range en.Runs[0].Results {
		if msg := *res.Message.Text; res.RuleID == "RM006" && !strings.HasPrefix(msg, `field "date": invalid date`) {
			t.Errorf("English message: %q", msg)
		}
	}
	clean := renderCI(t, render.SARIF, i18n.EN, files, nil)
	if !bytes.Contains(clean, []byte(`"results": []`)) {
		t.Error("a clean run must have an empty results array")
	}
	parseSARIF(t, clean)
}

// TestCIDocs: docs/ci.md shows real output, the tested outputs of
// check_ci_formats.txtar, and the example files it ships.
func TestCIDocs(t *testing.T) {
	t.Chdir("../..")
	doc, err := os.ReadFile("docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile("cmd/roadmap/testdata/script/check_ci_formats.txtar")
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, f := range ar.Files {
		if f.Name == "findings.sarif.json" {
			continue // shown shortened
		}
		if !bytes.Contains(doc, f.Data) {
			t.Errorf("docs/ci.md does not show the output %s of check_ci_formats.txtar:\n%s", f.Name, f.Data)
		}
		shown++
	}
	if git, err := txtar.ParseFile("cmd/roadmap/testdata/script/git_install.txtar"); err != nil {
		t.Error(err)
	} else {
		for _, f := range git.Files {
			if f.Name == "want-first.txt" && !bytes.Contains(doc, f.Data) {
				t.Errorf("docs/ci.md does not show the output of roadmap git install:\n%s", f.Data)
			}
		}
	}
	if shown < 3 {
		t.Errorf("only %d outputs in check_ci_formats.txtar", shown)
	}
	for _, name := range []string{"docs/examples/github-actions.yml", "docs/examples/gitlab-ci.yml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		// The file less its heading comment.
		body := string(data)
		for strings.HasPrefix(body, "#") {
			_, body, _ = strings.Cut(body, "\n")
		}
		if !strings.Contains(string(doc), body) {
			t.Errorf("docs/ci.md does not show %s as it is", name)
		}
		var v map[string]any
		if err := yaml.Unmarshal(data, &v); err != nil || len(v) == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	var hooks []struct {
		ID            string `yaml:"id"`
		Entry         string `yaml:"entry"`
		Files         string `yaml:"files"`
		PassFilenames bool   `yaml:"pass_filenames"`
	}
	data, err := os.ReadFile(".pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 2 || hooks[0].ID != "roadmap-check" || hooks[0].Entry != "roadmap check --roadmaps-only" || hooks[1].ID != "roadmap-fmt" ||
		hooks[1].Entry != "roadmap fmt --check --roadmaps-only" || hooks[0].Files != `\.ya?ml$` || !hooks[0].PassFilenames {
		t.Errorf(".pre-commit-hooks.yaml: %+v", hooks)
	}
}
