package cluster_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"nexuslab/sim/learn/cluster"
	"nexuslab/sim/learn/dataset"
)

func TestFindsSeparatedBlobs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	s := dataset.Blobs(rng, 300, 4)
	r, err := cluster.Fit(rng, s.X, 2, 4, &cluster.Settings{Runs: 5})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Converged {
		t.Errorf("converged got: false want: true")
	}
	// Each blob must map to one cluster, and each cluster to one blob.
	blobOf := map[int]int{}
	for i, c := range r.Assign {
		if b, ok := blobOf[c]; ok && b != s.Group[i] {
			t.Fatalf("cluster %d holds blobs %d and %d", c, b, s.Group[i])
		}
		blobOf[c] = s.Group[i]
	}
	if len(blobOf) != 4 {
		t.Errorf("clusters used got: %d want: 4", len(blobOf))
	}
	if got := cluster.Silhouette(s.X, 2, r.Assign, 4); got < 0.7 {
		t.Errorf("silhouette got: %v want: > 0.7", got)
	}
}

func TestSilhouetteKnownCase(t *testing.T) {
	// Two pairs on a line: {0, 1} and {4, 5}. For 0: a = 1, b = (4+5)/2
	// = 4.5, s = 3.5/4.5; for 1: a = 1, b = 3.5, s = 2.5/3.5; the other
	// pair mirrors them.
	x := []float64{0, 1, 4, 5}
	got := cluster.Silhouette(x, 1, []int{0, 0, 1, 1}, 2)
	want := (3.5/4.5 + 2.5/3.5) / 2
	if math.Abs(got-want) > 1e-12 {
		t.Errorf("got: %v want: %v", got, want)
	}
	if got := cluster.Silhouette(x, 1, []int{0, 0, 0, 0}, 2); !math.IsNaN(got) {
		t.Errorf("one cluster got: %v want: NaN", got)
	}
	// A singleton scores 0: {0, 1}, {4}: for 0: a = 1, b = 4, s = 0.75;
	// for 1: a = 1, b = 3, s = 2/3; for 4: 0.
	got = cluster.Silhouette([]float64{0, 1, 4}, 1, []int{0, 0, 1}, 2)
	if want := (0.75 + 2.0/3) / 3; math.Abs(got-want) > 1e-12 {
		t.Errorf("with a singleton got: %v want: %v", got, want)
	}
}

func TestInertiaAndSteps(t *testing.T) {
	x := []float64{0, 0, 0, 2, 10, 0, 10, 2}
	cen := []float64{0, 0, 10, 0}
	assign, changed := cluster.Assign(nil, x, 2, cen)
	if changed != 4 || assign[0] != 0 || assign[1] != 0 || assign[2] != 1 || assign[3] != 1 {
		t.Fatalf("Assign got: %v, %d want: [0 0 1 1], 4", assign, changed)
	}
	if got := cluster.Inertia(x, 2, cen, assign); got != 8 {
		t.Errorf("inertia before update got: %v want: 8", got)
	}
	if moved := cluster.Update(cen, x, 2, assign); moved != 1 {
		t.Errorf("moved got: %v want: 1", moved)
	}
	if got := cluster.Inertia(x, 2, cen, assign); got != 4 {
		t.Errorf("inertia after update got: %v want: 4", got)
	}
	if _, changed := cluster.Assign(assign, x, 2, cen); changed != 0 {
		t.Errorf("changed got: %d want: 0", changed)
	}
}

func TestSeedSpreadsOut(t *testing.T) {
	// With two far clumps, k-means++ puts one seed in each nearly always.
	x := []float64{0, 0.1, 0.2, 100, 100.1, 100.2}
	split := 0
	for seed := range uint64(50) {
		c, err := cluster.Seed(nil, rand.New(rand.NewPCG(seed, 1)), x, 1, 2)
		if err != nil {
			t.Fatal(err)
		}
		if (c[0] < 50) != (c[1] < 50) {
			split++
		}
	}
	if split < 49 {
		t.Errorf("seeds in both clumps got: %d of 50 want: ≥ 49", split)
	}
	if _, err := cluster.Seed(nil, rand.New(rand.NewPCG(1, 1)), x, 1, 7); err == nil {
		t.Error("k = 7 for 6 points got: nil want: an error")
	}
}
