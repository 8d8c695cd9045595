package site

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/diff"
	"github.com/roadmap-edu/roadmap/pkg/gitrepo"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// History reads the revisions of each roadmap file from git: every
// commit of HEAD that changed it, and what it changed from the revision
// before (package diff's change set). A revision that does not load is
// skipped: the next is compared with the last that did. Files outside
// the repository have no history.
func History(repo *gitrepo.Repo, files []string) (map[string][]Revision, error) {
	rel := map[string]string{}
	var relPaths []string
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			continue
		}
		// The top may be reached through a symlink (macOS /tmp).
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		top := repo.Top
		if real, err := filepath.EvalSymlinks(top); err == nil {
			top = real
		}
		r, err := filepath.Rel(top, abs)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(os.PathSeparator)) {
			continue
		}
		rel[f] = filepath.ToSlash(r)
		relPaths = append(relPaths, rel[f])
	}
	out := map[string][]Revision{}
	if len(relPaths) == 0 {
		return out, nil
	}
	// Paths relative to the top, so git is run there.
	g := gitrepo.Repo{Git: gitrepo.Git{Dir: repo.Top}, Top: repo.Top}
	if _, err := g.Run("rev-parse", "--verify", "-q", "HEAD"); err != nil {
		// A repository without commits yet: no history.
		return out, nil
	}
	log, err := g.Log(relPaths)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		r, ok := rel[f]
		if !ok {
			continue
		}
		var prev *roadmap.Roadmap
		for _, c := range log[r] {
			data, err := g.ReadFile(c.Hash, r, roadmap.MaxFileSize)
			if err != nil {
				// Deleted in this commit (and back later): no version.
				prev = nil
				continue
			}
			cur, fs := roadmap.Parse(c.Hash+":"+r, data)
			if cur == nil || diag.Fails(fs, false) {
				continue
			}
			d, _ := roadmap.ParseDate(c.Date)
			out[f] = append(out[f], Revision{Commit: c.Hash, Date: d, Subject: c.Subject, Diff: diff.Compute(prev, cur, diff.Options{})})
			prev = cur
		}
	}
	return out, nil
}
