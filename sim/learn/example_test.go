package learn_test

import (
	"fmt"
	"math/rand/v2"

	"nexuslab/sim/learn"
)

func ExampleNet() {
	// Exclusive or: the output should be 1 when exactly one input is 1.
	x := []float64{0, 0, 0, 1, 1, 0, 1, 1}
	y := []float64{0, 1, 1, 0}
	rng := rand.New(rand.NewPCG(1, 1))
	net, err := learn.New(learn.Config{Inputs: 2, Hidden: []int{4}, Rate: 0.5, Batch: 4}, rng)
	if err != nil {
		panic(err)
	}
	for range 2000 {
		net.Epoch(x, y)
	}
	for i := range y {
		fmt.Printf("%v → %.0f\n", x[2*i:2*i+2], net.Predict(x[2*i:2*i+2]))
	}
	// Output:
	// [0 0] → 0
	// [0 1] → 1
	// [1 0] → 1
	// [1 1] → 0
}

func ExampleExpand() {
	fs, _ := learn.ParseFeatures("x1,x1sq,x1x2")
	fmt.Println(learn.Expand(nil, fs, []float64{2, 3}))
	// Output: [2 4 6]
}
