// Package bb84 is the BB84 quantum key distribution protocol, played out
// photon by photon between Alice and Bob with an eavesdropper, Eve, on
// the line.
//
// # The protocol
//
// Alice sends each photon with a random bit encoded in a random basis,
// rectilinear (+) or diagonal (×). Bob measures each in a basis of his
// own, chosen at random. Over a public channel they then compare bases,
// not bits, and keep the bits where the bases matched: sifting keeps
// about half. They disclose a random sample of the kept bits to estimate
// the error rate, abort when it is above a threshold, and otherwise turn
// the rest into a key by error correction and privacy amplification.
//
// # Eve and noise
//
// Eve intercepts a fraction of the photons, measures each in a random
// basis and sends on what she saw. Half the time she guesses the basis
// wrong; Bob's bit is then random, so each intercepted photon that
// survives sifting is wrong with probability 1/4. Intercepting everything
// drives the error rate to 25 %. Channel noise flips each of Bob's
// results with its own probability; the two combine to
// q + p − 2qp for q = fraction/4 and noise p.
//
// # Key length
//
// The final length is the idealised asymptotic figure of Shor and
// Preskill's security proof: the remaining bits times 1 − 2h(Q), with h
// the binary entropy and Q the estimated error rate. It falls to zero
// near Q = 11 %, the default abort threshold. Finite-size corrections,
// which real systems must apply, are left out.
//
// # Stages
//
// The stage parameter reveals the protocol step by step: 0 Alice
// prepares, 1 photons sent and measured, 2 sifted, 3 errors estimated, 4
// key or abort. Everything is computed on Reset from the seed, so any
// stage of any run is reproduced by its URL.
package bb84
