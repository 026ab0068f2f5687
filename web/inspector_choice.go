package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// operatorGroups lists every comparison operator of asl.ComparisonOperators
// under the type it compares, for the rule builder's operator menu.
var operatorGroups = func() []struct {
	label string
	ops   []string
} {
	groups := []struct {
		label string
		ops   []string
	}{{label: "String"}, {label: "Number"}, {label: "Boolean"}, {label: "Timestamp"}, {label: "Type tests"}}
	for _, op := range asl.ComparisonOperators {
		i := 0
		switch {
		case strings.HasPrefix(op, "Numeric"):
			i = 1
		case strings.HasPrefix(op, "Boolean"):
			i = 2
		case strings.HasPrefix(op, "Timestamp"):
			i = 3
		case asl.IsTypeTest(op):
			i = 4
		}
		groups[i].ops = append(groups[i].ops, op)
	}
	return groups
}()

// ruleKinds are the kinds of condition the builder offers (JSONPath).
var ruleKinds = []struct{ kind, label string }{
	{ruleCompare, "Compare a value"},
	{ruleAnd, "All of (And)"},
	{ruleOr, "Any of (Or)"},
	{ruleNot, "Not"},
}

// renderChoiceRules is the Choice rule builder: one card per rule with its
// condition and Next, buttons to reorder and remove, then Default.
func (s *Studio) renderChoiceRules(name string, t *asl.ChoiceState, jsonata bool) app.UI {
	rules := t.Choices
	return app.Div().Class("rules").DataSet("rules", len(rules)).Body(
		app.Range(rules).Slice(func(i int) app.UI {
			return s.renderRuleCard(name, i, len(rules), rules[i], jsonata)
		}),
		app.Div().Class("insp-actions").Body(
			app.Button().Class("btn").Aria("label", "Add a rule").Text("+ Add rule").
				OnClick(func(ctx app.Context, e app.Event) {
					next := t.Default
					if next == "" {
						if sib := s.siblings(name); len(sib) > 0 {
							next = sib[0]
						}
					}
					s.editState(ctx, name, "/Choices", func(st *asl.Value) error {
						addChoiceRule(st, next, jsonata)
						return nil
					})
				}, name, t.Default, jsonata),
		),
		s.inspField(name, "/Default", "Default rule (when no rule matches)", s.targetSelect(name, "Default", t.Default, "(none)", func(ctx app.Context, v string) {
			s.editState(ctx, name, "/Default", func(st *asl.Value) error {
				if v == "" {
					st.Delete("Default")
				} else {
					st.Set("Default", asl.NewString(v))
				}
				return nil
			})
		})),
	)
}

// renderRuleCard is one top-level rule.
func (s *Studio) renderRuleCard(name string, i, n int, r *asl.ChoiceRule, jsonata bool) app.UI {
	rel := "/Choices/" + strconv.Itoa(i)
	return app.Div().Class("rule-card").DataSet("rule", rel).Body(
		app.Div().Class("card-head").Body(
			app.Span().Class("card-title").Text(fmt.Sprintf("Rule %d", i+1)),
			app.Span().Class("card-tools").Body(
				iconButton(fmt.Sprintf("Move rule %d up", i+1), "↑", i == 0, func(ctx app.Context, e app.Event) {
					s.editState(ctx, name, "/Choices", func(st *asl.Value) error { return moveItem(st, "/Choices", i, -1) })
				}, name, i),
				iconButton(fmt.Sprintf("Move rule %d down", i+1), "↓", i == n-1, func(ctx app.Context, e app.Event) {
					s.editState(ctx, name, "/Choices", func(st *asl.Value) error { return moveItem(st, "/Choices", i, 1) })
				}, name, i),
				iconButton(fmt.Sprintf("Remove rule %d", i+1), "✕", false, func(ctx app.Context, e app.Event) {
					s.editState(ctx, name, "/Choices", func(st *asl.Value) error { return removeItem(st, "/Choices", i, false) })
				}, name, i),
			),
		),
		s.renderCondition(name, rel, r, jsonata, 0),
		app.Div().Class("field rule-next").DataSet("field-row", "Next").Body(
			app.Label().Text("Then go to"),
			s.targetSelect(name, "Next", r.Next, "(choose a state)", func(ctx app.Context, v string) {
				s.editState(ctx, name, rel+"/Next", func(st *asl.Value) error {
					rule := asl.Lookup(st, rel)
					if rule == nil {
						return fmt.Errorf("no rule at %s", rel)
					}
					if v == "" {
						rule.Delete("Next")
					} else {
						rule.Set("Next", asl.NewString(v))
					}
					return nil
				})
			}),
		),
		s.renderRuleExtras(name, rel, r, jsonata),
		inlineDiags(s.fieldError(name, rel), s.diagsOfRule(name, rel)),
	)
}

