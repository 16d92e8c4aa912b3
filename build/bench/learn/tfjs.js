// The same 2-8-8-1 network in TensorFlow.js on its plain-JavaScript CPU
// back end: tanh hidden layers, sigmoid output with cross-entropy, batches
// of 10, plain SGD at rate 0.03, on batch tensors made before timing
// starts. It trains in one of two ways:
//
//   minimize  the usual way, tf.train.sgd(0.03).minimize on the loss, with
//             gradients from tfjs's tape;
//   manual    the backward pass written out with tfjs ops in one tf.tidy,
//             which skips the tape: the best case for tfjs.
//
// tfjs-core registers its gradients only from ES modules (the union
// package @tensorflow/tfjs loads them); "minimize" needs node --import
// ./resolve-register.mjs so that Node can load them. It prints
// "tfjs-cpu-MODE MS", the median milliseconds per epoch.
//
// Usage: node [--import ./resolve-register.mjs] tfjs.js POINTS.json MODE [warmup epochs rounds]
"use strict";

const fs = require("fs");
const path = require("path");
const url = require("url");
const tf = require("@tensorflow/tfjs-core");
require("@tensorflow/tfjs-backend-cpu");

async function main() {
  const [file, mode, warmup = "5", epochs = "10", rounds = "5"] = process.argv.slice(2);
  if (mode === "minimize") {
    const core = path.dirname(require.resolve("@tensorflow/tfjs-core/package.json"));
    await import(url.pathToFileURL(path.join(core, "dist", "register_all_gradients.js")));
  } else if (mode !== "manual") {
    throw new Error(`mode ${mode}: want minimize or manual`);
  }
  // Production mode drops tfjs's correctness checks, for its best speed;
  // it also keeps the back end's advice to install tfjs-node quiet.
  tf.enableProdMode();
  await tf.setBackend("cpu");
  await tf.ready();
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  const n = data.y.length;
  const batch = 10;
  const batches = [];
  for (let s = 0; s < n; s += batch) {
    const e = Math.min(s + batch, n);
    batches.push({
      x: tf.tensor2d(data.x.slice(2 * s, 2 * e), [e - s, 2]),
      y: tf.tensor2d(data.y.slice(s, e), [e - s, 1]),
    });
  }
  const glorot = (fanIn, fanOut) =>
    tf.variable(tf.mul(tf.randomUniform([fanIn, fanOut], -1, 1, "float32", 1), Math.sqrt(6 / (fanIn + fanOut))));
  const w1 = glorot(2, 8), b1 = tf.variable(tf.zeros([8]));
  const w2 = glorot(8, 8), b2 = tf.variable(tf.zeros([8]));
  const w3 = glorot(8, 1), b3 = tf.variable(tf.zeros([1]));
  const params = [w1, b1, w2, b2, w3, b3];
  // tfjs-core alone registers no chained methods, so ops are called as
  // functions.
  const dense = (x, w, b) => tf.add(tf.matMul(x, w), b);
  const logits = (x) => dense(tf.tanh(dense(tf.tanh(dense(x, w1, b1)), w2, b2)), w3, b3);
  const rate = tf.scalar(0.03);
  const step = (x, y) =>
    tf.tidy(() => {
      const h1 = tf.tanh(dense(x, w1, b1));
      const h2 = tf.tanh(dense(h1, w2, b2));
      const p = tf.sigmoid(dense(h2, w3, b3));
      // Cross-entropy through a sigmoid: the error at the output's total
      // input is p − y, averaged over the batch.
      const d3 = tf.div(tf.sub(p, y), x.shape[0]);
      const d2 = tf.mul(tf.matMul(d3, w3, false, true), tf.sub(1, tf.square(h2)));
      const d1 = tf.mul(tf.matMul(d2, w2, false, true), tf.sub(1, tf.square(h1)));
      const grads = [
        tf.matMul(x, d1, true, false), tf.sum(d1, 0),
        tf.matMul(h1, d2, true, false), tf.sum(d2, 0),
        tf.matMul(h2, d3, true, false), tf.sum(d3, 0),
      ];
      params.forEach((v, i) => v.assign(tf.sub(v, tf.mul(rate, grads[i]))));
    });
  const optimizer = tf.train.sgd(0.03);
  const epoch = () => {
    for (const b of batches) {
      if (mode === "minimize") {
        optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(b.y, logits(b.x)));
      } else {
        step(b.x, b.y);
      }
    }
  };
  for (let e = 0; e < +warmup; e++) {
    epoch();
  }
  const ms = [];
  for (let r = 0; r < +rounds; r++) {
    const start = performance.now();
    for (let e = 0; e < +epochs; e++) {
      epoch();
    }
    ms.push((performance.now() - start) / +epochs);
  }
  ms.sort((a, b) => a - b);
  const all = { x: tf.tensor2d(data.x, [n, 2]), y: tf.tensor2d(data.y, [n, 1]) };
  const loss = tf.tidy(() => tf.losses.sigmoidCrossEntropy(all.y, logits(all.x)).dataSync()[0]);
  console.log(`tfjs-cpu-${mode} ${ms[ms.length >> 1].toFixed(4)} loss=${loss.toFixed(4)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
