package expr

import "testing"

func TestEvalTemplate(t *testing.T) {
	env := &Env{
		Input:   js(t, `{"flagged":7,"vals":[0,10,20,30,40,50],"name":"n"}`),
		Context: js(t, `{"Execution":{"Name":"e"}}`),
		Vars:    map[string]any{"x": int64(1)},
	}
	// The example of the ASL specification (Parameters), plus $$, $var,
	// intrinsics, arrays of objects and literal ".$"-free values.
	got, err := EvalTemplate(tmpl(t, `{"flagged":true,"parts":{"first.$":"$.vals[0]","last3.$":"$.vals[3:]"},
		"ctx.$":"$$.Execution.Name","var.$":"$x","fmt.$":"States.Format('{}-{}', $.name, $x)",
		"list":[{"in.$":"$.name"},1,"$.notapath"],"num":1.0,"nul":null}`), env)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, "template", got, `{"flagged":true,"parts":{"first":0,"last3":[30,40,50]},"ctx":"e","var":1,
		"fmt":"n-1","list":[{"in":"n"},1,"$.notapath"],"num":1.0,"nul":null}`)

	_, err = EvalTemplate(tmpl(t, `{"value.$":"$.no_such_jsonpath"}`), env)
	wantErr(t, "missing", err, ErrRuntime, `The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"flagged":7,"name":"n","vals":[0,10,20,30,40,50]}'`)
	if _, err := EvalTemplate(tmpl(t, `{"value.$":1}`), env); err == nil {
		t.Error("a non-string \"k.$\" value: no error")
	}
}

func TestEvalJSONataValue(t *testing.T) {
	env := &Env{Input: js(t, `{"a":1}`), Vars: map[string]any{"v": "x"}}
	got, err := EvalJSONataValue(tmpl(t, `{"r":"{% $states.input.a + 1 %}","l":["{% $v %}"," {% not %} ",2],"o":{"k":"{% $v & 'y' %}"}}`), env)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, "JSONata value", got, `{"r":2,"l":["x"," {% not %} ",2],"o":{"k":"xy"}}`)
	_, err = EvalJSONataValueField("Arguments", tmpl(t, `{"FunctionName":"{% $doesNotExist %}"}`), env)
	wantErr(t, "nested field", err, ErrQueryEvaluation, "The JSONata expression '$doesNotExist' specified for the field 'Arguments/FunctionName' returned nothing (undefined).")
}

func TestAssign(t *testing.T) {
	env := &Env{Input: js(t, `{"v":5}`), Vars: map[string]any{"x": int64(1)}}
	// All values see the old variables: y gets the old x.
	got, err := Assign(tmpl(t, `{"x":"{% $x + 1 %}","y":"{% $x %}","lit":[1,"{% $states.input.v %}"]}`), env, true)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, "JSONata Assign", got, `{"x":2,"y":1,"lit":[1,5]}`)
	got, err = Assign(tmpl(t, `{"a.$":"$.v","b":{"c.$":"$x"},"d.$":"States.MathAdd($x, 1)","e":"$.v"}`), env, false)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, "JSONPath Assign", got, `{"a":5,"b":{"c":1},"d":2,"e":"$.v"}`)
	_, err = Assign(tmpl(t, `{"result":"{% $doesNotExist %}"}`), env, true)
	wantErr(t, "Assign undefined", err, ErrQueryEvaluation, "The JSONata expression '$doesNotExist' specified for the field 'Assign/result' returned nothing (undefined).")
}
