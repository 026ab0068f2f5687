package expr

import "fmt"

// maxArrayRange is the most items States.ArrayRange may produce.
const maxArrayRange = 1000

// fnArray is States.Array(values…).
func fnArray(args []any, _ *Env) (any, error) {
	return append([]any{}, args...), nil
}

// fnArrayPartition is States.ArrayPartition(array, size): chunks of size
// items, the last one shorter.
func fnArrayPartition(args []any, _ *Env) (any, error) {
	a, err := argArray(args, 0)
	if err != nil {
		return nil, err
	}
	n, err := argInt(args, 1)
	if err != nil {
		return nil, err
	}
	if n <= 0 {
		return nil, fmt.Errorf("the chunk size must be greater than 0, but was %d", n)
	}
	out := []any{}
	for i := 0; i < len(a); i += int(n) {
		end := min(i+int(n), len(a))
		out = append(out, append([]any{}, a[i:end]...))
	}
	return out, nil
}

// fnArrayContains is States.ArrayContains(array, value).
func fnArrayContains(args []any, _ *Env) (any, error) {
	a, err := argArray(args, 0)
	if err != nil {
		return nil, err
	}
	for _, x := range a {
		if equalJSON(x, args[1]) {
			return true, nil
		}
	}
	return false, nil
}

// fnArrayRange is States.ArrayRange(start, end, step): start, start+step, …
// up to and including end; at most 1000 items.
func fnArrayRange(args []any, _ *Env) (any, error) {
	var n [3]int64
	for i := range n {
		v, err := argRounded(args, i)
		if err != nil {
			return nil, err
		}
		n[i] = v
	}
	start, end, step := n[0], n[1], n[2]
	if step == 0 {
		return nil, fmt.Errorf("the step must not be 0")
	}
	count := int64(0)
	if (step > 0 && end >= start) || (step < 0 && end <= start) {
		count = (end-start)/step + 1
	}
	if count > maxArrayRange {
		return nil, fmt.Errorf("the range would have %d items, more than the limit of %d", count, maxArrayRange)
	}
	out := make([]any, 0, count)
	for i := int64(0); i < count; i++ {
		out = append(out, start+i*step)
	}
	return out, nil
}

// fnArrayGetItem is States.ArrayGetItem(array, index).
func fnArrayGetItem(args []any, _ *Env) (any, error) {
	a, err := argArray(args, 0)
	if err != nil {
		return nil, err
	}
	i, err := argInt(args, 1)
	if err != nil {
		return nil, err
	}
	if i < 0 || i >= int64(len(a)) {
		return nil, fmt.Errorf("the index %d is out of bounds for an array of %d item(s)", i, len(a))
	}
	return a[i], nil
}

// fnArrayLength is States.ArrayLength(array).
func fnArrayLength(args []any, _ *Env) (any, error) {
	a, err := argArray(args, 0)
	if err != nil {
		return nil, err
	}
	return int64(len(a)), nil
}

// fnArrayUnique is States.ArrayUnique(array): the first of each run of equal
// values, in order.
func fnArrayUnique(args []any, _ *Env) (any, error) {
	a, err := argArray(args, 0)
	if err != nil {
		return nil, err
	}
	out := []any{}
	seen := map[string]bool{}
	for _, x := range a {
		k := encode(x)
		if !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out, nil
}
