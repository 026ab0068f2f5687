// Package assets holds the files ASL Studio embeds: the example workflows of
// the pattern gallery, each with a sample input and a Step Functions Local
// MockConfigFile so that it can be run without AWS.
package assets

import (
	"embed"
	"fmt"
	"slices"
	"sync"

	"github.com/aslstudio/aslstudio/engine/asl"
)

//go:embed examples/*.json
var examples embed.FS

// Example describes one entry of the pattern gallery. Its files are
// examples/ID.asl.json (the definition), examples/ID.input.json (a sample
// input) and examples/ID.mocks.json (a MockConfigFile whose state machine and
// test case are named by StateMachine and TestCase).
type Example struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// StateMachine and TestCase name the mocks to use in the MockConfigFile.
	StateMachine string `json:"stateMachine"`
	TestCase     string `json:"testCase"`
	// ExecutionType is STANDARD or EXPRESS: how the example is meant to run.
	ExecutionType string `json:"executionType"`
}

// Examples lists the gallery in display order. The first one is the default
// document the app opens when it has nothing else to show.
func Examples() []Example { return slices.Clone(index()) }

// index is examples/index.json, decoded once. It is read with the ASL
// parser, which the studio runs as it opens its first document anyway:
// encoding/json's decoder would be code that the browser compiles only for
// this, on the way to an interactive canvas.
var index = sync.OnceValue(func() []Example {
	b, err := examples.ReadFile("examples/index.json")
	if err != nil {
		panic("assets: examples/index.json is not embedded: " + err.Error())
	}
	list, err := decodeIndex(b)
	if err != nil {
		panic("assets: examples/index.json: " + err.Error())
	}
	return list
})

// decodeIndex reads index.json: an array of objects whose fields named as
// Example's json tags are strings (other fields, such as tags, are left).
func decodeIndex(b []byte) ([]Example, error) {
	v, err := asl.ParseJSON(b)
	if err != nil {
		return nil, err
	}
	if v.Kind != asl.Array {
		return nil, fmt.Errorf("want an array, found %s", v.Kind)
	}
	list := make([]Example, 0, len(v.Items))
	for i, it := range v.Items {
		if it.Kind != asl.Object {
			return nil, fmt.Errorf("/%d: want an object, found %s", i, it.Kind)
		}
		var e Example
		for _, fd := range []struct {
			key string
			dst *string
		}{
			{"id", &e.ID}, {"title", &e.Title}, {"description", &e.Description},
			{"stateMachine", &e.StateMachine}, {"testCase", &e.TestCase}, {"executionType", &e.ExecutionType},
		} {
			key, dst := fd.key, fd.dst
			f := it.Get(key)
			if f == nil {
				continue
			}
			s, ok := f.StringValue()
			if !ok {
				return nil, fmt.Errorf("/%d/%s: want a string, found %s", i, key, f.Kind)
			}
			*dst = s
		}
		list = append(list, e)
	}
	return list, nil
}

// Default returns the example the app opens when no file is given.
func Default() Example { return index()[0] }

// Lookup returns the example with the given id.
func Lookup(id string) (Example, bool) {
	for _, e := range index() {
		if e.ID == id {
			return e, true
		}
	}
	return Example{}, false
}

// Definition returns the example's ASL JSON definition as written.
func (e Example) Definition() []byte { return mustRead(e.ID + ".asl.json") }

// Input returns the example's sample execution input (JSON).
func (e Example) Input() []byte { return mustRead(e.ID + ".input.json") }

// Mocks returns the example's MockConfigFile (JSON).
func (e Example) Mocks() []byte { return mustRead(e.ID + ".mocks.json") }

func mustRead(name string) []byte {
	b, err := examples.ReadFile("examples/" + name)
	if err != nil {
		panic(fmt.Sprintf("assets: examples/%s is not embedded: %v", name, err))
	}
	return b
}
