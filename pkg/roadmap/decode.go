package roadmap

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/roadmap-edu/roadmap/pkg/diag"
	"github.com/roadmap-edu/roadmap/pkg/i18n"
)

// maxAliasNodes bounds the nodes visited through aliases. yaml.v3 guards
// against "billion laughs" only when decoding into Go values; walking a
// yaml.Node tree ourselves, we must do it.
const maxAliasNodes = 100_000

// decoder walks a yaml.Node tree into Go values strictly, driven by struct
// tags: `yaml:"name"` gives the key, `rm:"required,enum=a|b"` the rules.
// Unlike yaml.v3's own decoder it reports every problem with its line and
// column, keeps going after one, and records the position of every value.
type decoder struct {
	file     string
	findings []diag.Finding
	// positions gets the positions by path for DecodeNode; index, when
	// set instead, for a Roadmap.
	positions  map[string]diag.Pos
	index      *posIndex
	aliasNodes int
	aliasStop  bool
	// patch counts the patch fields being decoded (see field.patch).
	patch int
	// nextLoose are the keys the next struct decoded does not require
	// (see field.loose).
	nextLoose []string
}

// decodeHook lets a type read itself from a node (deadlines and indicators
// are a phrase or a mapping).
type decodeHook func(d *decoder, n *yaml.Node, v reflect.Value, path string)

func pos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }

// at records the position of the value (or, key set, of the key) at path.
func (d *decoder) at(path string, key bool, n *yaml.Node) {
	if d.index != nil {
		d.index.set(path, key, pos(n))
		return
	}
	if key {
		path += "#key"
	}
	d.positions[path] = pos(n)
}

func (d *decoder) add(n *yaml.Node, code diag.Code, args ...any) {
	d.findings = append(d.findings, diag.New(d.file, pos(n), code, args...))
}

// resolve follows aliases, counting the nodes they expand to.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return nil
		}
		d.aliasNodes += countNodes(n.Alias, maxAliasNodes+1-d.aliasNodes)
		if d.aliasNodes > maxAliasNodes {
			if !d.aliasStop {
				d.add(n, diag.Aliasing, maxAliasNodes)
				d.aliasStop = true
			}
			return nil
		}
		n = n.Alias
	}
	return n
}

// countNodes counts the nodes under n, aliases expanded, stopping at limit.
func countNodes(n *yaml.Node, limit int) int {
	count := 0
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || count >= limit || depth > 1000 {
			count = max(count, min(limit, count+1))
			return
		}
		count++
		if n.Kind == yaml.AliasNode {
			walk(n.Alias, depth+1)
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return count
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// typeName describes a node's type for a wrong-type message.
func typeName(n *yaml.Node) i18n.Msg {
	switch n.Kind {
	case yaml.MappingNode:
		return i18n.M("type.mapping")
	case yaml.SequenceNode:
		return i18n.M("type.list")
	}
	switch n.ShortTag() {
	case "!!int":
		return i18n.M("type.int")
	case "!!float":
		return i18n.M("type.number")
	case "!!bool":
		return i18n.M("type.bool")
	case "!!null":
		return i18n.M("type.null")
	case "!!timestamp":
		return i18n.M("type.date")
	}
	return i18n.M("type.string")
}

// keyName is the last key of a path, as the user wrote it in the file.
func keyName(path string) string {
	if i := lastSep(path); i >= 0 {
		return strings.TrimSuffix(path[i+1:], "]")
	}
	return path
}

var (
	dateType = reflect.TypeOf(Date{})
)

// decode reads n into v (settable) at path.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	n = d.resolve(n)
	if n == nil {
		return
	}
	d.at(path, false, n)
	if hook := hookFor(v.Type()); hook != nil {
		hook(d, n, v, path)
		return
	}
	if v.Type() == dateType {
		d.decodeDate(n, v, path)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.decode(n, p.Elem(), path)
		v.Set(p)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path)
	case reflect.Map:
		d.decodeYearMap(n, v, path)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.add(n, diag.WrongType, keyName(path), i18n.M("type.string"), typeName(n))
			return
		}
		if isNull(n) {
			return
		}
		v.SetString(strings.TrimSpace(n.Value))
	case reflect.Int:
		var i int
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&i) != nil {
			d.add(n, diag.WrongType, keyName(path), i18n.M("type.int"), typeName(n))
			return
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		var f float64
		tag := n.ShortTag()
		if n.Kind != yaml.ScalarNode || (tag != "!!int" && tag != "!!float") || n.Decode(&f) != nil {
			d.add(n, diag.WrongType, keyName(path), i18n.M("type.number"), typeName(n))
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
			d.add(n, diag.WrongType, keyName(path), i18n.M("type.bool"), typeName(n))
			return
		}
		v.SetBool(b)
	default:
		panic(fmt.Sprintf("roadmap: decoder has no rule for %s", v.Type()))
	}
}

