package dataset

import (
	"math"
	"math/rand/v2"
)

// ScreeningConfig sets the rules of Screening. Zero fields take the
// defaults given; a base rate or a share of 0 would leave a group or a
// class empty, which no audit can use.
type ScreeningConfig struct {
	N      int     // people; zero means 2000; clamped to MaxPoints
	ShareB float64 // chance that a person is in group B; zero means 0.4
	BaseA  float64 // share of group A with the disease; zero means 0.2
	BaseB  float64 // share of group B with the disease; zero means 0.08
	Shift  float64 // how much lower the test reads in group B; zero means no shift
}

// Screening returns synthetic screening records of people in two groups,
// A and B. Each person is in group B with chance ShareB and has the
// disease, label 1, with the group's base rate. A test reading is drawn
// from a normal distribution of standard deviation 1 centred on 0 without
// the disease and on 1.5 with it; in group B the instrument then reads
// Shift lower, as a device calibrated on group A can. A symptom score is
// drawn the same way, centred on 0 and on 0.8, with no shift. The inputs
// are the reading and the symptom score; Group holds the group.
func Screening(rng *rand.Rand, c ScreeningConfig) *Set {
	if c.N == 0 {
		c.N = 2000
	}
	c.N = min(max(c.N, 0), MaxPoints)
	if c.ShareB == 0 {
		c.ShareB = 0.4
	}
	if c.BaseA == 0 {
		c.BaseA = 0.2
	}
	if c.BaseB == 0 {
		c.BaseB = 0.08
	}
	s := &Set{
		Name: "screening", Dim: 2,
		X: make([]float64, 0, 2*c.N), Y: make([]float64, 0, c.N), Group: make([]int, 0, c.N),
		Groups: []string{"A", "B"},
		Columns: []Column{
			{Name: "reading", Label: "Test reading (standard units)"},
			{Name: "symptoms", Label: "Symptom score (standard units)"},
		},
	}
	for range c.N {
		g, base := 0, c.BaseA
		if rng.Float64() < c.ShareB {
			g, base = 1, c.BaseB
		}
		y := 0.0
		if rng.Float64() < base {
			y = 1
		}
		reading := 1.5*y + rng.NormFloat64()
		if g == 1 {
			reading -= c.Shift
		}
		symptoms := 0.8*y + rng.NormFloat64()
		s.add(reading, symptoms, y)
		s.Group = append(s.Group, g)
	}
	return s
}

// Archetype is a kind of district in Districts: the mean and spread of
// each climate-risk indicator, and how common it is.
type Archetype struct {
	Name               string  // English name, also its message key
	Weight             float64 // relative frequency
	HeatMean, HeatSD   float64 // days a year above 35 °C: mean and standard deviation
	FloodMean, FloodSD float64 // share of the area prone to flooding, %: mean and standard deviation
}

// DistrictArchetypes returns the four kinds of district that Districts
// draws from.
func DistrictArchetypes() []Archetype {
	return []Archetype{
		{Name: "coastal delta", Weight: 0.30, HeatMean: 25, HeatSD: 8, FloodMean: 50, FloodSD: 10},
		{Name: "dry inland plain", Weight: 0.25, HeatMean: 75, HeatSD: 12, FloodMean: 10, FloodSD: 5},
		{Name: "highland", Weight: 0.20, HeatMean: 6, HeatSD: 4, FloodMean: 6, FloodSD: 4},
		{Name: "river city", Weight: 0.25, HeatMean: 45, HeatSD: 8, FloodMean: 30, FloodSD: 7},
	}
}

// Districts returns n synthetic districts for climate-risk zoning. Each
// district is drawn from one of the DistrictArchetypes with chance
// proportional to its weight; its two inputs, days a year above 35 °C
// and the flood-prone share of its area in %, are normal with the
// archetype's mean and spread, cut to be at least 0 and at most 365 and
// 100. Group holds the archetype, which a clustering does not see; the
// set is unlabelled.
func Districts(rng *rand.Rand, n int) *Set {
	n = min(max(n, 0), MaxPoints)
	arch := DistrictArchetypes()
	s := &Set{
		Name: "districts", Dim: 2, Unlabelled: true,
		X: make([]float64, 0, 2*n), Y: make([]float64, 0, n), Group: make([]int, 0, n),
		Columns: []Column{
			{Name: "heat_days", Label: "Days above 35 °C per year"},
			{Name: "flood_area", Label: "Flood-prone area (%)"},
		},
	}
	total := 0.0
	for _, a := range arch {
		s.Groups = append(s.Groups, a.Name)
		total += a.Weight
	}
	for range n {
		u, g := rng.Float64()*total, 0
		for g < len(arch)-1 && u >= arch[g].Weight {
			u -= arch[g].Weight
			g++
		}
		a := arch[g]
		heat := math.Min(math.Max(a.HeatMean+a.HeatSD*rng.NormFloat64(), 0), 365)
		flood := math.Min(math.Max(a.FloodMean+a.FloodSD*rng.NormFloat64(), 0), 100)
		s.add(heat, flood, 0)
		s.Group = append(s.Group, g)
	}
	return s
}

// Blobs returns n points in k round Gaussian blobs of standard deviation
// 0.6, centred evenly on a circle of radius 4 (k = 1 puts the one blob at
// the origin). Group holds the blob; the set is unlabelled. k is clamped
// to [1, 26].
func Blobs(rng *rand.Rand, n, k int) *Set {
	n = min(max(n, 0), MaxPoints)
	k = min(max(k, 1), 26)
	s := planeSet("blobs", n, false)
	s.Unlabelled = true
	s.Group = make([]int, 0, n)
	for g := range k {
		s.Groups = append(s.Groups, string(rune('A'+g)))
	}
	for i := range n {
		g := i % k
		cx, cy := 0.0, 0.0
		if k > 1 {
			a := 2 * math.Pi * float64(g) / float64(k)
			cx, cy = 4*math.Cos(a), 4*math.Sin(a)
		}
		s.add(cx+0.6*rng.NormFloat64(), cy+0.6*rng.NormFloat64(), 0)
		s.Group = append(s.Group, g)
	}
	return s
}
