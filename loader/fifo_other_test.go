//go:build !unix

package loader

import "errors"

// mkfifo fails: this system has no FIFOs (named pipes) to make.
func mkfifo(string) error { return errors.New("no FIFOs on this system") }
