package roadmap_test

import (
	"os"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

func seed(b *testing.B) []byte {
	data, err := os.ReadFile("../../roadmaps/bessonovsky.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkBaselineYAMLNode is the bare cost of parsing the file into a
// yaml.Node: what the loader cannot do with less.
func BenchmarkBaselineYAMLNode(b *testing.B) {
	data := seed(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse is the loader on the same file: syntax, strict decoding
// with positions, and every deadline and indicator phrase parsed.
func BenchmarkParse(b *testing.B) {
	data := seed(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if r, fs := roadmap.Parse("b.yaml", data); r == nil || len(fs) > 0 {
			b.Fatal(fs)
		}
	}
}
