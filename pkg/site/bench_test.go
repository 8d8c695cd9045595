package site_test

import (
	"path/filepath"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/site"
)

// BenchmarkSiteBuild builds the site of a generated region of 30 districts x
// 10 roadmaps, loaded once; BenchmarkSiteLoad is its baseline: loading and
// evaluating the same roadmaps and report.
func BenchmarkSiteBuild(b *testing.B) {
	dir := b.TempDir()
	rms, report := generate(b, dir, 30, 10)
	in := input(b, i18n.RU, rms, report)
	out := filepath.Join(dir, "public")
	for b.Loop() {
		if _, err := site.Build(out, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSiteLoad(b *testing.B) {
	dir := b.TempDir()
	rms, report := generate(b, dir, 30, 10)
	for b.Loop() {
		input(b, i18n.RU, rms, report)
	}
}
