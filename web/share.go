package web

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Share links. Share first posts the design (the definition, the run
// panel's input and mocks, the title) to the share service beside the app
// (serviceDesigns, relative to the page: the Worker of worker/ and
// `aslstudio serve` answer there), and the link is the app's address with
// "#share=" and the id it gives. Where there is no service (a plain static
// host answers 404 or 405, or not JSON) or it fails, the link carries the
// design itself in its fragment: as JSON, deflated (raw DEFLATE, the
// browser's CompressionStream) and base64url-encoded after "#design=";
// nothing leaves the browser until that link is sent. A page opened on
// either link opens the design, the document open before going to the
// recent documents.

// shareFragment starts the fragment of a link that carries its design.
const shareFragment = "#design="

// storedFragment starts the fragment of a link to a design kept by the
// share service (worker/designs.Fragment).
const storedFragment = "#share="

// serviceDesigns is the share service's API, relative to the page
// (worker/designs.Path without its leading slash).
const serviceDesigns = "api/designs"

// sharedDesign is what a share link carries (the share service's fields).
type sharedDesign struct {
	Title      string `json:"title,omitempty"`
	Definition string `json:"definition"`
	Input      string `json:"input,omitempty"`
	Mocks      string `json:"mocks,omitempty"`
}

// errNotShareLink says a fragment is not a share link's.
var errNotShareLink = errors.New("not a share link")

// designOf is the open document as a share link carries it: its code as
// written (a template's definition as JSON), and the run panel's input
// and mocks.
func (s *Studio) designOf() sharedDesign {
	d := sharedDesign{Title: s.doc.Name, Definition: s.doc.Text}
	if s.doc.Format == formatSAM && s.doc.Root != nil {
		d.Definition = string(asl.PrintJSON(s.doc.Root))
	}
	r := s.runs()
	d.Input, d.Mocks = r.input, r.mocks
	return d
}

// packDesign makes the fragment of a share link for d.
func packDesign(d sharedDesign) (string, error) {
	raw, err := json.Marshal(d)
	if err != nil {
		return "", err
	}
	z, err := deflate(raw)
	if err != nil {
		return "", err
	}
	return shareFragment + base64.RawURLEncoding.EncodeToString(z), nil
}

// unpackDesign reads the design of a share link's fragment.
func unpackDesign(fragment string) (sharedDesign, error) {
	var d sharedDesign
	enc, ok := strings.CutPrefix(fragment, shareFragment)
	if !ok {
		return d, errNotShareLink
	}
	z, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(enc, "="))
	if err != nil {
		return d, errors.New("the link is cut or damaged (" + err.Error() + ")")
	}
	raw, err := inflate(z)
	if err != nil {
		return d, errors.New("the link is cut or damaged (" + err.Error() + ")")
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return d, errors.New("the link does not hold a design (" + err.Error() + ")")
	}
	if strings.TrimSpace(d.Definition) == "" {
		return d, errors.New("the link holds no definition")
	}
	return d, nil
}

// openShared opens a design from a share link, keeping the document open
// before among the recent ones.
func (s *Studio) openShared(ctx app.Context, d sharedDesign) {
	title := strings.TrimSpace(d.Title)
	if title == "" {
		title = "Shared workflow"
	}
	s.pushRecent(ctx)
	s.openDocument(title, []byte(d.Definition))
	r := s.runs()
	if d.Input != "" {
		r.input = d.Input
	}
	r.mocks = d.Mocks
	s.syncCode()
	s.save(ctx)
}

// openSharedFromURL opens the design of the page's share link, if it has
// one, then takes the fragment off the address: a reload restores the
// autosaved work, edits included.
func (s *Studio) openSharedFromURL(ctx app.Context) {
	loc := app.Window().Get("location")
	frag := loc.Get("hash").String()
	if !strings.HasPrefix(frag, shareFragment) && !strings.HasPrefix(frag, storedFragment) {
		return
	}
	ctx.Async(func() {
		var d sharedDesign
		var err error
		if id, ok := strings.CutPrefix(frag, storedFragment); ok {
			d, err = fetchDesign(id)
		} else {
			d, err = unpackDesign(frag)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if !s.embed {
				// A framed studio keeps it: it saves nothing, and a
				// reload of the frame opens the design again.
				app.Window().Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+loc.Get("search").String())
			}
			if err != nil {
				s.hint = "Cannot open the shared link: " + err.Error()
				return
			}
			s.openShared(ctx, d)
		})
	})
}

// share makes the share link of the open document and shows it: a link
// to the design stored by the share service, else one that carries it.
func (s *Studio) share(ctx app.Context) {
	d := s.designOf()
	ctx.Async(func() {
		frag, note, err := shareDesign(d)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				s.hint = "Cannot make a link: " + err.Error()
				return
			}
			loc := app.Window().Get("location")
			s.shareLink = loc.Get("origin").String() + loc.Get("pathname").String() + frag
			s.shareNote = note
			copyText(s.shareLink)
		})
	})
}

