package validate

import (
	"github.com/blues/jsonata-go/jparse"
)

// jsonataRefs is what a JSONata expression refers to that AWS restricts:
// field names and "$" read at the top level (there is no input document at
// the top level, only $states and variables), $$, and $states.errorOutput.
type jsonataRefs struct {
	topNames    []string
	dollarRoot  bool // "$$"
	errorOutput bool // "$states.errorOutput"
}

// scanJSONata parses expr and collects its restricted references. ok is
// false when it does not parse (syntax is checked elsewhere).
func scanJSONata(expr string) (refs jsonataRefs, ok bool) {
	root, err := jparse.Parse(expr)
	if err != nil {
		return refs, false
	}
	refs.walk(root, true)
	return refs, true
}

// walk visits n; top says whether n is evaluated against the top-level
// context (where AWS binds no input document).
func (r *jsonataRefs) walk(n jparse.Node, top bool) {
	switch n := n.(type) {
	case nil:
	case *jparse.NameNode:
		if top {
			r.topNames = append(r.topNames, n.Value)
		}
	case *jparse.VariableNode:
		switch {
		case n.Name == "$":
			r.dollarRoot = true
		case n.Name == "" && top:
			r.topNames = append(r.topNames, "$")
		}
	case *jparse.PathNode:
		if len(n.Steps) >= 2 {
			if v, ok := n.Steps[0].(*jparse.VariableNode); ok && v.Name == "states" {
				if name, ok := n.Steps[1].(*jparse.NameNode); ok && name.Value == "errorOutput" {
					r.errorOutput = true
				}
			}
		}
		for i, s := range n.Steps {
			r.walk(s, top && i == 0)
		}
	case *jparse.PredicateNode:
		r.walk(n.Expr, top)
		for _, f := range n.Filters {
			r.walk(f, false)
		}
	case *jparse.GroupNode:
		r.walk(n.Expr, top)
		if n.ObjectNode != nil {
			for _, p := range n.Pairs {
				r.walk(p[0], false)
				r.walk(p[1], false)
			}
		}
	case *jparse.SortNode:
		r.walk(n.Expr, top)
		for _, t := range n.Terms {
			r.walk(t.Expr, false)
		}
	case *jparse.ObjectNode:
		for _, p := range n.Pairs {
			r.walk(p[0], top)
			r.walk(p[1], top)
		}
	case *jparse.ArrayNode:
		for _, it := range n.Items {
			r.walk(it, top)
		}
	case *jparse.BlockNode:
		for _, e := range n.Exprs {
			r.walk(e, top)
		}
	case *jparse.ConditionalNode:
		r.walk(n.If, top)
		r.walk(n.Then, top)
		r.walk(n.Else, top)
	case *jparse.AssignmentNode:
		r.walk(n.Value, top)
	case *jparse.NumericOperatorNode:
		r.walk(n.LHS, top)
		r.walk(n.RHS, top)
	case *jparse.ComparisonOperatorNode:
		r.walk(n.LHS, top)
		r.walk(n.RHS, top)
	case *jparse.BooleanOperatorNode:
		r.walk(n.LHS, top)
		r.walk(n.RHS, top)
	case *jparse.StringConcatenationNode:
		r.walk(n.LHS, top)
		r.walk(n.RHS, top)
	case *jparse.RangeNode:
		r.walk(n.LHS, top)
		r.walk(n.RHS, top)
	case *jparse.NegationNode:
		r.walk(n.RHS, top)
	case *jparse.FunctionCallNode:
		r.walk(n.Func, top)
		for _, a := range n.Args {
			r.walk(a, top)
		}
	case *jparse.PartialNode:
		r.walk(n.Func, top)
		for _, a := range n.Args {
			r.walk(a, top)
		}
	case *jparse.FunctionApplicationNode:
		r.walk(n.LHS, top)
		r.walk(n.RHS, top)
	case *jparse.LambdaNode:
		// A lambda body runs against whatever its caller passes; only
		// $$ and $states references are collected there.
		r.walk(n.Body, false)
	case *jparse.TypedLambdaNode:
		r.walk(n.Body, false)
	case *jparse.ObjectTransformationNode:
		r.walk(n.Pattern, false)
		r.walk(n.Updates, false)
		r.walk(n.Deletes, false)
	}
}
