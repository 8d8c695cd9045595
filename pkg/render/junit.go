package render

import (
	"encoding/xml"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

// JUnit is the JUnit XML report that GitLab (artifacts:reports:junit),
// Jenkins and other CI servers show as test results.
const JUnit Format = "junit"

type junitRenderer struct{ opts Options }

// The JUnit XML elements, in the common subset CI servers read. There is
// no standard JUnit library for Go to take them from (each CI server reads
// its own dialect); encoding/xml writes these few.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	ID       int         `xml:"id,attr"`
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

// junitText is text kept as CDATA, so that its lines stay lines.
type junitText struct {
	Text string `xml:",cdata"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// junitCaseName names the one test case of each file.
const junitCaseName = "roadmap check"

// Findings writes one test suite per file (named by its path) holding one
// test case, "roadmap check". The test case fails when the file has
// errors: its one <failure> lists them all, a line each as in the text
// format, its message the codes. (One failure per test case is what every
// CI server reads; several are not.) Warnings do not fail the test case
// and are listed in its <system-out>, unless the run is strict: then they
// fail it as errors do. Notes are always output. Files given in Options.Files that
// have no findings are test cases that passed, so that a clean run is a
// report too; files with findings but not in Options.Files (reports) are
// added after them, in order.
func (r junitRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	files := slices.Clone(r.opts.Files)
	byFile := map[string][]diag.Finding{}
	for _, f := range fs {
		if _, ok := byFile[f.File]; !ok && !slices.Contains(files, f.File) {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	out := junitSuites{Name: junitCaseName, Time: "0"}
	for _, file := range files {
		if slices.ContainsFunc(out.Suites, func(s junitSuite) bool { return s.Name == file }) {
			continue
		}
		// Forward slashes whatever the system: the report is read elsewhere.
		name := filepath.ToSlash(file)
		c := junitCase{Name: junitCaseName, Classname: name, File: name, Time: "0"}
		var errs, warns []string
		var codes []string
		for _, f := range byFile[file] {
			line := textLine(f, r.opts)
			if f.Severity == diag.Error || r.opts.Strict && f.Severity == diag.Warning {
				errs = append(errs, line)
				if !slices.Contains(codes, string(f.Code)) {
					codes = append(codes, string(f.Code))
				}
			} else {
				warns = append(warns, line)
			}
		}
		suite := junitSuite{ID: len(out.Suites), Name: name, Tests: 1, Time: "0"}
		if len(errs) > 0 {
			c.Failure = &junitFailure{Message: strings.Join(codes, ", "), Type: failureType(byFile[file]), Text: xmlText(strings.Join(errs, "\n") + "\n")}
			suite.Failures = 1
		}
		if len(warns) > 0 {
			c.SystemOut = &junitText{xmlText(strings.Join(warns, "\n") + "\n")}
		}
		suite.Cases = []junitCase{c}
		out.Suites = append(out.Suites, suite)
		out.Tests++
		out.Failures += suite.Failures
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// failureType is "error" when a file has errors, else "warning" (the
// warnings of a strict run).
func failureType(fs []diag.Finding) string {
	if slices.ContainsFunc(fs, func(f diag.Finding) bool { return f.Severity == diag.Error }) {
		return "error"
	}
	return "warning"
}

// textLine is a finding as the text format writes it.
func textLine(f diag.Finding, opts Options) string {
	return f.Where() + ": " + f.Severity.String() + " " + string(f.Code) + ": " + f.Message(opts.Lang)
}

// xmlText replaces the characters XML 1.0 cannot hold (a control
// character quoted from a report cell) with U+FFFD, as encoding/xml does
// for text but not for CDATA.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF,
			r >= 0xE000 && r <= 0xFFFD,
			r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}

// Table is not a test report.
func (r junitRenderer) Table(io.Writer, view.Table) error { return ErrUnsupported }
