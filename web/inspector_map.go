package web

import (
	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Map processing modes as the Configuration tab offers them: ProcessorConfig
// Mode, and for a distributed Map the child executions' type.
const (
	mapInline         = "INLINE"
	mapDistStandard   = "DISTRIBUTED/STANDARD"
	mapDistExpress    = "DISTRIBUTED/EXPRESS"
	distributedMode   = "DISTRIBUTED"
	processorKey      = "ItemProcessor"
	processorCfgKey   = "ProcessorConfig"
	legacyIteratorKey = "Iterator"
)

// mapModeOf is a Map's processing mode as mapModeSelect names it.
func mapModeOf(t *asl.MapState) string {
	if t.ProcessorMode != distributedMode {
		return mapInline
	}
	if t.ExecutionType == "EXPRESS" {
		return mapDistExpress
	}
	return mapDistStandard
}

// setMapMode writes a processing mode into a Map state's ItemProcessor
// (ProcessorConfig's other members are kept; inline drops what only a
// distributed Map has there). A Map written with the legacy Iterator has its
// processor renamed ItemProcessor first: only that one takes a
// ProcessorConfig.
func setMapMode(st *asl.Value, mode string) error {
	proc := st.Get(processorKey)
	if proc == nil {
		if it := st.Get(legacyIteratorKey); it != nil {
			renameKey(st, legacyIteratorKey, processorKey)
			proc = it
		}
	}
	if proc == nil || proc.Kind != asl.Object {
		return &asl.EditError{Op: "Edit", Msg: "the Map state has no ItemProcessor to configure"}
	}
	cfg := proc.Get(processorCfgKey)
	if mode == mapInline {
		if cfg != nil && cfg.Kind == asl.Object {
			cfg.Delete("ExecutionType")
			cfg.Set("Mode", asl.NewString(mapInline))
		}
		return nil
	}
	if cfg == nil || cfg.Kind != asl.Object {
		cfg = asl.NewObject()
		// First, where AWS's console writes it, above StartAt.
		proc.Fields = append([]*asl.Field{{Key: processorCfgKey, Value: cfg}}, proc.Fields...)
	}
	cfg.Set("Mode", asl.NewString(distributedMode))
	typ := "STANDARD"
	if mode == mapDistExpress {
		typ = "EXPRESS"
	}
	cfg.Set("ExecutionType", asl.NewString(typ))
	return nil
}

// renameKey renames an object's member in place (its position is kept).
func renameKey(v *asl.Value, from, to string) {
	for _, f := range v.Fields {
		if f.Key == from {
			f.Key = to
			return
		}
	}
}

// mapConfigFields are a Map state's own fields on the Configuration tab:
// how items are processed, concurrency and failure tolerance, and for a
// distributed Map where items come from (ItemReader), how they are batched
// (ItemBatcher) and where results go (ResultWriter). A field the state has
// is always shown, so that its diagnostics have a place.
func (s *Studio) mapConfigFields(name string, t *asl.MapState, ql string) []app.UI {
	node := t.Node
	distributed := t.ProcessorMode == distributedMode
	shown := func(key string) bool { return distributed || node.Has(key) }
	jsonPath := ql != asl.JSONata
	mode := mapModeOf(t)
	out := []app.UI{
		s.inspField(name, "/ItemProcessor/ProcessorConfig", "Processing mode",
			rawSelect("ProcessorMode", "Processing mode", mode, []selectOption{
				{mapInline, "Inline (in this execution)"},
				{mapDistStandard, "Distributed, Standard children"},
				{mapDistExpress, "Distributed, Express children"},
			}, func(ctx app.Context, v string) {
				s.editState(ctx, name, "/ItemProcessor/ProcessorConfig", func(st *asl.Value) error { return setMapMode(st, v) })
			}, name)),
		s.inspField(name, "/MaxConcurrency", "Max concurrency (0 = no limit)", s.numInput(name, "", "MaxConcurrency", t.MaxConcurrency, "0", true)),
	}
	if jsonPath && shown("MaxConcurrencyPath") {
		out = append(out, s.inspField(name, "/MaxConcurrencyPath", "…or max concurrency from a path", s.pathInput(name, "", "MaxConcurrencyPath", node.Get("MaxConcurrencyPath"), "$.concurrency")))
	}
	out = append(out,
		s.inspField(name, "/ToleratedFailurePercentage", "Tolerated failures (%)", s.numInput(name, "", "ToleratedFailurePercentage", t.ToleratedFailurePercentage, "0", false)),
	)
	if jsonPath && shown("ToleratedFailurePercentagePath") {
		out = append(out, s.inspField(name, "/ToleratedFailurePercentagePath", "…or the percentage from a path", s.pathInput(name, "", "ToleratedFailurePercentagePath", node.Get("ToleratedFailurePercentagePath"), "$.tolerance")))
	}
	out = append(out,
		s.inspField(name, "/ToleratedFailureCount", "Tolerated failures (count)", s.numInput(name, "", "ToleratedFailureCount", t.ToleratedFailureCount, "0", true)),
	)
	if jsonPath && shown("ToleratedFailureCountPath") {
		out = append(out, s.inspField(name, "/ToleratedFailureCountPath", "…or the count from a path", s.pathInput(name, "", "ToleratedFailureCountPath", node.Get("ToleratedFailureCountPath"), "$.failures")))
	}
	if shown("Label") {
		out = append(out, s.inspField(name, "/Label", "Label — names the child executions", textInput("Label", "Label", t.Label, func(ctx app.Context, v string) {
			s.setStateField(ctx, name, "Label", optString(v))
		}, name)))
	}
	if shown("ItemReader") {
		out = append(out, s.inspField(name, "/ItemReader", "ItemReader — read the items from S3",
			s.jsonEditor(name, "", "ItemReader", node.Get("ItemReader"), itemReaderPlaceholder(ql))))
	}
	if shown("ItemBatcher") {
		out = append(out, s.inspField(name, "/ItemBatcher", "ItemBatcher — pass items in batches",
			s.jsonEditor(name, "", "ItemBatcher", node.Get("ItemBatcher"), `{"MaxItemsPerBatch": 100}`)))
	}
	if shown("ResultWriter") {
		out = append(out, s.inspField(name, "/ResultWriter", "ResultWriter — write the results to S3",
			s.jsonEditor(name, "", "ResultWriter", node.Get("ResultWriter"), resultWriterPlaceholder(ql))))
	}
	return out
}

// itemReaderPlaceholder is an ItemReader reading a CSV object from S3.
func itemReaderPlaceholder(ql string) string {
	if ql == asl.JSONata {
		return `{"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}, "Arguments": {"Bucket": "{% $states.input.bucket %}", "Key": "{% $states.input.key %}"}}`
	}
	return `{"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}, "Parameters": {"Bucket.$": "$.bucket", "Key.$": "$.key"}}`
}

// resultWriterPlaceholder is a ResultWriter writing to an S3 prefix.
func resultWriterPlaceholder(ql string) string {
	if ql == asl.JSONata {
		return `{"Resource": "arn:aws:states:::s3:putObject", "Arguments": {"Bucket": "amzn-s3-demo-bucket", "Prefix": "results"}}`
	}
	return `{"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "amzn-s3-demo-bucket", "Prefix": "results"}}`
}

// credentialsPlaceholder is a Task's Credentials naming a role to assume.
func credentialsPlaceholder(ql string) string {
	if ql == asl.JSONata {
		return `{"RoleArn": "arn:aws:iam::111122223333:role/TargetRole"}`
	}
	return `{"RoleArn": "arn:aws:iam::111122223333:role/TargetRole"} or {"RoleArn.$": "$.roleArn"}`
}
