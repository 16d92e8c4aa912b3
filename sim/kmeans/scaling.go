package kmeans

// Scaling returns, per indicator, the mean and standard deviation by
// which the points are standardised before clustering, z = (x − mean)/sd,
// or zeros and ones when they are clustered in their own units. Views use
// it to measure distances as k-means does.
func (m *Model) Scaling() (mean, sd [2]float64) { return m.mean, m.sd }
