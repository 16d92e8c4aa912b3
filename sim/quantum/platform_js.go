package quantum

// The browser runs Go on one thread, and its memory is tight: every loop
// runs on the caller's goroutine, and states are capped at
// BrowserMaxQubits.

// defaultMaxQubits is the cap Run applies when Options.MaxQubits is 0.
const defaultMaxQubits = BrowserMaxQubits

// defaultWorkers returns how many goroutines share the work on a state of
// n qubits when the caller does not say.
func defaultWorkers(n int) int { return 1 }

// parallel calls f(0, n).
func parallel(workers, n int, f func(lo, hi int)) { f(0, n) }
