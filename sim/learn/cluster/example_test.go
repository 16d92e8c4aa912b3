package cluster_test

import (
	"fmt"
	"math/rand/v2"

	"nexuslab/sim/learn/cluster"
)

func ExampleFit() {
	// Two clumps on a line.
	x := []float64{0, 0.2, 0.4, 10, 10.2, 10.4}
	r, err := cluster.Fit(rand.New(rand.NewPCG(1, 1)), x, 1, 2, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Assign[0] == r.Assign[2], r.Assign[0] != r.Assign[3])
	fmt.Printf("inertia %.2f, silhouette %.2f\n", r.Inertia, cluster.Silhouette(x, 1, r.Assign, 2))
	// Output:
	// true true
	// inertia 0.16, silhouette 0.97
}
