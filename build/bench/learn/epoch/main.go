package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"nexuslab/sim/learn"
	"nexuslab/sim/learn/dataset"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "epoch:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("epoch", flag.ContinueOnError)
	warmup := fs.Int("warmup", 50, "untimed epochs before timing")
	epochs := fs.Int("epochs", 200, "epochs per timed round")
	rounds := fs.Int("rounds", 7, "timed rounds; the median is printed")
	name := fs.String("name", "go", "label printed before the time")
	dump := fs.Bool("dump", false, "print the points as JSON instead of timing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 1))
	s := dataset.Spiral(rng, 500, 0)
	// Shuffle once, as the playground's split does, so that batches mix
	// both classes.
	s = s.Subset(rng.Perm(s.Len()))
	if *dump {
		return json.NewEncoder(stdout).Encode(map[string][]float64{"x": s.X, "y": s.Y})
	}
	net, err := learn.New(learn.Config{Inputs: 2, Hidden: []int{8, 8}, Activation: learn.Tanh, Rate: 0.03, Batch: 10}, rng)
	if err != nil {
		return err
	}
	for range *warmup {
		net.Epoch(s.X, s.Y)
	}
	ms := make([]float64, max(*rounds, 1))
	for r := range ms {
		start := time.Now()
		for range *epochs {
			net.Epoch(s.X, s.Y)
		}
		ms[r] = float64(time.Since(start).Nanoseconds()) / 1e6 / float64(max(*epochs, 1))
	}
	slices.Sort(ms)
	_, err = fmt.Fprintf(stdout, "%s %.4f loss=%.4f\n", *name, ms[len(ms)/2], net.Loss(s.X, s.Y))
	return err
}
