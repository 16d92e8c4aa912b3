package learn

import (
	"fmt"
	"math"
	"strings"
)

// Feature is an input computed from a point (x₁, x₂) of the plane, as in
// TensorFlow Playground.
type Feature int

// The features, in the order the playground lists them.
const (
	X1          Feature = iota // x₁
	X2                         // x₂
	X1Sq                       // x₁²
	X2Sq                       // x₂²
	X1X2                       // x₁x₂
	SinX1                      // sin x₁
	SinX2                      // sin x₂
	NumFeatures = iota         // how many features there are
)

var featureNames = [NumFeatures]string{"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"}
var featureLabels = [NumFeatures]string{"x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"}

// String returns the feature's name in URLs and on the command line: x1,
// x2, x1sq, x2sq, x1x2, sinx1 or sinx2.
func (f Feature) String() string {
	if f < 0 || f >= NumFeatures {
		return fmt.Sprintf("feature(%d)", int(f))
	}
	return featureNames[f]
}

// Label returns the feature as a formula, such as "x₁²", for display.
func (f Feature) Label() string {
	if f < 0 || f >= NumFeatures {
		return f.String()
	}
	return featureLabels[f]
}

// Eval returns the feature's value at (x1, x2).
func (f Feature) Eval(x1, x2 float64) float64 {
	switch f {
	case X1:
		return x1
	case X2:
		return x2
	case X1Sq:
		return x1 * x1
	case X2Sq:
		return x2 * x2
	case X1X2:
		return x1 * x2
	case SinX1:
		return math.Sin(x1)
	case SinX2:
		return math.Sin(x2)
	}
	return math.NaN()
}

// AllFeatures returns every feature in order.
func AllFeatures() []Feature {
	fs := make([]Feature, NumFeatures)
	for i := range fs {
		fs[i] = Feature(i)
	}
	return fs
}

// ParseFeatures reads a comma-separated list of feature names, such as
// "x1,x2,x1x2". Each feature may appear once; the empty string is the
// empty list.
func ParseFeatures(s string) ([]Feature, error) {
	var fs []Feature
	if strings.TrimSpace(s) == "" {
		return fs, nil
	}
	for name := range strings.SplitSeq(s, ",") {
		name = strings.TrimSpace(name)
		f := Feature(-1)
		for i, n := range featureNames {
			if strings.EqualFold(name, n) {
				f = Feature(i)
			}
		}
		if f < 0 {
			return nil, fmt.Errorf("learn: unknown feature %q (want %s)", name, strings.Join(featureNames[:], ", "))
		}
		for _, g := range fs {
			if g == f {
				return nil, fmt.Errorf("learn: feature %s given twice", name)
			}
		}
		fs = append(fs, f)
	}
	return fs, nil
}

// Expand computes the features fs of each point in xy, which holds
// (x₁, x₂) pairs, and stores them row-major in dst, grown if needed: one
// row of len(fs) values per point. It returns dst.
func Expand(dst []float64, fs []Feature, xy []float64) []float64 {
	if len(xy)%2 != 0 {
		panic(fmt.Sprintf("learn: Expand got %d coordinates, want pairs", len(xy)))
	}
	k := len(fs)
	dst = grow(dst, len(xy)/2*k)
	for r := 0; r < len(xy)/2; r++ {
		ExpandPoint(dst[r*k:r*k+k], fs, xy[2*r], xy[2*r+1])
	}
	return dst
}

// ExpandPoint stores the features fs of the point (x1, x2) in dst, which
// must hold len(fs) values.
func ExpandPoint(dst []float64, fs []Feature, x1, x2 float64) {
	dst = dst[:len(fs)]
	for i, f := range fs {
		dst[i] = f.Eval(x1, x2)
	}
}
