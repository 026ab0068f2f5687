package expr

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	jsonata "github.com/blues/jsonata-go"
	"github.com/blues/jsonata-go/jparse"
)

// The JSONata engine is github.com/blues/jsonata-go (JSONata 1.x semantics);
// AWS runs JSONata 2.0.6. The adapter here binds $states and the workflow
// variables, adds the functions AWS adds ($partition, $range, $hash,
// $random with a seed, $uuid, $parse) and the 2.x functions the library
// lacks (jsonata_funcs.go), converts results to runtime values
// (jsonata_values.go) and words errors as AWS does (jsonata_errors.go).

// IsJSONata reports whether s is a JSONata expression string: it starts
// with "{%" and ends with "%}" (no white space outside them, as AWS
// requires: " {% x %} " is a plain string). inner is the text between the
// delimiters, trimmed.
func IsJSONata(s string) (inner string, ok bool) {
	if len(s) < 4 || !strings.HasPrefix(s, "{%") || !strings.HasSuffix(s, "%}") {
		return "", false
	}
	return strings.TrimSpace(s[2 : len(s)-2]), true
}

// CheckJSONata reports whether expr (the text inside {% … %}) compiles.
func CheckJSONata(expr string) error {
	_, err := compileJSONata(expr)
	if err != nil {
		return fmt.Errorf("invalid JSONata expression '%s': %s", expr, jsonataMessage(err))
	}
	return nil
}

// compiled is a cached compiled expression. The library keeps variables in
// the Expr, so one evaluation at a time uses it (mu), with the Env of that
// evaluation in env for the AWS functions that need it ($random, $uuid).
type compiled struct {
	mu    sync.Mutex
	expr  *jsonata.Expr
	env   *Env
	refs  []string        // the $names the expression uses (variables and functions)
	bound map[string]bool // names bound as variables by some evaluation
	root  jparse.Node     // the syntax tree, for emptyArrayTail
	src   string
	// volatile expressions are changed by their evaluation (see
	// hasApplyCall) and are compiled again for each one.
	volatile bool
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*compiled{}
)

// maxCache bounds the compiled-expression cache (expressions come from
// definitions, so the set is small; the bound protects fuzzing and editors).
const maxCache = 4096

func compileJSONata(src string) (*compiled, error) {
	cacheMu.Lock()
	c := cache[src]
	cacheMu.Unlock()
	if c != nil {
		return c, nil
	}
	c, err := newCompiled(src)
	if err != nil {
		return nil, err
	}
	cacheMu.Lock()
	if len(cache) >= maxCache {
		cache = map[string]*compiled{}
	}
	cache[src] = c
	cacheMu.Unlock()
	return c, nil
}

