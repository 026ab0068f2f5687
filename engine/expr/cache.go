package expr

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// The simulator evaluates the same few expressions (a definition's Paths,
// Reference Paths and intrinsic calls) many thousands of times, so their
// parsed forms are kept in caches keyed by the source text. Parsed forms
// are immutable once built, so they are shared between goroutines.

// maxParsed bounds each parse cache: expressions come from definitions, so
// the working set is small; the bound keeps a fuzz run or a long editing
// session from growing a cache without limit (a full cache starts over).
const maxParsed = 4096

// parseCache is a concurrency-safe, bounded cache of parse results (the
// parsed form or the parse error) keyed by source text. Lookups take no
// lock.
type parseCache[T any] struct {
	m     sync.Map // string → parsed[T]
	n     atomic.Int64
	parse func(string) (T, error)
	// front is a direct-mapped cache in front of m keyed by the address
	// of the source text: a definition's expressions are the same string
	// values at every evaluation, so a hit costs no hashing of the text
	// (which is slow under WebAssembly). An entry holds its string, so a
	// live string at the same address and of the same length is the same
	// text.
	front [frontSize]atomic.Pointer[frontEntry[T]]
}

const frontSize = 512

// frontEntry is one slot of parseCache.front.
type frontEntry[T any] struct {
	src string
	parsed[T]
}

// slot returns the front slot for src's address.
func frontSlot(src string) int {
	p := uintptr(unsafe.Pointer(unsafe.StringData(src)))
	return int((p>>3^p>>12)+uintptr(len(src))) & (frontSize - 1)
}

// parsed is one cached parse result.
type parsed[T any] struct {
	v   T
	err error
}

// get returns the parse result of src, parsing it on first use.
func (c *parseCache[T]) get(src string) (T, error) {
	slot := &c.front[frontSlot(src)]
	if fe := slot.Load(); fe != nil && len(fe.src) == len(src) && unsafe.StringData(fe.src) == unsafe.StringData(src) {
		return fe.v, fe.err
	}
	if e, ok := c.m.Load(src); ok {
		r := e.(parsed[T])
		slot.Store(&frontEntry[T]{src, r})
		return r.v, r.err
	}
	v, err := c.parse(src)
	if c.n.Add(1) > maxParsed {
		c.m.Clear()
		c.n.Store(1)
	}
	c.m.Store(src, parsed[T]{v, err})
	slot.Store(&frontEntry[T]{src, parsed[T]{v, err}})
	return v, err
}

// len returns about how many entries the cache holds.
func (c *parseCache[T]) len() int { return int(c.n.Load()) }

var (
	pathCache      = &parseCache[*path]{parse: parsePath}
	intrinsicCache = &parseCache[*icall]{parse: parseIntrinsic}
)

// cachedPath returns the parsed Path src (see parsePath); the result is
// shared and must not be modified.
func cachedPath(src string) (*path, error) { return pathCache.get(src) }

// cachedIntrinsic returns the parsed intrinsic call src (see
// parseIntrinsic); the result is shared and must not be modified.
func cachedIntrinsic(src string) (*icall, error) { return intrinsicCache.get(src) }
