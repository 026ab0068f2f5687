package expr

import "strings"

// quoteBareWords makes the bare words a filter compares with into string
// literals: [?(@.TargetLanguageCode==es)] becomes
// [?(@.TargetLanguageCode=='es')]. Deployed AWS templates (aws-samples'
// parallel-translate) compare with unquoted words this way and mean the
// string; stock Jayway and ojg reject them. f is the bracket's inner text
// ("?(…)"). true, false, null and word operators (in, nin, size, …) are
// left alone, and only words beside a comparison operator are quoted.
func quoteBareWords(f string) string {
	var b strings.Builder
	afterOp := false // the last significant token was a comparison operator
	for i := 0; i < len(f); {
		c := f[i]
		switch {
		case c == '\'' || c == '"':
			j := endOfQuoted(f, i)
			b.WriteString(f[i:j])
			i, afterOp = j, false
		case c == '/' && afterOp:
			// A regular expression after =~: copy it whole.
			j := i + 1
			for j < len(f) && f[j] != '/' {
				if f[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(f))
			b.WriteString(f[i:j])
			i, afterOp = j, false
		case c == '@' || c == '$':
			j := endOfFilterPath(f, i)
			b.WriteString(f[i:j])
			i, afterOp = j, false
		case isComparisonByte(c):
			j := i
			for j < len(f) && isComparisonByte(f[j]) {
				j++
			}
			b.WriteString(f[i:j])
			i, afterOp = j, true
		case isWordStart(c):
			j := i
			for j < len(f) && isWordByte(f[j]) {
				j++
			}
			w := f[i:j]
			k := skipSpaces(f, j)
			beforeOp := k < len(f) && isComparisonByte(f[k]) && f[k] != '!'
			if (afterOp || beforeOp) && !filterKeywords[w] {
				b.WriteString("'" + w + "'")
			} else {
				b.WriteString(w)
			}
			i, afterOp = j, false
		case c == ' ':
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i, afterOp = i+1, false
		}
	}
	return b.String()
}

// filterKeywords are the words a filter may hold unquoted.
var filterKeywords = map[string]bool{
	"true": true, "false": true, "null": true,
	"in": true, "nin": true, "subsetof": true, "anyof": true, "noneof": true,
	"size": true, "empty": true, "contains": true, "has": true, "exists": true,
}

// endOfQuoted returns the index after the string literal starting at f[i].
func endOfQuoted(f string, i int) int {
	q := f[i]
	j := i + 1
	for j < len(f) && f[j] != q {
		if f[j] == '\\' {
			j++
		}
		j++
	}
	return min(j+1, len(f))
}

// endOfFilterPath returns the end of the @… or $… path starting at f[i]:
// the first space, comparison or logical operator, or closing parenthesis
// outside brackets (as Jayway's filter compiler reads it).
func endOfFilterPath(f string, i int) int {
	j := i + 1
	depth := 0
	for j < len(f) {
		c := f[j]
		switch {
		case c == '\'' || c == '"':
			j = endOfQuoted(f, j)
			continue
		case c == '[' || c == '(':
			depth++
		case c == ']':
			depth--
		case c == ')':
			if depth == 0 {
				return j
			}
			depth--
		case depth == 0 && (c == ' ' || c == '&' || c == '|' || isComparisonByte(c)):
			return j
		}
		j++
	}
	return j
}

func isComparisonByte(c byte) bool {
	return c == '=' || c == '<' || c == '>' || c == '!' || c == '~'
}

func isWordStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isWordByte(c byte) bool {
	return isWordStart(c) || (c >= '0' && c <= '9') || c == '-'
}
