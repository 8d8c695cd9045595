package roadmap

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without time or zone, as documents give it.
type Date struct {
	Year, Month, Day int
}

// ParseDate reads "2020-07-14" (the file format) or "14.07.2020" (how
// Russian documents write dates) and rejects dates that do not exist.
func ParseDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	var parts []string
	var y, m, d string
	switch {
	case strings.Count(s, "-") == 2:
		parts = strings.Split(s, "-")
		y, m, d = parts[0], parts[1], parts[2]
		if len(y) != 4 {
			return Date{}, false
		}
	case strings.Count(s, ".") == 2:
		parts = strings.Split(s, ".")
		d, m, y = parts[0], parts[1], parts[2]
		if len(y) != 4 {
			return Date{}, false
		}
	default:
		return Date{}, false
	}
	yi, err1 := atoiDigits(y)
	mi, err2 := atoiDigits(m)
	di, err3 := atoiDigits(d)
	if err1 != nil || err2 != nil || err3 != nil || len(m) > 2 || len(d) > 2 {
		return Date{}, false
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Year() != yi || int(t.Month()) != mi || t.Day() != di || yi < 1900 || yi > 2200 {
		return Date{}, false
	}
	return Date{yi, mi, di}, true
}

func atoiDigits(s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("empty")
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("not a digit")
		}
	}
	return strconv.Atoi(s)
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool {
	return d.Year*10000+d.Month*100+d.Day < o.Year*10000+o.Month*100+o.Day
}

// String formats the date as YYYY-MM-DD, the file format.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Russian formats the date as DD.MM.YYYY, as documents write it.
func (d Date) Russian() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, d.Month, d.Year)
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// MarshalText writes YYYY-MM-DD (JSON output).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
