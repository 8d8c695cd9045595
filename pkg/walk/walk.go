// Package walk owns finding the input files of a command: the paths given
// are expanded into files, each directory searched recursively for the
// files of one kind in sorted order, so that every run reads the same
// files in the same order.
package walk

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Options say which files a directory yields.
type Options struct {
	// Exts are the extensions of the files searched for (".yaml"),
	// matched whatever their case.
	Exts []string
	// Skip, when set, leaves out files whose name it accepts though
	// their extension matches.
	Skip func(name string) bool
	// Stdin keeps the path "-", the standard input, as it is.
	Stdin bool
}

// Expand turns paths into files, in the order of paths, each file once. A
// path that is not a directory is kept as given, whatever its name; a
// directory gives the files below it that opt accepts, sorted, leaving
// out hidden directories (".git") and hidden files below it. A path that does not exist is
// an error.
func Expand(paths []string, opt Options) ([]string, error) {
	var files []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		if p == "-" && opt.Stdin {
			add(p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		found, err := opt.dir(p)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			add(f)
		}
	}
	return files, nil
}

// dir lists the files of root that opt accepts, sorted.
func (opt Options) dir(root string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			// An entry that cannot be read (gone, no permission) is kept, so
			// that reading it reports it; the rest of the tree is walked.
			if opt.accepts(filepath.Base(path)) {
				found = append(found, path)
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		// Hidden files are not the user's roadmaps: editors' and tools'
		// temporary files (".x.yaml.swp", an interrupted write) are.
		if !strings.HasPrefix(name, ".") && opt.accepts(name) {
			found = append(found, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Sorted as strings, "a/b.yaml" before "a/b/c.yaml", not in the
	// order of the walk.
	slices.Sort(found)
	return found, nil
}

func (opt Options) accepts(name string) bool {
	ext := filepath.Ext(name)
	if !slices.ContainsFunc(opt.Exts, func(e string) bool { return strings.EqualFold(e, ext) }) {
		return false
	}
	return opt.Skip == nil || !opt.Skip(name)
}
