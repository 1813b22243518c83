//go:build !race

package loader

// raceEnabled says the tests run under the race detector, whose runtime
// allocates beside what the code does.
const raceEnabled = false
