// Command wasm is the browser program that hosts every simulation. Built
// with GOOS=js GOARCH=wasm it becomes sims.wasm: it finds the element with
// data-sim on its page, builds the controls from the model's schema,
// draws the view with ebiten and keeps the description, the URL and
// data-sim-state current (see wasm/internal/page for the contract).
//
// Built natively it runs a simulation without a browser and prints its
// description, which helps when writing a model:
//
//	go run ./wasm bell 'shots=100' measure
package main
