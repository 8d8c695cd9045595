package main

import (
	"fmt"
	"strings"
	"text/template"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// cobra and pflag write «[flags]», «string», «(default "ru")» in English
// whatever the template says; these template functions say them in the
// language the template names. cobra's template functions are global, so
// they take the language as an argument rather than close over an app.
func init() {
	cobra.AddTemplateFuncs(template.FuncMap{
		"roadmapUseLine":    useLine,
		"roadmapFlagUsages": flagUsages,
	})
}

// useLine is c.UseLine with «[flags]» in lang.
func useLine(c *cobra.Command, lang string) string {
	return strings.Replace(c.UseLine(), "[flags]", i18n.T(i18n.Lang(lang), "usage.flags_placeholder"), 1)
}

// flagUsages is pflag's FlagUsages (the same layout) with the value's
// type and the default in lang.
func flagUsages(fs *pflag.FlagSet, lang string) string {
	l := i18n.Lang(lang)
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = fmt.Sprintf("  -%s, --%s", f.Shorthand, f.Name)
		}
		name, usage := pflag.UnquoteUsage(f)
		if name != "" {
			left += " " + valueName(l, name)
		}
		if !zeroDefault(f) {
			def := f.DefValue
			if f.Value.Type() == "string" {
				def = quote(l, def)
			}
			usage += " " + i18n.T(l, "usage.default", def)
		}
		width = max(width, len([]rune(left)))
		rows = append(rows, row{left, usage})
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s%s   %s\n", r.left, strings.Repeat(" ", width-len([]rune(r.left))), r.usage)
	}
	return b.String()
}

// valueName names the value a flag takes: pflag's type names are Go's.
func valueName(l i18n.Lang, name string) string {
	switch name {
	case "string", "stringArray", "strings":
		return i18n.T(l, "usage.type.string")
	case "int", "uint", "float", "float64", "int64":
		return i18n.T(l, "usage.type.number")
	}
	return name
}

// zeroDefault reports a default not worth printing, as pflag decides.
func zeroDefault(f *pflag.Flag) bool {
	switch f.DefValue {
	case "", "false", "0", "[]", "<nil>", "0s":
		return true
	}
	return false
}

func quote(l i18n.Lang, s string) string {
	if l == i18n.EN {
		return fmt.Sprintf("%q", s)
	}
	return "«" + s + "»"
}
