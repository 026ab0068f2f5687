// Package asl is the document model of Amazon States Language definitions.
//
// It has two layers:
//
//   - Value (value.go): a lossless JSON tree as the user wrote it, with the
//     line and column of every node, object members in source order, unknown
//     fields kept, and numbers kept as their literal text. Parsing (JSON or
//     YAML) produces it, printing consumes it, and edit operations change it.
//   - StateMachine and the State types (model.go): a typed, read-only view
//     decoded from a Value tree, one Go type per ASL construct, for the
//     validator, the simulator and the layout.
//
// The API:
//
//	ParseJSON(src []byte) (*Value, error)      // *SyntaxError with Line/Col
//	ParseYAML(src []byte) (*Value, error)
//	Parse(src []byte) (*Value, error)          // JSON when it starts with '{' or '[', else YAML
//	PrintJSON(v *Value) []byte                 // two-space indent, like the AWS console
//	PrintYAML(v *Value) []byte
//	Decode(v *Value) (*StateMachine, error)    // typed view; tolerant: wrong-typed fields are left zero
//	ToAny(v *Value) any                        // runtime value (see below)
//	FromAny(x any) *Value
//	DecodeJSON(src []byte) (any, error)        // JSON text → runtime value
//	EncodeJSON(x any) []byte                   // runtime value → compact JSON
//	Pointer(v, root *Value) string / Lookup(root *Value, pointer string) *Value
//
// Runtime values (what the simulator and expressions work on) are plain Go:
// nil, bool, string, int64 (integer literals), float64 (literals with a
// fraction or exponent; printed with ".0" when integral, since AWS keeps
// 0.0 and 0 distinct), []any and map[string]any.
package asl
