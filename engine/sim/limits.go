package sim

// MaxPayloadBytes is AWS's limit on the size of a state's input, output
// or task result (256 KiB).
const MaxPayloadBytes = 256 * 1024

// checkSize fails with States.DataLimitExceeded when v, as JSON, is larger
// than MaxPayloadBytes. The size is estimated without encoding and stops
// counting past the limit.
func checkSize(v any, name string) *failure {
	if jsonSize(v, 0) <= MaxPayloadBytes {
		return nil
	}
	return failuref(ErrDataLimitExceeded, "The state/task '%s' returned a result with a size exceeding the maximum number of bytes service limit.", name)
}

// jsonSize returns the length of v's JSON encoding (escapes counted as
// their short form), or a number past the limit once it is exceeded.
func jsonSize(v any, acc int) int {
	if acc > MaxPayloadBytes {
		return acc
	}
	switch x := v.(type) {
	case nil:
		return acc + 4
	case bool:
		if x {
			return acc + 4
		}
		return acc + 5
	case string:
		n := acc + 2 + len(x)
		for i := 0; i < len(x); i++ {
			if c := x[i]; c == '"' || c == '\\' || c < 0x20 {
				n++
			}
		}
		return n
	case int64:
		if x < 0 {
			acc++
			x = -x
		}
		n := 1
		for x >= 10 {
			x /= 10
			n++
		}
		return acc + n
	case float64:
		return acc + 8
	case []any:
		acc += 2
		for i, it := range x {
			if i > 0 {
				acc++
			}
			acc = jsonSize(it, acc)
			if acc > MaxPayloadBytes {
				return acc
			}
		}
		return acc
	case map[string]any:
		acc += 2
		first := true
		for k, it := range x {
			if !first {
				acc++
			}
			first = false
			acc += len(k) + 3
			acc = jsonSize(it, acc)
			if acc > MaxPayloadBytes {
				return acc
			}
		}
		return acc
	}
	return acc + 8
}
