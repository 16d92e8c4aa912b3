// Package playground is the neural-network playground: a small network
// learns to separate two classes of points in the plane, or to predict a
// value over it, while the learner watches its decision surface and its
// losses change, in the manner of TensorFlow Playground.
//
// # Parameters
//
// The learner chooses the data set (circle, exclusive or, two Gaussians,
// spiral, two regression sets, and crop water stress from soil moisture
// and air temperature), its noise and training share, the input features,
// up to six hidden layers of up to eight units, the activation, the
// learning rate, L1 or L2 regularisation, the batch size and the seed.
//
// # Reproducible state
//
// Training is deterministic, so the state is the parameters plus the
// number of epochs trained, kept in the hidden parameter "epoch". Reset
// replays that many epochs; MaxEpochs bounds how long a reload can take.
//
// # For views
//
// Surface and UnitSurface fill grids of outputs for drawing; TrainLoss and
// TestLoss are the loss curves; Sizes, Weight and Bias describe the
// network; Train and Test are the points; CSV is the data to download.
// Trainer runs the same training without the sim.Model interface, for the
// command line.
package playground
