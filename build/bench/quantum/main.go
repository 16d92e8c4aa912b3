// Command quantum measures the state-vector engine of nexuslab/sim/quantum
// on one family of circuits, built the same way natively and under
// WebAssembly, and prints the table that compares them with the
// quantum-circuit package from npm. run.sh drives it; see there.
//
// The circuit has depth layers, each of a Hadamard on every qubit, an RZ
// of a random angle on every qubit and a chain of CNOTs from qubit 0 up.
//
// Usage:
//
//	quantum -emit N                        print the circuit on N qubits as JSON
//	quantum -sizes 16,18 [-workers W] [-reference 20] [-label wasm]
//	                                       time the engine, one JSON line per run
//	quantum -report FILE...                print the table from those lines
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"nexuslab/sim/quantum"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quantum bench:", err)
		os.Exit(1)
	}
}

// Gate is one gate of a benchmark circuit in the JSON that the peer
// script reads.
type Gate struct {
	Name   string    `json:"name"`
	Qubits []int     `json:"qubits"`
	Params []float64 `json:"params,omitempty"`
}

// Spec is a benchmark circuit.
type Spec struct {
	Qubits int    `json:"qubits"`
	Gates  []Gate `json:"gates"`
}

// Timing is one measured run, as printed by this program and by peer.js.
type Timing struct {
	Engine  string  `json:"engine"` // "peer", "fast" or "reference"
	Label   string  `json:"label"`  // where it ran: "node", "wasm", "native" …
	Workers int     `json:"workers,omitempty"`
	Qubits  int     `json:"qubits"`
	Gates   int     `json:"gates"`
	Reps    int     `json:"reps"`
	Seconds float64 `json:"seconds"` // per run
}

// nsPerAmpGate returns nanoseconds per amplitude per gate.
func (t Timing) nsPerAmpGate() float64 {
	return t.Seconds * 1e9 / float64(t.Gates) / math.Ldexp(1, t.Qubits)
}

// depth returns the layers used at n qubits: 10, as the comparison with
// the peer asks, and fewer from 22 qubits on so that a run takes seconds,
// not minutes. The time per amplitude per gate does not depend on it.
func depth(n int) int {
	if n >= 22 {
		return 2
	}
	return 10
}

func layered(n int) Spec {
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	s := Spec{Qubits: n}
	for range depth(n) {
		for q := range n {
			s.Gates = append(s.Gates, Gate{Name: "h", Qubits: []int{q}})
		}
		for q := range n {
			s.Gates = append(s.Gates, Gate{Name: "rz", Qubits: []int{q}, Params: []float64{rng.Float64() * 2 * math.Pi}})
		}
		for q := 0; q+1 < n; q++ {
			s.Gates = append(s.Gates, Gate{Name: "cx", Qubits: []int{q, q + 1}})
		}
	}
	return s
}

