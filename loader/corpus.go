package loader

import (
	"cmp"
	"fmt"
	"slices"

	"careergraph/graph"
)

// Rule is a reason careergraph joined a written name to a role (see the
// README, "How names become roles"). Number gives the rule's number there.
type Rule int

// The ways a name joins a role. RuleExact is rule 1, the same normal form;
// every other join is recorded as a Merge for check.
const (
	RuleExact       Rule = iota // rule 1: the same name in normal form
	RuleShortTitle              // rule 2: title without its trailing parenthetical
	RuleAlias                   // rule 2: an alias a document lists
	RuleSameTitle               // rule 2: two documents with the same title
	RuleOwnRung                 // rule 3: a rung of a document's own path is the occupation
	RuleRelatedRung             // rule 4: a rung is one of the document's related jobs
	RuleUserAlias               // rule 6: the user's alias file
)

// Number returns the rule's number in the README's list of six ("How
// names become roles").
func (r Rule) Number() int {
	switch r {
	case RuleExact:
		return 1
	case RuleShortTitle, RuleAlias, RuleSameTitle:
		return 2
	case RuleOwnRung:
		return 3
	case RuleRelatedRung:
		return 4
	}
	return 6
}

// String says the rule in words, with its number: "rule 2: alias of the
// occupation".
func (r Rule) String() string {
	what := map[Rule]string{
		RuleExact:       "the same name",
		RuleShortTitle:  "title without its parenthetical",
		RuleAlias:       "alias of the occupation",
		RuleSameTitle:   "two documents with the same title",
		RuleOwnRung:     "the document's own occupation in its career path",
		RuleRelatedRung: "trailing part of one of the document's related jobs",
		RuleUserAlias:   "user alias file",
	}[r]
	return fmt.Sprintf("rule %d: %s", r.Number(), what)
}

// Merge records a written name that joined a role by a rule other than an
// exact normal-form match.
type Merge struct {
	Name   string // as written
	Role   string // display name of the role it joined
	Rule   Rule
	Source graph.Source
}

// Ambiguity is a name (as first written) that two or more occupations claim in the weaker way
// of rule 2 (title without parenthetical, or alias). It resolves to none of
// them: each mention stays a role of its own.
type Ambiguity struct {
	Name      string
	Claimants []string // titles of the claiming occupations, sorted
	Uses      []graph.Source
}

// NearDuplicate is a set of roles whose names differ only by a
// parenthetical qualifier. Rule 5 keeps them apart; check lists them so
// that a user can join them with an alias file.
type NearDuplicate struct {
	Key   string   // the shared name without qualifiers
	Roles []string // display names, sorted
}

// Alias is one row of a user alias file: Name is to be read as
// Canonical.
type Alias struct {
	Name, Canonical string
	Source          graph.Source
}

// Corpus is a loaded set of documents: the graph and every finding made on
// the way.
type Corpus struct {
	Graph          *graph.Graph
	Documents      []*Document // readable documents, sorted by file; nil when Options.DropDocuments
	NumDocuments   int         // readable documents: len(Documents) when they are kept
	NumFiles       int         // files and O*NET folders found, readable or not
	Skipped        []string    // files that could not be read as documents, sorted; see Problems for why
	Problems       []Problem   // sorted by file and line
	Merges         []Merge     // sorted by role, then name, then source
	Ambiguous      []Ambiguity // sorted by name
	NearDuplicates []NearDuplicate
	// Sources are the sources other than documents that were read, sorted
	// by name.
	Sources []SourceInfo
	// Dropped counts the moves of those sources dropped on purpose:
	// self-links (also those whose two names resolve to one role) and
	// repeated rows.
	Dropped Dropped
}

// SourceInfo is one source other than documents that Load read.
type SourceInfo struct {
	Name    string // its path
	Format  string // "onet", "pathways", "moves" or "roles"
	Version string // the source's release, e.g. O*NET "29.3"; may be empty
	Roles   int    // roles it describes or names
	Moves   int    // moves it gives, after the reader's drops
}

// Dropped counts moves dropped on purpose.
type Dropped struct {
	SelfLinks  int // a move from a role to itself
	Duplicates int // a second row of the same move; the cheapest is kept
}

// Errors returns the number of problems of Error severity; Warnings the
// rest.
func (c *Corpus) Errors() int {
	n := 0
	for _, p := range c.Problems {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings returns the number of problems of Warning severity.
func (c *Corpus) Warnings() int { return len(c.Problems) - c.Errors() }

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.Msg, b.Msg))
	})
}