// The notes under a share link: what it holds and where.
const (
	noteStored  = "The workflow, its input and its mocks are stored by this site's share service: anyone with the link can open them."
	noteCarried = "The link holds the workflow, its input and its mocks: nothing is stored on a server."
)

// shareDesign posts d to the share service and returns the fragment of a
// link to it; without a service it returns the fragment that carries d,
// with a note saying why when the service failed. It blocks: call it off
// the UI goroutine.
func shareDesign(d sharedDesign) (frag, note string, err error) {
	id, perr := postDesign(d)
	if perr == nil {
		return storedFragment + id, noteStored, nil
	}
	frag, err = packDesign(d)
	note = noteCarried
	if !errors.Is(perr, errNoService) {
		note = "The share service failed (" + perr.Error() + "), so " + strings.ToLower(noteCarried[:1]) + noteCarried[1:]
	}
	return frag, note, err
}

// errNoService says there is no share service beside the app.
var errNoService = errors.New("no share service here")

// serviceReply reads the share service's answer to a request: the fields
// of its JSON object, or an error with the service's own message. An
// answer that is not the service's (a static host's 404 or 405, or a page
// that is not JSON) is errNoService.
func serviceReply(status int, body []byte) (map[string]string, error) {
	var m map[string]string
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, errNoService
	}
	if status >= 200 && status < 300 {
		return m, nil
	}
	if m["error"] == "" {
		return nil, errNoService
	}
	return nil, fmt.Errorf("%s (HTTP %d)", m["error"], status)
}

// postDesign stores d with the share service and returns its id.
func postDesign(d sharedDesign) (string, error) {
	body, err := json.Marshal(d)
	if err != nil {
		return "", err
	}
	status, reply, err := serviceRequest("POST", serviceDesigns, body)
	if err != nil {
		return "", err
	}
	m, err := serviceReply(status, reply)
	if err != nil {
		return "", err
	}
	if m["id"] == "" {
		return "", errNoService
	}
	return m["id"], nil
}

// fetchDesign reads the design stored under id by the share service.
func fetchDesign(id string) (sharedDesign, error) {
	var d sharedDesign
	if id == "" || strings.ContainsAny(id, "/?#%") {
		return d, errors.New("the link is cut or damaged")
	}
	status, reply, err := serviceRequest("GET", serviceDesigns+"/"+id, nil)
	if err != nil {
		return d, errors.New("the share service cannot be reached (" + err.Error() + ")")
	}
	if _, err := serviceReply(status, reply); err != nil {
		if errors.Is(err, errNoService) {
			return d, errors.New("this site has no share service to read the design from")
		}
		return d, err
	}
	if err := json.Unmarshal(reply, &d); err != nil {
		return d, errors.New("the share service gave no design (" + err.Error() + ")")
	}
	if strings.TrimSpace(d.Definition) == "" {
		return d, errors.New("the design holds no definition")
	}
	return d, nil
}

// copyText puts text on the clipboard when the browser lets the page.
func copyText(text string) {
	if !app.IsClient {
		return
	}
	if c := app.Window().Get("navigator").Get("clipboard"); c.Truthy() {
		c.Call("writeText", text).Call("catch", app.FuncOf(func(app.Value, []app.Value) any { return nil }))
	}
}

// renderShare is the header's Share button and, once a link is made, the
// link with a note on what it holds.
func (s *Studio) renderShare() app.UI {
	return app.Div().Class("menu-wrap").Body(
		app.Button().Class("btn").Aria("label", "Share").Aria("expanded", s.shareLink != "").
			Title("Make a link that opens this workflow, its input and its mocks").Text("Share").
			OnClick(func(ctx app.Context, e app.Event) {
				if s.shareLink != "" {
					s.shareLink = ""
					return
				}
				s.share(ctx)
			}),
		when(s.shareLink != "", func() app.UI {
			return app.Div().Body(
				app.Div().Class("menu-backdrop").On("pointerdown", func(ctx app.Context, e app.Event) { s.shareLink = "" }),
				app.Div().Class("menu share").Attr("role", "dialog").Aria("label", "Share this workflow").Body(
					app.Input().Type("text").ReadOnly(true).Class("share-link").Aria("label", "Share link").Value(s.shareLink).
						On("focus", func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }),
					app.Div().Class("share-row").Body(
						app.Span().Class("share-note").Text(s.shareNote),
						app.Button().Class("btn").Aria("label", "Copy link").Text("Copy").
							OnClick(func(ctx app.Context, e app.Event) { copyText(s.shareLink) }),
					),
				),
			)
		}),
	)
}
