// Package serve is careergraph's web face: a local HTTP server with a JSON
// API under /api/ and one page (embedded, no external network) to search
// roles, read a role's profile and ladder, find routes, explore a role's
// neighbourhood as an interactive graph, read the data-quality report and
// download every export format.
//
// # Use
//
// The command wires it up:
//
//	err := serve.Run(ctx, serve.Config{
//		Addr:  "127.0.0.1:7878",
//		Load:  func(ctx context.Context) (*loader.Corpus, error) { return loader.LoadCached(opt, dir, version) },
//		Watch: opt.Paths, // empty for the embedded seeds: nothing to watch
//	}, os.Stdout)
//
// Run loads the corpus, listens, prints the URL (and a warning when the
// address is not a loopback one) to the writer it is given, watches the
// Watch paths, and serves until ctx is cancelled; then it stops accepting
// connections and lets requests in flight finish. New returns the
// Server without listening, for tests and for callers with their own
// http.Server; a Server is an http.Handler. A download (/api/export) is
// sent as the export is made: one that fails after its first MiB went
// out panics with http.ErrAbortHandler, which an http.Server takes as
// the signal to cut the connection; middleware that recovers panics
// must let that one through.
//
// # The API
//
// Every answer is the JSON that the command's --json prints for the same
// question (one set of builders for both), indented the same way.
//
//	GET /api/roles?q=&limit=&documented=     roles --json
//	GET /api/roles?skill=&class=&...         roles --skill ... --json (fields
//	                                         skill, qualification, class, trait,
//	                                         tag, aptitude, text; repeatable; AND)
//	GET /api/vocabulary/{field}?limit=       roles --list FIELD --json
//	GET /api/roles/{role}                    show --json
//	GET /api/similar/{role}?limit=           similar --json
//	GET /api/path?from=&to=&k=&avoid=&no_lateral=&lateral_cost=&similar=
//	GET /api/reach/{role}?reverse=&max_cost=&no_lateral=&lateral_cost=
//	GET /api/ladder/{role}?depth=
//	GET /api/gap?from=&to=&k=&avoid=&no_lateral=&lateral_cost=&similar=
//	GET /api/stats                           stats --json
//	GET /api/check                           check --json
//	GET /api/export?format=&ladder=|around=&depth=|path_from=&path_to=&k=
//	GET /api/diagram/ladder?role=&depth=     SVG, as render draws it
//	GET /api/diagram/around?role=&depth=
//	GET /api/diagram/path?from=&to=&k=
//	GET /api/diagram/all
//	GET /api/events                          server-sent events: "reload"
//
// A role in a path or a parameter is resolved as on the command line: its
// ID or any written form, alias or reading, fuzzy when one role fits.
// similar=true asks a route question of the graph with suggested moves
// between roles that share content (path --similar), built once per
// loaded corpus on first use.
// Errors are JSON {"error": "...", "candidates": [...]}: 404 for an unknown
// role (candidates: the closest names), 400 for a bad parameter (the
// message names it; candidates of an ambiguous name), 403 for a request
// whose Host is not this server's. A route search that finds nothing is
// no error: 200 with empty "paths" and a "reason". Nothing a user can type
// gives a 500.
//
// # Security
//
// The server listens on 127.0.0.1 unless told otherwise; it is read-only
// and no request path reaches the file system (pages and assets are
// embedded). Requests whose Host header is a name other than localhost or
// the configured host are refused (DNS rebinding). Every response carries
// a Content-Security-Policy that allows scripts from the server only; the
// page builds its DOM from text, never from HTML, and inlines diagrams
// only after rebuilding them from a list of known SVG elements and
// attributes. Timeouts bound headers, reads, writes and idle connections;
// k, depth and diagram size have limits that answer 400.
//
// # Live documents
//
// Run watches the folders of Config.Watch (and the folder of each file
// named) with fsnotify, since editors replace files rather than write
// them. Changes are debounced; the corpus is reloaded in the background
// and swapped in atomically, so requests in flight finish on the graph
// they started with. Pages listening on /api/events are told and refresh.
// A reload that fails keeps the previous graph and reports why, on the
// events stream and in /api/status.
//
// # Diagrams
//
// Diagrams come from graph/render, the renderer of the render command.
// Its embedded Graphviz is not safe for concurrent use: renders run one at
// a time, and their SVG is kept in a bounded LRU cache keyed by the graph
// generation and the question, so a page asking again costs nothing.
package serve
