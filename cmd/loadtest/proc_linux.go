package main

import (
	"os/exec"
	"syscall"
)

// stopWithUs has the server stopped (SIGTERM) when the load test ends
// however it ends, even killed by a signal, so that no server is left
// running. (Linux sends it when the thread that started the server
// ends: the load test locks no goroutine to a thread, so its threads end
// only with it.)
func stopWithUs(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