func (d *decoder) decodeDate(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode {
		d.add(n, diag.WrongType, keyName(path), i18n.M("type.date"), typeName(n))
		return
	}
	if isNull(n) {
		return
	}
	date, ok := ParseDate(n.Value)
	if !ok {
		d.add(n, diag.BadDate, keyName(path), n.Value)
		return
	}
	v.Set(reflect.ValueOf(date))
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string) {
	// A single text where a list of texts is expected ("executors: МКУ
	// МЦПРО") is what a person means: a list of one.
	if n.Kind == yaml.ScalarNode && v.Type().Elem().Kind() == reflect.String && !isNull(n) {
		s := reflect.MakeSlice(v.Type(), 1, 1)
		d.decode(n, s.Index(0), path+"[0]")
		v.Set(s)
		return
	}
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.add(n, diag.WrongType, keyName(path), i18n.M("type.list"), typeName(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		d.decode(c, s.Index(i), path+"["+strconv.Itoa(i)+"]")
	}
	v.Set(s)
}

// decodeYearMap reads a mapping keyed by year ("by_year", "targets").
func (d *decoder) decodeYearMap(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.add(n, diag.WrongType, keyName(path), i18n.M("type.year_mapping"), typeName(n))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	seen := map[int]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := d.resolve(n.Content[i])
		if k == nil {
			continue
		}
		year, err := strconv.Atoi(k.Value)
		if k.Kind != yaml.ScalarNode || err != nil {
			d.add(k, diag.WrongType, keyName(path), i18n.M("type.year_mapping"), typeName(k))
			continue
		}
		if first, dup := seen[year]; dup {
			d.add(k, diag.DuplicateKey, k.Value, first.Line)
			continue
		}
		seen[year] = k
		sub := path + "." + k.Value
		d.at(sub, true, k)
		val := reflect.New(v.Type().Elem()).Elem()
		d.decode(n.Content[i+1], val, sub)
		m.SetMapIndex(reflect.ValueOf(year), val)
	}
	v.Set(m)
}

// field describes one struct field of the schema.
type field struct {
	key      string
	index    int
	required bool
	enum     []string
	// patch: the value sets some fields of a struct (an amendment's
	// correction of the document); none is required there.
	patch bool
	// loose are keys of the value's struct not required there
	// (rm:"loose=n": an amendment's new activity needs no n).
	loose []string
}

// fieldCache maps a struct type to its []field; files load in parallel.
var fieldCache sync.Map

func fieldsOf(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	var fs []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key := sf.Tag.Get("yaml")
		if key == "" || key == "-" {
			continue
		}
		f := field{key: key, index: i}
		for _, opt := range strings.Split(sf.Tag.Get("rm"), ",") {
			switch {
			case opt == "required":
				f.required = true
			case strings.HasPrefix(opt, "enum="):
				f.enum = strings.Split(strings.TrimPrefix(opt, "enum="), "|")
			case opt == "patch":
				f.patch = true
			case strings.HasPrefix(opt, "loose="):
				f.loose = strings.Split(strings.TrimPrefix(opt, "loose="), "|")
			}
		}
		fs = append(fs, f)
	}
	fieldCache.Store(t, fs)
	return fs
}

// pairs returns the key/value pairs of a mapping with YAML merge keys
// ("<<: *base") expanded; explicit keys win over merged ones.
func (d *decoder) pairs(n *yaml.Node) (explicit, merged [][2]*yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			src := d.resolve(val)
			if src == nil {
				continue
			}
			var sources []*yaml.Node
			if src.Kind == yaml.SequenceNode {
				for _, s := range src.Content {
					if s = d.resolve(s); s != nil {
						sources = append(sources, s)
					}
				}
			} else {
				sources = []*yaml.Node{src}
			}
			for _, s := range sources {
				if s.Kind != yaml.MappingNode {
					d.add(s, diag.WrongType, "<<", i18n.M("type.mapping"), typeName(s))
					continue
				}
				e, m := d.pairs(s)
				merged = append(merged, e...)
				merged = append(merged, m...)
			}
			continue
		}
		explicit = append(explicit, [2]*yaml.Node{k, val})
	}
	return explicit, merged
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	loose := d.nextLoose
	d.nextLoose = nil
	if n.Kind != yaml.MappingNode {
		if !isNull(n) {
			d.add(n, diag.WrongType, keyName(path), i18n.M("type.mapping"), typeName(n))
		}
		return
	}
	fs := fieldsOf(v.Type())
	explicit, merged := d.pairs(n)
	seen := map[string]*yaml.Node{}
	given := map[string]bool{}
	apply := func(kv [2]*yaml.Node, fromMerge bool) {
		k := d.resolve(kv[0])
		if k == nil {
			return
		}
		if k.Kind != yaml.ScalarNode {
			d.add(k, diag.WrongType, keyName(path), i18n.M("type.string"), typeName(k))
			return
		}
		if first, dup := seen[k.Value]; dup {
			if !fromMerge {
				d.add(k, diag.DuplicateKey, k.Value, first.Line)
			}
			return
		}
		seen[k.Value] = k
		f, ok := findField(fs, k.Value)
		if !ok && path == "" && strings.HasPrefix(k.Value, "x-") {
			return // extension keys hold YAML anchors, as in docker-compose
		}
		if !ok {
			d.add(k, diag.UnknownKey, k.Value, suggestion(k.Value, fs))
			return
		}
		sub := k.Value
		if path != "" {
			sub = path + "." + k.Value
		}
		d.at(sub, true, k)
		val := d.resolve(kv[1])
		if val == nil {
			return
		}
		if !isNull(val) && !(val.Kind == yaml.ScalarNode && val.Tag == "!!str" && strings.TrimSpace(val.Value) == "" && f.required) {
			given[f.key] = true
		}
		fv := v.Field(f.index)
		if f.patch {
			d.patch++
		}
		d.nextLoose = f.loose
		d.decode(val, fv, sub)
		d.nextLoose = nil
		if f.patch {
			d.patch--
		}
		if len(f.enum) > 0 {
			d.checkEnum(val, fv, f, sub)
		}
	}
	for _, kv := range explicit {
		apply(kv, false)
	}
	for _, kv := range merged {
		apply(kv, true)
	}
	for _, f := range fs {
		if f.required && !given[f.key] && d.patch == 0 && !slices.Contains(loose, f.key) {
			at := n
			if kn, ok := seen[f.key]; ok {
				at = kn
			}
			d.add(at, diag.MissingField, f.key)
		}
	}
}

