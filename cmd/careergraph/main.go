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
	"os"
	"runtime/pprof"
)

func main() {
	if name := os.Getenv("CAREERGRAPH_CPUPROFILE"); name != "" {
		stop, err := startProfile(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "careergraph: CAREERGRAPH_CPUPROFILE: %v\n", err)
			os.Exit(2)
		}
		code := realMain(os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(realMain(os.Args[1:], os.Stdout, os.Stderr))
}

// startProfile starts writing the CPU profile to the file name and
// returns the function that stops it.
func startProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
