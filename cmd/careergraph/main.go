// Command careergraph turns occupation documents into a graph of roles and
// answers questions of it: how to get from one role to another, what a
// role leads to, what leads to it, and what must be learnt on the way.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	app := newApp(os.Stdout, os.Stderr)
	if err := run(app, os.Args); err != nil {
		if !errors.Is(err, errNoAnswer) {
			fmt.Fprintf(os.Stderr, "careergraph: %v\n", err)
		}
		os.Exit(exitCode(err))
	}
}
