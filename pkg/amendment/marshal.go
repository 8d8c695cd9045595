package amendment

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// Marshal writes the amendment as a roadmap-amendment/v1 file; a zero
// document date is written as null, for a person to fill in.
func (a *Amendment) Marshal() ([]byte, error) {
	doc := DocumentValue(a.Document)
	if a.Document.Date.IsZero() {
		doc.Content[5] = NullValue()
	}
	changes := &yaml.Node{Kind: yaml.SequenceNode}
	for _, c := range a.Changes {
		changes.Content = append(changes.Content, changeNode(c))
	}
	root := mapNode(false,
		Key("format"), IDValue(FormatV1),
		Key("roadmap"), IDValue(a.Roadmap),
		Key("document"), doc,
		Key("changes"), changes)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func changeNode(c Change) *yaml.Node {
	m := mapNode(false)
	add := func(k string, v *yaml.Node) { m.Content = append(m.Content, Key(k), v) }
	fields := func() {
		for _, f := range c.Fields {
			add(f.Key, Copy(f.Value))
		}
	}
	switch c.Kind {
	case ChangeSet:
		add("set", IDValue(c.ID))
		fields()
	case ChangeAdd:
		act := mapNode(false)
		for _, f := range c.Fields {
			act.Content = append(act.Content, Key(f.Key), Copy(f.Value))
		}
		add("add", act)
		if c.After != "" {
			add("after", IDValue(c.After))
		}
	case ChangeRemove:
		add("remove", IDValue(c.ID))
	case ChangeMove:
		add("move", IDValue(c.ID))
		add("after", IDValue(c.After))
	case ChangeRenameExecutor:
		add("rename_executor", mapNode(true, Key("from"), IDValue(c.From), Key("to"), IDValue(c.To)))
	case ChangeRoadmap:
		fields()
	}
	return m
}
