package sim

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/expr"
)

// runMap runs a Map state, inline or distributed: it reads the items
// (ItemsPath / Items / ItemReader), batches them (ItemBatcher), shapes each
// one (ItemSelector) and runs the processor once per item, in item order.
// Results keep item order.
func runMap(r *stateRun, s *asl.MapState) outcome {
	eff := r.input
	var fl *failure
	if !r.jsonata() {
		if eff, fl = r.inputPath(); fl != nil {
			return outcome{fail: fl}
		}
		r.inspect("afterInputPath", eff)
	}
	rt := newRetrier(s.Retry)
	for {
		o := r.mapAttempt(s, eff)
		if o.fail == nil {
			return o
		}
		if o, again := r.recover(rt, s.Catch, o, "MapStateFailed"); !again {
			return o
		}
	}
}

// mapFailed returns the failure of an attempt (runMap writes
// MapStateFailed once retries are over).
func (r *stateRun) mapFailed(fl *failure) outcome {
	return outcome{fail: fl}
}

// distributed reports whether the Map runs child executions: its
// ItemProcessor (or legacy Iterator) has ProcessorConfig.Mode DISTRIBUTED.
func distributed(s *asl.MapState) bool {
	if s.ProcessorMode == "DISTRIBUTED" {
		return true
	}
	if s.Processor != nil {
		if cfg := s.Processor.Node.Get("ProcessorConfig"); cfg != nil {
			return str(cfg.Get("Mode")) == "DISTRIBUTED"
		}
	}
	return false
}

func (r *stateRun) mapAttempt(s *asl.MapState, eff any) outcome {
	f := r.f
	distributed := distributed(s)
	items, fl := r.mapItems(s, eff)
	if fl != nil {
		return r.mapFailed(fl)
	}
	maxConc, fl := r.mapNumber(s.MaxConcurrency, s.MaxConcurrencyPath, "MaxConcurrency", eff, false)
	if fl != nil {
		return r.mapFailed(fl)
	}
	tolCount, fl := r.mapNumber(s.ToleratedFailureCount, s.ToleratedFailureCountPath, "ToleratedFailureCount", eff, false)
	if fl != nil {
		return r.mapFailed(fl)
	}
	tolPct, fl := r.mapNumber(s.ToleratedFailurePercentage, s.ToleratedFailurePercentagePath, "ToleratedFailurePercentage", eff, true)
	if fl != nil {
		return r.mapFailed(fl)
	}
	r.inspect("maxConcurrency", maxConc)
	if s.ToleratedFailureCount != nil || s.ToleratedFailureCountPath != "" {
		r.inspect("toleratedFailureCount", tolCount)
	}
	if s.ToleratedFailurePercentage != nil || s.ToleratedFailurePercentagePath != "" {
		r.inspect("toleratedFailurePercentage", tolPct)
	}
	if ts := f.e.ts; ts != nil && (ts.hasMock || ts.mockErr != nil) {
		return r.mapMocked(s, ts, tolCount, tolPct)
	}
	if s.ItemBatcher != nil {
		if items, fl = r.batch(s.ItemBatcher, items, eff); fl != nil {
			return r.mapFailed(fl)
		}
	}
	inputs := make([]any, len(items))
	for i, it := range items {
		if inputs[i], fl = r.itemInput(s, eff, i, it); fl != nil {
			return r.mapFailed(fl)
		}
	}
	f.emit("MapStateStarted", &Details{Length: len(items)})
	var runArn string
	if distributed {
		runArn = fmt.Sprintf("arn:aws:states:%s:%s:mapRun:%s/%s:%s", f.e.opts.Region, f.e.opts.Account, f.e.opts.StateMachineName, r.base.Name, f.e.uuid())
		f.emit("MapRunStarted", &Details{MapRunArn: runArn})
	}
	results := make([]any, len(inputs))
	start, end := f.now, f.now
	failed := 0
	for i, in := range inputs {
		cf := f.child()
		if maxConc == 1 {
			cf.now = end
		} else {
			cf.now = start
		}
		if distributed {
			cf.hidden = true
		} else {
			cf.prev = f.emit("MapIterationStarted", &Details{Name: r.base.Name, Index: i}).ID
		}
		out, ifl := cf.runMachine(s.Processor, in, false)
		if cf.now.After(end) {
			end = cf.now
		}
		if !distributed {
			f.prev = cf.prev
		}
		if ifl != nil {
			failed++
			f.now = end
			if !distributed {
				f.emit("MapIterationFailed", &Details{Name: r.base.Name, Index: i})
				return r.mapFailed(ifl)
			}
			if exceedsTolerance(failed, len(inputs), tolCount, tolPct, s) {
				fl := newFailure(ErrExceedToleratedFailureThreshold, toleranceCause)
				d := &Details{}
				setErr(d, fl)
				f.emit("MapRunFailed", d)
				return r.mapFailed(fl)
			}
			results[i] = ifl.errorOutput()
			continue
		}
		if !distributed {
			f.emit("MapIterationSucceeded", &Details{Name: r.base.Name, Index: i})
		}
		results[i] = out
	}
	f.now = end
	if distributed {
		f.emit("MapRunSucceeded", nil)
	}
	f.emit("MapStateSucceeded", nil)
	var result any = results
	if s.ResultWriter != nil {
		result = r.resultWriter(s.ResultWriter, runArn, eff)
	}
	return r.processResult(result, s.ResultSelector, s.ResultPath)
}

