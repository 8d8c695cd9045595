package site_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/golden"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/site"
)

// TestSitePrinted prints a roadmap page and the region page as Chromium
// prints them for a meeting: A4, no navigation, downloads or skip link,
// no words drawn over each other, the activities and the table there.
func TestSitePrinted(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("a browser in -short mode")
	}
	_, chromium := needBrowser(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	if _, err := site.Build(out, input(t, i18n.RU, "../../roadmaps", "../../testdata/reports/seeds-2020-2022.xlsx")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		page string
		want []string
	}{
		{"d/bessonovskii-raion/bessonovsky-proforientatsiya.html", []string{"Мероприятия", "Составление", "Плана"}},
		{"index.html", []string{"Бессоновский", "Никольский"}},
	} {
		pdf := filepath.Join(dir, strings.ReplaceAll(tc.page, "/", "_")+".pdf")
		cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
			"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+pdf, "file://"+filepath.Join(out, tc.page))
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: chromium: %v\n%s", tc.page, err, b)
		}
		info, err := exec.Command(golden.Program(t, "pdfinfo"), pdf).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)`).Match(info) {
			t.Errorf("%s: not A4:\n%s", tc.page, info)
		}
		pages := golden.PDFPages(t, pdf)
		var all strings.Builder
		for i, p := range pages {
			if o := p.Overlaps(); len(o) > 0 {
				t.Errorf("%s page %d: %d pairs of words drawn over each other, e.g. %+v", tc.page, i+1, len(o), o[0])
			}
			all.WriteString(p.Text() + " ")
		}
		text := all.String()
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not printed", tc.page, w)
			}
		}
		for _, w := range []string{"Скачать", "Перейти к содержанию"} {
			if strings.Contains(text, w) {
				t.Errorf("%s: %q printed (navigation belongs on screen only)", tc.page, w)
			}
		}
		if os.Getenv("SITE_PRINT_KEEP") != "" {
			b, _ := os.ReadFile(pdf)
			os.WriteFile(filepath.Join(os.Getenv("SITE_PRINT_KEEP"), filepath.Base(pdf)), b, 0o644)
		}
	}
}
