package validate

import (
	"strings"
	"unicode/utf8"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// maxLabel is the longest Map Label AWS accepts.
const maxLabel = 40

// mapState checks a Map state: its processor, items, concurrency,
// tolerated failures and the distributed-only fields.
func (c *checker) mapState(sc *scope, st *stateInfo) {
	o := st.o
	c.payloads(st)
	distributed := c.processor(sc, st)
	c.exclusive(o, "ItemSelector", "Parameters")
	if f, ptr := o.field("ItemSelector"); f != nil {
		if st.ql == asl.JSONata {
			c.jsonataValue(f.Value, ptr, "ItemSelector")
		} else {
			c.template(f.Value, ptr)
		}
	}
	if st.ql == asl.JSONPath {
		if f, ptr := o.field("ItemsPath"); f != nil {
			c.pathField(f, ptr, refPath, false)
		}
	} else if f, ptr := o.field("Items"); f != nil {
		if f.Value.Kind == asl.Array {
			c.jsonataValue(f.Value, ptr, "Items")
		} else if !(f.Value.Kind == asl.String && c.jsonataString(f.Value, ptr, "Items")) && !c.isPlaceholder(f.Value) {
			c.errorf(f.Value.Pos, ptr, "The value for the field 'Items' must be an array or a JSONata expression")
		}
	}
	c.count(st, o, "MaxConcurrency", 0, -1)
	c.count(st, o, "ToleratedFailureCount", 0, -1)
	c.percentage(st, o, "ToleratedFailurePercentage")
	if f, ptr := o.field("Label"); f != nil {
		if s, ok := c.wantString(f, ptr); ok {
			c.label(s, f.Value.Pos, ptr)
		}
	}
	for _, k := range [...]string{"ItemReader", "ItemBatcher", "ResultWriter"} {
		f, ptr := o.field(k)
		if f == nil || !c.wantKind(f, ptr, asl.Object) {
			continue
		}
		if !distributed {
			// asl-validator accepts these on a Map without ProcessorConfig
			// and no AWS verdict says otherwise, so this is a warning.
			c.warnf(CodeInlineDistributedField, fieldPos(f), ptr, "Field '%s' only takes effect in a Map state whose ProcessorConfig Mode is DISTRIBUTED", k)
		}
		x := obj{v: f.Value, ptr: ptr}
		switch k {
		case "ItemReader":
			c.itemReader(st, x)
		case "ItemBatcher":
			c.itemBatcher(st, x)
		case "ResultWriter":
			c.resultWriter(st, x)
		}
	}
}

// processor checks ItemProcessor (or the legacy Iterator) and reports
// whether the Map is distributed.
func (c *checker) processor(sc *scope, st *stateInfo) bool {
	o := st.o
	ip, ipPtr := o.field("ItemProcessor")
	it, itPtr := o.field("Iterator")
	switch {
	case ip == nil && it == nil:
		c.errorf(st.keyPos, o.ptr, "These fields are required: [ItemProcessor]")
		return false
	case ip != nil && it != nil:
		c.errorf(fieldPos(it), itPtr, "Only one of 'ItemProcessor' or 'Iterator' can be set")
	}
	f, ptr := ip, ipPtr
	if f == nil {
		f, ptr = it, itPtr
	}
	if !c.wantKind(f, ptr, asl.Object) {
		return false
	}
	p := obj{v: f.Value, ptr: ptr}
	distributed := false
	if cf, cptr := p.field("ProcessorConfig"); cf != nil && c.wantKind(cf, cptr, asl.Object) {
		cfg := obj{v: cf.Value, ptr: cptr}
		mode := "INLINE"
		for _, m := range cfg.v.Fields {
			mptr := cptr + "/" + escapePointer(m.Key)
			switch m.Key {
			case "Mode":
				if s, ok := c.wantString(m, mptr); ok {
					if s != "INLINE" && s != "DISTRIBUTED" {
						c.errorf(m.Value.Pos, mptr, "The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED]")
					}
					mode = s
				}
			case "ExecutionType":
				if s, ok := c.wantString(m, mptr); ok && s != "STANDARD" && s != "EXPRESS" {
					c.errorf(m.Value.Pos, mptr, "The field 'ExecutionType' should have one of these values: [STANDARD, EXPRESS]")
				}
			default:
				c.errorf(fieldPos(m), mptr, "Field '%s' is not supported", m.Key)
			}
		}
		distributed = mode == "DISTRIBUTED"
		if distributed && !cfg.has("ExecutionType") {
			c.errorf(cf.Value.Pos, cptr, "These fields are required: [ExecutionType]")
		}
	}
	c.machine(p, scopeProcessor, distributed || sc.distributed)
	return distributed
}

// count checks a non-negative integer field of a Map (MaxConcurrency,
// ToleratedFailureCount) with its *Path and JSONata forms.
func (c *checker) count(st *stateInfo, o obj, key string, min, max int64) {
	c.exclusive(o, key, key+"Path")
	if f, ptr := o.field(key + "Path"); f != nil && st.ql == asl.JSONPath {
		c.pathField(f, ptr, refPath, false)
	}
	f, ptr := o.field(key)
	if f == nil {
		return
	}
	if st.ql == asl.JSONata && f.Value.Kind == asl.String && c.jsonataString(f.Value, ptr, key) {
		return
	}
	c.wantInt(f, ptr, min, max)
}

// percentage checks ToleratedFailurePercentage: a number from 0 to 100.
func (c *checker) percentage(st *stateInfo, o obj, key string) {
	c.exclusive(o, key, key+"Path")
	if f, ptr := o.field(key + "Path"); f != nil && st.ql == asl.JSONPath {
		c.pathField(f, ptr, refPath, false)
	}
	f, ptr := o.field(key)
	if f == nil || c.isPlaceholder(f.Value) {
		return
	}
	if st.ql == asl.JSONata && f.Value.Kind == asl.String && c.jsonataString(f.Value, ptr, key) {
		return
	}
	if !c.wantKind(f, ptr, asl.Number) {
		return
	}
	if x, ok := f.Value.Float(); !ok || x < 0 || x > 100 {
		c.errorf(f.Value.Pos, ptr, "The value for the field '%s' must be between 0 and 100, not %s", key, f.Value.Str)
	}
}

// label checks a Map Label: at most 40 characters, none of the characters
// AWS forbids in Map Run names.
func (c *checker) label(s string, pos asl.Pos, ptr string) {
	if utf8.RuneCountInString(s) > maxLabel {
		c.errorf(pos, ptr, "Label cannot exceed %d characters", maxLabel)
		return
	}
	for _, r := range s {
		if invalidLabelRune(r) {
			c.errorf(pos, ptr, "Label contains invalid character: %s", quoteRune(r))
			return
		}
	}
}

func invalidLabelRune(r rune) bool {
	if r <= 0x1f || (r >= 0x7f && r <= 0x9f) {
		return true
	}
	switch r {
	case ' ', '<', '>', '{', '}', '[', ']', '?', '*', '"', '#', '%', '\\', '^', '|', '~', '`', '$', '&', ',', ';', ':', '/':
		return true
	}
	return r == '\u00a0' || r == '\u2028' || r == '\u2029' || (r >= '\u2000' && r <= '\u200b') || r == '\u3000' || r == '\ufeff'
}

// quoteRune shows a character in a message, escaping control characters.
func quoteRune(r rune) string {
	switch {
	case r == '\t':
		return `'\t'`
	case r == '\r':
		return `'\r'`
	case r == '\n':
		return `'\n'`
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		const hex = "0123456789abcdef"
		return `'\x` + string(hex[r>>4]) + string(hex[r&15]) + `'`
	}
	return "'" + string(r) + "'"
}

var readerConfigFields = map[string]bool{
	"InputType": true, "CSVHeaderLocation": true, "CSVHeaders": true, "CSVDelimiter": true,
	"MaxItems": true, "MaxItemsPath": true, "ManifestType": true, "Transformation": true,
}

// itemReader checks a distributed Map's ItemReader.
func (c *checker) itemReader(st *stateInfo, r obj) {
	c.required(r, "Resource")
	if f, ptr := r.field("Resource"); f != nil {
		if s, ok := c.wantString(f, ptr); ok && !itemReaderResource(s) && !c.opts.SkipResourceChecks {
			c.errorf(f.Value.Pos, ptr, "The field 'Resource' does not match any of the allowed values. Examples: [arn:<partition>:states:::s3:getObject, arn:<partition>:states:::s3:listObjectsV2]")
		}
	}
	c.subPayload(st, r)
	f, ptr := r.field("ReaderConfig")
	if f == nil || !c.wantKind(f, ptr, asl.Object) {
		return
	}
	cfg := obj{v: f.Value, ptr: ptr}
	for _, m := range cfg.v.Fields {
		if !readerConfigFields[m.Key] {
			c.errorf(fieldPos(m), ptr+"/"+escapePointer(m.Key), "Field '%s' is not supported", m.Key)
		}
	}
	c.count(st, cfg, "MaxItems", 0, 100000000)
	c.enum(cfg, "InputType", "MANIFEST", "JSON", "CSV", "JSONL", "PARQUET")
	c.enum(cfg, "CSVHeaderLocation", "FIRST_ROW", "GIVEN")
}

// itemReaderResource reports whether s is a resource an ItemReader can
// read from: S3's getObject or listObjectsV2, in any partition.
func itemReaderResource(s string) bool {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return false
	}
	partition, action, ok := strings.Cut(rest, ":states:::")
	return ok && validPartition(partition) && (action == "s3:getObject" || action == "s3:listObjectsV2")
}

