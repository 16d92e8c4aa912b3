// Package cluster groups points by k-means: k-means++ seeding, Lloyd's
// assignment and update steps, taken together or one at a time, and two
// measures of a clustering, inertia and the silhouette.
//
// # Layout
//
// Points are rows of a flat []float64, dim values each, as in package
// learn; centroids are k such rows. Functions that fill a slice take it
// first and grow it when it is too short.
//
// # Steps
//
// A k-means run alternates two half-steps. Assign moves each point to its
// nearest centroid; Update moves each centroid to the mean of its points.
// Neither raises the inertia, so the run ends, usually within a few dozen
// steps, when Assign changes nothing. The result depends on the seeds:
// k-means++ (Arthur and Vassilvitskii 2007) spreads them out, choosing
// each new seed with chance proportional to its squared distance from the
// seeds already chosen.
//
// # Measures
//
// Inertia is the sum of squared distances from points to their centroids;
// it always falls as k grows. The silhouette of a point compares its mean
// distance to its own cluster, a, with that to the nearest other cluster,
// b: (b − a)/max(a, b), from −1 to 1 (Rousseeuw 1987). Its mean over all
// points peaks at a k that fits the data.
package cluster
