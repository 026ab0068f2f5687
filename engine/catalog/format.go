package catalog

import (
	"encoding/json"
	"strings"
)

// FormatVersion is the version of the catalog's file format; Load refuses
// other versions (but still reads version 1 files). Version 2 writes a
// service's action names as one space-separated string rather than a list of
// strings, which the browser decodes in a fraction of the time.
const FormatVersion = 2

// IndexFile is the content of index.json.
type IndexFile struct {
	Version  int             `json:"version"`
	Source   string          `json:"source"`
	Services []*ServiceEntry `json:"services"`
}

// ServiceEntry describes one service in the search index.
type ServiceEntry struct {
	// ID is the service name in Step Functions' AWS SDK integration
	// resources (arn:aws:states:::aws-sdk:ID:action), e.g. "dynamodb", "sfn".
	ID string `json:"id"`
	// Client is the AWS SDK client name, e.g. "StepFunctions", "DynamoDB".
	Client string `json:"client"`
	// SDKID is the serviceId of the API model, e.g. "SFN", "DynamoDB".
	SDKID string `json:"sdkId"`
	// Name is the service's full name, e.g. "Amazon DynamoDB".
	Name string `json:"name"`
	// ErrorPrefix is the prefix of the errors the AWS SDK integration
	// reports, e.g. "DynamoDb" in DynamoDb.ConditionalCheckFailedException.
	ErrorPrefix string `json:"errorPrefix"`
	// File is the service file, relative to the catalog's root.
	File string `json:"file"`
	// Unsupported, when set, says why Step Functions does not offer the
	// service as an AWS SDK integration.
	Unsupported string `json:"unsupported,omitempty"`
	// Actions are the integration names of the service's operations
	// (lower camel case, e.g. "putItem"), sorted.
	Actions []string `json:"actions"`
	// Unavailable are the actions Step Functions cannot call: those AWS
	// lists as unsupported and those with an event stream.
	Unavailable []string `json:"unavailable,omitempty"`
}

// serviceWire is a ServiceEntry as index.json holds it (version 2).
type serviceWire struct {
	ID          string `json:"id"`
	Client      string `json:"client"`
	SDKID       string `json:"sdkId"`
	Name        string `json:"name"`
	ErrorPrefix string `json:"errorPrefix"`
	File        string `json:"file"`
	Unsupported string `json:"unsupported,omitempty"`
	// Actions and Unavailable are space-separated names.
	Actions     string `json:"actions"`
	Unavailable string `json:"unavailable,omitempty"`
}

func (w *serviceWire) entry() *ServiceEntry {
	return &ServiceEntry{
		ID: w.ID, Client: w.Client, SDKID: w.SDKID, Name: w.Name, ErrorPrefix: w.ErrorPrefix,
		File: w.File, Unsupported: w.Unsupported,
		Actions: splitNames(w.Actions), Unavailable: splitNames(w.Unavailable),
	}
}

// splitNames splits space-separated names; the names share s's memory.
func splitNames(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Fields(s)
}

// MarshalJSON writes the entry as index.json holds it (format version 2).
func (s ServiceEntry) MarshalJSON() ([]byte, error) {
	return json.Marshal(serviceWire{
		ID: s.ID, Client: s.Client, SDKID: s.SDKID, Name: s.Name, ErrorPrefix: s.ErrorPrefix,
		File: s.File, Unsupported: s.Unsupported,
		Actions: strings.Join(s.Actions, " "), Unavailable: strings.Join(s.Unavailable, " "),
	})
}

// UnmarshalJSON reads an entry of index.json of format version 2.
func (s *ServiceEntry) UnmarshalJSON(b []byte) error {
	var w serviceWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*s = *w.entry()
	return nil
}

// ServiceFile is the content of services/<id>.json.
type ServiceFile struct {
	ID         string `json:"id"`
	APIVersion string `json:"apiVersion"`
	Protocol   string `json:"protocol,omitempty"`
	// Shapes are the named structures, lists and maps that members refer
	// to with Shape.Ref (recursive shapes are only reachable that way).
	Shapes  map[string]*Shape  `json:"shapes"`
	Actions map[string]*Action `json:"actions"`
}

// Action is one operation of a service.
type Action struct {
	// Operation is the API operation's name, e.g. "PutItem".
	Operation string `json:"op"`
	Input     *Shape `json:"input,omitempty"`
	Output    *Shape `json:"output,omitempty"`
	// Errors are the names of the error shapes the operation declares, as
	// in the API model (e.g. "ConditionalCheckFailedException").
	Errors     []string `json:"errors,omitempty"`
	Deprecated bool     `json:"deprecated,omitempty"`
	// Streaming marks operations with an event stream.
	Streaming bool `json:"streaming,omitempty"`
	// Unsupported marks operations Step Functions cannot call (AWS lists
	// them as unsupported, or they stream events).
	Unsupported bool `json:"unsupported,omitempty"`
}

// Shape is the type of a value: a structure, list, map or scalar. Member
// names are the PascalCase names Step Functions uses.
type Shape struct {
	// Ref names a shape in ServiceFile.Shapes; when set, the other fields
	// are empty.
	Ref string `json:"ref,omitempty"`
	// Type is one of structure, list, map, string, integer, long, float,
	// double, boolean, timestamp, blob, document (any JSON).
	Type     string            `json:"type,omitempty"`
	Members  map[string]*Shape `json:"members,omitempty"`
	Required []string          `json:"required,omitempty"`
	Member   *Shape            `json:"member,omitempty"`
	Key      *Shape            `json:"key,omitempty"`
	Value    *Shape            `json:"value,omitempty"`
	Enum     []string          `json:"enum,omitempty"`
	// Min and Max are length (string, blob), count (list, map) or value
	// (numbers) constraints, when the models carry them.
	Min *float64 `json:"min,omitempty"`
	Max *float64 `json:"max,omitempty"`
	// Union marks a structure of which exactly one member may be set.
	Union bool `json:"union,omitempty"`
	// Streaming marks a blob streamed as the whole body (S3 objects).
	Streaming bool `json:"streaming,omitempty"`
}
