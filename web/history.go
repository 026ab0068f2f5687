package web

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// maxHistory is how many steps undo can go back.
const maxHistory = 200

// snapshot is one undo step: the code of a valid document and the selection.
type snapshot struct {
	Text     string
	Format   string
	Selected string
}

// history keeps snapshots of every committed change (canvas, inspector and
// code edits alike); undo and redo move through them.
type history struct {
	steps []snapshot
	at    int
}

func (h *history) reset(s snapshot) {
	h.steps = []snapshot{s}
	h.at = 0
}

// push records s after the current step, dropping the redo tail; a snapshot
// equal to the current one is not recorded twice.
func (h *history) push(s snapshot) {
	if len(h.steps) > 0 && h.steps[h.at].Text == s.Text && h.steps[h.at].Format == s.Format {
		h.steps[h.at].Selected = s.Selected
		return
	}
	h.steps = append(h.steps[:h.at+1], s)
	if len(h.steps) > maxHistory+1 {
		h.steps = h.steps[len(h.steps)-maxHistory-1:]
	}
	h.at = len(h.steps) - 1
}

func (h *history) canUndo() bool { return h.at > 0 }
func (h *history) canRedo() bool { return h.at < len(h.steps)-1 }

func (h *history) undo() (snapshot, bool) {
	if !h.canUndo() {
		return snapshot{}, false
	}
	h.at--
	return h.steps[h.at], true
}

func (h *history) redo() (snapshot, bool) {
	if !h.canRedo() {
		return snapshot{}, false
	}
	h.at++
	return h.steps[h.at], true
}

func (s *Studio) snapshot() snapshot {
	return snapshot{Text: s.doc.Text, Format: s.doc.Format, Selected: s.selected}
}

func (s *Studio) restoreSnapshot(ctx app.Context, sn snapshot) {
	s.doc.Format = sn.Format
	s.doc.setText(sn.Text)
	s.selected = sn.Selected
	if s.selected != "" && s.doc.state(s.selected) == nil {
		s.selected = ""
	}
	s.syncCode()
	s.save(ctx)
}

func (s *Studio) undo(ctx app.Context) {
	s.flushTyped(ctx)
	if sn, ok := s.hist.undo(); ok {
		s.restoreSnapshot(ctx, sn)
	}
}

func (s *Studio) redo(ctx app.Context) {
	s.flushTyped(ctx)
	if sn, ok := s.hist.redo(); ok {
		s.restoreSnapshot(ctx, sn)
	}
}
