package dataset

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Extent is the half-width of the square [−Extent, Extent]² in which the
// playground sets lie and over which the playground draws its decision
// surface.
const Extent = 6

// MaxPoints caps the size of a generated set.
const MaxPoints = 100000

// radius is the scale of the shapes inside the square.
const radius = 5

// PlaneNames returns the names of the sets of points in the plane, in the
// order a menu lists them. Generate accepts each.
func PlaneNames() []string {
	return []string{"circle", "xor", "gauss", "spiral", "reg-plane", "reg-gauss", "crop"}
}

// Generate returns n points of the named plane set with the given noise,
// clamped to [0, 0.5]. n is clamped to [0, MaxPoints].
func Generate(rng *rand.Rand, name string, n int, noise float64) (*Set, error) {
	n = min(max(n, 0), MaxPoints)
	noise = math.Min(math.Max(noise, 0), 0.5)
	if math.IsNaN(noise) {
		noise = 0
	}
	switch name {
	case "circle":
		return Circle(rng, n, noise), nil
	case "xor":
		return XOR(rng, n, noise), nil
	case "gauss":
		return Gauss(rng, n, noise), nil
	case "spiral":
		return Spiral(rng, n, noise), nil
	case "reg-plane":
		return RegPlane(rng, n, noise), nil
	case "reg-gauss":
		return RegGauss(rng, n, noise), nil
	case "crop":
		return Crop(rng, n, noise), nil
	}
	return nil, fmt.Errorf("dataset: unknown set %q (want %s)", name, strings.Join(PlaneNames(), ", "))
}

func planeSet(name string, n int, regression bool) *Set {
	return &Set{
		Name: name, Dim: 2, Regression: regression,
		X:       make([]float64, 0, 2*n),
		Y:       make([]float64, 0, n),
		Columns: []Column{{Name: "x1", Label: "x₁"}, {Name: "x2", Label: "x₂"}},
	}
}

func (s *Set) add(x1, x2, y float64) {
	s.X = append(s.X, x1, x2)
	s.Y = append(s.Y, y)
}

func uniform(rng *rand.Rand, lo, hi float64) float64 { return lo + (hi-lo)*rng.Float64() }

// Circle returns n points: the first half, labelled 1, at a uniform
// radius up to 2.5 around the origin; the rest, labelled 0, at a radius
// from 3.5 to 5. Noise then moves each coordinate by up to ±5·noise,
// keeping the label.
func Circle(rng *rand.Rand, n int, noise float64) *Set {
	s := planeSet("circle", n, false)
	for i := range n {
		r, y := uniform(rng, 0, 0.5*radius), 1.0
		if i >= (n+1)/2 {
			r, y = uniform(rng, 0.7*radius, radius), 0
		}
		a := uniform(rng, 0, 2*math.Pi)
		j := noise * radius
		s.add(r*math.Cos(a)+uniform(rng, -j, j), r*math.Sin(a)+uniform(rng, -j, j), y)
	}
	return s
}

// XOR returns n points whose coordinates are at least 0.3 and at most 5
// from each axis, labelled 1 when x₁ and x₂ have the same sign. Noise then
// moves each coordinate by up to ±5·noise, keeping the label.
func XOR(rng *rand.Rand, n int, noise float64) *Set {
	s := planeSet("xor", n, false)
	coord := func() float64 {
		v := uniform(rng, 0.3, radius)
		if rng.IntN(2) == 0 {
			return -v
		}
		return v
	}
	for range n {
		x1, x2 := coord(), coord()
		y := 0.0
		if x1*x2 > 0 {
			y = 1
		}
		j := noise * radius
		s.add(x1+uniform(rng, -j, j), x2+uniform(rng, -j, j), y)
	}
	return s
}

// Gauss returns n points from two round Gaussians of standard deviation
// 1 + 3·noise: the first half, labelled 1, centred on (2, 2); the rest,
// labelled 0, on (−2, −2).
func Gauss(rng *rand.Rand, n int, noise float64) *Set {
	s := planeSet("gauss", n, false)
	sd := 1 + 3*noise
	for i := range n {
		c, y := 2.0, 1.0
		if i >= (n+1)/2 {
			c, y = -2, 0
		}
		s.add(c+sd*rng.NormFloat64(), c+sd*rng.NormFloat64(), y)
	}
	return s
}

