package sim

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/expr"
)

// runMap runs a Map state, inline or distributed: it reads the items
// (ItemsPath / Items / ItemReader), batches them (ItemBatcher), shapes each
// one (ItemSelector) and runs the processor once per item, in item order.
// Results keep item order.
func runMap(r *stateRun, s *asl.MapState) outcome {
	return r.runAttempts(s.Retry, s.Catch, "MapStateFailed", func(eff any) outcome { return r.mapAttempt(s, eff) })
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
	maxConc, fl := r.mapNumber(s.MaxConcurrency, s.MaxConcurrencyPath, "MaxConcurrency", eff)
	if fl != nil {
		return r.mapFailed(fl)
	}
	tolCount, fl := r.toleratedCount(s, eff)
	if fl != nil {
		return r.mapFailed(fl)
	}
	tolPct, fl := r.toleratedPercentage(s, eff)
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
	if f.e.opts.InterleaveBranches && !distributed && maxConc != 1 {
		results, ifl := r.runIterations(s, inputs, maxConc)
		if ifl != nil {
			return r.mapFailed(ifl)
		}
		return r.mapSucceeded(s, eff, results, runArn)
	}
	results := make([]any, len(inputs))
	start, end := f.now, f.now
	failed := 0
	// One frame serves every iteration in turn (with its reusable state
	// record): an iteration's frame is not used once it has finished.
	var cf *frame
	for i, in := range inputs {
		cf = f.childInto(cf)
		if maxConc == 1 {
			cf.now = end
		} else {
			cf.now = start
		}
		if distributed {
			cf.hidden = true
		} else {
			cf.prev = f.emitID("MapIterationStarted", func() *Details { return &Details{Name: r.base.Name, Index: i} })
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
				f.emitOff("MapIterationFailed", &Details{Name: r.base.Name, Index: i})
				return r.mapFailed(ifl)
			}
			if exceedsTolerance(failed, len(inputs), tolCount, tolPct, s) {
				fl := newFailure(ErrExceedToleratedFailureThreshold, toleranceCause)
				d := &Details{}
				setErr(d, fl)
				f.emit("MapRunFailed", d)
				return r.mapFailed(fl)
			}
			// A failed child execution within the tolerance leaves a null
			// in the results.
			results[i] = nil
			continue
		}
		if !distributed {
			// AWS chains the next iteration to the last event inside this
			// one; only the last MapIterationSucceeded joins the chain.
			d := func() *Details { return &Details{Name: r.base.Name, Index: i} }
			if i == len(inputs)-1 {
				f.emitID("MapIterationSucceeded", d)
			} else {
				f.emitOffID("MapIterationSucceeded", d)
			}
		}
		results[i] = out
	}
	f.now = end
	return r.mapSucceeded(s, eff, results, runArn)
}

// mapSucceeded ends a Map attempt whose iterations all succeeded.
func (r *stateRun) mapSucceeded(s *asl.MapState, eff any, results []any, runArn string) outcome {
	f := r.f
	if runArn != "" {
		f.emitOff("MapRunSucceeded", nil)
	}
	// MapStateSucceeded links to the event just before it, off the chain.
	chain := f.prev
	f.prev = f.e.lastID
	f.emit("MapStateSucceeded", nil)
	f.prev = chain
	var result any = results
	if s.ResultWriter != nil {
		result = r.resultWriter(s.ResultWriter, runArn, eff)
	}
	return r.processResult(result, s.ResultSelector, s.ResultPath)
}

