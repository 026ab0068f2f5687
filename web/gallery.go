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
			app.Div().Class("gallery").Body(
				app.Range(list).Slice(func(i int) app.UI {
					ex := list[i]
					return app.Button().Class("card").DataSet("example", ex.ID).Aria("label", "Open example "+ex.Title).
						OnClick(func(ctx app.Context, e app.Event) {
							s.showGallery = false
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
