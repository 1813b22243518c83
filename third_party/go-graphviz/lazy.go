package graphviz

// Patched for careergraph: Graphviz starts on first use instead of in
// the packages' init functions.

import (
	"context"

	"github.com/goccy/go-graphviz/cgraph"
	"github.com/goccy/go-graphviz/internal/wasm"
)

func init() {
	// The descriptors exist only once the module has started.
	wasm.OnStart(func(context.Context) error {
		Directed = cgraph.Directed
		StrictDirected = cgraph.StrictDirected
		UnDirected = cgraph.UnDirected
		StrictUnDirected = cgraph.StrictUnDirected
		return nil
	})
}

// Start compiles and instantiates Graphviz's WebAssembly module, once.
// New, ParseBytes and the other functions that need it call it; call it
// yourself to pay the cost at a time of your choosing. Later calls
// return the first call's error.
func Start(ctx context.Context) error {
	return wasm.Start(ctx)
}

// Restart starts Graphviz anew and frees all the memory the old start
// held: Graphviz's memory only grows, from one graph to the next, so a
// long-running program restarts it from time to time (see MemorySize).
// No graph, Graphviz or other object made before may be used afterwards,
// and nothing else may use Graphviz while it restarts. If the new start
// fails, the old one stays and the error is returned.
func Restart(ctx context.Context) error {
	return wasm.Restart(ctx)
}

// MemorySize returns the size in bytes of Graphviz's memory, 0 before
// it starts.
func MemorySize() uint64 {
	return wasm.MemorySize()
}

// Started reports whether Graphviz has started.
func Started() bool {
	return wasm.Started()
}

// SetCacheDir sets the folder the compiled module is cached in, in place
// of os.TempDir()/go-graphviz; "" compiles without a cache. Call it before
// anything starts Graphviz; later calls have no effect.
func SetCacheDir(dir string) {
	wasm.SetCacheDir(dir)
}

// CacheError returns why the compilation cache was given up when
// Graphviz started (a damaged cached file, a folder that cannot be
// written), in which case the module was compiled without it; nil when
// the cache served or none was used.
func CacheError() error {
	return wasm.CacheError()
}
