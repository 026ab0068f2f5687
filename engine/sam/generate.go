package sam

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/aslstudio/aslstudio/engine/asl"
	yaml "go.yaml.in/yaml/v3"
)

// GenerateOptions configure Generate.
type GenerateOptions struct {
	// Name is the state machine's logical id (default "StateMachine").
	Name string
	// Type is STANDARD (default) or EXPRESS; EXPRESS gets logging to a new
	// log group.
	Type string
	// DefinitionURI is the path the template's DefinitionUri names (default
	// "statemachine/<name>.asl.json"). When Inline is set the definition is
	// written into the template instead.
	DefinitionURI string
	Inline        bool
	// SubstituteARNs replaces literal ARNs in the definition by ${Name}
	// placeholders and lists their values in DefinitionSubstitutions.
	SubstituteARNs bool
}

// Generated is the result of Generate.
type Generated struct {
	// Template is the SAM template (YAML).
	Template []byte
	// Definition is the definition the template refers to: with
	// placeholders when SubstituteARNs was set.
	Definition *asl.Value
	// DefinitionURI is the path the template's DefinitionUri names ("" when inline).
	DefinitionURI string
	// Policies are the SAM policy templates and statements inferred, in
	// the form they are written (e.g. "LambdaInvokePolicy: Fn").
	Policies []string
}

var idRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9]+$`) })

// Generate writes a SAM template with one AWS::Serverless::StateMachine for
// def: its Type, its DefinitionUri (or inline Definition), logging for
// EXPRESS, and Policies inferred from its Task states (SAM policy templates
// such as LambdaInvokePolicy or DynamoDBCrudPolicy, and an IAM Statement
// with the exact actions of aws-sdk integrations).
func Generate(def *asl.Value, opt GenerateOptions) (*Generated, error) {
	if def == nil || def.Kind != asl.Object {
		return nil, fmt.Errorf("the definition is not a JSON object")
	}
	name := opt.Name
	if name == "" {
		name = "StateMachine"
	}
	if !idRE().MatchString(name) {
		return nil, fmt.Errorf("--name %q: a logical id has only letters and digits", name)
	}
	typ := strings.ToUpper(opt.Type)
	if typ == "" {
		typ = "STANDARD"
	}
	if typ != "STANDARD" && typ != "EXPRESS" {
		return nil, fmt.Errorf("--type %q: STANDARD or EXPRESS", opt.Type)
	}
	g := &Generated{Definition: def}
	tasks := taskStates(def)
	pol := inferPolicies(tasks)
	var subs [][2]string
	if opt.SubstituteARNs {
		g.Definition, subs = substituteARNs(def)
	}
	props := ymap()
	props.add("Type", yscalar(typ))
	if opt.Inline {
		props.add("Definition", yamlNode(g.Definition, true, 0))
	} else {
		g.DefinitionURI = opt.DefinitionURI
		if g.DefinitionURI == "" {
			g.DefinitionURI = "statemachine/" + lowerFirst(name) + ".asl.json"
		}
		props.add("DefinitionUri", yscalar(g.DefinitionURI))
	}
	if len(subs) > 0 {
		m := ymap()
		for _, s := range subs {
			m.add(s[0], yscalar(s[1]))
		}
		props.add("DefinitionSubstitutions", m)
	}
	resources := ymap()
	if typ == "EXPRESS" {
		logs := name + "Logs"
		arn := yscalar(logs + ".Arn")
		arn.Tag = "!GetAtt"
		dest := ymap()
		dest.add("LogGroupArn", arn)
		d := ymap()
		d.add("CloudWatchLogsLogGroup", dest)
		lg := ymap()
		lg.add("Level", yscalar("ALL"))
		lg.add("IncludeExecutionData", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		lg.add("Destinations", yseq(d))
		props.add("Logging", lg)
		pol.statement("logs", "CreateLogDelivery", "GetLogDelivery", "UpdateLogDelivery", "DeleteLogDelivery",
			"ListLogDeliveries", "PutResourcePolicy", "DescribeResourcePolicies", "DescribeLogGroups")
	}
	policies, written := pol.nodes()
	g.Policies = written
	if len(policies.Content) > 0 {
		props.add("Policies", policies)
	}
	sm := ymap()
	sm.add("Type", yscalar(ServerlessStateMachine))
	sm.add("Properties", props)
	resources.add(name, sm)
	if typ == "EXPRESS" {
		lg := ymap()
		lg.add("Type", yscalar("AWS::Logs::LogGroup"))
		p := ymap()
		p.add("RetentionInDays", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "14"})
		lg.add("Properties", p)
		resources.add(name+"Logs", lg)
	}
	root := ymap()
	root.add("AWSTemplateFormatVersion", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "2010-09-09", Style: yaml.SingleQuotedStyle})
	root.add("Transform", yscalar("AWS::Serverless-2016-10-31"))
	desc := "State machine " + name
	if c, ok := def.Get("Comment").StringValue(); ok && c != "" {
		desc = c
	}
	root.add("Description", yscalar(desc))
	root.add("Resources", resources)
	ref := yscalar(name)
	ref.Tag = "!Ref"
	outArn := ymap()
	outArn.add("Description", yscalar("ARN of "+name))
	outArn.add("Value", ref)
	outs := ymap()
	outs.add(name+"Arn", outArn)
	root.add("Outputs", outs)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode((*yaml.Node)(root)); err != nil {
		return nil, err
	}
	enc.Close()
	g.Template = b.Bytes()
	return g, nil
}

// ynode builds mappings for the encoder.
type ynode yaml.Node

func ymap() *ynode { return &ynode{Kind: yaml.MappingNode, Tag: "!!map"} }

func (m *ynode) add(key string, v any) {
	var n *yaml.Node
	switch x := v.(type) {
	case *ynode:
		n = (*yaml.Node)(x)
	case *yaml.Node:
		n = x
	}
	m.Content = append(m.Content, yscalar(key), n)
}

func yscalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func yseq(items ...*ynode) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, it := range items {
		n.Content = append(n.Content, (*yaml.Node)(it))
	}
	return n
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// taskStates returns every Task state object, nested ones included.
func taskStates(def *asl.Value) []*asl.Value {
	var out []*asl.Value
	var machine func(m *asl.Value, depth int)
	machine = func(m *asl.Value, depth int) {
		if m == nil || depth > 100 {
			return
		}
		states := m.Get("States")
		if states == nil {
			return
		}
		for _, f := range states.Fields {
			st := f.Value
			switch t, _ := st.Get("Type").StringValue(); t {
			case asl.TypeTask:
				out = append(out, st)
			case asl.TypeParallel:
				if br := st.Get("Branches"); br != nil {
					for _, b := range br.Items {
						machine(b, depth+1)
					}
				}
			case asl.TypeMap:
				machine(st.Get("ItemProcessor"), depth+1)
				machine(st.Get("Iterator"), depth+1)
			}
		}
	}
	machine(def, 0)
	return out
}

// policies collects SAM policy templates (deduplicated) and IAM actions.
type policies struct {
	templates map[string]map[string]bool // policy template → resource names
	order     []string
	actions   map[string]bool
}

func (p *policies) add(tmpl, param, value string) {
	if p.templates == nil {
		p.templates = map[string]map[string]bool{}
	}
	key := tmpl + "\x00" + param
	if p.templates[key] == nil {
		p.templates[key] = map[string]bool{}
		p.order = append(p.order, key)
	}
	p.templates[key][value] = true
}

func (p *policies) statement(service string, actions ...string) {
	if p.actions == nil {
		p.actions = map[string]bool{}
	}
	for _, a := range actions {
		p.actions[service+":"+a] = true
	}
}

// nodes renders the Policies list and a readable summary.
func (p *policies) nodes() (*yaml.Node, []string) {
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	var written []string
	for _, key := range p.order {
		tmpl, param, _ := strings.Cut(key, "\x00")
		var vals []string
		for v := range p.templates[key] {
			vals = append(vals, v)
		}
		sort.Strings(vals)
		for _, v := range vals {
			args := ymap()
			args.add(param, yscalar(v))
			entry := ymap()
			entry.add(tmpl, args)
			list.Content = append(list.Content, (*yaml.Node)(entry))
			written = append(written, tmpl+": "+v)
		}
	}
	if len(p.actions) > 0 {
		var acts []string
		for a := range p.actions {
			acts = append(acts, a)
		}
		sort.Strings(acts)
		an := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, a := range acts {
			an.Content = append(an.Content, yscalar(a))
		}
		st := ymap()
		st.add("Effect", yscalar("Allow"))
		st.add("Action", an)
		st.add("Resource", yscalar("*"))
		entry := ymap()
		entry.add("Statement", yseq(st))
		list.Content = append(list.Content, (*yaml.Node)(entry))
		written = append(written, "Statement: "+strings.Join(acts, ", "))
	}
	return list, written
}
