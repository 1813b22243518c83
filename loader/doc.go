// Package loader reads occupation documents and builds a career graph
// from them: it parses each file into a Document, resolves the names the
// documents write into roles by the rules in the README ("How names become
// roles"), and returns a Corpus with the graph and every problem found.
//
// Where things live:
//
//	load.go       Options, Load: listing and reading files, the parse on all cores
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