func (d *decoder) checkEnum(n *yaml.Node, fv reflect.Value, f field, path string) {
	if fv.Kind() == reflect.Pointer {
		if fv.IsNil() {
			return
		}
		fv = fv.Elem()
	}
	if fv.Kind() != reflect.String || fv.String() == "" {
		return
	}
	for _, e := range f.enum {
		if fv.String() == e {
			return
		}
	}
	d.add(n, diag.BadValue, keyName(path), fv.String(), strings.Join(f.enum, ", "))
}

func findField(fs []field, key string) (field, bool) {
	for _, f := range fs {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

// russianKeys maps the Russian column and field names users are likely
// to type as keys to the keys they mean, in order of preference: the first
// the mapping has is suggested («мероприятия» is activities at the top
// level, an activity's title inside one; «номер» a document's number, an
// activity's n).
var russianKeys = map[string][]string{
	"исполнители": {"executors"}, "исполнитель": {"executors"}, "ответственные": {"executors"},
	"ответственный": {"executors", "responsible"}, "ответственные исполнители": {"executors"},
	"сроки": {"due"}, "срок": {"due"}, "сроки реализации": {"due"}, "срок исполнения": {"due"},
	"сроки исполнения": {"due"}, "период реализации": {"due", "period"},
	"показатель": {"indicator"}, "индикативный показатель": {"indicator"}, "индикатор": {"indicator"},
	"результат": {"result"}, "ожидаемый результат": {"result"}, "ожидаемые результаты": {"expected_results", "result"},
	"мероприятия": {"activities", "title"}, "мероприятие": {"title"}, "название": {"title"}, "наименование": {"title"},
	"номер": {"number", "n"}, "№": {"n", "number"}, "№ п/п": {"n"}, "дата": {"date"}, "район": {"district"},
	"период": {"period"}, "цели": {"goals"}, "раздел": {"section"}, "разделы": {"sections"}, "уровень": {"level"},
	"регион": {"region"}, "субъект": {"region"}, "область": {"region"}, "организация": {"organisation"},
	"школа": {"organisation"}, "орган": {"authority"}, "управление": {"authority"}, "направление": {"direction"},
	"документ": {"document"}, "приказ": {"document"}, "примечание": {"note"}, "место": {"place"},
	"преамбула": {"preamble"}, "подписал": {"signed_by"}, "должность": {"position"}, "фио": {"name"},
	"годы": {"years"}, "месяцы": {"months"}, "день": {"day"}, "кварталы": {"quarters"}, "текст": {"text"},
	"вид": {"kind"}, "с": {"from"}, "по": {"to"}, "изменения": {"amendments", "changes"},
}

// suggestion returns the "did you mean" hint for an unknown key, or "".
func suggestion(key string, fs []field) any {
	lower := strings.ToLower(strings.TrimSpace(key))
	for _, k := range russianKeys[lower] {
		if _, exists := findField(fs, k); exists {
			return i18n.M("hint.did_you_mean", k)
		}
	}
	best, bestDist := "", 3
	keys := make([]string, len(fs))
	for i, f := range fs {
		keys[i] = f.key
	}
	sort.Strings(keys)
	for _, k := range keys {
		dist := EditDistance(lower, k)
		if dist >= len([]rune(lower)) {
			continue // "n" is not a misspelt "id"
		}
		if dist < bestDist || (dist <= 3 && len(k) > 4 && (strings.HasPrefix(k, lower) || strings.HasPrefix(lower, k)) && bestDist > 2) {
			best, bestDist = k, dist
		}
	}
	if best == "" {
		return ""
	}
	return i18n.M("hint.did_you_mean", best)
}

// EditDistance is the Levenshtein distance between a and b in runes, for
// "did you mean" hints.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