// newCompiled compiles src with the AWS functions registered.
func newCompiled(src string) (c *compiled, err error) {
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, fmt.Errorf("the expression could not be parsed: %v", r)
		}
	}()
	if strings.TrimSpace(src) == "" {
		return nil, errors.New("the expression is empty")
	}
	if err := checkTrailingDot(src); err != nil {
		return nil, err
	}
	// Wildcards visit object members in sorted key order (jsonata_order.go).
	code, _ := rewriteWildcards(src)
	e, err := jsonata.Compile(code)
	if err != nil {
		return nil, err
	}
	root, err := jparse.Parse(code)
	if err != nil {
		return nil, err
	}
	refs := map[string]bool{}
	collectRefs(reflect.ValueOf(root), refs, 0)
	c = &compiled{src: src, expr: e, root: root, volatile: hasApplyCall(reflect.ValueOf(root), 0)}
	for name := range refs {
		c.refs = append(c.refs, name)
	}
	// Register only the functions the expression names: the library binds
	// every registered name on each evaluation.
	exts := map[string]jsonata.Extension{}
	c.bound = map[string]bool{}
	for name, ext := range awsFunctions(c) {
		if refs[name] {
			exts[name] = ext
		}
	}
	if len(exts) > 0 {
		if err := e.RegisterExts(exts); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// checkTrailingDot rejects a number literal that ends the expression with
// a decimal point ("420."): jsonata-js reads it as 420 followed by the path
// operator and fails with "Unexpected end of expression"; the library's
// lexer keeps the dot in the number at the end of the text and accepts it.
// (Anywhere else the library already rejects such a dot.)
func checkTrailingDot(src string) error {
	if !strings.HasSuffix(src, ".") {
		return nil
	}
	i := len(src) - 1
	for i > 0 && src[i-1] >= '0' && src[i-1] <= '9' {
		i--
	}
	if i == len(src)-1 {
		return nil // not a number: the library reports it
	}
	if i > 0 && (isIdentByte(src[i-1]) || src[i-1] == '$' || src[i-1] == '.') {
		return nil // part of a name or a number like 1.5.: the library reports it
	}
	return fmt.Errorf("unexpected end of expression: the number %s ends with a decimal point", src[i:])
}

// collectRefs gathers the names of the $variables (and $functions) a
// syntax tree uses.
func collectRefs(v reflect.Value, refs map[string]bool, depth int) {
	if depth > maxDepth || !v.IsValid() {
		return
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Ptr:
		if v.IsNil() {
			return
		}
		if vn, ok := v.Interface().(*jparse.VariableNode); ok {
			if name := strings.TrimPrefix(vn.Name, "$"); validVarName(name) {
				refs[name] = true
			}
			return
		}
		collectRefs(v.Elem(), refs, depth+1)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				collectRefs(v.Field(i), refs, depth+1)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			collectRefs(v.Index(i), refs, depth+1)
		}
	}
}

// hasApplyCall reports whether the syntax tree holds "x ~> $f(…)", which
// the library evaluates by prepending x to the call's arguments in the
// tree itself, so such an expression must be compiled afresh for each
// evaluation.
func hasApplyCall(v reflect.Value, depth int) bool {
	if depth > maxDepth || !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Ptr:
		if v.IsNil() {
			return false
		}
		if app, ok := v.Interface().(*jparse.FunctionApplicationNode); ok {
			if _, call := app.RHS.(*jparse.FunctionCallNode); call {
				return true
			}
		}
		return hasApplyCall(v.Elem(), depth+1)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && hasApplyCall(v.Field(i), depth+1) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if hasApplyCall(v.Index(i), depth+1) {
				return true
			}
		}
	}
	return false
}

// EvalJSONata evaluates a JSONata expression (the text inside {% … %})
// with $states bound to {input, context, result, errorOutput} from env and
// each workflow variable bound as $name. An expression that returns nothing
// is a States.QueryEvaluationError, as in AWS.
func EvalJSONata(expr string, env *Env) (any, error) {
	return EvalJSONataField("", expr, env)
}

// EvalJSONataField is EvalJSONata for the expression of the named field
// ("Output", "Arguments/FunctionName", "Assign/x"…), which AWS names in its
// errors: "The JSONata expression '$x' specified for the field 'Output'
// returned nothing (undefined)."
func EvalJSONataField(field, expr string, env *Env) (any, error) {
	v, undefined, err := evalJSONata(expr, env)
	if err != nil {
		return nil, newError(ErrQueryEvaluation, "%s threw an error during evaluation. %s", describeJSONata(expr, field), jsonataMessage(err))
	}
	if undefined {
		return nil, newError(ErrQueryEvaluation, "%s returned nothing (undefined).", describeJSONata(expr, field))
	}
	return v, nil
}

// EvalJSONataOptional is EvalJSONata for places where an undefined result
// is allowed; ok is false when the expression returned nothing.
func EvalJSONataOptional(expr string, env *Env) (v any, ok bool, err error) {
	v, undefined, err := evalJSONata(expr, env)
	if err != nil {
		return nil, false, newError(ErrQueryEvaluation, "%s threw an error during evaluation. %s", describeJSONata(expr, ""), jsonataMessage(err))
	}
	return v, !undefined, nil
}

func describeJSONata(expr, field string) string {
	if field == "" {
		return fmt.Sprintf("The JSONata expression '%s'", expr)
	}
	return fmt.Sprintf("The JSONata expression '%s' specified for the field '%s'", expr, field)
}

