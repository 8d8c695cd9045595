package importer

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestReadFileTooLarge: a document over MaxFileSize is refused by its size
// before it is read (a sparse file: nothing is written or read).
func TestReadFileTooLarge(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "big.docx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(path)
	var ie *Error
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an *Error of ErrTooLarge", err)
	}
	if want := "20971521 bytes, the limit is 20 MiB"; ie.Detail != want {
		t.Errorf("detail %q, want %q", ie.Detail, want)
	}
	if _, err := ImportFile(path, ImportOptions{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ImportFile: err = %v, want ErrTooLarge", err)
	}
}
