package build

import (
	"github.com/aslstudio/aslstudio/engine/catalog"
)

// maxDepth bounds the walk through inline shapes; recursion through named
// structures ends at the first repeat, this only guards malformed models.
const maxDepth = 64

// converter turns one min model's shapes into catalog shapes, naming them
// after the d.ts types (the API model's shape names) and adding the enums of
// the d.ts and the min/max constraints of the botocore model when present.
type converter struct {
	minShapes map[string]any
	d         *dts
	boto      *botoModel
	out       map[string]*catalog.Shape
	started   map[string]bool
}

func newConverter(minShapes map[string]any, d *dts, boto *botoModel) *converter {
	return &converter{minShapes: minShapes, d: d, boto: boto, out: map[string]*catalog.Shape{}, started: map[string]bool{}}
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// shape converts a member or shape definition of the min model; expr is the
// d.ts type expression of the same place ("" when unknown).
func (c *converter) shape(m map[string]any, expr string, depth int) *catalog.Shape {
	def := m
	ref := str(m["shape"])
	if ref != "" {
		def = obj(c.minShapes[ref])
		if def == nil {
			def = map[string]any{}
		}
	}
	if depth > maxDepth {
		return &catalog.Shape{Type: "document"}
	}
	typ := str(def["type"])
	if typ == "" {
		typ = "string"
	}
	var dt dtsType
	if expr != "" {
		dt = c.d.resolve(expr)
	}
	switch typ {
	case "structure":
		if def["document"] == true {
			return &catalog.Shape{Type: "document"}
		}
		key := dt.iface
		if key == "" && ref != "" {
			key = "~" + ref
		}
		named := key != "" && depth > 0
		if named && c.started[key] {
			return &catalog.Shape{Ref: key}
		}
		if named {
			c.started[key] = true
		}
		s := &catalog.Shape{Type: "structure", Members: map[string]*catalog.Shape{}, Union: def["union"] == true}
		var members map[string]string
		if dt.iface != "" {
			members = c.d.interfaces[dt.iface]
		}
		for name, mv := range obj(def["members"]) {
			s.Members[catalog.MemberName(name)] = c.shape(obj(mv), members[name], depth+1)
		}
		if req, ok := def["required"].([]any); ok {
			for _, r := range req {
				s.Required = append(s.Required, catalog.MemberName(str(r)))
			}
		}
		if named {
			c.out[key] = s
			return &catalog.Shape{Ref: key}
		}
		return s
	case "list":
		s := &catalog.Shape{Type: "list", Member: c.shape(obj(def["member"]), dt.elem, depth+1)}
		c.constrain(s, dt.name)
		return s
	case "map":
		s := &catalog.Shape{Type: "map", Key: c.shape(obj(def["key"]), "", depth+1), Value: c.shape(obj(def["value"]), dt.value, depth+1)}
		c.constrain(s, dt.name)
		return s
	default:
		s := &catalog.Shape{Type: typ}
		if typ == "string" && len(dt.enum) > 0 {
			s.Enum = dt.enum
		}
		if def["streaming"] == true || m["streaming"] == true {
			s.Streaming = true
		}
		c.constrain(s, dt.name)
		return s
	}
}

// constrain copies the botocore model's min and max of the named shape.
func (c *converter) constrain(s *catalog.Shape, name string) {
	if c.boto == nil || name == "" {
		return
	}
	b, ok := c.boto.Shapes[name]
	if !ok || (b.Type != "" && b.Type != s.Type) {
		return
	}
	s.Min, s.Max = b.Min, b.Max
	if s.Type == "string" && len(s.Enum) == 0 && len(b.Enum) > 0 {
		s.Enum = b.Enum
	}
}

// hasEventStream reports whether a structure has an event-stream member.
func (c *converter) hasEventStream(m map[string]any) bool {
	for _, mv := range obj(m["members"]) {
		mm := obj(mv)
		def := mm
		if ref := str(mm["shape"]); ref != "" {
			def = obj(c.minShapes[ref])
		}
		if def != nil && def["eventstream"] == true {
			return true
		}
	}
	return false
}
