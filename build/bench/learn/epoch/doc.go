// Command epoch times one training epoch of the learn engine: the 2-8-8-1
// tanh network on 500 spiral points, batches of 10, plain SGD. It is
// compiled to WebAssembly and run under Node by run.sh, beside the same
// network in TensorFlow.js and in plain JavaScript, and natively for
// reference.
//
// Usage:
//
//	epoch [-warmup N] [-epochs N] [-rounds N] [-name NAME]
//	epoch -dump
//
// It prints "NAME MS" with the median over the rounds of the milliseconds
// per epoch, or with -dump the 500 points as JSON for the other
// implementations to train on.
package main
