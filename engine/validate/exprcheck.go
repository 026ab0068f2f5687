package validate

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/expr"
)

// The expression checks the validator needs, in one place so that the
// rules do not depend on how engine/expr spells them.

func checkPath(s string) error       { return expr.CheckPath(s) }
func checkRefPath(s string) error    { return expr.CheckReferencePath(s) }
func checkResultPath(s string) error { return expr.CheckResultPath(s) }
func checkIntrinsic(s string) error  { return expr.CheckIntrinsic(s) }
func checkJSONata(s string) error    { return expr.CheckJSONata(s) }

// checkKey identifies one expression check for the cache.
type checkKey struct {
	kind byte // 'p' path, 'r' reference path, 'R' ResultPath, 'i' intrinsic, 'j' JSONata
	s    string
}

// cached runs check on s once per document: definitions repeat the same
// paths ("$", "$.Payload", …) many times.
func (c *checker) cached(kind byte, s string, check func(string) error) error {
	if c.exprCache == nil {
		c.exprCache = make(map[checkKey]error)
	}
	k := checkKey{kind, s}
	if err, ok := c.exprCache[k]; ok {
		return err
	}
	err := check(s)
	c.exprCache[k] = err
	return err
}

// jsonataInner returns the expression inside "{% … %}". open reports
// whether s starts like a JSONata expression at all; ok whether it is
// also properly closed and not empty.
func jsonataInner(s string) (inner string, open, ok bool) {
	if !strings.HasPrefix(s, "{%") {
		return "", false, false
	}
	if len(s) < 4 || !strings.HasSuffix(s, "%}") {
		return "", true, false
	}
	inner = s[2 : len(s)-2]
	if strings.TrimSpace(inner) == "" {
		return "", true, false
	}
	return inner, true, true
}
