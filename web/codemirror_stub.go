//go:build !(js && wasm)

package web

// Outside the browser there is no CodeMirror: the code pane stays the text
// area and these report that nothing was done.

// cmSetText would put text into the mounted CodeMirror editor.
func (s *Studio) cmSetText(text, format string) bool { return false }

// cmSelect would select text[from:to] (byte offsets) in CodeMirror.
func cmSelect(text string, from, to int, focus bool) bool { return false }
