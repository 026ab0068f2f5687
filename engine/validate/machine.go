package validate

import (
	"sync"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// scopeKind says which kind of state machine body a scope is.
type scopeKind int

const (
	scopeTop       scopeKind = iota // the whole definition
	scopeBranch                     // a Parallel branch
	scopeProcessor                  // a Map ItemProcessor / Iterator
)

// scope is one state machine body: the top level, a Parallel branch or a
// Map processor. Transitions may only target states of the same scope.
type scope struct {
	kind   scopeKind
	o      obj
	states map[string]*stateInfo
	order  []*stateInfo
	// targets are the transitions (StartAt, Next, Default, Catch Next) made
	// inside this scope.
	targets []target
	// replacing are the catchers whose error output replaces the state's
	// input; they are reported once the scope is known, unless they go to
	// a Fail state (where the input no longer matters).
	replacing []target
	// distributed is set for the processor of a DISTRIBUTED Map: it runs
	// as its own child workflow.
	distributed bool
}

// stateInfo is one state of a scope.
type stateInfo struct {
	name   string
	o      obj
	keyPos asl.Pos
	typ    string
	ql     string // effective query language
	// terminal: End true, or a Succeed / Fail state.
	terminal bool
	// next lists the names this state can transition to.
	next []string
}

// target is one transition to a state name.
type target struct {
	name  string
	field string // StartAt, Next, Default
	ptr   string
	pos   asl.Pos
	from  *stateInfo // nil for StartAt
}

// document checks a whole definition.
func (c *checker) document(doc *asl.Value) {
	if doc == nil || doc.Kind != asl.Object {
		var pos asl.Pos
		if doc != nil {
			pos = doc.Pos
		}
		c.errorf(pos, "", "Definition must be a valid JSON object")
		return
	}
	c.names = make(map[string]string)
	top := obj{v: doc, ptr: ""}
	c.topQL = asl.JSONPath
	if f, ptr := top.field("QueryLanguage"); f != nil {
		if ql, ok := c.queryLanguage(f, ptr); ok {
			c.topQL = ql
		}
	}
	if f, ptr := top.field("Version"); f != nil {
		c.wantKind(f, ptr, asl.String)
	}
	if f, ptr := top.field("TimeoutSeconds"); f != nil {
		c.wantInt(f, ptr, 0, 99999999)
	}
	c.root = top
	c.machine(top, scopeTop, false)
}

// where returns the pointer of the state named name anywhere in the
// document ("" when there is none). The index is built on first use, which
// only a transition to a missing state needs.
func (c *checker) where(name string) string {
	if c.everywhere == nil {
		c.everywhere = make(map[string]string)
		c.collectNames(c.root)
	}
	return c.everywhere[name]
}

// collectNames records where every state of every nesting level is, so
// that a transition to a state of another scope can say where it is.
func (c *checker) collectNames(m obj) {
	states := m.child("States")
	if states.v == nil || states.v.Kind != asl.Object {
		return
	}
	for _, f := range states.v.Fields {
		ptr := states.ptr + "/" + escapePointer(f.Key)
		if _, ok := c.everywhere[f.Key]; !ok {
			c.everywhere[f.Key] = ptr
		}
		st := obj{v: f.Value, ptr: ptr}
		if f.Value.Kind != asl.Object {
			continue
		}
		if b := st.child("Branches"); b.v != nil && b.v.Kind == asl.Array {
			for i, it := range b.v.Items {
				c.collectNames(obj{v: it, ptr: b.ptr + "/" + itoa(i)})
			}
		}
		for _, k := range [...]string{"ItemProcessor", "Iterator"} {
			if p := st.child(k); p.v != nil {
				c.collectNames(p)
			}
		}
	}
}

// queryLanguage checks a QueryLanguage field.
func (c *checker) queryLanguage(f *asl.Field, ptr string) (string, bool) {
	s, ok := c.wantString(f, ptr)
	if !ok {
		return "", false
	}
	if s != asl.JSONPath && s != asl.JSONata {
		c.errorf(f.Value.Pos, ptr, "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]")
		return "", false
	}
	return s, true
}

// machineFields are the fields each kind of state machine body may have
// (built on first use, as stateFields).
var machineFields = sync.OnceValue(func() map[scopeKind]map[string]bool {
	return map[scopeKind]map[string]bool{
		scopeTop:       {"Comment": true, "StartAt": true, "States": true, "Version": true, "TimeoutSeconds": true, "QueryLanguage": true},
		scopeBranch:    {"Comment": true, "StartAt": true, "States": true},
		scopeProcessor: {"Comment": true, "StartAt": true, "States": true, "ProcessorConfig": true},
	}
})

// machine checks a state machine body and its states.
func (c *checker) machine(o obj, kind scopeKind, distributed bool) {
	c.duplicateKeys(o)
	allowed := machineFields()[kind]
	for _, f := range o.v.Fields {
		if !allowed[f.Key] {
			c.errorf(fieldPos(f), o.ptr+"/"+escapePointer(f.Key), "Field '%s' is not supported", f.Key)
		}
	}
	if f, ptr := o.field("Comment"); f != nil {
		c.wantKind(f, ptr, asl.String)
	}
	c.required(o, "States", "StartAt") // AWS's order
	sc := &scope{kind: kind, o: o, distributed: distributed}
	if st := o.get("States"); st != nil {
		sc.targets = make([]target, 0, len(st.Fields)+1)
	}
	if f, ptr := o.field("StartAt"); f != nil {
		if s, ok := c.wantString(f, ptr); ok {
			sc.targets = append(sc.targets, target{name: s, field: "StartAt", ptr: ptr, pos: f.Value.Pos})
		}
	}
	f, ptr := o.field("States")
	if f == nil || !c.wantKind(f, ptr, asl.Object) {
		return
	}
	states := obj{v: f.Value, ptr: ptr}
	sc.states = make(map[string]*stateInfo, len(states.v.Fields))
	for _, sf := range states.v.Fields {
		c.stateEntry(sc, states, sf)
	}
	c.transitions(sc)
}

// stateEntry checks one member of States: its name, then the state.
func (c *checker) stateEntry(sc *scope, states obj, f *asl.Field) {
	ptr := states.ptr + "/" + escapePointer(f.Key)
	c.stateName(f, ptr)
	if _, dup := sc.states[f.Key]; dup {
		c.report(Error, CodeDuplicateState, fieldPos(f), ptr, "Duplicate State name: %s", f.Key)
		return
	}
	if first, dup := c.names[f.Key]; dup {
		c.report(Error, CodeDuplicateState, fieldPos(f), ptr, "Duplicate State name: %s (also defined at %s)", f.Key, first)
	} else {
		c.names[f.Key] = ptr
	}
	st := &stateInfo{name: f.Key, o: obj{v: f.Value, ptr: ptr}, keyPos: f.KeyPos}
	sc.states[f.Key] = st
	sc.order = append(sc.order, st)
	if f.Value.Kind != asl.Object {
		c.errorf(f.Value.Pos, ptr, "State '%s' must be an object, not %s", f.Key, kindName(f.Value.Kind))
		st.terminal = true // do not also report a missing terminal state
		return
	}
	c.state(sc, st)
}

// stateTypes are the valid values of Type.
var stateTypes = map[string]bool{
	asl.TypeTask: true, asl.TypePass: true, asl.TypeChoice: true, asl.TypeWait: true,
	asl.TypeSucceed: true, asl.TypeFail: true, asl.TypeParallel: true, asl.TypeMap: true,
}

// state checks one state: its Type, query language, fields and
// transitions, then the rules of its type.
func (c *checker) state(sc *scope, st *stateInfo) {
	o := st.o
	c.duplicateKeys(o)
	tf, tptr := o.field("Type")
	if tf == nil {
		c.errorf(st.keyPos, o.ptr, "These fields are required: [Type]")
		st.terminal = true
		return
	}
	typ, ok := c.wantString(tf, tptr)
	if !ok {
		st.terminal = true
		return
	}
	if !stateTypes[typ] {
		c.errorf(tf.Value.Pos, tptr, "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]")
		st.terminal = true
		return
	}
	st.typ = typ
	st.ql = c.topQL
	if f, ptr := o.field("QueryLanguage"); f != nil {
		if ql, ok := c.queryLanguage(f, ptr); ok {
			if ql == asl.JSONPath && c.topQL == asl.JSONata && !sc.distributed {
				c.errorf(fieldPos(f), o.ptr, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine")
			}
			st.ql = ql
		}
	}
	if f, ptr := o.field("Comment"); f != nil {
		c.wantKind(f, ptr, asl.String)
	}
	c.stateFields(st)
	c.nextEnd(sc, st)
	c.commonPaths(st)
	if f, ptr := o.field("Assign"); f != nil {
		c.assign(st, f, ptr)
	}
	if f, ptr := o.field("Output"); f != nil && st.ql == asl.JSONata {
		c.jsonataValue(f.Value, ptr, "Output")
	}
	switch typ {
	case asl.TypeTask:
		c.task(sc, st)
	case asl.TypePass:
		c.pass(st)
	case asl.TypeChoice:
		c.choice(sc, st)
	case asl.TypeWait:
		c.wait(st)
	case asl.TypeSucceed:
		st.terminal = true
	case asl.TypeFail:
		st.terminal = true
		c.fail(st)
	case asl.TypeParallel:
		c.parallel(sc, st)
	case asl.TypeMap:
		c.mapState(sc, st)
	}
	if typ == asl.TypeTask || typ == asl.TypeParallel || typ == asl.TypeMap {
		c.retry(st)
		c.catch(sc, st)
	}
}
