// Package seeds holds careergraph's five reference occupation documents,
// embedded in the binary as the data every command uses when no --data is
// given.
package seeds

import "embed"

// FS holds the documents, named like "000_f8fb08b187d7aa4f.txt".
//
//go:embed *.txt
var FS embed.FS
