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
	// A side-by-side handle (vertical) moves with left and right; the run
	// panel's handle lies across and moves with up and down.
	for _, c := range []struct {
		key             string
		shift, vertical bool
		want            float64
	}{
		{"ArrowLeft", false, true, -splitStep},
		{"ArrowRight", true, true, 4 * splitStep},
		{"a", false, true, 0},
		{"ArrowUp", false, true, 0},
		{"ArrowUp", false, false, -splitStep},
		{"ArrowDown", true, false, 4 * splitStep},
		{"ArrowLeft", false, false, 0},
	} {
		if got := splitKeyStep(c.key, c.shift, c.vertical); got != c.want {
			t.Errorf("splitKeyStep(%q, shift=%v, vertical=%v) = %v, want %v", c.key, c.shift, c.vertical, got, c.want)
		}
	}
}
