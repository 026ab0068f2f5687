package web

import (
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// mount mounts a studio in a client tester and returns its HTML.
func mount(t *testing.T, s *Studio) (app.ClientDispatcher, func() string) {
	t.Helper()
	d := app.NewClientTester(s)
	t.Cleanup(d.Close)
	return d, func() string { d.Consume(); return app.HTMLString(s) }
}

func TestStudioShowsDefaultExample(t *testing.T) {
	_, html := mount(t, &Studio{})
	page := html()
	names, err := stateNames(assets.Default().Definition())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if !strings.Contains(page, `data-state="`+name+`"`) {
			t.Errorf("state %q is not rendered", name)
		}
	}
	if !strings.Contains(page, `data-validation="valid"`) {
		t.Error("the default example is not shown as valid")
	}
}

func stateNames(src []byte) ([]string, error) {
	_, states, err := stopgapStates(src)
	var names []string
	for _, s := range states {
		names = append(names, s.Name)
	}
	return names, err
}
