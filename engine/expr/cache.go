package expr

import (
	"sync"
	"sync/atomic"
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
}

// parsed is one cached parse result.
type parsed[T any] struct {
	v   T
	err error
}

// get returns the parse result of src, parsing it on first use.
func (c *parseCache[T]) get(src string) (T, error) {
	if e, ok := c.m.Load(src); ok {
		r := e.(parsed[T])
		return r.v, r.err
	}
	v, err := c.parse(src)
	if c.n.Add(1) > maxParsed {
		c.m.Clear()
		c.n.Store(1)
	}
	c.m.Store(src, parsed[T]{v, err})
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
