package importer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/roadmap"
)

func TestParsePeriod(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want roadmap.Period
		ok   bool
	}{
		{"2021-2023", roadmap.Period{From: 2021, To: 2023}, true},
		{" 2024 ", roadmap.Period{From: 2024, To: 2024}, true},
		{"2021 - 2023", roadmap.Period{From: 2021, To: 2023}, true},
		{"2023-2021", roadmap.Period{}, false},
		{"21-23", roadmap.Period{}, false},
		{"2021–2023", roadmap.Period{}, false}, // an en dash is not the flag's syntax
		{"", roadmap.Period{}, false},
		{"два", roadmap.Period{}, false},
	} {
		got, ok := ParsePeriod(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestOptionsWin: a value given wins over the one the text gives, with
// no warning about it.
func TestOptionsWin(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata", "import", "real")
	for _, tc := range []struct {
		doc    string
		opt    Options
		get    func(*roadmap.Roadmap) any
		want   any
		noWarn string
	}{
		{"04_north-ossetia-gia-2023", Options{Region: "Иной край"},
			func(r *roadmap.Roadmap) any { return r.Region }, "Иной край", "import.warn.no_region"},
		{"20_krasnodar-krai-gia-9-2013", Options{Region: "Краснодарский край"},
			func(r *roadmap.Roadmap) any { return r.Region }, "Краснодарский край", "import.warn.region_recased"},
		{"04_north-ossetia-gia-2023", Options{Authority: "Иной орган"},
			func(r *roadmap.Roadmap) any { return r.Authority }, "Иной орган", "import.warn.no_authority"},
		{"01_krasnodar-krai-gia-2016", Options{Period: roadmap.Period{From: 2016, To: 2016}},
			func(r *roadmap.Roadmap) any { return r.Period }, roadmap.Period{From: 2016, To: 2016}, "import.warn.period_widened"},
		{"21_karabai-shemursha-school-defence-month-2022", Options{Organisation: "Иная школа"},
			func(r *roadmap.Roadmap) any { return r.Organisation }, "Иная школа", "import.warn.no_organisation"},
		{"04_north-ossetia-gia-2023", Options{Level: roadmap.LevelSchool, Organisation: "Иная школа"},
			func(r *roadmap.Roadmap) any { return r.LevelOf() }, roadmap.LevelSchool, "import.warn.no_organisation"},
		{"07_tor-3-school-fgos-2022", Options{Level: roadmap.LevelSchool},
			func(r *roadmap.Roadmap) any { return r.LevelOf() }, roadmap.LevelSchool, "import.warn.executors_owner"},
	} {
		data, err := os.ReadFile(filepath.Join(dir, tc.doc+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ReadText(data)
		if err != nil {
			t.Fatal(err)
		}
		r, warns, err := Recognise(doc, tc.opt)
		if err != nil {
			t.Fatalf("%s: %v", tc.doc, err)
		}
		if got := tc.get(r); got != tc.want {
			t.Errorf("%s %+v: got %v, want %v", tc.doc, tc.opt, got, tc.want)
		}
		if slices.ContainsFunc(warns, func(w Warning) bool { return w.Key == tc.noWarn }) {
			t.Errorf("%s %+v: warning %s", tc.doc, tc.opt, tc.noWarn)
		}
	}
}
