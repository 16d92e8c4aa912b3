package main

import (
	"fmt"
	"os"

	"nexuslab/build/worker/edge"
)

// catalogue is the simulation catalogue in the form of edge.FormatSims,
// linked in by the bundler with -X main.catalogue=...: the catalogue
// package itself brings the simulation engines, too large for a Worker.
var catalogue string

func main() {
	sims, err := edge.ParseSims(catalogue)
	if err != nil {
		// The site is still worth serving; oEmbed answers with the reason.
		fmt.Fprintln(os.Stderr, "nexus worker:", err)
	}
	if err := serveWorker(edge.Handler(edge.Config{Assets: assets(), Sims: sims})); err != nil {
		fmt.Fprintln(os.Stderr, "nexus worker:", err)
		os.Exit(1)
	}
}
