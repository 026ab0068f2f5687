package layout

import (
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// gnode is a node of one nesting level: a state, a marker or a group block.
type gnode struct {
	id, state, kind, sub string
	w, h                 float64
	parent               string
	// inner levels: one for a Map, one per branch for a Parallel.
	inner     []*scope
	branchIDs []string
	collapsed bool
	// x, y: top-left, relative to the enclosing level's origin.
	x, y float64
}

// gedge is one transition inside a level (transitions never cross levels).
type gedge struct {
	from, to    int // indices into scope.nodes
	kind, label string
}

// scope is one nesting level: the top level, a Map processor or a Parallel
// branch, with its own Start (nodes[0]) and End (last node).
type scope struct {
	group string
	nodes []*gnode
	edges []gedge
	// laid out: size, and per edge the polyline and label position
	// relative to the level's origin.
	w, h    float64
	routes  [][][2]float64
	labelAt []*labelBox
	back    []bool
}

// builder turns the typed ASL view into levels, giving every node an ID that
// is unique across levels.
type builder struct {
	opts Options
	used map[string]bool
}

func (b *builder) uniqueID(name string) string {
	id := name
	for i := 2; b.used[id]; i++ {
		id = name + "~" + strconv.Itoa(i)
	}
	b.used[id] = true
	return id
}

// level builds the level of machine m whose group ID is group and whose
// enclosing group box is parent.
func (b *builder) level(m *asl.StateMachine, group string) *scope {
	sc := &scope{group: group}
	sc.nodes = append(sc.nodes, &gnode{id: "start:" + group, kind: "start", w: TermW, h: TermH, parent: group})
	index := map[string]int{}
	var states []asl.State
	if m != nil {
		states = m.States
	}
	for _, s := range states {
		c := s.Common()
		if _, dup := index[c.Name]; dup {
			continue
		}
		index[c.Name] = len(sc.nodes)
		sc.nodes = append(sc.nodes, b.node(s, group))
	}
	end := len(sc.nodes)
	sc.nodes = append(sc.nodes, &gnode{id: "end:" + group, kind: "end", w: TermW, h: TermH, parent: group})

	link := func(from int, target, kind, label string) {
		if to, ok := index[target]; ok {
			sc.edges = append(sc.edges, gedge{from: from, to: to, kind: kind, label: label})
		}
	}
	if m != nil {
		link(0, m.StartAt, "start", "")
	}
	seen := map[string]bool{}
	for _, s := range states {
		c := s.Common()
		if seen[c.Name] {
			continue
		}
		seen[c.Name] = true
		from := index[c.Name]
		if ch, ok := s.(*asl.ChoiceState); ok {
			for _, r := range ch.Choices {
				if r != nil {
					link(from, r.Next, "choice", ruleLabel(r))
				}
			}
			if ch.Node != nil && ch.Node.Has("Default") {
				link(from, ch.Default, "default", "Default")
			}
		} else if c.Next != "" {
			link(from, c.Next, "next", "")
		}
		// Catch is read from the document for every type, as the graph
		// model does (a misplaced Catch is still drawn).
		if cv := c.Node.Get("Catch"); cv != nil && cv.Kind == asl.Array {
			for _, it := range cv.Items {
				next, _ := it.Get("Next").StringValue()
				link(from, next, "catch", catchLabel(it))
			}
		}
		if c.End || c.Type == asl.TypeSucceed || c.Type == asl.TypeFail {
			sc.edges = append(sc.edges, gedge{from: from, to: end, kind: "end"})
		}
	}
	return sc
}

// node builds the node of state s, and its inner levels for a Parallel or
// Map that is not collapsed.
func (b *builder) node(s asl.State, parent string) *gnode {
	c := s.Common()
	n := &gnode{id: b.uniqueID(c.Name), state: c.Name, kind: kindOf(c.Type), w: StateW, h: StateH, parent: parent}
	n.sub = subtitle(s)
	switch st := s.(type) {
	case *asl.ParallelState:
		var branches []*asl.StateMachine
		for _, br := range st.Branches {
			if br != nil && br.Node != nil && br.Node.Kind == asl.Object {
				branches = append(branches, br)
			}
		}
		if len(branches) == 0 {
			break
		}
		if b.opts.Collapsed[n.id] {
			n.collapsed = true
			break
		}
		for i, br := range branches {
			bid := n.id + "#" + strconv.Itoa(i)
			b.used[bid] = true
			n.branchIDs = append(n.branchIDs, bid)
			n.inner = append(n.inner, b.level(br, bid))
		}
	case *asl.MapState:
		if st.Processor == nil || st.Processor.Node == nil || st.Processor.Node.Kind != asl.Object {
			break
		}
		if b.opts.Collapsed[n.id] {
			n.collapsed = true
			break
		}
		n.inner = append(n.inner, b.level(st.Processor, n.id))
	}
	return n
}

func kindOf(typ string) string {
	switch typ {
	case asl.TypeTask, asl.TypePass, asl.TypeChoice, asl.TypeWait, asl.TypeSucceed, asl.TypeFail, asl.TypeParallel, asl.TypeMap:
		return strings.ToLower(typ)
	}
	return "state"
}

// subtitle is the second line of a state: the service and action of a Task,
// the type of any other state.
func subtitle(s asl.State) string {
	c := s.Common()
	t, ok := s.(*asl.TaskState)
	if !ok {
		if c.Type == "" {
			return "?"
		}
		if m, ok := s.(*asl.MapState); ok && m.ProcessorMode == "DISTRIBUTED" {
			return "Distributed Map"
		}
		return c.Type
	}
	r := t.Resource
	switch {
	case strings.HasPrefix(r, "arn:aws:states:::"):
		rest := strings.TrimPrefix(r, "arn:aws:states:::")
		rest = strings.TrimSuffix(strings.TrimSuffix(rest, ".sync:2"), ".sync")
		rest = strings.TrimSuffix(rest, ".waitForTaskToken")
		parts := strings.Split(rest, ":")
		if parts[0] == "aws-sdk" && len(parts) > 1 {
			parts = parts[1:]
		}
		if len(parts) >= 2 {
			return title(parts[0]) + ": " + title(parts[len(parts)-1])
		}
		return title(parts[0])
	case strings.HasPrefix(r, "arn:aws:lambda:") || strings.Contains(r, ":function:"):
		return "Lambda function"
	case strings.Contains(r, ":activity:"):
		return "Activity"
	case r == "":
		return "Task"
	}
	return "Task"
}

var serviceNames = map[string]string{
	"lambda": "Lambda", "dynamodb": "DynamoDB", "sns": "SNS", "sqs": "SQS", "s3": "S3",
	"ecs": "ECS", "eks": "EKS", "glue": "Glue", "states": "Step Functions", "events": "EventBridge",
	"batch": "Batch", "sagemaker": "SageMaker", "bedrock": "Bedrock", "http": "HTTP",
	"apigateway": "API Gateway", "athena": "Athena", "emr": "EMR", "codebuild": "CodeBuild",
}

func title(s string) string {
	if n, ok := serviceNames[strings.ToLower(s)]; ok {
		return n
	}
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
