//go:build scale

package check_test

func init() { procsFiles = 10_000 }
