// Package validate checks Amazon States Language definitions statically and
// reports what AWS Step Functions would reject (errors) and what it accepts
// but users usually regret (warnings), as diagnostics with AWS's codes, a
// JSON pointer and the line and column in the source.
//
// Rules live in one file per family (fields.go, transitions.go, paths.go,
// retry_catch.go, choice.go, mapstate.go, task.go, …); each rule is a small
// method on the checker that walks the lossless asl.Value tree, so that a
// field of the wrong type or a field AWS does not know is still seen and
// located.
package validate

import (
	"sort"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
)

// Severities of a Diagnostic.
const (
	Error   = "ERROR"
	Warning = "WARNING"
)

// Diagnostic codes. The error codes are those of AWS's
// ValidateStateMachineDefinition API; the warning codes NO_DOLLAR, NO_PATH
// and PASS_RESULT_IS_STATIC are AWS's too, the others are ASL Studio's.
const (
	CodeInvalidJSON        = "INVALID_JSON_DESCRIPTION"
	CodeMissingDescription = "MISSING_DESCRIPTION"
	CodeSchema             = "SCHEMA_VALIDATION_FAILED"
	CodeInvalidResource    = "INVALID_RESOURCE"
	CodeMissingEnd         = "MISSING_END_STATE"
	CodeDuplicateState     = "DUPLICATE_STATE_NAME"
	CodeInvalidStateName   = "INVALID_STATE_NAME"
	CodeMissingTarget      = "MISSING_TRANSITION_TARGET"
	CodeInvalidJSONata     = "INVALID_JSONATA_EXPRESSION"
	CodeUnsupportedJSONata = "UNSUPPORTED_JSONATA_EXPRESSION"

	CodeNoDollar               = "NO_DOLLAR"
	CodeNoPath                 = "NO_PATH"
	CodePassResultStatic       = "PASS_RESULT_IS_STATIC"
	CodeUnreachable            = "UNREACHABLE_STATE"
	CodeTaskNoTimeout          = "TASK_NO_TIMEOUT"
	CodeCatchDropsInput        = "CATCH_REPLACES_INPUT"
	CodeReservedErrorName      = "RESERVED_ERROR_NAME"
	CodeInlineDistributedField = "DISTRIBUTED_ONLY_FIELD"
)

// Diagnostic is one finding: its severity (ERROR or WARNING), AWS's code,
// a message in AWS's wording where it is known, the JSON pointer of the
// node it is about, and that node's 1-based line and column in the source
// (0 when the node has no source position).
type Diagnostic struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
}

// String formats d as "line:col: severity code message".
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(itoa(d.Line))
	b.WriteByte(':')
	b.WriteString(itoa(d.Column))
	b.WriteString(": ")
	b.WriteString(strings.ToLower(d.Severity))
	b.WriteByte(' ')
	b.WriteString(d.Code)
	b.WriteByte(' ')
	b.WriteString(d.Message)
	if d.Path != "" {
		b.WriteString(" (at ")
		b.WriteString(d.Path)
		b.WriteByte(')')
	}
	return b.String()
}

// Options tune a validation. The zero value is the default: SAM
// placeholders tolerated, warnings reported, a STANDARD state machine, every
// check on.
type Options struct {
	// RejectPlaceholders reports ${Name} strings (SAM DefinitionSubstitutions)
	// and CloudFormation intrinsic objects ({"Ref": …}, {"Fn::GetAtt": …})
	// like any other value. By default they are accepted wherever a value is.
	RejectPlaceholders bool
	// NoWarnings leaves warnings out.
	NoWarnings bool
	// Type is the state machine type, STANDARD (default) or EXPRESS; EXPRESS
	// rejects the .sync and .waitForTaskToken integration patterns.
	Type string
	// SkipPathChecks does not check the syntax of JSONPath paths, reference
	// paths and intrinsic functions (like asl-validator's checkPaths=false).
	SkipPathChecks bool
	// SkipResourceChecks does not check that Task Resource fields are ARNs
	// (like asl-validator's checkArn=false).
	SkipResourceChecks bool
	// Catalog, when set, checks Task states that call AWS SDK and optimized
	// integrations against the service catalog (see catalog.go): parameter
	// names, required parameters, error names and unavailable actions.
	Catalog *catalog.Catalog
}

// Validate checks a parsed definition and returns its diagnostics sorted by
// source position.
func Validate(doc *asl.Value, opts Options) []Diagnostic {
	c := &checker{opts: opts}
	c.document(doc)
	return c.result()
}

// ValidateBytes parses src (JSON, or YAML when it does not start with '{' or
// '[') and validates it. A syntax error becomes an INVALID_JSON_DESCRIPTION
// diagnostic at its line and column, and is also returned as err so callers
// can tell "could not parse" from "parsed and invalid".
func ValidateBytes(src []byte, opts Options) (diags []Diagnostic, err error) {
	if len(strings.TrimSpace(string(src))) == 0 {
		return []Diagnostic{{Severity: Error, Code: CodeSchema, Message: "Definition must be a valid JSON object", Path: ""}}, nil
	}
	doc, err := parse(src)
	if err != nil {
		d := Diagnostic{Severity: Error, Code: CodeInvalidJSON, Message: err.Error()}
		if se, ok := err.(*asl.SyntaxError); ok {
			d.Line, d.Column, d.Message = se.Line, se.Col, se.Msg
		}
		return []Diagnostic{d}, err
	}
	if doc.Kind != asl.Object {
		// Not a mapping: unless it is well-formed JSON (then it is the
		// wrong kind of value), report the JSON syntax error AWS reports.
		if _, jerr := asl.ParseJSON(src); jerr != nil {
			d := Diagnostic{Severity: Error, Code: CodeInvalidJSON, Message: jerr.Error()}
			if se, ok := jerr.(*asl.SyntaxError); ok {
				d.Line, d.Column, d.Message = se.Line, se.Col, se.Msg
			}
			return []Diagnostic{d}, jerr
		}
	}
	return Validate(doc, opts), nil
}

// HasErrors reports whether diags hold at least one ERROR.
func HasErrors(diags []Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
