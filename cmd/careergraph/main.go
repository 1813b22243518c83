// Command careergraph turns occupation documents into a graph of roles and
// answers questions of it: how to get from one role to another, what a
// role leads to, what leads to it, and what must be learnt on the way.
package main

import "os"

func main() {
	os.Exit(realMain(os.Args[1:], os.Stdout, os.Stderr))
}
