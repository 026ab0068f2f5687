package web

import (
	"sort"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxMemberChips is how many parameter suggestions show before the box
// must be typed into.
const maxMemberChips = 24

// actionShapes returns what the catalog knows of a Task resource's action
// (its input members and errors), starting to load the catalog's index and
// the service's shapes on the first ask; the inspector renders again when
// they arrive. It is nil for a resource that is no service integration.
func (s *Studio) actionShapes(resource string) *shapeLoad {
	if !strings.HasPrefix(resource, catalog.ResourcePrefix) || strings.Contains(resource, "{%") {
		return nil
	}
	if l, ok := s.insp.shapes[resource]; ok {
		return l
	}
	if s.insp.shapes == nil {
		s.insp.shapes = map[string]*shapeLoad{}
	}
	l := &shapeLoad{}
	s.insp.shapes[resource] = l
	if s.ctx == nil || !app.IsClient {
		return l
	}
	ctx := s.ctx
	actionsCatalog.load(ctx, func(c *catalog.Catalog, err error) {
		if err != nil {
			// Kept as failed (no retry on every render); opening a tab
			// again retries (forgetFailedShapes).
			l.done, l.err = true, err.Error()
			return
		}
		ctx.Async(func() {
			ms, errs, err := lookupShapes(c, resource)
			ctx.Dispatch(func(ctx app.Context) {
				l.done, l.members, l.errors = true, ms, errs
				if err != nil {
					l.err = err.Error()
				}
			})
		})
	})
	return l
}

// forgetFailedShapes drops the failed catalog look-ups, so that they are
// tried again (the catalog may be reachable now).
func (s *Studio) forgetFailedShapes() {
	for r, l := range s.insp.shapes {
		if l.done && l.err != "" {
			delete(s.insp.shapes, r)
		}
	}
}

// lookupShapes fetches the service of resource if needed and lists its
// input members and errors. It blocks: call it off the UI goroutine.
func lookupShapes(c *catalog.Catalog, resource string) ([]catalog.Member, []string, error) {
	if err := actionsCatalog.ensureService(c, resource); err != nil {
		return nil, nil, err
	}
	ms, err := c.InputMembers(resource)
	if err != nil {
		return nil, nil, err
	}
	errs, _ := c.Errors(resource)
	return ms, errs, nil
}

// memberChoice is a parameter the suggestions offer, and whether the
// payload has it already (as "Name" or "Name.$").
type memberChoice struct {
	catalog.Member
	Present bool
}

// memberChoices lists the members matching filter (case-insensitive,
// anywhere in the name; those starting with it first), required ones first,
// each marked present when the payload has it.
func memberChoices(members []catalog.Member, payload *asl.Value, filter string) []memberChoice {
	f := strings.ToLower(strings.TrimSpace(filter))
	var out []memberChoice
	for _, m := range members {
		if f != "" && !strings.Contains(strings.ToLower(m.Name), f) {
			continue
		}
		out = append(out, memberChoice{Member: m, Present: payloadHas(payload, m.Name)})
	}
	if f != "" {
		sort.SliceStable(out, func(i, j int) bool {
			pi := strings.HasPrefix(strings.ToLower(out[i].Name), f)
			pj := strings.HasPrefix(strings.ToLower(out[j].Name), f)
			return pi && !pj
		})
	}
	return out
}

// payloadHas reports whether a payload template sets member name.
func payloadHas(payload *asl.Value, name string) bool {
	return payload.Has(name) || payload.Has(name+".$")
}

// memberPlaceholder is the value a member gets when it is added: the first
// value of an enum, else an empty value of its type.
func memberPlaceholder(m catalog.Member) *asl.Value {
	if len(m.Enum) > 0 {
		return asl.NewString(m.Enum[0])
	}
	switch m.Type {
	case "structure", "map", "json":
		return asl.NewObject()
	case "list":
		return asl.NewArray()
	case "integer", "long", "double", "float":
		return asl.NewNumber("0")
	case "boolean":
		return asl.NewBool(false)
	case "timestamp":
		return asl.NewString("2024-01-01T00:00:00Z")
	}
	return asl.NewString("")
}

// addMember sets member m in the payload field key of st (creating the
// object), unless it is there already.
func addMember(st *asl.Value, key string, m catalog.Member) error {
	p := st.Get(key)
	if p == nil {
		p = asl.NewObject()
		st.Set(key, p)
	}
	if p.Kind != asl.Object {
		return &asl.EditError{Op: "Add " + m.Name, Msg: key + " is not a JSON object: edit it as text"}
	}
	if payloadHas(p, m.Name) {
		return nil
	}
	p.Set(m.Name, memberPlaceholder(m))
	return nil
}

// setMemberValue sets an enum member of the payload to one of its values.
func setMemberValue(st *asl.Value, key, member, value string) error {
	p := st.Get(key)
	if p == nil || p.Kind != asl.Object {
		return &asl.EditError{Op: "Set " + member, Msg: key + " is not a JSON object"}
	}
	p.Delete(member + ".$")
	p.Set(member, asl.NewString(value))
	return nil
}

// renderMemberSuggestions proposes the input members of a Task's action
// under its payload editor (Parameters or Arguments): a box to filter them
// (Enter adds the first one missing), a button per member (required ones
// marked), and a menu of values for each enum member the payload sets.
func (s *Studio) renderMemberSuggestions(name, key, resource string, payload *asl.Value) app.UI {
	l := s.actionShapes(resource)
	if l == nil {
		return app.If(false)
	}
	action := strings.TrimPrefix(resource, catalog.ResourcePrefix)
	if !l.done {
		return app.P().Class("hint").DataSet("suggest-status", "loading").Text("Loading the parameters of " + action + "…")
	}
	if l.err != "" || len(l.members) == 0 {
		return app.If(false)
	}
	blocked := s.insp.drafts[fieldKey(name, "/"+key)] != nil && s.insp.drafts[fieldKey(name, "/"+key)].err != ""
	choices := memberChoices(l.members, payload, s.insp.filter)
	shown := choices
	if len(shown) > maxMemberChips {
		shown = shown[:maxMemberChips]
	}
	var enums []memberChoice
	for _, c := range memberChoices(l.members, payload, "") {
		if c.Present && len(c.Enum) > 0 {
			enums = append(enums, c)
		}
	}
	listID := "members-" + strings.NewReplacer(":", "-", ".", "-").Replace(action)
	addFirst := func(ctx app.Context, filter string) {
		for _, c := range memberChoices(l.members, payload, filter) {
			if !c.Present {
				m := c.Member
				s.editState(ctx, name, "/"+key, func(st *asl.Value) error { return addMember(st, key, m) })
				return
			}
		}
	}
	return app.Div().Class("suggest").DataSet("suggest", action).Attr("role", "group").
		Aria("label", "Parameters of "+action).Body(
		app.Div().Class("suggest-head").Body(
			app.Span().Text("Parameters of "+action),
			app.Span().Class("hint").Text("* required"),
		),
		app.DataList().ID(listID).Body(app.Range(l.members).Slice(func(i int) app.UI {
			m := l.members[i]
			return app.Option().Value(m.Name).Label(memberLabel(m))
		})),
		app.Input().Type("search").Class("suggest-filter").Attr("list", listID).Attr("autocomplete", "off").
			Placeholder("Find a parameter (Enter adds)").Aria("label", "Find a parameter").
			Disabled(blocked).
			OnInput(func(ctx app.Context, e app.Event) {
				s.insp.filter = ctx.JSSrc().Get("value").String()
			}, name, key).
			OnKeyDown(func(ctx app.Context, e app.Event) {
				if e.Get("key").String() != "Enter" {
					return
				}
				src := ctx.JSSrc()
				f := src.Get("value").String()
				addFirst(ctx, f)
				src.Set("value", "")
				s.insp.filter = ""
			}, name, key, resource),
		when(blocked, func() app.UI {
			return app.P().Class("hint").Text("Fix the JSON above to add parameters.")
		}),
		app.Div().Class("member-chips").Attr("role", "list").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				c := shown[i]
				label := c.Name
				if c.Required {
					label += " *"
				}
				title := memberLabel(c.Member)
				if c.Present {
					title += " — already set"
				}
				return app.Button().Class("member-chip").Attr("role", "listitem").
					DataSet("member", c.Name).DataSet("required", c.Required).DataSet("present", c.Present).
					Disabled(c.Present || blocked).Title(title).
					Aria("label", "Add parameter "+c.Name+map[bool]string{true: " (required)", false: ""}[c.Required]).
					Text(label).
					OnClick(func(ctx app.Context, e app.Event) {
						m := c.Member
						s.editState(ctx, name, "/"+key, func(st *asl.Value) error { return addMember(st, key, m) })
					}, name, key, c.Name)
			}),
			when(len(choices) > len(shown), func() app.UI {
				return app.Span().Class("hint").Text("…and more: type to filter")
			}),
		),
		app.Range(enums).Slice(func(i int) app.UI {
			c := enums[i]
			cur, _ := payload.Get(c.Name).StringValue()
			return app.Div().Class("enum-row").DataSet("enum-member", c.Name).Body(
				app.Label().Text(c.Name),
				app.Select().Aria("label", "Value of "+c.Name).DataSet("enum", c.Name).
					OnChange(func(ctx app.Context, e app.Event) {
						v := ctx.JSSrc().Get("value").String()
						s.editState(ctx, name, "/"+key, func(st *asl.Value) error { return setMemberValue(st, key, c.Name, v) })
					}, name, key, c.Name).Body(
					when(!contains(c.Enum, cur), func() app.UI {
						return app.Option().Value("").Selected(true).Text("(" + firstNonEmpty(cur, "from a path") + ")")
					}),
					app.Range(c.Enum).Slice(func(j int) app.UI {
						return app.Option().Value(c.Enum[j]).Selected(c.Enum[j] == cur).Text(c.Enum[j])
					}),
				),
			)
		}),
	)
}

// memberLabel describes a member: its type, required, its values.
func memberLabel(m catalog.Member) string {
	var b strings.Builder
	b.WriteString(m.Type)
	if m.Required {
		b.WriteString(", required")
	}
	if len(m.Enum) > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(m.Enum, " | "))
	}
	if m.Note != "" {
		b.WriteString(" — ")
		b.WriteString(m.Note)
	}
	return b.String()
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
