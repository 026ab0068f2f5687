package asl

import "strconv"

// GenerateLarge returns a valid definition with at least the given number
// of states (nested ones included), printed like the AWS console, for
// benchmarks: a chain of Task (with Parameters, Retry and Catch), Choice
// (with And and a side Pass), Wait, Pass, Parallel (two branches) and Map
// (ItemProcessor) blocks ending in a Succeed, with a shared Fail state every
// Catch goes to. 2,000 states make about 1 MB. Every state is reachable and
// every transition has a target, so a validator should find nothing to
// report but warnings.
func GenerateLarge(states int) []byte {
	g := &largeGen{}
	top := NewObject()
	top.Set("Comment", NewString("A generated definition with "+strconv.Itoa(states)+" states, for benchmarks"))
	body := NewObject()
	count := 2 // Done and Handle Failure
	var names []string
	var blocks [][]*Field
	for i := 0; count < states; i++ {
		fields, first := g.block(i)
		blocks = append(blocks, fields)
		names = append(names, first)
		count += g.lastCount
	}
	names = append(names, "Done")
	for i, fields := range blocks {
		next := names[i+1]
		for _, f := range fields {
			g.link(f.Value, next)
			body.Fields = append(body.Fields, f)
		}
	}
	body.Set("Done", obj("Type", NewString(TypeSucceed), "Comment", NewString("The end of the generated chain.")))
	body.Set("Handle Failure", obj("Type", NewString(TypeFail), "Error", NewString("Generated.Failure"), "Cause", NewString("A task of the generated chain failed.")))
	top.Set("StartAt", NewString(names[0]))
	top.Set("States", body)
	return PrintJSON(top)
}

// largeGen builds one block of states at a time; states whose Next is the
// next block's first state hold a placeholder Next to be linked.
type largeGen struct {
	lastCount int
}

const nextPlaceholder = "\x00next"

// link replaces the placeholder transitions of a state by next.
func (g *largeGen) link(state *Value, next string) {
	for _, t := range transitions(state) {
		if t.target() == nextPlaceholder {
			t.set(next)
		}
	}
}

func obj(kv ...any) *Value {
	v := &Value{Kind: Object, Fields: make([]*Field, 0, len(kv)/2)}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Fields = append(v.Fields, &Field{Key: kv[i].(string), Value: kv[i+1].(*Value)})
	}
	return v
}

func num(n int) *Value { return NewNumber(strconv.Itoa(n)) }

// task is a Lambda Task; top-level ones catch to the shared Fail state
// (nested ones cannot reach it: their Parallel or Map catches instead).
func (g *largeGen) task(name string, i int, next string) *Value {
	fn := "arn:aws:lambda:us-east-1:123456789012:function:worker-" + strconv.Itoa(i%50)
	v := obj(
		"Type", NewString(TypeTask),
		"Resource", NewString("arn:aws:states:::lambda:invoke"),
		"Parameters", obj("FunctionName", NewString(fn), "Payload.$", NewString("$")),
		"ResultSelector", obj("value.$", NewString("$.Payload"), "status.$", NewString("$.StatusCode")),
		"ResultPath", NewString("$.results.step"+strconv.Itoa(i)),
		"TimeoutSeconds", num(30),
		"Retry", NewArray(
			obj("ErrorEquals", NewArray(NewString("Lambda.ServiceException"), NewString("Lambda.TooManyRequestsException")),
				"IntervalSeconds", num(2), "MaxAttempts", num(3), "BackoffRate", NewNumber("2.0")),
		),
		"Next", NewString(next),
	)
	if next == nextPlaceholder {
		insertBeforeTransition(v, &Field{Key: "Catch", Value: NewArray(
			obj("ErrorEquals", NewArray(NewString("States.ALL")), "ResultPath", NewString("$.error"), "Next", NewString("Handle Failure")),
		)})
	}
	return v
}

func (g *largeGen) pass(i int, next string) *Value {
	return obj(
		"Type", NewString(TypePass),
		"Comment", NewString("Shape the intermediate result of step "+strconv.Itoa(i)+"."),
		"Parameters", obj("step", num(i), "order.$", NewString("$.order"), "tags", NewArray(NewString("generated"), NewString("benchmark"))),
		"ResultPath", NewString("$.pass"+strconv.Itoa(i)),
		"Next", NewString(next),
	)
}

func (g *largeGen) end(v *Value) *Value {
	setEnd(v)
	return v
}

// block returns the states of block i and the name of its first state.
func (g *largeGen) block(i int) ([]*Field, string) {
	n := strconv.Itoa(i)
	var fs []*Field
	add := func(name string, v *Value) { fs = append(fs, &Field{Key: name, Value: v}) }
	switch i % 6 {
	case 0:
		add("Task "+n, g.task("Task "+n, i, nextPlaceholder))
	case 1:
		add("Choice "+n, obj(
			"Type", NewString(TypeChoice),
			"Comment", NewString("Route on the amount and the presence of a status."),
			"Choices", NewArray(
				obj("Variable", NewString("$.order.amount"), "NumericGreaterThan", num(100), "Next", NewString("Review "+n)),
				obj("And", NewArray(
					obj("Variable", NewString("$.order.status"), "IsPresent", NewBool(true)),
					obj("Variable", NewString("$.order.status"), "StringMatches", NewString("pending*")),
				), "Next", NewString(nextPlaceholder)),
			),
			"Default", NewString(nextPlaceholder),
		))
		add("Review "+n, g.pass(i, nextPlaceholder))
	case 2:
		add("Wait "+n, obj("Type", NewString(TypeWait), "Comment", NewString("Give the downstream system a moment."), "Seconds", num(1), "Next", NewString(nextPlaceholder)))
	case 3:
		add("Pass "+n, g.pass(i, nextPlaceholder))
	case 4:
		branch := func(b string) *Value {
			first, second := "Branch "+n+b+" Task", "Branch "+n+b+" Pass"
			return obj("StartAt", NewString(first), "States", obj(
				first, g.task(first, i, second),
				second, g.end(g.pass(i, "")),
			))
		}
		add("Parallel "+n, obj(
			"Type", NewString(TypeParallel),
			"Comment", NewString("Do two things at once."),
			"Branches", NewArray(branch("a"), branch("b")),
			"ResultPath", NewString("$.parallel"+n),
			"Catch", NewArray(obj("ErrorEquals", NewArray(NewString("States.ALL")), "Next", NewString("Handle Failure"))),
			"Next", NewString(nextPlaceholder),
		))
	case 5:
		first, second := "Item "+n+" Task", "Item "+n+" Pass"
		add("Map "+n, obj(
			"Type", NewString(TypeMap),
			"Comment", NewString("Process every line item."),
			"ItemsPath", NewString("$.order.items"),
			"ItemSelector", obj("item.$", NewString("$$.Map.Item.Value"), "index.$", NewString("$$.Map.Item.Index")),
			"MaxConcurrency", num(10),
			"ItemProcessor", obj(
				"ProcessorConfig", obj("Mode", NewString("INLINE")),
				"StartAt", NewString(first),
				"States", obj(first, g.task(first, i, second), second, g.end(g.pass(i, ""))),
			),
			"ResultPath", NewString("$.map"+n),
			"Catch", NewArray(obj("ErrorEquals", NewArray(NewString("States.ALL")), "Next", NewString("Handle Failure"))),
			"Next", NewString(nextPlaceholder),
		))
	}
	g.lastCount = 0
	for _, f := range fs {
		g.lastCount++
		for _, child := range childMachines(f.Value) {
			g.lastCount += len(child.Get("States").Fields)
		}
	}
	return fs, fs[0].Key
}