// renderRuleExtras edits what a rule carries besides its condition and
// target: a Comment, variables to Assign when it matches and, in JSONata,
// the Choice state's Output when it matches.
func (s *Studio) renderRuleExtras(name, rel string, r *asl.ChoiceRule, jsonata bool) app.UI {
	rule := r.Node
	comment := r.Comment
	return app.Details().Class("rule-extras").Open(rule.Has("Comment") || rule.Has("Assign") || rule.Has("Output")).Body(
		app.Summary().Text("Comment, Assign"+map[bool]string{true: ", Output", false: ""}[jsonata]),
		app.Div().Class("field").DataSet("field-row", "Comment").Body(
			app.Label().Text("Comment"),
			textInput("Comment", "Rule comment", comment, func(ctx app.Context, v string) {
				s.editState(ctx, name, rel+"/Comment", func(st *asl.Value) error {
					return withRule(st, rel, func(r *asl.Value) error {
						if v == "" {
							r.Delete("Comment")
						} else {
							r.Set("Comment", asl.NewString(v))
						}
						return nil
					})
				})
			}, name, rel),
		),
		s.inspField(name, rel+"/Assign", "Assign variables when it matches", s.jsonEditor(name, rel, "Assign", rule.Get("Assign"), assignPlaceholder(jsonata))),
		when(jsonata || rule.Has("Output"), func() app.UI {
			return s.inspField(name, rel+"/Output", "Output when it matches", s.jsonEditor(name, rel, "Output", rule.Get("Output"), `"{% $states.input %}"`))
		}),
	)
}

// assignPlaceholder is an Assign example in the query language.
func assignPlaceholder(jsonata bool) string {
	if jsonata {
		return `{"route": "{% 'express' %}"}`
	}
	return `{"route": "express", "total.$": "$.order.total"}`
}

// renderCondition edits the condition of the rule at rel: its kind, then a
// comparison (Variable, operator, value), the nested conditions of And/Or,
// the condition under Not, or a JSONata Condition.
func (s *Studio) renderCondition(name, rel string, r *asl.ChoiceRule, jsonata bool, depth int) app.UI {
	if jsonata {
		cond := ""
		if r.Condition != nil {
			cond = operandText(r.Condition)
		}
		return app.Div().Class("field").DataSet("field-row", "Condition").Body(
			app.Label().Text("Condition (JSONata)"),
			app.Input().Type("text").Value(cond).Placeholder("{% $states.input.total > 100 %}").
				DataSet("field", "Condition").Aria("label", "Condition").Attr("spellcheck", "false").
				OnChange(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					s.editState(ctx, name, rel+"/Condition", func(st *asl.Value) error {
						return withRule(st, rel, func(rule *asl.Value) error { return setRuleJSONata(rule, v) })
					})
				}, name, rel),
			inlineDiags(s.fieldError(name, rel+"/Condition"), nil),
		)
	}
	kind := ruleCompare
	switch {
	case r.Condition != nil:
		kind = ruleCondition
	case r.And != nil || r.Node.Has("And"):
		kind = ruleAnd
	case r.Or != nil || r.Node.Has("Or"):
		kind = ruleOr
	case r.Node.Has("Not"):
		kind = ruleNot
	}
	kindSel := app.Select().Class("rule-kind").DataSet("field", "Kind").Aria("label", "Kind of condition").
		OnChange(func(ctx app.Context, e app.Event) {
			v := ctx.JSSrc().Get("value").String()
			s.editState(ctx, name, rel, func(st *asl.Value) error {
				return withRule(st, rel, func(rule *asl.Value) error { return setRuleKind(rule, v) })
			})
		}, name, rel).Body(
		app.Range(ruleKinds).Slice(func(i int) app.UI {
			return app.Option().Value(ruleKinds[i].kind).Selected(ruleKinds[i].kind == kind).Text(ruleKinds[i].label)
		}),
		when(kind == ruleCondition, func() app.UI {
			return app.Option().Value(ruleCondition).Selected(true).Text("JSONata Condition")
		}),
	)
	var body app.UI
	switch kind {
	case ruleAnd, ruleOr:
		subs := r.And
		if kind == ruleOr {
			subs = r.Or
		}
		arr := rel + "/" + kind
		body = app.Div().Class("nested").DataSet("nested", kind).Body(
			app.Range(subs).Slice(func(i int) app.UI {
				sub := arr + "/" + strconv.Itoa(i)
				return app.Div().Class("nested-item").DataSet("rule", sub).Body(
					app.Div().Class("card-head").Body(
						app.Span().Class("card-title").Text(map[string]string{ruleAnd: "and", ruleOr: "or"}[kind]+" "+strconv.Itoa(i+1)),
						app.Span().Class("card-tools").Body(
							iconButton("Remove condition "+strconv.Itoa(i+1), "✕", false, func(ctx app.Context, e app.Event) {
								s.editState(ctx, name, arr, func(st *asl.Value) error { return removeItem(st, arr, i, false) })
							}, name, arr, i),
						),
					),
					s.renderCondition(name, sub, subs[i], false, depth+1),
					inlineDiags(s.fieldError(name, sub), s.diagsOfRule(name, sub)),
				)
			}),
			app.Button().Class("btn small").Aria("label", "Add a condition to "+kind).Text("+ Condition").
				OnClick(func(ctx app.Context, e app.Event) {
					s.editState(ctx, name, rel, func(st *asl.Value) error { return addNestedCondition(st, rel) })
				}, name, rel),
		)
	case ruleNot:
		sub := rel + "/Not"
		inner := r.Not
		if inner == nil {
			inner = &asl.ChoiceRule{Node: asl.NewObject()}
		}
		body = app.Div().Class("nested").DataSet("nested", "Not").DataSet("rule", sub).Body(
			s.renderCondition(name, sub, inner, false, depth+1),
			inlineDiags(s.fieldError(name, sub), s.diagsOfRule(name, sub)),
		)
	case ruleCondition:
		body = app.P().Class("hint").Text("This rule uses a JSONata Condition: set the workflow's query language to JSONata to edit it, or pick another kind.")
	default:
		body = s.renderComparison(name, rel, r)
	}
	return app.Div().Class("condition").Body(kindSel, body)
}

