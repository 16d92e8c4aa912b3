// Package kmeans is the clustering simulation: k-means groups synthetic
// districts by two climate-risk indicators, days a year above 35 °C and
// the flood-prone share of their area, and the learner steps through its
// assignment and update half-steps and compares inertia and silhouette
// across k.
//
// # The data
//
// dataset.Districts draws districts of four kinds (coastal delta, dry
// inland plain, highland, river city) from simple stated rules; the kinds
// are kept for the download but hidden from k-means. A second set,
// "blobs", has four well-separated groups where the right k is plain.
//
// # Reproducible state
//
// The points come from the seed and the starting centroids from the seed
// and the hidden parameter "start"; the hidden "step" counts the
// half-steps taken, which Reset replays. Odd steps assign, even steps
// update.
//
// # For views
//
// Points, Assignments and Centroids give what to draw, in the
// indicators' units; Inertia, Silhouette and Curve the measures; CSV the
// data to download.
package kmeans
