package schema

import (
	"os"
	"path/filepath"
)

// File is the name of the schema a repository of roadmaps keeps
// beside them (roadmaps/roadmap.schema.json).
const File = "roadmap.schema.json"

// Ref is the path, relative to the file output and in slashes, of the
// schema the editor modeline names: the roadmap.schema.json in output's
// directory, or in a roadmaps/ directory of one above it; File when
// there is none (or output is standard output).
func Ref(output string) string {
	if output == "" || output == "-" {
		return File
	}
	dir, err := filepath.Abs(filepath.Dir(output))
	if err != nil {
		return File
	}
	for d := dir; ; d = filepath.Dir(d) {
		for _, c := range []string{filepath.Join(d, File), filepath.Join(d, "roadmaps", File)} {
			if st, err := os.Stat(c); err == nil && st.Mode().IsRegular() {
				if rel, err := filepath.Rel(dir, c); err == nil {
					return filepath.ToSlash(rel)
				}
			}
		}
		if filepath.Dir(d) == d {
			return File
		}
	}
}
