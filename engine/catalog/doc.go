// Package catalog holds every AWS SDK action that Step Functions can call and
// the optimized service integrations, generated from AWS's own API models
// (the npm package aws-sdk 2.1693.0, apis/*.min.json and clients/*.d.ts).
// The min models carry neither error shapes nor min/max constraints: the
// generator takes those from botocore's service-2.json models when a botocore
// installation is found (see internal/build), and AWS's list of AWS SDK
// integrations (internal/build/documented.txt) gives the exception prefixes
// and the services and operations Step Functions does not support.
//
// The generated catalog is a directory of plain JSON files:
//
//	index.json               the search index: every service and its actions
//	services/<id>.json       per service: each action's input and output
//	                         shapes and the errors it can raise
//
// A Catalog reads index.json when it is loaded and a service file the first
// time one of its actions is asked for, so the web app fetches only what it
// uses. The generator (go run ./engine/catalog/gen) writes the directory
// engine/catalog/data, which is not committed.
//
// Action identifiers are the part of a Task's Resource after
// "arn:aws:states:::", without an integration pattern suffix:
// "aws-sdk:dynamodb:putItem" for an AWS SDK integration and
// "dynamodb:putItem" for an optimized one. Every function that takes an
// action also accepts a whole Resource ARN, with or without a pattern suffix
// (".sync", ".sync:2", ".waitForTaskToken").
package catalog

//go:generate go run ./gen
