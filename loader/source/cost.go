package source

import (
	"fmt"
	"math"
	"strings"
)

// The costs of moves read from occupation documents, unchanged.
const (
	DocumentCareerCost  = 1.0
	DocumentRelatedCost = 2.0
)

// The O*NET relatedness tiers, strongest first.
const (
	PrimaryShort = "Primary-Short"
	PrimaryLong  = "Primary-Long"
	Supplemental = "Supplemental"
)

// maxRankIndex bounds the index that still makes a move dearer, so that
// every tier's costs stay below the next tier's.
const maxRankIndex = 25

// ONETRelatedCost returns the cost of an O*NET Related Occupations move:
//
//	cost = base(tier) + 0.01 × (min(index, 25) − 1)
//	base: Primary-Short 2.00, Primary-Long 2.25, Supplemental 2.50
//
// On 29.3 (Primary-Short indexes 1–5, Primary-Long 6–10, Supplemental
// 11–20) that is 2.00–2.04, 2.30–2.34 and 2.60–2.69: near a document's
// related move (2), monotone in strength — every Primary-Short move is
// cheaper than every Primary-Long one, which is cheaper than every
// Supplemental one, and within a tier a lower index is cheaper. The tier
// is matched without regard to case; an unknown tier or an index below 1
// is an error.
func ONETRelatedCost(tier string, index int) (float64, error) {
	var base float64
	switch {
	case strings.EqualFold(tier, PrimaryShort):
		base = 2.00
	case strings.EqualFold(tier, PrimaryLong):
		base = 2.25
	case strings.EqualFold(tier, Supplemental):
		base = 2.50
	default:
		return 0, fmt.Errorf("unknown relatedness tier %q (want %s, %s or %s)", tier, PrimaryShort, PrimaryLong, Supplemental)
	}
	if index < 1 {
		return 0, fmt.Errorf("index %d: want 1 or more", index)
	}
	return thousandths(base + 0.01*float64(min(index, maxRankIndex)-1)), nil
}

// ONETMatrixCost returns the cost of a career move from O*NET's Career
// Changers or Career Starters Matrix:
//
//	cost = 1 + 0.01 × (min(index, 25) − 1)
//
// so index 1 costs 1.00 (a document's career move) and index 10 costs
// 1.09. An index below 1 is an error.
func ONETMatrixCost(index int) (float64, error) {
	if index < 1 {
		return 0, fmt.Errorf("index %d: want 1 or more", index)
	}
	return thousandths(1 + 0.01*float64(min(index, maxRankIndex)-1)), nil
}

// SimilarityCost returns the cost of a career move from a pathway table
// whose similarity s lies in [0, 1], higher meaning closer:
//
//	cost = 1 + (1 − s), rounded to 0.001
//
// so a move between identical profiles costs 1 (a document's career move)
// and the least similar costs 2. Similarity is a tie-breaker between moves
// more than a reason to take an extra step. A similarity outside [0, 1] or
// not a number is an error.
func SimilarityCost(s float64) (float64, error) {
	if math.IsNaN(s) || s < 0 || s > 1 {
		return 0, fmt.Errorf("similarity %v outside 0..1", s)
	}
	return thousandths(2 - s), nil
}

// GivenCost checks a cost written in a spreadsheet and returns it rounded
// to 0.001. It must be a finite number of at least 0.001.
func GivenCost(c float64) (float64, error) {
	if math.IsNaN(c) || math.IsInf(c, 0) || c > 1e9 {
		return 0, fmt.Errorf("cost %v is not a usable number", c)
	}
	r := thousandths(c)
	if r < 0.001 {
		return 0, fmt.Errorf("cost %v: want a positive number, 0.001 or more", c)
	}
	return r, nil
}

// Thousandths returns cost as a whole number of thousandths, the exact
// form a graph may store: Thousandths(2.345) = 2345.
func Thousandths(cost float64) int64 { return int64(math.Round(cost * 1000)) }

func thousandths(c float64) float64 { return float64(Thousandths(c)) / 1000 }
