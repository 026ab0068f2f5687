// Package layout computes the drawing of an Amazon States Language workflow:
// a layered (Sugiyama-family) layout written for ASL, top to bottom, with a
// Start and an End marker per nesting level, Parallel branches side by side
// in group boxes, the Map processor in a labelled group box, Choice rules as
// edge labels, Catch transitions drawn to the side and loops routed around
// the states they skip.
//
// The result is plain Geometry (nodes, nested groups, orthogonal edge
// polylines, labels, bounding box) that the canvas and `aslstudio render`
// draw; SVG renders it. The graph model (node sizes, Start/End per level,
// one edge per transition) is the one of ../shared/bench/layout/asl_graph.mjs,
// so the geometry can be scored against dagre and ELK with the same metrics.
//
// The pipeline per nesting level: depth-first cycle breaking from Start in
// source order, longest-path layering, barycenter ordering with transpose
// sweeps (three initial orders are tried while crossings remain), side-port
// assignment for Catch and loop edges, coordinate assignment by iterated
// weighted-median placement (isotonic regression per layer) followed by
// straightening of one-to-one chains, then orthogonal routing with per-gap
// track assignment and Choice labels placed in free intervals. Parallel and
// Map states are laid out first, recursively, and placed as blocks.
//
// Layout(def, Options{Collapsed: ids}) gives the Geometry; SVG / WriteSVG
// draw it.
// Nothing depends on state names except through source order, so renaming a
// state moves nothing, and the same definition always gives the same
// geometry.
package layout
