package wasm

// Patched for careergraph: the module is compiled and instantiated on
// first use (Start), not in the package's init, and the compilation
// cache's folder can be chosen (SetCacheDir).

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero"
)

var (
	// wasmFS is the module's file system; it exists before the module so
	// that SetWasmFileSystem can be called at any time.
	wasmFS = &WasmFileSystem{}

	startOnce sync.Once
	startErr  error
	cacheErr  error
	started   atomic.Bool
	onStart   []func(context.Context) error

	cacheMu  sync.Mutex
	cacheDir string
	cacheSet bool
)

// OnStart adds fn to what Start runs once the module is instantiated, in
// the order added. Call it only from package init functions.
func OnStart(fn func(context.Context) error) {
	onStart = append(onStart, fn)
}

// SetCacheDir sets the folder the compiled module is cached in, in place
// of os.TempDir()/go-graphviz; "" compiles without a cache. It has effect
// only before Start.
func SetCacheDir(dir string) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	cacheDir, cacheSet = dir, true
}

// cacheDirSet returns the folder SetCacheDir set, and whether it was
// called.
func cacheDirSet() (string, bool) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	return cacheDir, cacheSet
}

// Start compiles and instantiates the module and runs the OnStart
// functions, once; later calls return the first call's error. When the
// compilation cache fails (a damaged file, a folder that cannot be
// written), the module is compiled again without it, and CacheError
// reports why. A panic while starting becomes the error.
func Start(ctx context.Context) error {
	startOnce.Do(func() {
		ctx := context.WithoutCancel(ctx)
		startErr = startSafely(ctx, getCompilationCache)
		if startErr != nil && cacheErr != nil {
			startErr = startSafely(ctx, func() wazero.CompilationCache { return nil })
		}
		if startErr == nil {
			started.Store(true)
		}
	})
	return startErr
}

// startSafely runs start and the OnStart functions, and turns a panic
// into an error. An error from start with a cache is also kept in
// cacheErr.
func startSafely(ctx context.Context, cache func() wazero.CompilationCache) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("graphviz: start: %v", p)
		}
	}()
	c := cache()
	if err := start(ctx, c); err != nil {
		if c != nil {
			cacheErr = err
		}
		return fmt.Errorf("graphviz: start: %w", err)
	}
	for _, fn := range onStart {
		if err := fn(ctx); err != nil {
			return fmt.Errorf("graphviz: start: %w", err)
		}
	}
	return nil
}

// runtime is the wazero runtime of mod, which Restart closes.
var runtime wazero.Runtime

// Restart starts the module anew, runs the OnStart functions again, and
// closes the old module, which frees all the memory it held: Graphviz's
// memory in the module only grows, from one graph to the next. Nothing
// made by the old module may be used afterwards, and nothing else may
// use the module while it restarts. Before Start it is Start. When the
// new module cannot start, the old one stays and the error is returned.
func Restart(ctx context.Context) error {
	if !Started() {
		return Start(ctx)
	}
	oldMod, oldRuntime := mod, runtime
	if err := startSafely(context.WithoutCancel(ctx), getCompilationCache); err != nil {
		if runtime != oldRuntime && runtime != nil { // started, then an OnStart failed
			runtime.Close(context.WithoutCancel(ctx))
		}
		mod, runtime = oldMod, oldRuntime
		for _, fn := range onStart { // point the package variables back
			_ = fn(ctx)
		}
		return err
	}
	if oldRuntime != nil {
		oldRuntime.Close(context.WithoutCancel(ctx))
	}
	return nil
}

// MemorySize returns the size in bytes of the module's memory, 0 before
// Start.
func MemorySize() uint64 {
	if !Started() || mod == nil {
		return 0
	}
	return uint64(mod.mod.Memory().Size())
}

// Started reports whether Start has succeeded.
func Started() bool { return started.Load() }

// CacheError returns why the compilation cache was given up at Start, or
// nil.
func CacheError() error {
	if !Started() {
		return nil
	}
	return cacheErr
}

// checkEnumValues compares enumValues with the module's.
func checkEnumValues(ctx context.Context) error {
	for name, want := range enumValues {
		ret, err := mod.ExportedFunction("wasm_bridge_get_" + name).Call(ctx)
		if err != nil {
			return err
		}
		if got := mod.toInt(ret[0]); got != want {
			return fmt.Errorf("enum %s is %d in the module, %d in enumValues", name, got, want)
		}
	}
	return nil
}

// enumValue returns an enum's value from enumValues.
func enumValue(name string) int {
	v, ok := enumValues[name]
	if !ok {
		panic("go-graphviz: enum " + name + " missing from enumValues")
	}
	return v
}

