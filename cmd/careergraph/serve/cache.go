package serve

import (
	"container/list"
	"sync"
)

// Bounds of the diagram cache.
const (
	maxCachedDiagrams = 256
	maxCachedBytes    = 64 << 20
)

// svgCache keeps rendered diagrams by question, least recently used out
// first, within a count and a byte budget. Renders run one at a time:
// get holds the render lock while drawing, so a burst of requests for one
// new diagram draws it once.
type svgCache struct {
	mu       sync.Mutex // guards the fields below
	order    *list.List // of *cacheEntry, most recent first
	byKey    map[string]*list.Element
	bytes    int
	maxN     int
	maxBytes int

	renderMu sync.Mutex // one render at a time
}

type cacheEntry struct {
	key string
	svg []byte
}

func newSVGCache(maxN, maxBytes int) *svgCache {
	return &svgCache{order: list.New(), byKey: map[string]*list.Element{}, maxN: maxN, maxBytes: maxBytes}
}

func (c *svgCache) lookup(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cacheEntry).svg, true
	}
	return nil, false
}

// get returns the cached diagram for key, or draws it with draw, caches
// and returns it. Errors are not cached.
func (c *svgCache) get(key string, draw func() ([]byte, error)) ([]byte, error) {
	if svg, ok := c.lookup(key); ok {
		return svg, nil
	}
	c.renderMu.Lock()
	defer c.renderMu.Unlock()
	if svg, ok := c.lookup(key); ok { // drawn while we waited
		return svg, nil
	}
	svg, err := draw()
	if err != nil {
		return nil, err
	}
	c.put(key, svg)
	return svg, nil
}

func (c *svgCache) put(key string, svg []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(svg) > c.maxBytes {
		return
	}
	c.byKey[key] = c.order.PushFront(&cacheEntry{key, svg})
	c.bytes += len(svg)
	for c.order.Len() > c.maxN || c.bytes > c.maxBytes {
		e := c.order.Back()
		ce := e.Value.(*cacheEntry)
		c.order.Remove(e)
		delete(c.byKey, ce.key)
		c.bytes -= len(ce.svg)
	}
}
