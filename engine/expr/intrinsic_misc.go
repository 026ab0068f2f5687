package expr

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"math/rand"
	"unicode/utf8"
)

// maxEncodeChars is the input limit of the Base64 and Hash functions.
const maxEncodeChars = 10000

// fnBase64Encode is States.Base64Encode(string).
func fnBase64Encode(args []any, _ *Env) (any, error) {
	s, err := argString(args, 0)
	if err != nil {
		return nil, err
	}
	if n := utf8.RuneCountInString(s); n > maxEncodeChars {
		return nil, fmt.Errorf("the input has %d characters, more than the limit of %d", n, maxEncodeChars)
	}
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
}

// fnBase64Decode is States.Base64Decode(string).
func fnBase64Decode(args []any, _ *Env) (any, error) {
	s, err := argString(args, 0)
	if err != nil {
		return nil, err
	}
	if n := utf8.RuneCountInString(s); n > maxEncodeChars {
		return nil, fmt.Errorf("the input has %d characters, more than the limit of %d", n, maxEncodeChars)
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("the input is not valid Base64: %v", err)
	}
	return string(b), nil
}

// hashes are the algorithms States.Hash and $hash accept.
var hashes = map[string]func() hash.Hash{
	"MD5":     md5.New,
	"SHA-1":   sha1.New,
	"SHA-256": sha256.New,
	"SHA-384": sha512.New384,
	"SHA-512": sha512.New,
}

// hashHex hashes s with the named algorithm, as lower-case hex.
func hashHex(s, algorithm string) (string, error) {
	h, ok := hashes[algorithm]
	if !ok {
		return "", fmt.Errorf("unsupported hash algorithm '%s' (supported: MD5, SHA-1, SHA-256, SHA-384, SHA-512)", algorithm)
	}
	w := h()
	w.Write([]byte(s))
	return hex.EncodeToString(w.Sum(nil)), nil
}

// fnHash is States.Hash(data, algorithm): data is a string of at most
// 10,000 characters.
func fnHash(args []any, _ *Env) (any, error) {
	s, err := argString(args, 0)
	if err != nil {
		return nil, err
	}
	alg, err := argString(args, 1)
	if err != nil {
		return nil, err
	}
	if n := utf8.RuneCountInString(s); n > maxEncodeChars {
		return nil, fmt.Errorf("the input has %d characters, more than the limit of %d", n, maxEncodeChars)
	}
	return hashHex(s, alg)
}

// fnJSONMerge is States.JsonMerge(a, b, false): a shallow merge where b's
// members replace a's. Deep merging (true) is not supported by AWS.
func fnJSONMerge(args []any, _ *Env) (any, error) {
	a, err := argObject(args, 0)
	if err != nil {
		return nil, err
	}
	b, err := argObject(args, 1)
	if err != nil {
		return nil, err
	}
	deep, err := argBool(args, 2)
	if err != nil {
		return nil, err
	}
	if deep {
		return nil, fmt.Errorf("deep merging is not supported: the third argument must be false")
	}
	out := make(map[string]any, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out, nil
}

// fnMathAdd is States.MathAdd(a, b): the sum of two numbers, each rounded
// to the nearest integer first as AWS's Java runtime does (Math.round: 1.5
// → 2, -1.5 → -1; recorded: 1.49 + 1.5 = 3, -1.49 + -1.5 = -2).
func fnMathAdd(args []any, _ *Env) (any, error) {
	a, err := argRounded(args, 0)
	if err != nil {
		return nil, err
	}
	b, err := argRounded(args, 1)
	if err != nil {
		return nil, err
	}
	return a + b, nil
}

// fnMathRandom is States.MathRandom(start, end[, seed]): an integer in
// [start, end). With a seed the result is the same on every run; without,
// it comes from env.Rand.
func fnMathRandom(args []any, env *Env) (any, error) {
	start, err := argRounded(args, 0)
	if err != nil {
		return nil, err
	}
	end, err := argRounded(args, 1)
	if err != nil {
		return nil, err
	}
	if end <= start {
		return nil, fmt.Errorf("the end (%d) must be greater than the start (%d)", end, start)
	}
	var r float64
	if len(args) == 3 {
		seed, err := argRounded(args, 2)
		if err != nil {
			return nil, err
		}
		r = rand.New(rand.NewSource(seed)).Float64()
	} else {
		r = env.random()
	}
	return start + int64(math.Floor(r*float64(end-start))), nil
}

// fnUUID is States.UUID(): a version-4 UUID from env.UUID or env.Rand.
func fnUUID(_ []any, env *Env) (any, error) {
	return env.uuid(), nil
}

// random returns the next seeded random number in [0, 1).
func (env *Env) random() float64 {
	if env != nil && env.Rand != nil {
		return env.Rand()
	}
	return rand.Float64()
}

// uuid returns a version-4 UUID.
func (env *Env) uuid() string {
	if env != nil && env.UUID != nil {
		return env.UUID()
	}
	var b [16]byte
	for i := range b {
		b[i] = byte(env.random() * 256)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