func exceedsTolerance(failed, total int, count, pct int64, s *asl.MapState) bool {
	hasCount := s.ToleratedFailureCount != nil || s.ToleratedFailureCountPath != ""
	hasPct := s.ToleratedFailurePercentage != nil || s.ToleratedFailurePercentagePath != ""
	if !hasCount && !hasPct {
		return true
	}
	if hasCount && int64(failed) <= count {
		return false
	}
	if hasPct && total > 0 && float64(failed)*100/float64(total) <= float64(pct) {
		return false
	}
	return true
}

// mapItems returns the items to iterate over.
func (r *stateRun) mapItems(s *asl.MapState, eff any) ([]any, *failure) {
	var v any
	var fl *failure
	switch {
	case s.ItemReader != nil:
		return r.readItems(s, eff)
	case r.jsonata() && s.Items != nil:
		if v, fl = r.jsonataValue("Items", s.Items, r.jenv()); fl != nil {
			return nil, fl
		}
		arr, ok := v.([]any)
		if !ok {
			src := strings.TrimSpace(s.Items.Str)
			if inner, isExpr := expr.IsJSONata(s.Items.Str); isExpr {
				src = strings.TrimSpace(inner)
			}
			return nil, r.fail(&expr.Error{Name: ErrQueryEvaluation, Cause: fmt.Sprintf("The JSONata expression '%s' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '%s' for value: %s", src, expr.TypeName(v), jsonText(v))}, "Items")
		}
		return arr, nil
	case r.jsonata():
		v = r.input
	case s.ItemsPath != nil && *s.ItemsPath != "$":
		var err error
		if v, err = expr.Select(*s.ItemsPath, r.env(eff)); err != nil {
			return nil, r.fail(err, "ItemsPath")
		}
		if _, ok := v.([]any); !ok {
			shown := *s.ItemsPath
			if strings.HasPrefix(shown, "$$") {
				shown = shown[1:]
			}
			return nil, newFailure(ErrRuntime, "Reference path \""+shown+"\" must point to array.")
		}
		r.inspect("afterItemsPath", v)
	default:
		v = eff
	}
	arr, ok := v.([]any)
	if !ok {
		name := ErrRuntime
		if r.jsonata() {
			name = ErrQueryEvaluation
		}
		return nil, r.fail(&expr.Error{Name: name, Cause: "Map state input must be an array but was: " + jsonText(v)}, "")
	}
	return arr, nil
}

// mapNumber evaluates MaxConcurrency / ToleratedFailure* and their *Path
// forms (0 when absent).
func (r *stateRun) mapNumber(v *asl.Value, path, field string, eff any, allowFloat bool) (int64, *failure) {
	var x any
	switch {
	case path != "":
		var err error
		if x, err = expr.Select(path, r.env(eff)); err != nil {
			return 0, r.fail(err, field+"Path")
		}
		n, ok := wholeNumber(x)
		if str, isStr := x.(string); isStr {
			if v, err := strconv.ParseInt(strings.TrimSpace(str), 10, 64); err == nil {
				n, ok = v, true
			}
		}
		if allowFloat {
			if fv, isNum := number(x); isNum {
				n, ok = int64(math.Floor(fv)), true
			}
		}
		if !ok || n < 0 {
			return 0, r.fail(&expr.Error{Name: ErrRuntime, Cause: fmt.Sprintf("The %sPath field refers to value %q which is not a valid integer: %s", field, plain(x), path)}, field+"Path")
		}
		return n, nil
	case v == nil:
		return 0, nil
	case v.Kind == asl.String && r.jsonata():
		var fl *failure
		if x, fl = r.jsonataValue(field, v, r.jenv()); fl != nil {
			return 0, fl
		}
	default:
		x = r.constant(v)
	}
	if fv, ok := number(x); ok && fv >= 0 {
		return int64(fv), nil
	}
	return 0, r.fail(&expr.Error{Name: ErrQueryEvaluation, Cause: fmt.Sprintf("The %s field must be a non-negative number, but was %s", field, jsonText(x))}, field)
}

