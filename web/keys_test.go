package web

import "testing"

func TestShortcuts(t *testing.T) {
	for _, c := range []struct {
		key, code        string
		ctrl, shift, alt bool
		want             string
	}{
		{"c", "KeyC", true, false, false, "copy"},
		{"C", "KeyC", true, false, false, "copy"},
		{"x", "KeyX", true, false, false, "cut"},
		{"v", "KeyV", true, false, false, "paste"},
		{"a", "KeyA", true, false, false, "selectall"},
		{"d", "KeyD", true, false, false, "duplicate"},
		{"Delete", "Delete", false, false, false, "delete"},
		{"Backspace", "Backspace", false, false, false, "delete"},
		{"z", "KeyZ", true, false, false, "undo"},
		{"Z", "KeyZ", true, true, false, "redo"},
		{"ç", "KeyC", false, false, true, "fit"},
		// Ctrl+Shift+C (devtools) and a plain c are not ours.
		{"C", "KeyC", true, true, false, ""},
		{"c", "KeyC", false, false, false, ""},
		{"v", "KeyV", false, false, false, ""},
	} {
		if got := shortcut(c.key, c.code, c.ctrl, c.shift, c.alt); got != c.want {
			t.Errorf("shortcut(%q, ctrl=%v shift=%v alt=%v) = %q, want %q", c.key, c.ctrl, c.shift, c.alt, got, c.want)
		}
	}
}

func TestSplitKeyStep(t *testing.T) {
	if got := splitKeyStep("ArrowLeft", false, true); got != -splitStep {
		t.Errorf("ArrowLeft moves %v", got)
	}
	if got := splitKeyStep("ArrowRight", true, true); got != 4*splitStep {
		t.Errorf("Shift+ArrowRight moves %v", got)
	}
	if got := splitKeyStep("a", false, true); got != 0 {
		t.Errorf("a moves %v", got)
	}
	// The run panel's handle lies across: up and down move it, left and
	// right do not (and a side-by-side handle ignores up and down).
	if got := splitKeyStep("ArrowUp", false, false); got != -splitStep {
		t.Errorf("ArrowUp moves the run panel's handle %v", got)
	}
	if got := splitKeyStep("ArrowDown", true, false); got != 4*splitStep {
		t.Errorf("Shift+ArrowDown moves the run panel's handle %v", got)
	}
	if got := splitKeyStep("ArrowLeft", false, false); got != 0 {
		t.Errorf("ArrowLeft moves the run panel's handle %v", got)
	}
	if got := splitKeyStep("ArrowUp", false, true); got != 0 {
		t.Errorf("ArrowUp moves a side-by-side handle %v", got)
	}
}
