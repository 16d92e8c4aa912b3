package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"nexuslab/build/internal/pipeline"
	"nexuslab/site"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nexus build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "public", "output folder")
	base := fs.String("base-url", "", "absolute URL the site is published at")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := pipeline.Build(pipeline.Options{Out: *out, BaseURL: *base}); err != nil {
		return report(stderr, err)
	}
	fmt.Fprintf(stdout, "built %s\n", *out)
	return 0
}

// report prints err and returns the exit code: 2 for content problems,
// which the author must fix, 1 for everything else.
func report(stderr io.Writer, err error) int {
	var probs site.Problems
	if errors.As(err, &probs) {
		for _, p := range probs {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "nexus: %d problem(s); nothing was written\n", len(probs))
		return 2
	}
	fmt.Fprintln(stderr, "nexus:", err)
	return 1
}
