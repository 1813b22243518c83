//go:build !linux

package main

import "os/exec"

// stopWithUs does nothing where the system cannot stop a child with its
// parent: the load test stops its server when it returns.
func stopWithUs(*exec.Cmd) {}
