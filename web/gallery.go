package web

import (
	"github.com/aslstudio/aslstudio/assets"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func (s *Studio) renderGallery() app.UI {
	list := assets.Examples()
	return app.Div().Class("overlay").On("click", func(ctx app.Context, e app.Event) {
		if e.Get("target").Call("closest", ".dialog").Truthy() {
			return
		}
		s.showGallery = false
	}).Body(
		app.Div().Class("dialog").Attr("role", "dialog").Aria("label", "Examples").Body(
			app.Div().Style("display", "flex").Style("align-items", "center").Body(
				app.H1().Text("Examples"),
				app.Div().Class("spacer"),
				app.Button().Class("btn icon").Aria("label", "Close examples").Text("✕").
					OnClick(func(ctx app.Context, e app.Event) { s.showGallery = false }),
			),
			s.renderRecent(),
			app.Div().Class("gallery").Body(
				app.Range(list).Slice(func(i int) app.UI {
					ex := list[i]
					return app.Button().Class("card").DataSet("example", ex.ID).Aria("label", "Open example "+ex.Title).
						OnClick(func(ctx app.Context, e app.Event) {
							s.showGallery = false
							s.pushRecent(ctx)
							s.openDocument(ex.Title, ex.Definition())
							s.syncCode()
							s.save(ctx)
						}, ex.ID).Body(
						app.Strong().Text(ex.Title),
						app.Span().Text(ex.Description),
					)
				}),
			),
		),
	)
}

// renderRecent lists the documents that were open before, newest first.
func (s *Studio) renderRecent() app.UI {
	recent := s.recentDocs()
	if len(recent) == 0 {
		return app.If(false)
	}
	return app.Div().Body(
		app.H2().Style("margin", "4px 0 8px").Text("Recent documents"),
		app.Div().Class("gallery").Style("margin-bottom", "16px").Body(
			app.Range(recent).Slice(func(i int) app.UI {
				r := recent[i]
				return app.Button().Class("card").DataSet("recent", i).Aria("label", "Open recent document "+r.Name).
					OnClick(func(ctx app.Context, e app.Event) {
						s.showGallery = false
						s.pushRecent(ctx)
						s.openDocument(r.Name, []byte(r.Text))
						s.syncCode()
						s.save(ctx)
					}, r.Name, r.Saved).Body(
					app.Strong().Text(r.Name),
					app.Span().Text(r.Saved),
				)
			}),
		),
	)
}
