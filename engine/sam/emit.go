package sam

import (
	"bytes"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	yaml "go.yaml.in/yaml/v3"
)

// yamlStyle is the layout of printed YAML.
type yamlStyle struct {
	step       int  // indentation step
	shortTags  bool // long-form intrinsics ({"Ref": "X"}) print as !Tags
	compactSeq bool // block sequences at their key's indentation
}

// yamlText prints a value as block YAML whose first line starts at column
// base+1 (the caller places it) and whose other lines are indented by base
// spaces.
func yamlText(v *asl.Value, base int, st yamlStyle) []byte {
	step := st.step
	if step < 2 {
		step = 2
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(step)
	if st.compactSeq {
		enc.CompactSeqIndent()
	}
	if err := enc.Encode(yamlNode(v, st.shortTags, 0)); err != nil {
		return compactJSON(asl.PrintJSON(v))
	}
	enc.Close()
	out := strings.TrimSuffix(b.String(), "\n")
	if base == 0 {
		return []byte(out)
	}
	pad := strings.Repeat(" ", base)
	lines := strings.Split(out, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// yamlNode converts a value to a yaml.Node for the encoder.
func yamlNode(v *asl.Value, shortTags bool, depth int) *yaml.Node {
	if shortTags && depth < 1000 {
		if tag, arg := intrinsicTag(v); tag != "" {
			n := yamlNode(arg, shortTags, depth+1)
			n.Tag = tag
			if n.Kind != yaml.ScalarNode {
				n.Style = yaml.FlowStyle
			} else {
				n.Style = 0
			}
			return n
		}
	}
	switch v.Kind {
	case asl.Object:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, f := range v.Fields {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Key}, yamlNode(f.Value, shortTags, depth+1))
		}
		if len(v.Fields) == 0 {
			n.Style = yaml.FlowStyle
		}
		return n
	case asl.Array:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, it := range v.Items {
			n.Content = append(n.Content, yamlNode(it, shortTags, depth+1))
		}
		if len(v.Items) == 0 {
			n.Style = yaml.FlowStyle
		}
		return n
	case asl.Null:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case asl.Bool:
		s := "false"
		if v.Bool {
			s = "true"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: s}
	case asl.Number:
		tag := "!!int"
		if strings.ContainsAny(v.Str, ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v.Str}
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.Str}
	if strings.Contains(v.Str, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}
