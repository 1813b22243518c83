// Package source reads the sources careergraph imports besides occupation
// documents — the O*NET database (text release), pathway/similarity tables
// and HR moves and roles spreadsheets — into neutral records: roles, moves
// and problems. It knows nothing of graph building; package loader turns a
// Set into graph roles and moves.
//
// Detect tells the sources apart by content, not by file name. Each reader
// takes an io.Reader (or an fs.FS for the O*NET folder) plus a name for
// messages, never panics on bad input, reports every bad row as a Problem
// with file and line while the good rows still load, and refuses files
// larger than MaxTableBytes.
//
// Every move has a cost, derived from its source's strength by one
// documented, monotone rule per source (see ONETRelatedCost,
// ONETMatrixCost, SimilarityCost) and kept a multiple of 0.001, so that a
// graph may store costs as integer thousandths exactly.
package source