// enumValues are the module's enum values, read from graphviz.wasm of
// v0.2.10 with the original getEnumValue; Start checks them.
var enumValues = map[string]int{
	"AGRAPH":                      0,
	"AGNODE":                      1,
	"AGOUTEDGE":                   2,
	"AGINEDGE":                    3,
	"AGEDGE":                      2,
	"AGWARN":                      0,
	"AGERR":                       1,
	"AGMAX":                       2,
	"AGPREV":                      3,
	"FT_NULL":                     0,
	"FT_BMP":                      1,
	"FT_GIF":                      2,
	"FT_PNG":                      3,
	"FT_JPEG":                     4,
	"FT_PDF":                      5,
	"FT_PS":                       6,
	"FT_EPS":                      7,
	"FT_SVG":                      8,
	"FT_XML":                      9,
	"FT_RIFF":                     10,
	"FT_WEBP":                     11,
	"FT_ICO":                      12,
	"FT_TIFF":                     13,
	"ROOTGRAPH_OBJTYPE":           0,
	"CLUSTER_OBJTYPE":             1,
	"NODE_OBJTYPE":                2,
	"EDGE_OBJTYPE":                3,
	"MAP_RECTANGLE":               0,
	"MAP_CIRCLE":                  1,
	"MAP_POLYGON":                 2,
	"EMIT_GDRAW":                  0,
	"EMIT_CDRAW":                  1,
	"EMIT_TDRAW":                  2,
	"EMIT_HDRAW":                  3,
	"EMIT_GLABEL":                 4,
	"EMIT_CLABEL":                 5,
	"EMIT_TLABEL":                 6,
	"EMIT_HLABEL":                 7,
	"EMIT_NDRAW":                  8,
	"EMIT_EDRAW":                  9,
	"EMIT_NLABEL":                 10,
	"EMIT_ELABEL":                 11,
	"EMIT_SORTED":                 1,
	"EMIT_COLORS":                 2,
	"EMIT_CLUSTERS_LAST":          4,
	"EMIT_PREORDER":               8,
	"EMIT_EDGE_SORTED":            16,
	"GVDEVICE_DOES_PAGES":         32,
	"GVDEVICE_DOES_LAYERS":        64,
	"GVDEVICE_EVENTS":             128,
	"GVDEVICE_DOES_TRUECOLOR":     256,
	"GVDEVICE_BINARY_FORMAT":      512,
	"GVDEVICE_COMPRESSED_FORMAT":  1024,
	"GVDEVICE_NO_WRITER":          2048,
	"GVRENDER_Y_GOES_DOWN":        4096,
	"GVRENDER_DOES_TRANSFORM":     8192,
	"GVRENDER_DOES_LABELS":        32768,
	"GVRENDER_DOES_MAPS":          65536,
	"GVRENDER_DOES_MAP_RECTANGLE": 131072,
	"GVRENDER_DOES_MAP_CIRCLE":    262144,
	"GVRENDER_DOES_MAP_POLYGON":   524288,
	"GVRENDER_DOES_MAP_ELLIPSE":   1048576,
	"GVRENDER_DOES_MAP_BSPLINE":   2097152,
	"GVRENDER_DOES_TOOLTIPS":      4194304,
	"GVRENDER_DOES_TARGETS":       8388608,
	"GVRENDER_DOES_Z":             16777216,
	"GVRENDER_NO_WHITE_BG":        33554432,
	"LAYOUT_NOT_REQUIRED":         67108864,
	"OUTPUT_NOT_REQUIRED":         134217728,
	"PEN_NONE":                    0,
	"PEN_DASHED":                  1,
	"PEN_DOTTED":                  2,
	"PEN_SOLID":                   3,
	"FILL_NONE":                   0,
	"FILL_SOLID":                  1,
	"FILL_LINEAR":                 2,
	"FILL_RADIAL":                 3,
	"FONT_REGULAR":                0,
	"FONT_BOLD":                   1,
	"FONT_ITALIC":                 2,
	"LABEL_PLAIN":                 0,
	"LABEL_HTML":                  1,
	"HSVA_DOUBLE":                 0,
	"RGBA_BYTE":                   1,
	"RGBA_WORD":                   2,
	"RGBA_DOUBLE":                 3,
	"COLOR_STRING":                4,
	"COLOR_INDEX":                 5,
	"API_render":                  0,
	"API_layout":                  1,
	"API_textlayout":              2,
	"API_device":                  3,
	"API_loadimage":               4,
}
