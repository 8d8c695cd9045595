// Package safefile owns writing output files safely: the content goes to a
// temporary file beside the target and is renamed over it only when
// complete, so a failure never leaves a half-written file or a damaged
// original.
package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// Write creates or replaces path with what write produces. The file is
// replaced only if write and every step after it succeed. A new file gets
// mode 0644; a replaced one keeps its mode.
func Write(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if info, statErr := os.Stat(path); statErr == nil {
		mode = info.Mode().Perm()
	}
	if err = tmp.Chmod(mode); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
