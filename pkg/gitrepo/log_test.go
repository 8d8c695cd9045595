package gitrepo

import (
	"reflect"
	"testing"
)

// TestLog: each file's commits, oldest first, the deleted file's too,
// limited to the paths asked for.
func TestLog(t *testing.T) {
	t.Parallel()
	g, _ := newRepo(t)
	repo, err := g.Open()
	if err != nil {
		t.Fatal(err)
	}
	log, err := repo.Log([]string{"a.yaml", "b.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	subjects := map[string][]string{}
	for f, cs := range log {
		for _, c := range cs {
			if len(c.Hash) < 7 || len(c.Date) != 10 {
				t.Errorf("%s: commit %+v", f, c)
			}
			subjects[f] = append(subjects[f], c.Subject)
		}
	}
	want := map[string][]string{"a.yaml": {"first", "second"}, "b.yaml": {"first", "second"}}
	if !reflect.DeepEqual(subjects, want) {
		t.Errorf("log: %v, want %v", subjects, want)
	}
}

func TestParseLog(t *testing.T) {
	t.Parallel()
	got := parseLog("\x01abc1234\x1f2021-03-01\x1fприказ № 5: изменения\x00\nroadmaps/a.yaml\x00roadmaps/b.yaml\x00\x01def5678\x1f2021-04-01\x1fбез файлов\x00")
	want := map[string][]Commit{
		"roadmaps/a.yaml": {{"abc1234", "2021-03-01", "приказ № 5: изменения"}},
		"roadmaps/b.yaml": {{"abc1234", "2021-03-01", "приказ № 5: изменения"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseLog: %v", got)
	}
}
