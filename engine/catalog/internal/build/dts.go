package build

import (
	"bufio"
	"bytes"
	"regexp"
	"strings"
)

// dts is what the generator needs from an aws-sdk clients/<name>.d.ts file:
// the input and output type of each operation, the members of each interface
// and the right-hand side of each type alias. Its names are the API model's
// shape names, which the min models replace with short ids.
type dts struct {
	ops        map[string][2]string         // method name → input, output type
	interfaces map[string]map[string]string // interface → member → type expression
	aliases    map[string]string            // alias → type expression
}

var (
	reMethodParams = regexp.MustCompile(`^  (\w+)\(params: \w+\.Types\.(\w+), callback\?: \(err: AWSError, data: (?:\w+\.Types\.(\w+)|\{\})\)`)
	reMethodNoArgs = regexp.MustCompile(`^  (\w+)\(callback\?: \(err: AWSError, data: (?:\w+\.Types\.(\w+)|\{\})\)`)
	reInterface    = regexp.MustCompile(`^  export interface (\w+)`)
	reMember       = regexp.MustCompile(`^    "?([^"?:]+)"?\??: (.+);$`)
	reAlias        = regexp.MustCompile(`^  export type (\w+) = (.+);$`)
)

func parseDTS(src []byte) *dts {
	d := &dts{ops: map[string][2]string{}, interfaces: map[string]map[string]string{}, aliases: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var cur map[string]string
	for sc.Scan() {
		line := sc.Text()
		if cur != nil {
			if strings.HasPrefix(line, "  }") {
				cur = nil
				continue
			}
			if m := reMember.FindStringSubmatch(line); m != nil {
				cur[m[1]] = strings.TrimSpace(m[2])
			}
			continue
		}
		if m := reMethodParams.FindStringSubmatch(line); m != nil {
			if _, seen := d.ops[m[1]]; !seen {
				d.ops[m[1]] = [2]string{m[2], m[3]}
			}
			continue
		}
		if m := reMethodNoArgs.FindStringSubmatch(line); m != nil {
			if _, seen := d.ops[m[1]]; !seen {
				d.ops[m[1]] = [2]string{"", m[2]}
			}
			continue
		}
		if m := reInterface.FindStringSubmatch(line); m != nil {
			cur = map[string]string{}
			d.interfaces[m[1]] = cur
			if strings.HasSuffix(line, "}") { // "export interface X {}"
				cur = nil
			}
			continue
		}
		if m := reAlias.FindStringSubmatch(line); m != nil {
			d.aliases[m[1]] = strings.TrimSpace(m[2])
		}
	}
	return d
}

// dtsType is a resolved d.ts type: the alias or interface name that the API
// model calls the shape, and what it is.
type dtsType struct {
	name    string   // shape name (alias or interface)
	iface   string   // set for a structure
	elem    string   // list element type expression
	value   string   // map value type expression
	isList  bool     // Foo[]
	isMap   bool     // {[key: string]: Foo}
	enum    []string // "A"|"B"|string
	literal string   // the expression
}

var reEnumLit = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

// resolve follows a type expression to what it denotes. A name that is an
// alias of another name keeps the first (the member's shape name).
func (d *dts) resolve(expr string) dtsType {
	t := dtsType{literal: expr}
	if d == nil {
		return t
	}
	name := ""
	for i := 0; i < 8; i++ {
		if _, ok := d.interfaces[expr]; ok {
			if name == "" {
				name = expr
			}
			t.name, t.iface = name, expr
			return t
		}
		rhs, ok := d.aliases[expr]
		if !ok {
			break
		}
		if name == "" {
			name = expr
		}
		expr = rhs
	}
	t.name = name
	t.literal = expr
	switch {
	case strings.HasSuffix(expr, "[]"):
		t.isList = true
		t.elem = strings.TrimSuffix(expr, "[]")
	case strings.HasPrefix(expr, "{[key: string]: ") && strings.HasSuffix(expr, "}"):
		t.isMap = true
		t.value = strings.TrimSuffix(strings.TrimPrefix(expr, "{[key: string]: "), "}")
	case strings.HasPrefix(expr, `"`):
		for _, m := range reEnumLit.FindAllStringSubmatch(expr, -1) {
			t.enum = append(t.enum, strings.ReplaceAll(m[1], `\"`, `"`))
		}
	}
	return t
}
