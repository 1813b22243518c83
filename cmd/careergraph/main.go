// Command careergraph turns occupation documents into a graph of roles and
// answers questions of it: how to get from one role to another, what a
// role leads to, what leads to it, and what must be learnt on the way.
//
// For the people who work on it: with CAREERGRAPH_CPUPROFILE=FILE set, a
// command (serve too, until it is stopped) writes its CPU profile to FILE,
// for `go tool pprof`.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

func main() {
	os.Exit(profiledMain(os.Args[1:], os.Stdout, os.Stderr))
}

// profiledMain is realMain, with its CPU profile written to the file
// CAREERGRAPH_CPUPROFILE names when it is set.
func profiledMain(args []string, stdout, stderr io.Writer) int {
	name := os.Getenv("CAREERGRAPH_CPUPROFILE")
	if name == "" {
		return realMain(args, stdout, stderr)
	}
	f, err := os.Create(name)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(stderr, "careergraph: CAREERGRAPH_CPUPROFILE: %v: unset it, or name a file that can be written\n", err)
		return 2
	}
	defer f.Close()
	defer pprof.StopCPUProfile()
	return realMain(args, stdout, stderr)
}
