package web

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// renderEmbedBar is the framed studio's header (EmbedPath): the workflow's
// name, the Design / Code views, the validation status and a link that
// opens the same design in the full studio, in a new tab.
func (s *Studio) renderEmbedBar() app.UI {
	open := "/"
	if app.IsClient {
		if frag := app.Window().Get("location").Get("hash").String(); frag != "" {
			open += frag
		}
	}
	return app.Header().Class("topbar embed-bar").Body(
		app.Img().Class("embed-logo").Src("/web/icon.svg").Alt(""),
		app.Span().Class("embed-title").Title(s.doc.Name).Text(s.doc.Name),
		app.Div().Class("spacer"),
		app.Div().Class("seg").Attr("role", "group").Aria("label", "View").Body(
			s.viewButton(viewDesign, "Design"),
			s.viewButton(viewCode, "Code"),
		),
		s.renderStatus(),
		app.A().Class("btn").Href(open).Target("_blank").Attr("rel", "noopener").
			Aria("label", "Open in ASL Studio").Title("Open this workflow in ASL Studio, in a new tab").
			Text("Open in ASL Studio ↗"),
	)
}
