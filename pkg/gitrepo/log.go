package gitrepo

import (
	"strings"
)

// Commit is a commit that changed a file.
type Commit struct {
	// Hash is the abbreviated hash; Date the author date, YYYY-MM-DD.
	Hash, Date, Subject string
}

// Log lists, for each file under paths (relative to Dir) that a commit
// of HEAD's history changed, those commits oldest first, by the file's
// path relative to the top of the working tree (slashes). Renames are
// not followed: a renamed file's history starts at the rename.
func (r *Repo) Log(paths []string) (map[string][]Commit, error) {
	args := append([]string{"log", "--reverse", "--no-renames", "--format=%x01%h%x1f%as%x1f%s", "--name-only", "-z", "HEAD", "--"}, paths...)
	out, err := r.Run(args...)
	if err != nil {
		return nil, err
	}
	return parseLog(string(out)), nil
}

// parseLog reads Log's git output: per commit \x01, the fields split by
// \x1f up to a NUL, then the file names, each ended by NUL.
func parseLog(out string) map[string][]Commit {
	files := map[string][]Commit{}
	for _, rec := range strings.Split(out, "\x01") {
		head, names, ok := strings.Cut(rec, "\x00")
		if !ok {
			continue
		}
		f := strings.SplitN(head, "\x1f", 3)
		if len(f) != 3 {
			continue
		}
		c := Commit{Hash: f[0], Date: f[1], Subject: f[2]}
		for _, name := range strings.Split(names, "\x00") {
			if name = strings.TrimLeft(name, "\n"); name != "" {
				files[name] = append(files[name], c)
			}
		}
	}
	return files
}
