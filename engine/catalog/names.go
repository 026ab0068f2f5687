package catalog

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// SplitWords splits a name on word boundaries the way the AWS SDK for Java 2.x
// does when it names clients: non-alphanumerics separate words, a version
// ("v2", "V2") after two or more other characters is a word of its own, a
// lower-case letter followed by a capital starts a word, an acronym ends before
// its last capital when a lower-case letter follows ("ACMSuccess" → ACM,
// Success), and a digit followed by a letter ends a word.
func SplitWords(s string) []string {
	s = reNonAlnum().ReplaceAllString(s, " ")
	s = reVersionLower().ReplaceAllString(s, "$1 v$2 ")
	s = reVersionUpper().ReplaceAllString(s, "$1 V$2 ")
	s = splitCamel(s)
	s = reAcronym().ReplaceAllString(s, "$1 $2")
	s = reDigitLetter().ReplaceAllString(s, "$1 $2")
	return strings.Fields(s)
}

var (
	reNonAlnum     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^A-Za-z0-9]+`) })
	reVersionLower = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([^a-z]{2,})v([0-9]+)`) })
	reVersionUpper = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([^A-Z]{2,})V([0-9]+)`) })
	reAcronym      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([A-Z]+)([A-Z][a-z])`) })
	reDigitLetter  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([0-9])([a-zA-Z])`) })
)

// splitCamel puts a space between a lower-case letter and a following capital
// that is itself followed by a letter or digit.
func splitCamel(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i > 0 && i+1 < len(s) && isLowerASCII(s[i-1]) && isUpperASCII(c) && isAlnumASCII(s[i+1]) {
			b.WriteByte(' ')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }
func isAlnumASCII(c byte) bool {
	return isLowerASCII(c) || isUpperASCII(c) || (c >= '0' && c <= '9')
}

// JavaClientName is the name the AWS SDK for Java 2.x gives a service's
// client, from the model's serviceId: "DynamoDB" → "DynamoDb", "SFN" → "Sfn",
// "ACM PCA" → "AcmPca", "Config Service" → "Config". Step Functions prefixes
// the errors of AWS SDK integrations with it (DynamoDb.ResourceNotFoundException),
// and its lower-case form is the service name in arn:aws:states:::aws-sdk:NAME:action.
func JavaClientName(serviceID string) string {
	var b strings.Builder
	for _, w := range SplitWords(serviceID) {
		w = strings.ToLower(w)
		b.WriteString(strings.ToUpper(w[:1]))
		b.WriteString(w[1:])
	}
	name := b.String()
	name = strings.TrimPrefix(name, "Amazon")
	name = strings.TrimPrefix(name, "Aws")
	name = strings.TrimSuffix(name, "Service")
	return name
}

// IntegrationServiceName is the service name in an AWS SDK integration's
// resource ARN: the Java client name in lower case ("dynamodb", "sfn").
func IntegrationServiceName(serviceID string) string {
	return strings.ToLower(JavaClientName(serviceID))
}

// ActionName is the action name in an integration's resource ARN: the
// operation's name with its first letter in lower case ("PutItem" → "putItem").
func ActionName(operation string) string {
	if operation == "" {
		return ""
	}
	r := []rune(operation)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// MemberName is the PascalCase name Step Functions uses for a member of the
// API model: the first letter upper-cased ("stateMachineArn" →
// "StateMachineArn"); a member named Equals is EqualsValue.
func MemberName(member string) string {
	if member == "" {
		return ""
	}
	r := []rune(member)
	r[0] = unicode.ToUpper(r[0])
	s := string(r)
	if s == "Equals" {
		return "EqualsValue"
	}
	return s
}

// ErrorName is the name Step Functions gives an error of an AWS SDK
// integration: the client prefix, a dot and the error shape's name with an
// "Exception" suffix added when it lacks one (S3's NoSuchKey →
// S3.NoSuchKeyException).
func ErrorName(prefix, shape string) string {
	if !strings.HasSuffix(shape, "Exception") {
		shape += "Exception"
	}
	return prefix + "." + shape
}
