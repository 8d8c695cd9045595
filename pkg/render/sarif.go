package render

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// SARIF is the Static Analysis Results Interchange Format 2.1.0, which
// GitHub code scanning (github/codeql-action/upload-sarif) and other
// tools read. The few structs of the subset written are kept here rather
// than taken from a SARIF library: the whole model would be a dependency
// for a dozen fields, and the tests validate the output against the
// schema's required properties.
const SARIF Format = "sarif"

// SARIFSchema is the $schema of a SARIF 2.1.0 log, as the standard gives it.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

type sarifRenderer struct{ opts Options }

// The SARIF objects roadmap writes: one run, every rule, the results.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	Name                 string        `json:"name"`
	ShortDescription     sarifMessage  `json:"shortDescription"`
	FullDescription      *sarifMessage `json:"fullDescription,omitempty"`
	Help                 sarifMessage  `json:"help"`
	HelpURI              string        `json:"helpUri"`
	DefaultConfiguration sarifConfig   `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID     string            `json:"ruleId"`
	RuleIndex  *int              `json:"ruleIndex,omitempty"`
	Level      string            `json:"level"`
	Message    sarifMessage      `json:"message"`
	Locations  []sarifLocation   `json:"locations,omitempty"`
	Properties map[string]string `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Homepage is the project's repository, the SARIF driver's informationUri.
const Homepage = "https://github.com/roadmap-edu/roadmap"

// RulesURL is docs/rules.md in the repository: each rule's helpUri is its
// heading there (#rm001).
const RulesURL = Homepage + "/blob/main/docs/rules.md"

// srcRoot is the uriBaseId of paths in the repository. GitHub code
// scanning resolves it to the checkout; the log leaves it out of
// originalUriBaseIds so that it holds no path of the machine it ran on.
const srcRoot = "%SRCROOT%"

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// Findings writes a SARIF 2.1.0 log: the tool "roadmap" (its version and
// home) with every rule of diag.Rules (its English description as the
// short one, and in the selected language, when not English, as the full
// one; help and helpUri point to the rule in docs/rules.md), and a result
// per finding with the message in the selected language and the file,
// line and column (columns count characters). Files in the repository
// (Options.Root) are relative to it, with uriBaseId %SRCROOT%. A finding
// about a workbook cell has no region, SARIF's regions being lines and
// columns of text: the cell starts the message and is the result's
// "cell" property.
func (r sarifRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "roadmap", Version: r.opts.Version, InformationURI: Homepage, Rules: []sarifRule{}}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	index := map[diag.Code]int{}
	for i, rule := range diag.Rules {
		index[rule.Code] = i
		sr := sarifRule{
			ID:                   string(rule.Code),
			Name:                 rule.Name,
			ShortDescription:     sarifMessage{Text: rule.Name},
			HelpURI:              RulesURL + "#" + strings.ToLower(string(rule.Code)),
			DefaultConfiguration: sarifConfig{Level: rule.Severity.String()},
		}
		help := rule.Name
		if key := "doc." + string(rule.Code); i18n.Has(key) {
			sr.ShortDescription.Text = i18n.T(i18n.EN, key)
			help = i18n.T(r.opts.Lang, key)
			if help != sr.ShortDescription.Text {
				sr.FullDescription = &sarifMessage{Text: help}
			}
		}
		sr.Help = sarifMessage{Text: string(rule.Code) + " " + rule.Name + ": " + help + " " + i18n.T(r.opts.Lang, "sarif.help_more", sr.HelpURI)}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sr)
	}
	for _, f := range fs {
		res := sarifResult{
			RuleID:  string(f.Code),
			Level:   f.Severity.String(),
			Message: sarifMessage{Text: f.Message(r.opts.Lang)},
		}
		if i, ok := index[f.Code]; ok {
			res.RuleIndex = &i
		}
		if f.File != "" {
			loc := sarifPhysical{ArtifactLocation: r.artifact(f.File)}
			if f.Line > 0 && f.Cell == "" {
				loc.Region = &sarifRegion{StartLine: f.Line, StartColumn: f.Col}
			}
			res.Locations = []sarifLocation{{PhysicalLocation: loc}}
		}
		if f.Cell != "" {
			res.Message.Text = f.Cell + ": " + res.Message.Text
			res.Properties = map[string]string{"cell": f.Cell}
		}
		run.Results = append(run.Results, res)
	}
	return WriteJSON(w, sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// artifact locates file: relative to the repository root when it lies in
// it, else as sarifURI gives it.
func (r sarifRenderer) artifact(file string) sarifArtifact {
	if r.opts.Root == "" || file == "-" {
		if filepath.IsAbs(file) {
			return sarifArtifact{URI: sarifURI(file)}
		}
		return sarifArtifact{URI: sarifURI(file), URIBaseID: srcRoot}
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return sarifArtifact{URI: sarifURI(file)}
	}
	rel, err := filepath.Rel(r.opts.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return sarifArtifact{URI: sarifURI(abs)}
	}
	return sarifArtifact{URI: sarifURI(rel), URIBaseID: srcRoot}
}

// sarifURI turns a path into a URI reference: relative paths with forward
// slashes (relative to where roadmap ran, the repository root in CI),
// absolute ones as file URIs; characters outside URIs are escaped.
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x on Windows
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	p = strings.TrimPrefix(p, "./")
	return (&url.URL{Path: p}).String()
}

// Table is not a SARIF result.
func (r sarifRenderer) Table(io.Writer, view.Table) error { return ErrUnsupported }
