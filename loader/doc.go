// Package loader reads occupation documents and the other sources
// careergraph knows (O*NET, pathway tables, spreadsheets: see the
// subpackage source) and builds a career graph from them: it parses each file into a Document, resolves the names the
// documents write into roles by the rules in the README ("How names become
// roles"), and returns a Corpus with the graph and every problem found.
//
// Where things live:
//
//	load.go       Options, Load, LoadFiles: what to read, and the errors of a load
//	list.go       listing folders on all cores; the one decision per entry
//	read_unix.go  reading one regular file within the size limit (read_other.go elsewhere)
//	parseall.go   the parse on all cores: each file detected as a document or another source
//	imported.go   roles and moves from the other sources (package source) into the build
//	aliases.go    the user alias file (--aliases)
//	profile.go    the profile of each document, sections in written order, kept in the graph
//	parse.go      Parser, the one entry point of the document grammar
//	lines.go      lines, trimming, headings (add a heading to headingKeys)
//	sections.go   cutting a document into sections and storing each
//	career.go     career paths: arrows, rungs, alternatives and their bounds
//	aptitude.go   aptitude tables, with and without delimiters
//	matcher.go    the longest-known-name matcher for undelimited rows
//	corpus.go     what a load returns: Corpus, Rule, Merge, Ambiguity, Alias
//	keyed.go      the normal forms of a document's names, worked out on all cores
//	build.go      Build: occupations, their other names, moves, the graph
//	resolve.go    resolving one written name to a role by the six rules
//	forms.go      the written forms of a role and its display name
//	document.go   Document and Problem, what parsing returns
//
// The snapshot cache of a loaded corpus is the subpackage snapshot.
package loader