// withRule runs f on the rule object at rel inside the state st.
func withRule(st *asl.Value, rel string, f func(rule *asl.Value) error) error {
	rule := asl.Lookup(st, rel)
	if rule == nil || rule.Kind != asl.Object {
		return fmt.Errorf("no rule at %s", rel)
	}
	return f(rule)
}

// renderComparison edits Variable, the operator and the value of a
// comparison; the value box takes the operator's JSON type.
func (s *Studio) renderComparison(name, rel string, r *asl.ChoiceRule) app.UI {
	op, operand := ruleComparison(r.Node)
	kind := operandKind(op)
	var valueCtl app.UI
	switch {
	case op == "":
		valueCtl = app.Span()
	case kind == "boolean":
		cur := operand == nil || operand.Kind != asl.Bool || operand.Bool
		valueCtl = app.Select().Class("rule-value").DataSet("field", "Value").Aria("label", "Value").
			OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				s.editState(ctx, name, rel+"/Value", func(st *asl.Value) error {
					return withRule(st, rel, func(rule *asl.Value) error { return setRuleOperand(rule, v) })
				})
			}, name, rel, op).Body(
			app.Option().Value("true").Selected(cur).Text("true"),
			app.Option().Value("false").Selected(!cur).Text("false"),
		)
	default:
		valueCtl = app.Input().Type("text").Class("rule-value").Value(operandText(operand)).
			Placeholder(valuePlaceholder[kind]).DataSet("field", "Value").DataSet("value-kind", kind).
			Aria("label", "Value").Attr("spellcheck", "false").
			OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				s.editState(ctx, name, rel+"/Value", func(st *asl.Value) error {
					return withRule(st, rel, func(rule *asl.Value) error { return setRuleOperand(rule, v) })
				})
			}, name, rel, op)
	}
	return app.Div().Class("comparison").Body(
		app.Input().Type("text").Class("rule-variable").Value(r.Variable).Placeholder("$.field").
			DataSet("field", "Variable").Aria("label", "Variable").Attr("spellcheck", "false").
			OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				s.editState(ctx, name, rel+"/Variable", func(st *asl.Value) error {
					return withRule(st, rel, func(rule *asl.Value) error { return setRuleVariable(rule, v) })
				})
			}, name, rel),
		app.Div().Class("comparison-op").Body(
			app.Select().Class("rule-op").DataSet("field", "Operator").Aria("label", "Operator").
				OnChange(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					s.editState(ctx, name, rel+"/Operator", func(st *asl.Value) error {
						return withRule(st, rel, func(rule *asl.Value) error { return setRuleOperator(rule, v) })
					})
				}, name, rel).Body(
				when(op == "", func() app.UI { return app.Option().Value("").Selected(true).Text("(choose)") }),
				app.Range(operatorGroups).Slice(func(g int) app.UI {
					grp := operatorGroups[g]
					return app.OptGroup().Label("%s", grp.label).Body(app.Range(grp.ops).Slice(func(i int) app.UI {
						return app.Option().Value(grp.ops[i]).Selected(grp.ops[i] == op).Text(grp.ops[i])
					}))
				}),
			),
			valueCtl,
		),
		inlineDiags(s.fieldError(name, rel+"/Variable")+s.fieldError(name, rel+"/Operator")+s.fieldError(name, rel+"/Value"), nil),
	)
}

// valuePlaceholder hints at the value each kind of operator takes.
var valuePlaceholder = map[string]string{
	"string":    "text",
	"number":    "100",
	"timestamp": "2024-01-01T00:00:00Z",
	"path":      "$.other",
}
