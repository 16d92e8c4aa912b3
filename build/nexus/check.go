package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"nexuslab/site"
)

// runCheck validates content without writing anything.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nexus check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	content := fs.String("content", "content", "content folder")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nexus check: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if st, err := os.Stat(*content); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "nexus check: no content folder at %s\n", *content)
		return 2
	}
	if err := site.Check(site.Config{Content: os.DirFS(*content), ContentPath: *content}); err != nil {
		return report(stderr, err)
	}
	fmt.Fprintf(stdout, "%s: no problems\n", *content)
	return 0
}
