package loader

import "flag"

// update makes golden-file tests in this package rewrite their golden files
// instead of comparing against them: go test ./loader -update.
var update = flag.Bool("update", false, "rewrite golden files")
