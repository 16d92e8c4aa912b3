package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// MaxK caps the number of clusters Fit and Seed accept.
const MaxK = 1000

func checkShape(x []float64, dim int) int {
	if dim < 1 || len(x)%dim != 0 {
		panic(fmt.Sprintf("cluster: %d values are not rows of %d", len(x), dim))
	}
	return len(x) / dim
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func dist2(a, b []float64) float64 {
	b = b[:len(a)]
	s := 0.0
	for i, v := range a {
		d := v - b[i]
		s += d * d
	}
	return s
}

// Seed chooses k of the points x as initial centroids by k-means++, stores
// them in dst, grown if needed, and returns it. It reports an error unless
// 1 ≤ k ≤ min(MaxK, number of points).
func Seed(dst []float64, rng *rand.Rand, x []float64, dim, k int) ([]float64, error) {
	n := checkShape(x, dim)
	if k < 1 || k > n || k > MaxK {
		return nil, fmt.Errorf("cluster: k = %d for %d points; want 1 to %d", k, n, min(n, MaxK))
	}
	dst = grow(dst, k*dim)
	d2 := make([]float64, n)
	first := rng.IntN(n)
	copy(dst, x[first*dim:first*dim+dim])
	for i := range n {
		d2[i] = dist2(x[i*dim:i*dim+dim], dst[:dim])
	}
	for c := 1; c < k; c++ {
		total := 0.0
		for _, v := range d2 {
			total += v
		}
		pick := n - 1
		if total > 0 {
			u := rng.Float64() * total
			for i, v := range d2 {
				if u < v {
					pick = i
					break
				}
				u -= v
			}
		} else {
			// Every point sits on a centroid already: any will do.
			pick = rng.IntN(n)
		}
		cen := dst[c*dim : c*dim+dim]
		copy(cen, x[pick*dim:pick*dim+dim])
		for i := range n {
			d2[i] = math.Min(d2[i], dist2(x[i*dim:i*dim+dim], cen))
		}
	}
	return dst, nil
}

// Assign sets assign[i], grown if needed, to the index of the centroid
// nearest point i, the lowest index on a tie. It returns assign and how
// many points changed cluster; every point counts as changed when assign
// was too short to hold a previous assignment.
func Assign(assign []int, x []float64, dim int, centroids []float64) ([]int, int) {
	n := checkShape(x, dim)
	k := checkShape(centroids, dim)
	fresh := len(assign) < n
	assign = grow(assign, n)
	changed := 0
	for i := range n {
		p := x[i*dim : i*dim+dim]
		best, bestD := 0, math.Inf(1)
		for c := range k {
			if d := dist2(p, centroids[c*dim:c*dim+dim]); d < bestD {
				best, bestD = c, d
			}
		}
		if fresh || assign[i] != best {
			changed++
		}
		assign[i] = best
	}
	return assign, changed
}

// Update moves each centroid to the mean of the points assigned to it; a
// centroid with no points stays where it is. It returns the largest
// distance a centroid moved.
func Update(centroids, x []float64, dim int, assign []int) float64 {
	n := checkShape(x, dim)
	k := checkShape(centroids, dim)
	sum := make([]float64, k*dim)
	count := make([]int, k)
	for i := range n {
		c := assign[i]
		count[c]++
		s := sum[c*dim : c*dim+dim]
		for j, v := range x[i*dim : i*dim+dim] {
			s[j] += v
		}
	}
	moved := 0.0
	for c := range k {
		if count[c] == 0 {
			continue
		}
		cen := centroids[c*dim : c*dim+dim]
		d := 0.0
		for j := range cen {
			m := sum[c*dim+j] / float64(count[c])
			d += (m - cen[j]) * (m - cen[j])
			cen[j] = m
		}
		moved = math.Max(moved, math.Sqrt(d))
	}
	return moved
}

// Inertia returns the sum of squared distances from each point to its
// assigned centroid.
func Inertia(x []float64, dim int, centroids []float64, assign []int) float64 {
	n := checkShape(x, dim)
	s := 0.0
	for i := range n {
		c := assign[i]
		s += dist2(x[i*dim:i*dim+dim], centroids[c*dim:c*dim+dim])
	}
	return s
}

// Silhouette returns the mean silhouette coefficient of the clustering
// assign of x into k clusters. A point alone in its cluster scores 0. It
// returns NaN when fewer than two clusters have points. It takes time
// proportional to the square of the number of points.
func Silhouette(x []float64, dim int, assign []int, k int) float64 {
	n := checkShape(x, dim)
	size := make([]int, k)
	for _, c := range assign[:n] {
		size[c]++
	}
	used := 0
	for _, s := range size {
		if s > 0 {
			used++
		}
	}
	if used < 2 {
		return math.NaN()
	}
	sum := make([]float64, k)
	total := 0.0
	for i := range n {
		clear(sum)
		p := x[i*dim : i*dim+dim]
		for j := range n {
			if j != i {
				sum[assign[j]] += math.Sqrt(dist2(p, x[j*dim:j*dim+dim]))
			}
		}
		own := assign[i]
		if size[own] == 1 {
			continue
		}
		a := sum[own] / float64(size[own]-1)
		b := math.Inf(1)
		for c := range k {
			if c != own && size[c] > 0 {
				b = math.Min(b, sum[c]/float64(size[c]))
			}
		}
		if m := math.Max(a, b); m > 0 {
			total += (b - a) / m
		}
	}
	return total / float64(n)
}

// Result is the outcome of Fit.
type Result struct {
	Centroids []float64 // k rows of dim values
	Assign    []int     // cluster of each point
	Inertia   float64   // sum of squared distances from points to their centroids
	Steps     int       // assignment steps taken by the run kept
	Converged bool      // whether the last assignment changed nothing
}

// Settings controls Fit. A nil *Settings means the zero value.
type Settings struct {
	MaxSteps int // assignment steps per run; zero means 300
	Runs     int // runs from fresh seeds, keeping the lowest inertia; zero means 1
}

// Fit runs k-means from k-means++ seeds drawn with rng, alternating Assign
// and Update until no point changes cluster or MaxSteps assignment steps
// have run, and keeps the run with the lowest inertia.
func Fit(rng *rand.Rand, x []float64, dim, k int, s *Settings) (*Result, error) {
	var set Settings
	if s != nil {
		set = *s
	}
	if set.MaxSteps <= 0 {
		set.MaxSteps = 300
	}
	if set.Runs <= 0 {
		set.Runs = 1
	}
	var best *Result
	for range set.Runs {
		cen, err := Seed(nil, rng, x, dim, k)
		if err != nil {
			return nil, err
		}
		r := &Result{Centroids: cen}
		for r.Steps < set.MaxSteps {
			var changed int
			r.Assign, changed = Assign(r.Assign, x, dim, r.Centroids)
			r.Steps++
			if changed == 0 {
				r.Converged = true
				break
			}
			Update(r.Centroids, x, dim, r.Assign)
		}
		r.Inertia = Inertia(x, dim, r.Centroids, r.Assign)
		if best == nil || r.Inertia < best.Inertia {
			best = r
		}
	}
	return best, nil
}
