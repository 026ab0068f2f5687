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
//	AppendCompactJSON(b []byte, v *Value) []byte // compact, key order and number literals kept
//	Decode(v *Value) (*StateMachine, error)    // typed view; tolerant: wrong-typed fields are left zero
//	ToAny(v *Value) any                        // runtime value (see below)
//	FromAny(x any) *Value
//	DecodeJSON(src []byte) (any, error)        // JSON text → runtime value
//	EncodeJSON(x any) []byte                   // runtime value → compact JSON
//	AppendJSON(b []byte, x any) []byte
//	Pointer(v, root *Value) string / Lookup(root *Value, pointer string) *Value
//	JoinPointer(ptr string, tokens ...string) string
//	(*Value).Clone() / Equal(a, b *Value) bool / (*Value).Int() / (*Value).Float() / (*Value).Is(kind)
//	(*StateMachine).AllStates(fn)              // every state, nested ones included
//	ComparisonOperators, IsComparisonOperator, IsPathOperator, IsTypeTest
//	StateTypes, IsStateType, StateFieldAllowed, IsStateField
//	GenerateLarge(states int) []byte           // a big valid definition, for benchmarks
//
// Positions: Pos is 1-based line and column counted in bytes, plus the
// byte offset; every node has Pos and (from JSON always, from YAML when its
// text could be matched) End, and every object key has KeyPos. Nesting is
// capped at 1000 levels (Jackson's default, which AWS parses with). YAML
// aliases are expanded (a few nodes per source byte at most), merge keys
// applied, and tags outside the core schema kept in Value.Tag.
//
// Pointer accepts its two arguments in either order. (*StateMachine).State
// is safe for concurrent use on a machine from Decode.
//
// Edit operations (edit*.go) change a document's Value tree in place. State
// names are unique across a whole document, nested states included, so
// every operation finds states at any depth. Each one checks everything
// first and returns an *EditError naming the problem (unknown state, name
// taken, would leave a dangling reference, …) with the document unchanged;
// states it does not touch keep their fields, unknown fields and key order.
//
//	InsertAfter(doc, after, name, state)       // after → name → after's old Next
//	InsertBefore(doc, before, name, state)     // every transition to before (and StartAt) → name → before
//	InsertOnTransition(doc, from, to, name, state) // on the edge from → to (Next, Default, Choice rule, Catch)
//	InsertIntoBranch(doc, parallel, i, name, state) // as branch i's StartAt; i == len(Branches) adds a branch
//	InsertIntoProcessor(doc, mapName, name, state)  // as the processor's StartAt (created when missing)
//	InsertDefault(doc, choice, name, state)    // as a Choice's Default (the old Default after it)
//	Remove(doc, name)                          // predecessors relinked to its exit, or made End
//	RemoveBranch(doc, parallel, i)             // a Parallel's branch i, with its states
//	Rename(doc, old, new)                      // StartAt, Next, Default, Choices, Catch updated everywhere
//	Connect(doc, from, to)                     // from's Next (a Choice's Default), End dropped
//	ChangeType(doc, name, newType)             // keeps the fields the new type accepts
//	WrapInParallel(doc, names, newName) / WrapInMap(doc, names, newName) // a linear run of states
//	Move(doc, name, after)                     // Remove + InsertAfter
//	Duplicate(doc, name, newName)              // a copy after it; nested states get fresh names
//	UniqueName(doc, base)                      // "Pass", "Pass (1)", "Pass (2)", …
//	StateNames(doc)                            // every state name, nested ones included
//
// A state passed to an insert operation is taken over by the document (its
// Next/End are set to fit where it goes). Undo/redo can snapshot the
// document with Clone before an edit.
//
// Runtime values (what the simulator and expressions work on) are plain Go:
// nil, bool, string, int64 (integer literals), float64 (literals with a
// fraction or exponent; printed with ".0" when integral, since AWS keeps
// 0.0 and 0 distinct), []any and map[string]any.
package asl
