// Package dataset generates the labelled data sets the learning
// simulations train on, deterministically from a random source.
//
// # Sets in the plane
//
// Generate makes the sets of TensorFlow Playground, with the same names
// in spirit: circle, xor, gauss (two Gaussians) and spiral for
// classification, reg-plane and reg-gauss for regression. Their points lie
// in the square [−Extent, Extent]²; noise, from 0 to 0.5, blurs them as
// each generator documents.
//
// # Sustainability sets
//
// Three sets stand for sustainability questions. They are synthetic: each
// follows a simple rule written in its documentation, and none is a
// measurement of anything.
//
//   - Crop: crop water stress from soil moisture and air temperature, a
//     curved boundary in the plane.
//   - Screening: a disease screening test in two groups with different
//     base rates, where the test reads lower in one group.
//   - Districts: climate-risk indicators of districts of four kinds, for
//     clustering.
//
// # Layout
//
// A Set stores its inputs row-major in one []float64, as package learn
// trains on them, with a Column per input that gives its name and unit.
package dataset
