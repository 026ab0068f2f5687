package web

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/validate"
)

// The code pane is CodeMirror 6 when the page loaded its bundle
// (window.aslEditor, built from web/editor by esbuild) and the plain text
// area otherwise. codemirror_js.go mounts it in the browser;
// codemirror_stub.go keeps native builds and tests free of syscall/js.

// cmDiagnostic is one lint marker for the editor, as setDiagnostics takes
// it: 1-based line and column, and the marked range in UTF-16 units (the
// editor's offsets).
type cmDiagnostic struct {
	Line, Column int
	From, To     int
	Severity     string // "error" or "warning"
	Message      string
}

// toJS is the object the bundle's setDiagnostics reads.
func (d cmDiagnostic) toJS() map[string]any {
	return map[string]any{
		"line": d.Line, "column": d.Column, "from": d.From, "to": d.To,
		"severity": d.Severity, "message": d.Message,
	}
}

// codeDiagnostics returns the markers of the document's text: the syntax
// error when it does not parse (at its line:col, or the first line when
// the error has no position), else the validator's diagnostics that carry
// a position.
func (d *document) codeDiagnostics() []cmDiagnostic {
	if d.ParseErr != nil {
		line, col, ok := d.errorPos()
		if !ok {
			line, col = 1, 1
		}
		return []cmDiagnostic{markAt(d.Text, line, col, "error", d.ParseErr.Error())}
	}
	var out []cmDiagnostic
	if d.Format == formatSAM && !d.Sam.positionsInTemplate() {
		return nil // the definition's positions are not the template's
	}
	for _, dg := range d.Diags {
		if dg.Line <= 0 {
			continue
		}
		sev := "warning"
		if dg.Severity == validate.Error {
			sev = "error"
		}
		msg := dg.Message
		if dg.Code != "" {
			msg = dg.Code + ": " + msg
		}
		out = append(out, markAt(d.Text, dg.Line, dg.Column, sev, msg))
	}
	return out
}

// markAt marks the token that starts at line:col (col in bytes): a quoted
// string up to its closing quote, a word, or else one character.
func markAt(text string, line, col int, sev, msg string) cmDiagnostic {
	off := offsetOf(text, line, col)
	end := off
	rest := text[off:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	switch {
	case strings.HasPrefix(rest, `"`):
		end = off + 1
		for end < off+len(rest) && text[end] != '"' {
			if text[end] == '\\' {
				end++
			}
			end++
		}
		end = min(end+1, off+len(rest))
	case rest != "":
		for end < off+len(rest) && !strings.ContainsRune(" \t\r,:{}[]", rune(text[end])) {
			end++
		}
		if end == off {
			end = off + 1
		}
	}
	if end > len(text) {
		end = len(text)
	}
	return cmDiagnostic{
		Line: line, Column: col, From: utf16Len(text[:off]), To: utf16Len(text[:end]),
		Severity: sev, Message: msg,
	}
}