// evalJSONata runs the library, turning its panics into errors.
func evalJSONata(src string, env *Env) (v any, undefined bool, err error) {
	c, err := compileJSONata(src)
	if err != nil {
		return nil, false, err
	}
	if env == nil {
		env = &Env{}
	}
	if c.volatile {
		if c, err = newCompiled(src); err != nil {
			return nil, false, err
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			v, undefined, err = nil, false, fmt.Errorf("internal error: %v", r)
		}
		c.env = nil
	}()
	c.env = env
	if err := c.expr.RegisterVars(c.bindings(env)); err != nil {
		return nil, false, err
	}
	// AWS evaluates with no context document: "$", "$$" and bare field
	// names at the top level select nothing; data is reached through
	// $states.input and variables.
	out, err := c.expr.Eval(nil)
	if errors.Is(err, jsonata.ErrUndefined) {
		if v, ok := c.emptyArrayTail(env); ok {
			return v, false, nil
		}
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	r, ok := fromJSONata(out)
	if !ok {
		return nil, true, nil
	}
	return r, false, nil
}

// jsonNull is how the library represents JSON null.
var jsonNull *any

// bindings returns the variables for one evaluation: of the names the
// expression uses, $states, and each workflow variable env has (a name an
// earlier evaluation bound and env lacks is bound to undefined, so nothing
// from an earlier evaluation of the same cached expression is visible;
// names never bound stay free for the library's functions).
func (c *compiled) bindings(env *Env) map[string]any {
	vars := make(map[string]any, len(c.refs))
	for _, name := range c.refs {
		if name == "states" {
			states := map[string]any{"input": env.jsonataValue(env.Input), "context": env.jsonataValue(env.Context)}
			if env.HasResult {
				states["result"] = env.jsonataValue(env.Result)
			}
			if env.HasErrorOutput {
				states["errorOutput"] = env.jsonataValue(env.ErrorOutput)
			}
			vars["states"] = states
			continue
		}
		if v, ok := env.Vars[name]; ok {
			vars[name] = env.jsonataValue(v)
			c.bound[name] = true
		} else if c.bound[name] {
			vars[name] = nil // bound by an earlier evaluation: now undefined
		}
	}
	return vars
}

func validVarName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isVarRune(r) {
			return false
		}
	}
	return true
}

// emptyArrayTail gives JSONata 2.x's result for a path whose last step
// selects one empty array, e.g. $states.input.items with {"items": []}:
// jsonata-js returns that array ([]), the library returns undefined. It
// evaluates the path without its last step and applies the last name step
// itself. (Called with c.mu held; the prefix is a shorter expression, so
// locks are always taken longest first and cannot deadlock.)
func (c *compiled) emptyArrayTail(env *Env) (any, bool) {
	p, ok := c.root.(*jparse.PathNode)
	if !ok || len(p.Steps) == 0 || p.KeepArrays {
		return nil, false
	}
	last, ok := p.Steps[len(p.Steps)-1].(*jparse.NameNode)
	if !ok {
		return nil, false
	}
	if len(p.Steps) < 2 {
		return nil, false // a bare name selects nothing (no context document)
	}
	var base any
	{
		var prefix string
		if len(p.Steps) == 2 {
			prefix = p.Steps[0].String()
		} else {
			prefix = jparse.PathNode{Steps: p.Steps[:len(p.Steps)-1]}.String()
		}
		v, undefined, err := evalJSONata(prefix, env)
		if err != nil || undefined {
			return nil, false
		}
		base = v
	}
	var results []any
	collect := func(x any) {
		if m, ok := x.(map[string]any); ok {
			if v, ok := m[last.Value]; ok {
				results = append(results, v)
			}
		}
	}
	if a, ok := base.([]any); ok {
		for _, it := range a {
			collect(it)
		}
	} else {
		collect(base)
	}
	if len(results) == 1 {
		if a, ok := results[0].([]any); ok && len(a) == 0 {
			return []any{}, true
		}
	}
	return nil, false
}