// itemInput shapes one item with ItemSelector (or the legacy Parameters);
// $$.Map.Item.Index and .Value are visible there.
func (r *stateRun) itemInput(s *asl.MapState, eff any, i int, item any) (any, *failure) {
	if s.ItemSelector == nil {
		return item, nil
	}
	r.mapItem = map[string]any{"Index": int64(i), "Value": item}
	defer func() { r.mapItem = nil }()
	if r.jsonata() {
		return r.jsonataValue("ItemSelector", s.ItemSelector, r.jenv())
	}
	return r.template(s.ItemSelector, eff, "ItemSelector")
}

// batch groups items per ItemBatcher: {"Items": [...]} plus BatchInput.
func (r *stateRun) batch(b *asl.Value, items []any, eff any) ([]any, *failure) {
	maxItems, fl := r.mapNumber(b.Get("MaxItemsPerBatch"), str(b.Get("MaxItemsPerBatchPath")), "MaxItemsPerBatch", eff, false)
	if fl != nil {
		return nil, fl
	}
	maxBytes, fl := r.mapNumber(b.Get("MaxInputBytesPerBatch"), str(b.Get("MaxInputBytesPerBatchPath")), "MaxInputBytesPerBatch", eff, false)
	if fl != nil {
		return nil, fl
	}
	var batchInput any
	hasInput := false
	if bi := b.Get("BatchInput"); bi != nil {
		hasInput = true
		if r.jsonata() {
			batchInput, fl = r.jsonataValue("BatchInput", bi, r.jenv())
		} else {
			batchInput, fl = r.template(bi, eff, "BatchInput")
		}
		if fl != nil {
			return nil, fl
		}
	}
	var out []any
	var cur []any
	size := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		m := map[string]any{"Items": cur}
		if hasInput {
			m["BatchInput"] = batchInput
		}
		out = append(out, m)
		cur, size = nil, 0
	}
	for _, it := range items {
		n := jsonSize(it, 0)
		if (maxItems > 0 && int64(len(cur)) >= maxItems) || (maxBytes > 0 && int64(size+n) > maxBytes && len(cur) > 0) {
			flush()
		}
		cur = append(cur, it)
		size += n
	}
	flush()
	return out, nil
}

// resultWriter returns the output of a Map with ResultWriter: where the
// results would have been written.
func (r *stateRun) resultWriter(w *asl.Value, runArn string, eff any) any {
	params := w.Get("Parameters")
	if params == nil {
		params = w.Get("Arguments")
	}
	var p any
	if params != nil {
		if r.jsonata() {
			p, _ = r.jsonataValue("Arguments", params, r.jenv())
		} else {
			p, _ = r.template(params, eff, "Parameters")
		}
	}
	pm, _ := p.(map[string]any)
	bucket, _ := pm["Bucket"].(string)
	prefix, _ := pm["Prefix"].(string)
	id := runArn[strings.LastIndex(runArn, ":")+1:]
	key := id + "/manifest.json"
	if prefix != "" {
		key = strings.TrimSuffix(prefix, "/") + "/" + key
	}
	return map[string]any{"MapRunArn": runArn, "ResultWriterDetails": map[string]any{"Bucket": bucket, "Key": key}}
}

func str(v *asl.Value) string {
	s, _ := v.StringValue()
	return s
}

var _ = time.Second

// mapMocked is a Map under TestState with a mock: the mock is the result of
// the iterations; mapIterationFailureCount is checked against the
// tolerated failures.
func (r *stateRun) mapMocked(s *asl.MapState, ts *testStateCtl, tolCount, tolPct int64) outcome {
	if ts.mockErr != nil {
		return outcome{fail: &failure{Error: ts.mockErr.Error, HasError: true, Cause: ts.mockErr.Cause, HasCause: ts.mockErr.HasCause}}
	}
	hasTol := s.ToleratedFailureCount != nil || s.ToleratedFailureCountPath != "" || s.ToleratedFailurePercentage != nil || s.ToleratedFailurePercentagePath != ""
	if n := ts.opts.MapIterationFailureCount; n > 0 && hasTol {
		total := 0
		if arr, ok := ts.mock.([]any); ok {
			total = len(arr)
		}
		if exceedsTolerance(n, total, tolCount, tolPct, s) {
			return outcome{fail: newFailure(ErrExceedToleratedFailureThreshold, toleranceCause)}
		}
	}
	return r.processResult(ts.mock, s.ResultSelector, s.ResultPath)
}

// toleranceCause is AWS's cause for States.ExceedToleratedFailureThreshold.
const toleranceCause = "The specified tolerated failure threshold was exceeded"
