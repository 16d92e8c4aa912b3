// Loaded with node --import: installs resolve-hook.mjs.
import { register } from "node:module";

register("./resolve-hook.mjs", import.meta.url);