// itemBatcher checks a distributed Map's ItemBatcher.
func (c *checker) itemBatcher(st *stateInfo, b obj) {
	for _, m := range b.v.Fields {
		switch m.Key {
		case "MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput":
		default:
			c.errorf(fieldPos(m), b.ptr+"/"+escapePointer(m.Key), "Field '%s' is not supported", m.Key)
		}
	}
	c.count(st, b, "MaxItemsPerBatch", 0, -1)
	c.count(st, b, "MaxInputBytesPerBatch", 0, 262144)
	if f, ptr := b.field("BatchInput"); f != nil {
		if st.ql == asl.JSONata {
			c.jsonataValue(f.Value, ptr, "BatchInput")
		} else {
			c.template(f.Value, ptr)
		}
	}
}

// resultWriter checks a distributed Map's ResultWriter.
func (c *checker) resultWriter(st *stateInfo, w obj) {
	if f, ptr := w.field("Resource"); f != nil {
		c.wantString(f, ptr)
	}
	c.subPayload(st, w)
}

// subPayload checks the Parameters / Arguments of an ItemReader or
// ResultWriter.
func (c *checker) subPayload(st *stateInfo, o obj) {
	if f, ptr := o.field("Parameters"); f != nil {
		if st.ql == asl.JSONata {
			c.errorf(fieldPos(f), ptr, "The QueryLanguage is set to 'JSONata', but field 'Parameters' is only supported for the 'JSONPath' QueryLanguage")
		} else {
			c.template(f.Value, ptr)
		}
	}
	if f, ptr := o.field("Arguments"); f != nil {
		if st.ql == asl.JSONPath {
			c.errorf(fieldPos(f), ptr, "The QueryLanguage is set to 'JSONPath', but field 'Arguments' is only supported for the 'JSONata' QueryLanguage")
		} else {
			c.jsonataValue(f.Value, ptr, "Arguments")
		}
	}
}

// enum checks that a string field, when present, is one of values.
func (c *checker) enum(o obj, key string, values ...string) {
	f, ptr := o.field(key)
	if f == nil {
		return
	}
	s, ok := c.wantString(f, ptr)
	if !ok {
		return
	}
	for _, v := range values {
		if s == v {
			return
		}
	}
	c.errorf(f.Value.Pos, ptr, "The field '%s' should have one of these values: [%s]", key, strings.Join(values, ", "))
}
