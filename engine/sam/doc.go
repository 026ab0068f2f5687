// Package sam reads AWS SAM and CloudFormation templates, finds the Step
// Functions state machines in them, extracts their definitions, writes a
// changed definition back without touching any other byte of the template,
// and generates a SAM template for a definition.
//
// Templates are YAML (with every CloudFormation short-form tag: !Ref, !Sub,
// !GetAtt, …) or JSON. Every node of a template keeps its line, column and
// byte range, so a write-back splices only the definition's bytes: comments,
// key order, quoting, tags and blank lines elsewhere stay as they were.
//
// The entry points are Load / Parse (a *Template with its StateMachines),
// Template.SetDefinition (the changed files, to write with WriteChanges),
// Generate (sam new) and Resolve (placeholder substitution).
package sam
