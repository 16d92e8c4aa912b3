// A plain JavaScript network written the way TensorFlow Playground writes
// its own: a network is an array of layers, each an array of Node objects
// joined by Link objects; training runs forwardProp, backProp and, after
// each batch, updateWeights. Activation objects compute their derivative
// from a unit's total input. It trains the same 2-8-8-1 tanh network as
// the Go engine (sigmoid output, cross-entropy, batches of 10, plain SGD)
// and prints "plain-js MS", the median milliseconds per epoch.
//
// Usage: node playground.js POINTS.json [warmup epochs rounds]
"use strict";

const fs = require("fs");

const TANH = {
  output: (x) => Math.tanh(x),
  der: (x) => {
    const o = Math.tanh(x);
    return 1 - o * o;
  },
};

const SIGMOID = {
  output: (x) => 1 / (1 + Math.exp(-x)),
  der: (x) => {
    const o = 1 / (1 + Math.exp(-x));
    return o * (1 - o);
  },
};

const CROSS_ENTROPY = {
  der: (output, target) => (output - target) / (output * (1 - output)),
};

class Node {
  constructor(activation) {
    this.activation = activation;
    this.inputLinks = [];
    this.outputs = [];
    this.bias = 0;
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;
    this.inputDer = 0;
    this.accInputDer = 0;
    this.numAccumulatedDers = 0;
  }

  updateOutput() {
    this.totalInput = this.bias;
    for (let j = 0; j < this.inputLinks.length; j++) {
      const link = this.inputLinks[j];
      this.totalInput += link.weight * link.source.output;
    }
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

class Link {
  constructor(source, dest, weight) {
    this.source = source;
    this.dest = dest;
    this.weight = weight;
    this.errorDer = 0;
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
  }
}

// buildNetwork joins every node of each layer to every node of the next,
// with Glorot-uniform weights drawn from rand.
function buildNetwork(shape, activation, outputActivation, rand) {
  const network = [];
  for (let l = 0; l < shape.length; l++) {
    const layer = [];
    const isOutput = l === shape.length - 1;
    for (let i = 0; i < shape[l]; i++) {
      const node = new Node(isOutput ? outputActivation : activation);
      if (l > 0) {
        const r = Math.sqrt(6 / (shape[l - 1] + shape[l]));
        for (const prev of network[l - 1]) {
          const link = new Link(prev, node, r * (2 * rand() - 1));
          prev.outputs.push(link);
          node.inputLinks.push(link);
        }
      }
      layer.push(node);
    }
    network.push(layer);
  }
  return network;
}

function forwardProp(network, inputs) {
  const inputLayer = network[0];
  for (let i = 0; i < inputLayer.length; i++) {
    inputLayer[i].output = inputs[i];
  }
  for (let l = 1; l < network.length; l++) {
    const layer = network[l];
    for (let i = 0; i < layer.length; i++) {
      layer[i].updateOutput();
    }
  }
  return network[network.length - 1][0].output;
}

function backProp(network, target, errorFunc) {
  const out = network[network.length - 1][0];
  out.outputDer = errorFunc.der(out.output, target);
  for (let l = network.length - 1; l >= 1; l--) {
    const layer = network[l];
    for (let i = 0; i < layer.length; i++) {
      const node = layer[i];
      node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    for (let i = 0; i < layer.length; i++) {
      const node = layer[i];
      for (let j = 0; j < node.inputLinks.length; j++) {
        const link = node.inputLinks[j];
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) {
      continue;
    }
    const prevLayer = network[l - 1];
    for (let i = 0; i < prevLayer.length; i++) {
      const node = prevLayer[i];
      node.outputDer = 0;
      for (let j = 0; j < node.outputs.length; j++) {
        const link = node.outputs[j];
        node.outputDer += link.weight * link.dest.inputDer;
      }
    }
  }
}

function updateWeights(network, learningRate) {
  for (let l = 1; l < network.length; l++) {
    const layer = network[l];
    for (let i = 0; i < layer.length; i++) {
      const node = layer[i];
      if (node.numAccumulatedDers > 0) {
        node.bias -= (learningRate * node.accInputDer) / node.numAccumulatedDers;
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (let j = 0; j < node.inputLinks.length; j++) {
        const link = node.inputLinks[j];
        if (link.numAccumulatedDers > 0) {
          link.weight -= (learningRate * link.accErrorDer) / link.numAccumulatedDers;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

// oneEpoch trains on every point once, updating after each batch and after
// the last, partial one, as the Go engine does.
function oneEpoch(network, points, batchSize, learningRate) {
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    forwardProp(network, p.input);
    backProp(network, p.label, CROSS_ENTROPY);
    if ((i + 1) % batchSize === 0 || i === points.length - 1) {
      updateWeights(network, learningRate);
    }
  }
}

function loss(network, points) {
  let s = 0;
  for (const p of points) {
    const o = Math.min(Math.max(forwardProp(network, p.input), 1e-15), 1 - 1e-15);
    s += -p.label * Math.log(o) - (1 - p.label) * Math.log(1 - o);
  }
  return s / points.length;
}

// mulberry32 is a small seeded generator, so runs repeat.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main() {
  const [file, warmup = "50", epochs = "200", rounds = "7"] = process.argv.slice(2);
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  const points = data.y.map((label, i) => ({ input: [data.x[2 * i], data.x[2 * i + 1]], label }));
  const network = buildNetwork([2, 8, 8, 1], TANH, SIGMOID, mulberry32(1));
  for (let e = 0; e < +warmup; e++) {
    oneEpoch(network, points, 10, 0.03);
  }
  const ms = [];
  for (let r = 0; r < +rounds; r++) {
    const start = performance.now();
    for (let e = 0; e < +epochs; e++) {
      oneEpoch(network, points, 10, 0.03);
    }
    ms.push((performance.now() - start) / +epochs);
  }
  ms.sort((a, b) => a - b);
  console.log(`plain-js ${ms[ms.length >> 1].toFixed(4)} loss=${loss(network, points).toFixed(4)}`);
}

main();
