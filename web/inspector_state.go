package web

import "github.com/aslstudio/aslstudio/engine/catalog"

// inspectorState is what the inspector remembers between renders: the tab
// shown, what was typed into JSON fields that does not parse yet, and
// the catalog look-ups asked for.
type inspectorState struct {
	// tab is the section shown: tabConfig, tabIO or tabErrors.
	tab string
	// drafts holds, per state and field, text that was typed but not
	// committed (it does not parse); the field shows it with its error.
	drafts map[string]*jsonDraft
	// errs holds, per state and field, why the last edit was refused.
	errs map[string]string
	// filter is what was typed into the parameter suggestions' box.
	filter string
	// shapes remembers the actions whose catalog shapes were asked for.
	shapes map[string]*shapeLoad
}

// Inspector tabs.
const (
	tabConfig = "config"
	tabIO     = "io"
	tabErrors = "errors"
)

// jsonDraft is text typed into a JSON field. base is the field's printed
// value when the draft began: a draft whose base no longer matches the
// model (an undo, a code edit) is dropped.
type jsonDraft struct {
	text, err, base string
}

// shapeLoad is the catalog's answer for one Task resource: the members of
// its input (for completions) and the errors it can raise (for Retry and
// Catch), once loaded.
type shapeLoad struct {
	done    bool
	err     string
	members []catalog.Member
	errors  []string
}
