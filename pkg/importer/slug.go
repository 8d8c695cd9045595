package importer

import (
	"strconv"
	"strings"
	"unicode"
)

// translit spells Russian letters in Latin, as Russian passports and most
// web addresses do (ц ts, х kh, щ shch; ъ and ь vanish).
var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya", 'і': "i", 'ї': "yi", 'є': "ye",
}

// Translit writes a Russian word in lower-case Latin letters. The
// adjective endings -ий and -ый become a single y, as place names are
// usually spelled ("Бессоновский" bessonovsky, "Никольский" nikolsky).
func Translit(word string) string {
	w := []rune(strings.ToLower(word))
	suffix := ""
	if n := len(w); n > 3 && (string(w[n-2:]) == "ий" || string(w[n-2:]) == "ый") {
		w, suffix = w[:n-2], "y"
	}
	var b strings.Builder
	for _, r := range w {
		if s, ok := translit[r]; ok {
			b.WriteString(s)
		} else if r < 0x80 {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String() + suffix
}

// stopWords are the short words a slug leaves out.
var stopWords = map[string]bool{
	"в": true, "во": true, "на": true, "по": true, "для": true, "с": true, "со": true,
	"и": true, "или": true, "к": true, "ко": true, "о": true, "об": true, "от": true,
	"из": true, "за": true, "при": true, "а": true, "у": true, "не": true, "до": true,
	"через": true, "также": true, "а также": true,
}

// maxSlugWords and maxSlugLen keep slugs readable.
const (
	maxSlugWords = 3
	maxSlugLen   = 40
)

// Slug makes a readable Latin id from the first meaningful words of a
// Russian text: "Составление Плана работы по ..." gives
// "sostavlenie-plana-raboty". It returns "" when the text has no letters
// or digits. A slug is lower-case Latin letters, digits and single
// hyphens, and starts with a letter (else "n" is put before it).
func Slug(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var parts []string
	length := 0
	for _, w := range words {
		if stopWords[strings.ToLower(w)] {
			continue
		}
		s := cleanSlug(Translit(w))
		if s == "" {
			continue
		}
		if len(parts) > 0 && length+1+len(s) > maxSlugLen {
			break
		}
		if len(s) > maxSlugLen {
			s = strings.Trim(s[:maxSlugLen], "-")
		}
		parts = append(parts, s)
		length += len(s) + 1
		if len(parts) == maxSlugWords {
			break
		}
	}
	s := strings.Join(parts, "-")
	if s != "" && !(s[0] >= 'a' && s[0] <= 'z') {
		s = "n" + s
	}
	return s
}

// cleanSlug keeps Latin letters and digits, turns anything else into
// single hyphens and trims them from the ends.
func cleanSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// uniqueIDs gives each text a slug, unique among them: a repeated slug
// gets "-2", "-3"...; a text without letters gets "activity-N" (N from 1).
func uniqueIDs(texts []string) []string {
	ids := make([]string, len(texts))
	used := map[string]bool{}
	for i, t := range texts {
		base := Slug(t)
		if base == "" {
			base = "activity-" + strconv.Itoa(i+1)
		}
		id := base
		for k := 2; used[id]; k++ {
			id = base + "-" + strconv.Itoa(k)
		}
		used[id] = true
		ids[i] = id
	}
	return ids
}
