// A Node module-resolution hook for tfjs.js. @tensorflow/tfjs-core ships
// its gradient registrations only as ES modules whose relative imports
// omit the ".js" extension, some naming a file that sits beside a
// directory of the same name; Node's ESM loader rejects both, while
// bundlers and the @tensorflow/tfjs union package resolve them. This hook
// retries such an import with the extension added.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    const missing = err.code === "ERR_MODULE_NOT_FOUND" || err.code === "ERR_UNSUPPORTED_DIR_IMPORT";
    if (missing && specifier.startsWith(".") && !specifier.endsWith(".js")) {
      return next(specifier + ".js", context);
    }
    throw err;
  }
}
