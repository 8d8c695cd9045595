package render

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/view"
)

type githubRenderer struct{ opts Options }

// Findings writes GitHub Actions workflow commands
// ("::error file=f,line=1,col=2,title=RM012::message"), which the
// runner turns into annotations on the pull request.
func (r githubRenderer) Findings(w io.Writer, fs []diag.Finding) error {
	for _, f := range fs {
		// The runner wants forward slashes, also for a run on Windows.
		props := []string{"file=" + escapeProperty(filepath.ToSlash(f.File))}
		if f.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Line))
		}
		if f.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", f.Col))
		}
		props = append(props, "title="+escapeProperty(string(f.Code)))
		msg := f.Message(r.opts.Lang)
		if f.Cell != "" {
			msg = f.Cell + ": " + msg
		}
		level := f.Severity.String()
		if f.Severity == diag.Note {
			level = "notice" // GitHub's name for it
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg)); err != nil {
			return err
		}
	}
	return nil
}

// Table is not a workflow command.
func (r githubRenderer) Table(io.Writer, view.Table) error { return ErrUnsupported }

// escapeData and escapeProperty follow the runner's own escaping of
// workflow command values.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
