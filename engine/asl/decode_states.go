package asl

// Decoders for each state type. Each reads only its own fields; decodeBase
// fills the common ones.

func decodeTask(v *Value) *TaskState {
	s := &TaskState{}
	for _, f := range v.Fields {
		switch f.Key {
		case "Resource":
			s.Resource = str(f.Value)
		case "Parameters":
			s.Parameters = f.Value
		case "Arguments":
			s.Arguments = f.Value
		case "ResultSelector":
			s.ResultSelector = f.Value
		case "ResultPath":
			s.ResultPath = pathPtr(f.Value)
		case "Retry":
			s.Retry = decodeRetry(f.Value)
		case "Catch":
			s.Catch = decodeCatch(f.Value)
		case "TimeoutSeconds":
			s.TimeoutSeconds = f.Value
		case "TimeoutSecondsPath":
			s.TimeoutSecondsPath = str(f.Value)
		case "HeartbeatSeconds":
			s.HeartbeatSeconds = f.Value
		case "HeartbeatSecondsPath":
			s.HeartbeatSecondsPath = str(f.Value)
		case "Credentials":
			s.Credentials = f.Value
		}
	}
	return s
}

func decodePass(v *Value) *PassState {
	s := &PassState{}
	for _, f := range v.Fields {
		switch f.Key {
		case "Result":
			s.Result = f.Value
		case "ResultPath":
			s.ResultPath = pathPtr(f.Value)
		case "Parameters":
			s.Parameters = f.Value
		}
	}
	return s
}

func decodeWait(v *Value) *WaitState {
	s := &WaitState{}
	for _, f := range v.Fields {
		switch f.Key {
		case "Seconds":
			s.Seconds = f.Value
		case "SecondsPath":
			s.SecondsPath = str(f.Value)
		case "Timestamp":
			s.Timestamp = f.Value
		case "TimestampPath":
			s.TimestampPath = str(f.Value)
		}
	}
	return s
}

func decodeFail(v *Value) *FailState {
	s := &FailState{}
	for _, f := range v.Fields {
		switch f.Key {
		case "Error":
			s.Error = f.Value
		case "ErrorPath":
			s.ErrorPath = str(f.Value)
		case "Cause":
			s.Cause = f.Value
		case "CausePath":
			s.CausePath = str(f.Value)
		}
	}
	return s
}

func decodeParallel(v *Value) *ParallelState {
	s := &ParallelState{}
	for _, f := range v.Fields {
		switch f.Key {
		case "Branches":
			if f.Value.Is(Array) {
				s.Branches = make([]*StateMachine, len(f.Value.Items))
				for i, b := range f.Value.Items {
					s.Branches[i] = decodeMachine(b)
				}
			}
		case "Parameters":
			s.Parameters = f.Value
		case "Arguments":
			s.Arguments = f.Value
		case "ResultSelector":
			s.ResultSelector = f.Value
		case "ResultPath":
			s.ResultPath = pathPtr(f.Value)
		case "Retry":
			s.Retry = decodeRetry(f.Value)
		case "Catch":
			s.Catch = decodeCatch(f.Value)
		}
	}
	return s
}

func decodeMap(v *Value) *MapState {
	s := &MapState{}
	var itemSelector, parameters *Value
	for _, f := range v.Fields {
		switch f.Key {
		case "ItemProcessor":
			s.Processor = decodeMachine(f.Value)
			if cfg := f.Value.Get("ProcessorConfig"); cfg != nil {
				s.ProcessorMode = str(cfg.Get("Mode"))
				s.ExecutionType = str(cfg.Get("ExecutionType"))
			}
		case "Iterator":
			if s.Processor == nil {
				s.Processor = decodeMachine(f.Value)
			}
		case "ItemsPath":
			s.ItemsPath = pathPtr(f.Value)
		case "Items":
			s.Items = f.Value
		case "ItemSelector":
			itemSelector = f.Value
		case "Parameters":
			parameters = f.Value
		case "ItemReader":
			s.ItemReader = f.Value
		case "ItemBatcher":
			s.ItemBatcher = f.Value
		case "ResultWriter":
			s.ResultWriter = f.Value
		case "MaxConcurrency":
			s.MaxConcurrency = f.Value
		case "MaxConcurrencyPath":
			s.MaxConcurrencyPath = str(f.Value)
		case "ToleratedFailureCount":
			s.ToleratedFailureCount = f.Value
		case "ToleratedFailureCountPath":
			s.ToleratedFailureCountPath = str(f.Value)
		case "ToleratedFailurePercentage":
			s.ToleratedFailurePercentage = f.Value
		case "ToleratedFailurePercentagePath":
			s.ToleratedFailurePercentagePath = str(f.Value)
		case "Label":
			s.Label = str(f.Value)
		case "ResultSelector":
			s.ResultSelector = f.Value
		case "ResultPath":
			s.ResultPath = pathPtr(f.Value)
		case "Retry":
			s.Retry = decodeRetry(f.Value)
		case "Catch":
			s.Catch = decodeCatch(f.Value)
		}
	}
	if s.Processor != nil && s.ProcessorMode == "" {
		s.ProcessorMode = "INLINE"
	}
	s.ItemSelector = itemSelector
	if s.ItemSelector == nil {
		s.ItemSelector = parameters
	}
	return s
}

// decodeRetry decodes a Retry array; non-object elements are skipped.
func decodeRetry(v *Value) []*Retrier {
	if v == nil || v.Kind != Array {
		return nil
	}
	out := make([]*Retrier, 0, len(v.Items))
	for _, it := range v.Items {
		if !it.Is(Object) {
			continue
		}
		r := &Retrier{Node: it}
		for _, f := range it.Fields {
			switch f.Key {
			case "ErrorEquals":
				r.ErrorEquals = stringList(f.Value)
			case "IntervalSeconds":
				r.IntervalSeconds = intPtr(f.Value)
			case "MaxAttempts":
				r.MaxAttempts = intPtr(f.Value)
			case "BackoffRate":
				r.BackoffRate = floatPtr(f.Value)
			case "MaxDelaySeconds":
				r.MaxDelaySeconds = intPtr(f.Value)
			case "JitterStrategy":
				r.JitterStrategy = str(f.Value)
			case "Comment":
				r.Comment = str(f.Value)
			}
		}
		out = append(out, r)
	}
	return out
}

// decodeCatch decodes a Catch array; non-object elements are skipped.
func decodeCatch(v *Value) []*Catcher {
	if v == nil || v.Kind != Array {
		return nil
	}
	out := make([]*Catcher, 0, len(v.Items))
	for _, it := range v.Items {
		if !it.Is(Object) {
			continue
		}
		c := &Catcher{Node: it}
		for _, f := range it.Fields {
			switch f.Key {
			case "ErrorEquals":
				c.ErrorEquals = stringList(f.Value)
			case "Next":
				c.Next = str(f.Value)
			case "ResultPath":
				c.ResultPath = pathPtr(f.Value)
			case "Output":
				c.Output = f.Value
			case "Assign":
				c.Assign = f.Value
			case "Comment":
				c.Comment = str(f.Value)
			}
		}
		out = append(out, c)
	}
	return out
}
