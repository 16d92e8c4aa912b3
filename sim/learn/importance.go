package learn

import (
	"fmt"
	"math/rand/v2"
)

// PermutationImportance measures how much a model relies on each input.
// For each column j of x (row-major, dim values per row), it shuffles
// that column with rng, calls score on the shuffled copy, and sets dst[j]
// to score(x) minus the mean of repeats such scores. score must return a
// number where higher is better, such as accuracy or minus the loss; an
// input the model ignores gets about 0. dst is grown if needed and
// returned; x is not changed. repeats below 1 count as 1.
//
// Breiman (2001), "Random forests", Machine Learning 45, section 10.
func PermutationImportance(dst []float64, rng *rand.Rand, x []float64, dim, repeats int, score func(x []float64) float64) []float64 {
	if dim <= 0 || len(x)%dim != 0 {
		panic(fmt.Sprintf("learn: PermutationImportance got %d values, not rows of %d", len(x), dim))
	}
	repeats = max(repeats, 1)
	dst = grow(dst, dim)
	rows := len(x) / dim
	work := append([]float64(nil), x...)
	base := score(work)
	for j := range dim {
		sum := 0.0
		for range repeats {
			rng.Shuffle(rows, func(a, b int) {
				work[a*dim+j], work[b*dim+j] = work[b*dim+j], work[a*dim+j]
			})
			sum += score(work)
		}
		for r := range rows {
			work[r*dim+j] = x[r*dim+j]
		}
		dst[j] = base - sum/float64(repeats)
	}
	return dst
}