func (s Spec) circuit() *quantum.Circuit {
	c := quantum.NewCircuit(s.Qubits, 0)
	for _, g := range s.Gates {
		c.Gate(g.Name, g.Params, g.Qubits...)
	}
	return c
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("quantum", flag.ContinueOnError)
	emit := fs.Int("emit", 0, "print the circuit on this many qubits as JSON")
	sizes := fs.String("sizes", "", "comma-separated qubit counts to time")
	workers := fs.Int("workers", 1, "goroutines; 0 for every processor")
	reference := fs.String("reference", "", "comma-separated qubit counts to also time with the reference kernel")
	label := fs.String("label", "native", "where this runs, for the report")
	minTime := fs.Duration("time", 500*time.Millisecond, "keep repeating a run for at least this long")
	report := fs.Bool("report", false, "print the table from the JSON lines in the files given as arguments")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case *emit > 0:
		return json.NewEncoder(stdout).Encode(layered(*emit))
	case *report:
		return printReport(stdout, fs.Args())
	case *sizes != "":
		ns, err := ints(*sizes)
		if err != nil {
			return err
		}
		refs, err := ints(*reference)
		if err != nil {
			return err
		}
		if err := warmUp(*workers, len(refs) > 0); err != nil {
			return err
		}
		enc := json.NewEncoder(stdout)
		for _, n := range ns {
			t, err := timeRun(n, *workers, false, *minTime)
			if err != nil {
				return err
			}
			t.Label = *label
			if err := enc.Encode(t); err != nil {
				return err
			}
			if slices.Contains(refs, n) {
				t, err := timeRun(n, *workers, true, *minTime)
				if err != nil {
					return err
				}
				t.Label = *label
				if err := enc.Encode(t); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return errors.New("nothing to do: give -emit, -sizes or -report")
}

func ints(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("bad qubit count %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// warmUp runs the kernels for a while before anything is timed: a
// WebAssembly engine first runs code from a quick baseline compiler and
// swaps in optimised code only once it has seen the code run hot.
func warmUp(workers int, reference bool) error {
	for _, ref := range []bool{false, reference} {
		if _, err := timeRun(14, workers, ref, time.Second); err != nil {
			return err
		}
	}
	return nil
}

// timeRun times the circuit on n qubits, repeating until minTime has
// passed, and returns the time per run.
func timeRun(n, workers int, reference bool, minTime time.Duration) (Timing, error) {
	spec := layered(n)
	c := spec.circuit()
	o := &quantum.Options{Workers: workers, Reference: reference}
	t := Timing{Engine: "fast", Workers: workers, Qubits: n, Gates: len(spec.Gates)}
	if reference {
		t.Engine = "reference"
	}
	start := time.Now()
	for t.Reps == 0 || time.Since(start) < minTime {
		if _, err := quantum.Run(c, o); err != nil {
			return t, err
		}
		t.Reps++
	}
	t.Seconds = time.Since(start).Seconds() / float64(t.Reps)
	return t, nil
}

// printReport prints the comparison table from JSON lines of Timings.
func printReport(w io.Writer, files []string) error {
	var all []Timing
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || !strings.HasPrefix(line, "{") {
				continue
			}
			var t Timing
			if err := json.Unmarshal([]byte(line), &t); err != nil {
				fh.Close()
				return fmt.Errorf("%s: %w", f, err)
			}
			all = append(all, t)
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	find := func(engine, label string, workers, n int) (Timing, bool) {
		for _, t := range all {
			if t.Engine == engine && t.Label == label && t.Qubits == n && (workers < 0 || t.Workers == workers) {
				return t, true
			}
		}
		return Timing{}, false
	}
	cell := func(t Timing, ok bool) string {
		if !ok {
			return "—"
		}
		return fmt.Sprintf("%.3g", t.nsPerAmpGate())
	}
	fmt.Fprintln(w, "Quantum state vector: ns per amplitude per gate (lower is better)")
	fmt.Fprintln(w, "circuit: depth-10 layers of H, RZ and a CNOT chain (depth 2 from 22 qubits)")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-7s %7s %14s %12s %14s %14s %12s\n", "qubits", "gates", "peer (node)", "ours wasm", "ours native 1", "ours native N", "peer ÷ wasm")
	for n := 8; n <= 24; n += 2 {
		peer, pok := find("peer", "node", -1, n)
		wasm, wok := find("fast", "wasm", -1, n)
		nat1, n1ok := find("fast", "native", 1, n)
		natN, nNok := find("fast", "native", 0, n)
		if !pok && !wok && !n1ok && !nNok {
			continue
		}
		gates := 0
		for _, t := range []Timing{peer, wasm, nat1, natN} {
			gates = max(gates, t.Gates)
		}
		ratio := "—"
		if pok && wok {
			ratio = fmt.Sprintf("%.0f×", peer.Seconds/wasm.Seconds)
		}
		fmt.Fprintf(w, "%-7d %7d %14s %12s %14s %14s %12s\n", n, gates, cell(peer, pok), cell(wasm, wok), cell(nat1, n1ok), cell(natN, nNok), ratio)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "ratios                                              got      target")
	target := func(name string, got float64, ok bool, format, goal string) {
		v := "—"
		if ok {
			v = fmt.Sprintf(format, got)
		}
		fmt.Fprintf(w, "%-50s %8s   %s\n", name, v, goal)
	}
	peer, pok := find("peer", "node", -1, 14)
	wasm14, wok := find("fast", "wasm", -1, 14)
	target("ours (wasm) vs peer at 14 qubits, speed-up", peer.Seconds/wasm14.Seconds, pok && wok, "%.0f×", "≥ 300×")
	wasm20, w20 := find("fast", "wasm", -1, 20)
	nat20, n20 := find("fast", "native", 1, 20)
	target("wasm ÷ native single-threaded at 20 qubits, time", wasm20.Seconds/nat20.Seconds, w20 && n20, "%.2f×", "≤ 2×")
	worst, wn := 0.0, false
	for n := 16; n <= 24; n += 2 {
		a, aok := find("fast", "wasm", -1, n)
		b, bok := find("fast", "native", 1, n)
		if aok && bok {
			worst, wn = max(worst, a.Seconds/b.Seconds), true
		}
	}
	target("wasm ÷ native single-threaded, worst of 16–24", worst, wn, "%.2f×", "≤ 2×")
	ref20, r20 := find("reference", "wasm", -1, 20)
	target("fast vs reference kernel at 20 qubits in wasm", ref20.Seconds/wasm20.Seconds, r20 && w20, "%.2f×", "≥ 2×")
	natN20, nN := find("fast", "native", 0, 20)
	target("native all cores vs one core at 20 qubits", nat20.Seconds/natN20.Seconds, n20 && nN, "%.2f×", "> 1×")
	target("20 qubits, 200 gates in wasm, seconds", wasm20.nsPerAmpGate()*math.Ldexp(1, 20)*200/1e9, w20, "%.2f s", "< 1 s")
	wasm24, w24 := find("fast", "wasm", -1, 24)
	target("24 qubits in wasm, seconds per gate", wasm24.Seconds/float64(wasm24.Gates), w24, "%.2f s", "runs")
	return nil
}
