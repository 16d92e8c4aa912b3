package qasmcli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"nexuslab/build/internal/cliargs"
	"nexuslab/sim/quantum"
	"nexuslab/sim/quantum/qasm"
)

// MaxShots bounds --shots: the shots are sorted in memory.
const MaxShots = 10_000_000

const usage = `usage: nexus qasm COMMAND [flags]

commands:
  run FILE.qasm|- [--shots N] [--seed S] [--statevector]
        run an OpenQASM 2.0 program and print the result as JSON
  fmt [-w] [FILE.qasm|-]
        write the program in canonical form (-w: back to the file)
`

// Main runs the qasm command with args (after "qasm") and returns the
// exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "run":
		return run(args[1:], stdin, stdout, stderr)
	case "fmt":
		return format(args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "nexus qasm: unknown command %q\n%s", args[0], usage)
	return 2
}

// read returns the program named by path, "-" meaning stdin, and the name
// errors should give it.
func read(path string, stdin io.Reader) ([]byte, string, error) {
	if path == "-" {
		b, err := io.ReadAll(stdin)
		return b, "<stdin>", err
	}
	b, err := os.ReadFile(path)
	return b, path, err
}

// report prints err and returns its exit code: 2 for a problem in the
// program, 1 otherwise.
func report(stderr io.Writer, err error) int {
	var qe *qasm.Error
	if errors.As(err, &qe) {
		fmt.Fprintln(stderr, qe.Error())
		return 2
	}
	fmt.Fprintln(stderr, "nexus qasm:", err)
	return 1
}

// output is the JSON that run prints, in the order of its fields.
type output struct {
	Qubits        int                `json:"qubits"`
	Clbits        int                `json:"clbits"`
	Probabilities map[string]float64 `json:"probabilities,omitempty"`
	Counts        map[string]int     `json:"counts,omitempty"`
	Statevector   [][2]float64       `json:"statevector,omitempty"`
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nexus qasm run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shots := fs.Int("shots", 0, "sample this many shots")
	seedText := fs.String("seed", "0", "seed for the shots and mid-circuit outcomes (0 to 2^64-1)")
	sv := fs.Bool("statevector", false, "print the final state vector")
	pos, err := cliargs.Parse(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintf(stderr, "nexus qasm run: give one program file, or - for standard input\n%s", usage)
		return 2
	}
	if *shots < 0 || *shots > MaxShots {
		fmt.Fprintf(stderr, "nexus qasm run: --shots %d is outside 0–%d\n", *shots, MaxShots)
		return 2
	}
	seed, err := strconv.ParseUint(*seedText, 10, 64)
	if err != nil {
		fmt.Fprintf(stderr, "nexus qasm run: --seed %q is not a whole number from 0 to 2^64-1\n", *seedText)
		return 2
	}
	src, name, err := read(pos[0], stdin)
	if err != nil {
		fmt.Fprintln(stderr, "nexus qasm run:", err)
		return 2
	}
	c, err := qasm.Compile(name, src)
	if err != nil {
		return report(stderr, err)
	}
	if c.Qubits() == 0 {
		fmt.Fprintf(stderr, "%s: the program declares no qubits: add a line such as qreg q[2];\n", name)
		return 2
	}
	res, err := quantum.Run(c, &quantum.Options{Shots: *shots, Seed: seed})
	if err != nil {
		return report(stderr, err)
	}
	out := output{Qubits: res.Qubits, Clbits: res.Clbits}
	key := keyer(c, res.ByQubit)
	if dist := res.Probabilities(); dist != nil {
		out.Probabilities = map[string]float64{}
		for _, o := range dist {
			if o.P >= 1e-12 {
				out.Probabilities[key(o.Value)] = o.P
			}
		}
	}
	if len(res.Counts) > 0 {
		out.Counts = map[string]int{}
		for _, k := range res.Counts {
			out.Counts[key(k.Value)] = k.N
		}
	}
	if *sv && res.State != nil {
		amp := res.State.Amplitudes()
		out.Statevector = make([][2]float64, len(amp))
		for i, a := range amp {
			out.Statevector[i] = [2]float64{real(a), imag(a)}
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return report(stderr, err)
	}
	b = append(b, '\n')
	if _, err := stdout.Write(b); err != nil {
		return report(stderr, err)
	}
	return 0
}

// keyer returns the function that writes an outcome as a bitstring: over
// all qubits when byQubit, else register by register, the last declared
// leftmost, separated by spaces.
func keyer(c *quantum.Circuit, byQubit bool) func(uint64) string {
	if byQubit {
		n := c.Qubits()
		return func(v uint64) string { return quantum.Bitstring(int(v), n) }
	}
	return func(v uint64) string {
		var b strings.Builder
		for i := len(c.Cregs) - 1; i >= 0; i-- {
			off, size := c.CregOffset(i), c.Cregs[i].Size
			for k := size - 1; k >= 0; k-- {
				b.WriteByte('0' + byte(v>>(off+k)&1))
			}
			if i > 0 {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
}

func format(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nexus qasm fmt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	write := fs.Bool("w", false, "write the result back to the file")
	pos, err := cliargs.Parse(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) > 1 {
		fmt.Fprintf(stderr, "nexus qasm fmt: give at most one program file\n%s", usage)
		return 2
	}
	path := "-"
	if len(pos) == 1 {
		path = pos[0]
	}
	if *write && path == "-" {
		fmt.Fprintln(stderr, "nexus qasm fmt: -w needs a file to write back to")
		return 2
	}
	src, name, err := read(path, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "nexus qasm fmt:", err)
		return 2
	}
	p, err := qasm.Parse(name, src)
	if err != nil {
		return report(stderr, err)
	}
	out := qasm.Format(p)
	if *write {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			return report(stderr, err)
		}
		return 0
	}
	if _, err := stdout.Write(out); err != nil {
		return report(stderr, err)
	}
	return 0
}
