package validate

import "github.com/aslstudio/aslstudio/engine/asl"

// parse reads a definition: JSON, or YAML when it does not start with '{'
// or '['.
func parse(src []byte) (*asl.Value, error) {
	return asl.Parse(src)
}
