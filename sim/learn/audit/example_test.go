package audit_test

import (
	"fmt"

	"nexuslab/sim/learn/audit"
)

func ExampleMeasure() {
	d := &audit.Data{
		Label:  []bool{true, true, false, false, true, false},
		Score:  []float64{0.9, 0.4, 0.6, 0.2, 0.7, 0.1},
		Group:  []int{0, 0, 0, 0, 1, 1},
		Groups: []string{"A", "B"},
	}
	r, err := audit.Measure(d, 0.5)
	if err != nil {
		panic(err)
	}
	for _, g := range r.Groups {
		fmt.Printf("%s: TPR %.2f, FPR %.2f\n", g.Name, g.TPR(), g.FPR())
	}
	fmt.Printf("equal opportunity difference %.2f\n", r.EqualOpportunity)
	// Output:
	// A: TPR 0.50, FPR 0.50
	// B: TPR 1.00, FPR 0.00
	// equal opportunity difference 0.50
}
