//go:build !js

package main

import (
	"fmt"
	"net/url"
	"os"

	"nexuslab/sim"
	"nexuslab/sim/catalog"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "wasm:", err)
		os.Exit(2)
	}
}

// run resets the named simulation from a query, applies the actions and
// prints the description after each step.
func run(args []string) error {
	if len(args) < 1 {
		return fmt.Errorf("usage: go run ./wasm SIM [QUERY] [ACTION...]")
	}
	e, ok := catalog.Lookup(args[0])
	if !ok {
		return fmt.Errorf("no simulation %q", args[0])
	}
	m := e.New()
	q := url.Values{}
	if len(args) > 1 {
		var err error
		if q, err = url.ParseQuery(args[1]); err != nil {
			return fmt.Errorf("query: %w", err)
		}
	}
	v, probs := m.Schema().Parse(q)
	for _, p := range probs {
		fmt.Println("corrected:", p)
	}
	if err := m.Reset(v); err != nil {
		return err
	}
	fmt.Println(m.Describe(sim.English{}))
	for _, a := range args[min(2, len(args)):] {
		if err := m.Do(a); err != nil {
			return err
		}
		fmt.Println(m.Describe(sim.English{}))
	}
	fmt.Println("?" + m.Schema().Encode(m.Query()))
	return nil
}
