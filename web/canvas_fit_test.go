package web

import (
	"math"
	"testing"
)

// fitView keeps the drawing inside the canvas's margins and out of the
// tools' band at the bottom: a small drawing is centred in what is left, a
// tall one starts at its top at the floor zoom, a tiny one stops at 125 %.
func TestFitView(t *testing.T) {
	const w, h = 540.0, 390.0 // the split view's canvas at 1440×760
	for _, tc := range []struct {
		name          string
		gw, gh, floor float64
		wantK         float64
	}{
		{"tall example", 460, 340, 0.6, (h - fitPad - fitToolsBand) / 340},
		{"wide example", 900, 200, 0.6, 0.6},
		{"one state", 100, 80, 0.6, 1.25},
		{"100 states", 300, 8000, 0.6, 0.6},
		{"100 states, fit", 300, 2000, minZoom, (h - fitPad - fitToolsBand) / 2000},
		{"beyond the least zoom", 300, 8000, minZoom, minZoom},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := fitView(tc.gw, tc.gh, w, h, tc.floor)
			if math.Abs(v.K-tc.wantK) > 1e-9 {
				t.Errorf("zoom %.4f, want %.4f", v.K, tc.wantK)
			}
			right, bottom := v.X+tc.gw*v.K, v.Y+tc.gh*v.K
			if v.X < fitPad-1e-9 || v.Y < fitPad-1e-9 {
				t.Errorf("drawing at (%.1f, %.1f), inside the %d px margin", v.X, v.Y, fitPad)
			}
			fitsAcross := tc.gw*v.K <= w-2*fitPad
			fitsDown := tc.gh*v.K <= h-fitPad-fitToolsBand
			if fitsAcross && math.Abs(v.X-(w-right)) > 1e-9 {
				t.Errorf("not centred across: %.1f left, %.1f right", v.X, w-right)
			}
			if fitsDown {
				if bottom > h-fitToolsBand+1e-9 {
					t.Errorf("bottom at %.1f, under the tools' band (from %.0f)", bottom, h-fitToolsBand)
				}
				if math.Abs((v.Y-fitPad)-(h-fitToolsBand-bottom)) > 1e-9 {
					t.Errorf("not centred above the tools: %.1f above, %.1f below", v.Y-fitPad, h-fitToolsBand-bottom)
				}
			} else if v.Y != fitPad {
				t.Errorf("a drawing taller than the canvas starts at %.1f, want its top at %d", v.Y, fitPad)
			}
		})
	}
}

// A drawing opens at 60 %, or smaller down to 45 % when that shows it
// whole (a small window); a large one opens at 60 % at its top.
func TestReadableFloor(t *testing.T) {
	availH := func(h float64) float64 { return h - fitPad - fitToolsBand }
	for _, tc := range []struct {
		name         string
		gw, gh, w, h float64
		want         float64
	}{
		{"fits at 60 %", 460, 340, 540, 390, readableZoom},
		{"fits whole at 50 %", 460, 340, 430, 269, availH(269) / 340},
		{"would need 27 %", 460, 1100, 540, 390, readableZoom},
		{"a small canvas, whole at 24 %", 460, 340, 410, 179, availH(179) / 340},
		{"a small canvas, 100 states", 300, 8000, 410, 179, readableZoom},
		{"100 states", 300, 8000, 540, 390, readableZoom},
	} {
		got := readableFloor(tc.gw, tc.gh, tc.w, tc.h)
		if math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: %.4f, want %.4f", tc.name, got, tc.want)
		}
		if v := fitView(tc.gw, tc.gh, tc.w, tc.h, got); got < readableZoom && (tc.gh*v.K > availH(tc.h)+1e-9 || tc.gw*v.K > tc.w-2*fitPad+1e-9) {
			t.Errorf("%s: opened below %v%% but not whole", tc.name, readableZoom*100)
		}
	}
}
