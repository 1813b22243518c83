// Command gencorpus writes a synthetic corpus of occupation documents in
// the layouts of the seed documents, for benchmarks:
//
//	go run ./cmd/gencorpus -n 10000 -seed 1 -o out/bench/10k
//
// The documents are spread over subfolders of a thousand files and are
// the same for the same -n and -seed.
package main

import (
	"flag"
	"fmt"
	"os"

	"careergraph/loader/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of `documents` to write")
	seed := flag.Uint64("seed", 1, "random `seed`; the same seed writes the same corpus")
	out := flag.String("o", "", "output `folder` (required; created if missing)")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N [-seed S] -o FOLDER")
		os.Exit(2)
	}
	if err := synth.Write(*out, *n, *seed); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
}
