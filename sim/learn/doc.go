// Package learn trains small neural networks and logistic regressions,
// deterministically given a seed.
//
// # Networks
//
// A Net is a multilayer perceptron with any number of hidden layers, each
// of any width, one activation for every hidden unit (tanh, ReLU, sigmoid
// or linear) and a single output. For classification the output is a
// sigmoid giving the probability that the label is 1 and the loss is the
// cross-entropy; for regression the output is linear and the loss is half
// the squared error. Training is stochastic gradient descent on
// mini-batches, with optional L1 and L2 regularisation of the weights.
//
//	net, err := learn.New(learn.Config{Inputs: 2, Hidden: []int{8, 8}}, rng)
//	for range 100 {
//		net.Epoch(x, y)
//	}
//	p := net.Predict([]float64{x1, x2})
//
// # Data layout
//
// Examples are stored row-major in one flat []float64, one row per
// example, beside a []float64 of labels. Weights are flat too, and every
// buffer is allocated when the Net is made, so an epoch does not allocate.
// For networks of the size the playground draws (a few layers of at most
// eight units), loops over flat slices are several times faster than
// matrix products through gonum/mat, natively and more so in WebAssembly,
// and they keep gonum out of the download. Tanh and the sigmoid are
// computed by the package itself, to the precision of the standard
// library, without its function calls.
//
// # Logistic regression
//
// Logistic fits a logistic regression by Newton's method with a small
// ridge penalty; its output is a probability, as a screening score should
// be.
//
// # Features
//
// Points of the plane become inputs through Features, as in TensorFlow
// Playground: x₁, x₂, x₁², x₂², x₁x₂, sin x₁ and sin x₂.
//
// # Explanations
//
// PermutationImportance measures how much any model relies on each input
// by shuffling one input at a time.
//
// # Errors
//
// Configurations come from users, so New and Logistic.Fit return errors.
// Data of the wrong shape is a programming error, and the methods that
// take it panic with a message prefixed "learn:".
package learn
