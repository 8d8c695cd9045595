package main

import (
	"errors"
	"io/fs"
	"os/exec"
	"syscall"
	"testing"

	"github.com/roadmap-edu/roadmap/pkg/gitrepo"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
	"github.com/roadmap-edu/roadmap/pkg/importer"
	"github.com/roadmap-edu/roadmap/pkg/safefile"
)

// TestDescribe: typed errors of the packages become words in the user's
// language here, at the edge.
func TestDescribe(t *testing.T) {
	t.Parallel()
	other := errors.New("other")
	bad := &gitrepo.Error{Args: []string{"show", "nope:a.yaml"}, Stderr: "fatal: invalid object name 'nope'.", ExitCode: 128}
	silent := &gitrepo.Error{Args: []string{"config", "--get", "x.y"}, ExitCode: 1, Err: errors.New("exit status 1")}
	tests := []struct {
		lang i18n.Lang
		err  error
		want string
	}{
		{i18n.RU, gitrepo.ErrNoGit, "не найдена программа git"},
		{i18n.EN, gitrepo.ErrNoGit, "the git program was not found"},
		{i18n.RU, bad, "git show nope:a.yaml: fatal: invalid object name 'nope'."},
		{i18n.RU, silent, "git config --get x.y: exit status 1"},
		{i18n.RU, other, "other"},
		{i18n.RU, &safefile.TooLargeError{Name: "big.yaml", Limit: 64 << 20}, "big.yaml: файл слишком велик (больше 64 МиБ; предел меняет --max-size)"},
		{i18n.EN, &safefile.TooLargeError{Name: "HEAD:a.yaml", Limit: 64 << 20}, "HEAD:a.yaml: the file is too large (over 64 MiB; --max-size changes the limit)"},
		// The system's English never reaches the user.
		{i18n.RU, &fs.PathError{Op: "write", Path: "сводка.xlsx", Err: syscall.ENOSPC}, "сводка.xlsx: на диске нет места; освободите место и повторите — прежний файл не изменён"},
		{i18n.RU, &fs.PathError{Op: "open", Path: "/media/cd/x.yaml", Err: syscall.EROFS}, "/media/cd/x.yaml: диск или каталог только для чтения; запишите в другое место (-o)"},
		{i18n.RU, &fs.PathError{Op: "read", Path: "d.yaml", Err: syscall.EISDIR}, "d.yaml — это каталог, а не файл"},
		{i18n.RU, &fs.PathError{Op: "open", Path: "a.yaml/b.yaml", Err: syscall.ENOTDIR}, "a.yaml/b.yaml: часть пути — файл, а не каталог"},
		{i18n.RU, &fs.PathError{Op: "read", Path: "//server/x.yaml", Err: syscall.EIO}, "//server/x.yaml: ошибка чтения или записи диска; проверьте диск или сетевую папку и повторите"},
		{i18n.RU, &fs.PathError{Op: "read", Path: "x.yaml", Err: syscall.Errno(200)}, "x.yaml: системная ошибка № 200"},
		{i18n.EN, &fs.PathError{Op: "open", Path: "x.yaml", Err: syscall.ELOOP}, "x.yaml: symbolic links in a loop"},
		{i18n.RU, &safefile.ReplaceError{Path: "сводка.xlsx", Err: fs.ErrPermission}, "не удалось записать сводка.xlsx: файл открыт в другой программе (закройте его в Excel или Word) или нет прав на запись; прежний файл не изменён"},
	}
	for _, tt := range tests {
		a := &app{lang: tt.lang}
		if got := a.describe(a.gitError(tt.err, "diff.err.git", "diff.err.no_git")); got != tt.want {
			t.Errorf("%s %v: %q, want %q", tt.lang, tt.err, got, tt.want)
		}
	}
	if err := (&app{}).gitError(nil, "diff.err.git", "diff.err.no_git"); err != nil {
		t.Errorf("gitError(nil) = %v", err)
	}
}

// TestDescribeImport: the importer's bounds become the user's words, with
// the limit and what to do, never the importer's English detail.
func TestDescribeImport(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang i18n.Lang
		err  error
		want string
	}{
		{i18n.RU, &importer.Error{Kind: importer.ErrTooLarge, Bound: importer.BoundFile, Limit: 20 << 20, Detail: "x bytes"}, "d.docx: файл слишком велик (больше 20 МиБ; предел меняет --max-size)"},
		{i18n.RU, &importer.Error{Kind: importer.ErrTooLarge, Bound: importer.BoundText, Limit: 50 << 20}, "d.docx: текст документа при распаковке больше 50 МиБ — это не дорожная карта (или сжатая «бомба»)"},
		{i18n.RU, &importer.Error{Kind: importer.ErrTooLarge, Bound: importer.BoundParagraphs, Limit: 50000}, "d.docx: в документе больше 50000 абзацев — это не одна дорожная карта; разделите документ и импортируйте по частям"},
		{i18n.EN, &importer.Error{Kind: importer.ErrTooLarge, Bound: importer.BoundRows, Limit: 10000}, "d.docx: the document's tables have more than 10000 rows: not one roadmap; split it and import the parts"},
	}
	for _, tt := range tests {
		c := &importCmd{app: &app{lang: tt.lang}}
		if got := c.describe("d.docx", tt.err); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestDriverProgram: git install records "roadmap" when it is on PATH,
// else this program's absolute path, quoted for the shell git runs.
func TestDriverProgram(t *testing.T) {
	found := func(string) (string, error) { return "/usr/local/bin/roadmap", nil }
	missing := func(string) (string, error) { return "", exec.ErrNotFound }
	exe := func() (string, error) { return "/opt/tools/road map's/roadmap", nil }
	if p, ok := driverProgram(found, exe); p != "roadmap" || !ok {
		t.Errorf("on PATH: %q, %v", p, ok)
	}
	if p, ok := driverProgram(missing, exe); p != `'/opt/tools/road map'\''s/roadmap'` || ok {
		t.Errorf("not on PATH: %q, %v", p, ok)
	}
}