// exceedsTolerance reports whether failed iterations out of total break
// the Map's tolerance: more than ToleratedFailureCount, or a larger share
// than ToleratedFailurePercentage (either threshold; none means zero).
func exceedsTolerance(failed, total int, count int64, pct float64, s *asl.MapState) bool {
	hasCount := s.ToleratedFailureCount != nil || s.ToleratedFailureCountPath != ""
	hasPct := s.ToleratedFailurePercentage != nil || s.ToleratedFailurePercentagePath != ""
	if !hasCount && !hasPct {
		return failed > 0
	}
	if hasCount && int64(failed) > count {
		return true
	}
	if hasPct && total > 0 && float64(failed)*100/float64(total) > pct {
		return true
	}
	return false
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

// mapNumber evaluates MaxConcurrency / MaxItemsPerBatch / … and their
// *Path forms as non-negative integers (0 when absent).
func (r *stateRun) mapNumber(v *asl.Value, path, field string, eff any) (int64, *failure) {
	x, present, fl := r.mapField(v, path, field, eff)
	if fl != nil || !present {
		return 0, fl
	}
	n, ok := pyInt(x, true)
	if !ok {
		return 0, r.runtimeFail(fmt.Sprintf("The %sPath field refers to value \"%s\" which is not a valid integer: %s", field, plain(x), path), field)
	}
	if n < 0 {
		return 0, r.runtimeFail(fmt.Sprintf("Expected non-negative integer for %s, got '%d' instead.", field, n), field)
	}
	return n, nil
}

// mapField reads a Map number field: the literal, the JSONata expression,
// or the value its *Path selects.
func (r *stateRun) mapField(v *asl.Value, path, field string, eff any) (any, bool, *failure) {
	switch {
	case path != "":
		x, err := expr.Select(path, r.env(eff))
		if err != nil {
			return nil, false, r.fail(err, field+"Path")
		}
		return x, true, nil
	case v == nil:
		return nil, false, nil
	case v.Kind == asl.String && r.jsonata():
		x, fl := r.jsonataValue(field, v, r.jenv())
		return x, true, fl
	}
	return r.constant(v), true, nil
}

// runtimeFail is a States.Runtime failure of the state's own evaluation.
func (r *stateRun) runtimeFail(cause, field string) *failure {
	return r.fail(&expr.Error{Name: ErrRuntime, Cause: cause}, field)
}

// pyInt converts a value the way AWS's runtime accepts integers in *Path
// fields: integers, integral strings, and (when truncate) numbers with a
// fraction, truncated.
func pyInt(x any, truncate bool) (int64, bool) {
	switch n := x.(type) {
	case int64:
		return n, true
	case float64:
		if truncate || n == math.Trunc(n) {
			return int64(n), true
		}
	case string:
		if v, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64); err == nil {
			return v, true
		}
	}
	return 0, false
}

// toleratedCount evaluates ToleratedFailureCount(Path).
func (r *stateRun) toleratedCount(s *asl.MapState, eff any) (int64, *failure) {
	x, present, fl := r.mapField(s.ToleratedFailureCount, s.ToleratedFailureCountPath, "ToleratedFailureCount", eff)
	if fl != nil || !present {
		return 0, fl
	}
	n, ok := pyInt(x, s.ToleratedFailureCountPath == "")
	if !ok {
		return 0, r.runtimeFail(fmt.Sprintf("The ToleratedFailureCountPath field refers to value \"%s\" which is not a valid integer: %s", plain(x), s.ToleratedFailureCountPath), "ToleratedFailureCount")
	}
	if n < 0 {
		return 0, r.runtimeFail("ToleratedFailureCount cannot be negative.", "ToleratedFailureCount")
	}
	return n, nil
}

// toleratedPercentage evaluates ToleratedFailurePercentage(Path).
func (r *stateRun) toleratedPercentage(s *asl.MapState, eff any) (float64, *failure) {
	x, present, fl := r.mapField(s.ToleratedFailurePercentage, s.ToleratedFailurePercentagePath, "ToleratedFailurePercentage", eff)
	if fl != nil || !present {
		return 0, fl
	}
	var p float64
	switch n := x.(type) {
	case int64:
		p = float64(n)
	case float64:
		p = n
	case string:
		v, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64)
		if err != nil {
			return 0, r.runtimeFail(fmt.Sprintf("The ToleratedFailurePercentagePath field refers to value \"%s\" which is not a valid float: %s", n, s.ToleratedFailurePercentagePath), "ToleratedFailurePercentage")
		}
		p = float64(v)
	default:
		return 0, r.runtimeFail(fmt.Sprintf("The ToleratedFailurePercentagePath field refers to value \"%s\" which is not a valid float: %s", plain(x), s.ToleratedFailurePercentagePath), "ToleratedFailurePercentage")
	}
	if p < 0 || p > 100 {
		return 0, r.runtimeFail("ToleratedFailurePercentage must be between 0 and 100.", "ToleratedFailurePercentage")
	}
	return p, nil
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
	maxItems, fl := r.mapNumber(b.Get("MaxItemsPerBatch"), str(b.Get("MaxItemsPerBatchPath")), "MaxItemsPerBatch", eff)
	if fl != nil {
		return nil, fl
	}
	maxBytes, fl := r.mapNumber(b.Get("MaxInputBytesPerBatch"), str(b.Get("MaxInputBytesPerBatchPath")), "MaxInputBytesPerBatch", eff)
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

// mapMocked is a Map under TestState with a mock: the mock is the result of
// the iterations; mapIterationFailureCount is checked against the
// tolerated failures.
func (r *stateRun) mapMocked(s *asl.MapState, ts *testStateCtl, tolCount int64, tolPct float64) outcome {
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
