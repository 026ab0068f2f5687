// serve.mjs DIR [PORT] [ASSETS] — runs the share Worker built into DIR
// (worker.mjs, runtime.mjs, wasm_exec.js, app.wasm: see the Makefile's
// worker target) in workerd through miniflare, with an in-memory KV
// namespace DESIGNS, on 127.0.0.1:PORT (0: any free port), and prints
// "listening URL" once it answers. With ASSETS (a site built by
// build-static), every other address is served from there, as Cloudflare's
// static assets are before the Worker runs.
import { Miniflare } from "miniflare";
import path from "node:path";

const [dirArg, port = "0", assetsArg] = process.argv.slice(2);
if (!dirArg) {
  console.error("usage: serve.mjs DIR [PORT] [ASSETS]");
  process.exit(2);
}
const dir = path.resolve(dirArg);
const assets = assetsArg && path.resolve(assetsArg);
const worker = {
  name: "aslstudio-share",
  modules: true,
  scriptPath: path.join(dir, "worker.mjs"),
  modulesRoot: dir,
  modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
  kvNamespaces: ["DESIGNS"],
  compatibilityDate: "2026-07-30",
};
if (assets) {
  worker.assets = { directory: assets, routerConfig: { has_user_worker: true } };
}
const mf = new Miniflare({ host: "127.0.0.1", port: Number(port), ...worker });
const url = await mf.ready;
console.log("listening " + url.href);
const stop = async () => { await mf.dispose(); process.exit(0); };
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
