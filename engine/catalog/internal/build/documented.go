package build

import (
	_ "embed"
	"strings"
)

//go:embed documented.txt
var documentedText string

// documentedService is one service of AWS's list of AWS SDK integrations.
type documentedService struct {
	prefix      string          // exception prefix, e.g. DynamoDb
	unsupported map[string]bool // operations AWS lists as unsupported
}

// documented parses documented.txt: name → service.
func documented() map[string]documentedService {
	out := map[string]documentedService{}
	for _, line := range strings.Split(documentedText, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		d := documentedService{prefix: f[1], unsupported: map[string]bool{}}
		if len(f) > 2 {
			for _, op := range strings.Split(f[2], ",") {
				d.unsupported[op] = true
			}
		}
		out[f[0]] = d
	}
	return out
}
