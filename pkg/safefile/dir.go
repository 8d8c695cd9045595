package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
)

// ReplaceDir creates or replaces the directory path with what build
// writes into an empty temporary directory beside it: a site of
// thousands of files is never left half old, half new. The files inside
// are not synced one by one (that would take minutes); the old directory
// goes only once the new one is complete and in its place, and an
// interrupted run leaves the old one whole (Cleanup removes the new).
// A failure of build leaves path as it was.
func ReplaceDir(path string, build func(dir string) error) (err error) {
	path = filepath.Clean(path)
	parent, base := filepath.Split(path)
	if parent == "" {
		parent = "."
	}
	removeStale(parent)
	pid := strconv.Itoa(os.Getpid())
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-"+pid+"-*")
	if err != nil {
		return userPath(err, path)
	}
	Track(tmp)
	defer Untrack(tmp)
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err = build(tmp); err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := ""
	if st, statErr := os.Lstat(path); statErr == nil {
		if !st.IsDir() {
			return &os.PathError{Op: "replace", Path: path, Err: errors.New("not a directory")}
		}
		// Aside first: a directory cannot be renamed over a full one. It
		// is not tracked: an interrupt now must not remove the old site
		// with the new.
		old = filepath.Join(parent, "."+base+".old-"+pid)
		os.RemoveAll(old)
		if err = os.Rename(path, old); err != nil {
			return &ReplaceError{Path: path, Err: err}
		}
	}
	if err = os.Rename(tmp, path); err != nil {
		if old != "" {
			// Put the old one back: the user's directory stays.
			os.Rename(old, path)
		}
		return &ReplaceError{Path: path, Err: err}
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}
