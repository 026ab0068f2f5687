package web

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// inputsKey is where the saved execution inputs of every document are kept
// in the browser's storage, next to the autosaved document (storageKey):
// document name → its saved inputs.
const inputsKey = "aslstudio.inputs"

// maxSavedInputs is how many inputs a document keeps.
const maxSavedInputs = 12

// savedInput is an execution input saved under a name.
type savedInput struct {
	Name  string `json:"name"`
	Input string `json:"input"`
}

// allSavedInputs reads every document's saved inputs.
func (s *Studio) allSavedInputs() map[string][]savedInput {
	all := map[string][]savedInput{}
	if s.ctx != nil {
		s.ctx.LocalStorage().Get(inputsKey, &all)
	}
	if all == nil {
		all = map[string][]savedInput{}
	}
	return all
}

// savedInputs are the open document's saved inputs, read once per session.
func (s *Studio) savedInputs() []savedInput {
	r := s.runs()
	if !r.savedLoaded && s.doc != nil {
		r.saved = s.allSavedInputs()[s.doc.Name]
		r.savedLoaded = s.ctx != nil
	}
	return r.saved
}

// storeInputs writes the open document's saved inputs; it warns when the
// browser refuses (the inputs stay in the panel while the tab is open).
func (s *Studio) storeInputs(ctx app.Context, list []savedInput) {
	r := s.runs()
	r.saved, r.savedLoaded = list, true
	if ctx == nil || s.doc == nil {
		return
	}
	all := s.allSavedInputs()
	if len(list) == 0 {
		delete(all, s.doc.Name)
	} else {
		all[s.doc.Name] = list
	}
	if err := ctx.LocalStorage().Set(inputsKey, all); err != nil {
		r.savedNote = "Could not save in this browser (" + err.Error() + ")."
	}
}

// saveInput saves the current input under a name (a new name, or the one
// of an input it replaces).
func (s *Studio) saveInput(ctx app.Context) {
	r := s.runs()
	if _, ok := r.checkInput(); !ok {
		r.savedNote = "Fix the input before saving it: " + r.inputErr
		return
	}
	name := strings.TrimSpace(r.saveName)
	list := append([]savedInput(nil), s.savedInputs()...)
	if name == "" {
		for i := len(list) + 1; ; i++ {
			name = "Input " + strconv.Itoa(i)
			if indexOfInput(list, name) < 0 {
				break
			}
		}
	}
	if i := indexOfInput(list, name); i >= 0 {
		list[i].Input = r.input
		r.savedNote = "Replaced " + name + "."
	} else {
		if len(list) >= maxSavedInputs {
			r.savedNote = "A document keeps " + strconv.Itoa(maxSavedInputs) + " inputs: delete one first."
			return
		}
		list = append(list, savedInput{Name: name, Input: r.input})
		r.savedNote = "Saved " + name + "."
	}
	r.savedSel, r.saveName = name, ""
	s.storeInputs(ctx, list)
}

// deleteInput deletes the saved input chosen in the list.
func (s *Studio) deleteInput(ctx app.Context) {
	r := s.runs()
	list := append([]savedInput(nil), s.savedInputs()...)
	i := indexOfInput(list, r.savedSel)
	if i < 0 {
		return
	}
	list = append(list[:i], list[i+1:]...)
	r.savedNote = "Deleted " + r.savedSel + "."
	r.savedSel = ""
	s.storeInputs(ctx, list)
}

// pickInput loads a saved input into the input editor.
func (s *Studio) pickInput(name string) {
	r := s.runs()
	list := s.savedInputs()
	r.savedSel, r.savedNote = "", ""
	if i := indexOfInput(list, name); i >= 0 {
		r.savedSel = name
		r.input = list[i].Input
		r.checkInput()
	}
}

func indexOfInput(list []savedInput, name string) int {
	for i, in := range list {
		if in.Name == name {
			return i
		}
	}
	return -1
}

// renderSavedInputs is the saved-inputs bar of the Input tab: pick one,
// save the current input under a name, delete the one picked.
func (s *Studio) renderSavedInputs() app.UI {
	r := s.runs()
	list := s.savedInputs()
	return app.Div().Class("run-row saved-inputs").Body(
		app.Label().Class("run-label").Text("Execution input (JSON)"),
		app.Div().Class("spacer"),
		app.Select().Aria("label", "Saved inputs").DataSet("run", "saved-inputs").Body(
			app.Option().Value("").Text(map[bool]string{true: "No saved input", false: "Saved inputs…"}[len(list) == 0]).Selected(r.savedSel == ""),
			app.Range(list).Slice(func(i int) app.UI {
				return app.Option().Value(list[i].Name).Text(list[i].Name).Selected(list[i].Name == r.savedSel)
			}),
		).OnChange(func(ctx app.Context, e app.Event) { s.pickInput(ctx.JSSrc().Get("value").String()) }, r.key),
		app.Button().Class("btn").Aria("label", "Delete saved input").Title("Delete the saved input picked in the list").
			Disabled(r.savedSel == "").Text("Delete").
			OnClick(func(ctx app.Context, e app.Event) { s.deleteInput(ctx) }),
		app.Input().Type("text").Class("saved-name").Aria("label", "Input name").Placeholder("Name").Value(r.saveName).
			OnInput(func(ctx app.Context, e app.Event) { r.saveName = ctx.JSSrc().Get("value").String() }, r.key),
		app.Button().Class("btn").Aria("label", "Save input").Title("Save this input with the document (kept in this browser)").
			Text("Save input").OnClick(func(ctx app.Context, e app.Event) { s.saveInput(ctx) }),
		when(r.savedNote != "", func() app.UI {
			return app.Span().Class("run-note").DataSet("run", "saved-note").Text(r.savedNote)
		}),
	)
}
