// Command nexus builds, checks and serves the Nexus Lab site, and runs the
// simulation engines from the command line.
//
// Usage:
//
//	nexus build [--out public]          compile the wasm and render the site
//	nexus serve [--addr 127.0.0.1:8080]  build, then serve the site
//	nexus check [--content content]     validate content, writing nothing
//	nexus new case-study "Title"        scaffold a valid case study
//	nexus qasm run FILE.qasm|-           run an OpenQASM 2.0 program
//	nexus learn train --dataset NAME     train a network and print its losses
package main

import (
	"fmt"
	"io"
	"os"

	"nexuslab/build/internal/learncli"
	"nexuslab/build/internal/qasmcli"
)

const usage = `usage: nexus COMMAND [flags]

commands:
  build   compile sims.wasm and render content/ into a static site
  serve   build, then serve the site on the local machine
  check   validate content/ and report every problem, writing nothing
  new     scaffold content: nexus new case-study "Title"
  qasm    run or format an OpenQASM 2.0 program (nexus qasm help)
  learn   train a network, or audit a classifier for fairness (nexus learn help)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the process exit code: 0 on
// success, 1 when the work failed, 2 on bad usage or bad input.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "check":
		return runCheck(rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr)
	case "qasm":
		return qasmcli.Main(rest, stdin, stdout, stderr)
	case "learn":
		return learncli.Main(rest, stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "nexus: unknown command %q\n%s", cmd, usage)
	return 2
}