// Spiral returns n points on two interleaved spirals that each turn 1.75
// times while their radius grows from 0 to 5; the first half is labelled
// 1, the other, turned by half a circle, 0. Noise then moves each
// coordinate by up to ±2·noise, keeping the label.
func Spiral(rng *rand.Rand, n int, noise float64) *Set {
	s := planeSet("spiral", n, false)
	half := (n + 1) / 2
	for i := range n {
		k, shift, y := i, 0.0, 1.0
		if i >= half {
			k, shift, y = i-half, math.Pi, 0
		}
		t := float64(k) / float64(half)
		r, a := radius*t, 1.75*2*math.Pi*t+shift
		j := 2 * noise
		s.add(r*math.Sin(a)+uniform(rng, -j, j), r*math.Cos(a)+uniform(rng, -j, j), y)
	}
	return s
}

// RegPlane returns n points uniform in the square with the real label
// (x₁ + x₂)/12, between −1 and 1, plus a uniform error of up to ±noise.
func RegPlane(rng *rand.Rand, n int, noise float64) *Set {
	s := planeSet("reg-plane", n, true)
	for range n {
		x1, x2 := uniform(rng, -Extent, Extent), uniform(rng, -Extent, Extent)
		s.add(x1, x2, (x1+x2)/(2*Extent)+uniform(rng, -noise, noise))
	}
	return s
}

// RegGauss returns n points uniform in the square whose real label is a
// sum of six Gaussian bumps of standard deviation 1.5, up and down in a
// checkerboard, centred on a 3×2 grid at x₁ ∈ {−4, 0, 4}, x₂ ∈ {−2.5, 2.5}, plus a
// uniform error of up to ±noise.
func RegGauss(rng *rand.Rand, n int, noise float64) *Set {
	s := planeSet("reg-gauss", n, true)
	for range n {
		x1, x2 := uniform(rng, -Extent, Extent), uniform(rng, -Extent, Extent)
		y, sign := 0.0, 1.0
		for _, c2 := range []float64{2.5, -2.5} {
			for _, c1 := range []float64{-4, 0, 4} {
				d := (x1-c1)*(x1-c1) + (x2-c2)*(x2-c2)
				y += sign * math.Exp(-d/(2*1.5*1.5))
				sign = -sign
			}
		}
		s.add(x1, x2, y+uniform(rng, -noise, noise))
	}
	return s
}

// Crop returns n synthetic field readings for crop water stress. Each
// reading draws a soil moisture θ uniform from 5 to 45 % by volume and an
// air temperature T uniform from 20 to 42 °C. The crop is stressed, label
// 1, when θ < 10 + 0.03·(T − 15)²: hotter air draws more water, so the
// soil must be wetter to keep up. The sensors then err by up to
// ±20·noise %-points of moisture and ±10·noise °C, keeping the label.
//
// The inputs are stored scaled into the playground's square: x₁ =
// (θ − 25)·6/20 and x₂ = (T − 31)·6/11; the Columns convert back.
func Crop(rng *rand.Rand, n int, noise float64) *Set {
	s := planeSet("crop", n, false)
	s.Columns = []Column{
		{Name: "soil_moisture", Label: "Soil moisture (% by volume)", Offset: 25, Scale: 20.0 / Extent},
		{Name: "air_temperature", Label: "Air temperature (°C)", Offset: 31, Scale: 11.0 / Extent},
	}
	for range n {
		theta, t := uniform(rng, 5, 45), uniform(rng, 20, 42)
		y := 0.0
		if theta < CropThreshold(t) {
			y = 1
		}
		theta += uniform(rng, -20*noise, 20*noise)
		t += uniform(rng, -10*noise, 10*noise)
		s.add((theta-25)*Extent/20, (t-31)*Extent/11, y)
	}
	return s
}

// CropThreshold returns the soil moisture, in % by volume, below which
// Crop labels a crop stressed at air temperature t in °C.
func CropThreshold(t float64) float64 { return 10 + 0.03*(t-15)*(t-15) }
