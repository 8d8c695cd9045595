package scaffold

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/check"
	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

// sample is a commented example line of the file: «#   due: …».
var sample = regexp.MustCompile(`(?m)^#   ((due|indicator): .*)$`)

// TestRoadmap: the file of every level passes check with no finding, and
// so does each commented example put in place of the first activity's
// deadline or indicator.
func TestRoadmap(t *testing.T) {
	t.Parallel()
	period := roadmap.Period{From: 2025, To: 2027}
	cases := map[string]Options{
		"district": {Level: roadmap.LevelDistrict, ID: "bessonovsky", District: "Бессоновский район", Authority: "Управление образования", Period: period},
		"region":   {Level: roadmap.LevelRegion, ID: "penza", Region: "Пензенская область", Authority: "Министерство образования: Пензенская область", Period: period},
		"school":   {Level: roadmap.LevelSchool, ID: "school-1", Organisation: "МБОУ СОШ № 1", District: "Бессоновский район", Authority: "МБОУ СОШ № 1", Period: period},
		"one year": {Level: roadmap.LevelDistrict, ID: "n2025", District: "Район «Север» # 1", Authority: "Управление: образования", Period: roadmap.Period{From: 2025, To: 2025}},
	}
	for name, o := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := Roadmap(o)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=roadmap.schema.json\n") {
				t.Errorf("no modeline: %.80s", data)
			}
			dir := t.TempDir()
			files := map[string][]byte{"roadmap.yaml": data}
			samples := sample.FindAllStringSubmatch(string(data), -1)
			if len(samples) < 40 {
				t.Fatalf("only %d commented examples", len(samples))
			}
			for i, m := range samples {
				key := m[2]
				first := regexp.MustCompile(`(?m)^    ` + key + `: .*$`).FindIndex(data)
				variant := string(data[:first[0]]) + "    " + m[1] + string(data[first[1]:])
				variant = strings.Replace(variant, "id: "+quote(o.ID), "id: v"+strings.Repeat("x", i+1), 1)
				files[filepath.Join("v", m[1])] = []byte(variant)
			}
			var paths []string
			for i, name := range slices.Sorted(maps.Keys(files)) {
				path := filepath.Join(dir, fmt.Sprintf("%03d.yaml", i))
				if err := os.WriteFile(path, files[name], 0o644); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, path)
				t.Logf("%s: %s", filepath.Base(path), name)
			}
			res, err := check.Run(paths, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				if f.Severity <= diag.Warning {
					t.Errorf("%s:%d: %s %v", filepath.Base(f.File), f.Line, f.Code, f.Args)
				}
			}
		})
	}
}
