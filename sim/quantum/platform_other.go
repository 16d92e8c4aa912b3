//go:build !js

package quantum

import (
	"runtime"
	"sync"
)

// defaultMaxQubits is the cap Run applies when Options.MaxQubits is 0.
const defaultMaxQubits = MaxQubits

// parallelQubits is the smallest state that is worth splitting across
// goroutines: below 2^16 amplitudes, starting them costs more than the
// work.
const parallelQubits = 16

// defaultWorkers returns how many goroutines share the work on a state of
// n qubits when the caller does not say: every processor from
// parallelQubits on, one below.
func defaultWorkers(n int) int {
	if n < parallelQubits {
		return 1
	}
	return runtime.GOMAXPROCS(0)
}

// parallel splits [0, n) into up to workers consecutive parts, calls f on
// each in its own goroutine and returns when all are done.
func parallel(workers, n int, f func(lo, hi int)) {
	workers = min(workers, n)
	if workers <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Go(func() { f(lo, hi) })
	}
	wg.Wait()
}
