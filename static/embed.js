// ASL Studio's embed script: a documentation page includes it once,
//
//   <script src="https://STUDIO/web/embed.js" defer></script>
//
// and every element with a data-aslstudio attribute becomes a framed studio
// (STUDIO/embed) that shows the workflow and runs it with its input and
// mocks, in place:
//
//   <div data-aslstudio data-definition="order.asl.json" data-input="order.input.json"
//        data-mocks="order.mocks.json" data-title="Order routing" data-height="520"></div>
//
// (files fetched relative to the page), or with the design inline:
//
//   <script type="application/json" data-aslstudio data-height="520">
//     {"title": "…", "definition": {…}, "input": {…}, "mocks": {…}}
//   </script>
//
// The frame's address carries the design in its fragment (#design=, the
// form of the studio's own share links: the JSON {title, definition, input,
// mocks} deflated and base64url-encoded), so nothing is stored anywhere.
(() => {
  "use strict";
  const script = document.currentScript;
  // The script is STUDIO/web/embed.js; the frame is STUDIO/embed.
  const studio = new URL("../embed", script ? script.src : location.href).href;

  const asText = (v) => (v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v, null, 2));

  async function fetchText(src) {
    if (!src) return "";
    const r = await fetch(new URL(src, document.baseURI));
    if (!r.ok) throw new Error(src + ": HTTP " + r.status);
    return r.text();
  }

  async function designOf(el) {
    if (el.tagName === "SCRIPT") {
      const d = JSON.parse(el.textContent);
      return { title: asText(d.title), definition: asText(d.definition), input: asText(d.input), mocks: asText(d.mocks) };
    }
    const [definition, input, mocks] = await Promise.all(
      ["data-definition", "data-input", "data-mocks"].map((a) => fetchText(el.getAttribute(a))));
    return { title: el.dataset.title || "", definition, input, mocks };
  }

  async function pack(design) {
    const stream = new Blob([JSON.stringify(design)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let bin = "";
    for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  async function embed(el) {
    const design = await designOf(el);
    if (!design.definition.trim()) throw new Error("no definition (data-definition, or \"definition\" inline)");
    const frame = document.createElement("iframe");
    frame.className = "aslstudio-embed";
    frame.title = "ASL Studio: " + (design.title || "workflow");
    frame.loading = "lazy";
    frame.allow = "clipboard-write";
    frame.style.cssText = "display:block;width:100%;border:1px solid #d0d7de;border-radius:8px;height:" +
      (parseInt(el.dataset.height, 10) || 480) + "px";
    frame.src = studio + "#design=" + (await pack(design));
    el.replaceWith(frame);
  }

  function fail(el, err) {
    const note = document.createElement("p");
    note.className = "aslstudio-embed-error";
    note.textContent = "ASL Studio could not show this workflow: " + err.message;
    el.replaceWith(note);
  }

  function start() {
    document.querySelectorAll("[data-aslstudio]").forEach((el) => embed(el).catch((err) => fail(el, err)));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
