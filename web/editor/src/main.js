// The code pane's editor: CodeMirror 6 behind a small API, window.aslEditor,
// that the Go side (web/codemirror_js.go) drives. Everything the Go side
// needs goes through mount()'s handle; nothing here knows about ASL.
import { EditorState, Compartment, Annotation, EditorSelection } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  foldGutter, foldKeymap, bracketMatching, indentOnInput, syntaxHighlighting,
  defaultHighlightStyle,
} from "@codemirror/language";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { theme, darkTheme, darkHighlight } from "./theme.js";

// external marks transactions that come from the Go side (setText,
// selectRange), so they are not reported back as the user's.
const external = Annotation.define();

const languages = { json, yaml };
const languageOf = (name) => (languages[name] || json)();

const dark = () => window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
const themeExt = () => (dark() ? [darkTheme, syntaxHighlighting(darkHighlight)] : [theme, syntaxHighlighting(defaultHighlightStyle)]);

// toRange turns a diagnostic into a CodeMirror range: from/to (UTF-16
// offsets) when given, else line and column (1-based), marking one
// character (or the last one of a line's end).
function toRange(doc, d) {
  let from = d.from, to = d.to;
  if (from == null) {
    const ln = doc.line(Math.min(Math.max(d.line || 1, 1), doc.lines));
    from = Math.min(ln.from + Math.max((d.column || 1) - 1, 0), ln.to);
  }
  from = Math.min(Math.max(from, 0), doc.length);
  if (to == null || to < from) to = from;
  to = Math.min(to, doc.length);
  if (to === from) {
    if (from < doc.lineAt(from).to) to = from + 1;
    else if (from > doc.lineAt(from).from) from -= 1;
  }
  return { from, to };
}

const severityOf = (s) => {
  s = String(s || "error").toLowerCase();
  return s === "warning" || s === "info" || s === "hint" ? s : "error";
};

function mount(host, opts = {}) {
  const lang = new Compartment();
  const look = new Compartment();
  let silent = 0; // > 0 while applying the Go side's changes
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: opts.text || "",
      extensions: [
        lineNumbers(), foldGutter(), lintGutter(), highlightActiveLineGutter(),
        highlightSpecialChars(), history(), drawSelection(), indentOnInput(),
        bracketMatching(), highlightActiveLine(), highlightSelectionMatches(),
        keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, indentWithTab]),
        lang.of(languageOf(opts.language)),
        look.of(themeExt()),
        EditorView.contentAttributes.of({ "aria-label": opts.label || "Workflow definition" }),
        EditorView.updateListener.of((u) => {
          const ours = silent > 0 || u.transactions.some((t) => t.annotation(external));
          if (ours) return;
          if (u.docChanged && opts.onChange) opts.onChange(u.state.doc.toString());
          if (u.selectionSet && opts.onCursor) opts.onCursor(u.state.selection.main.head);
        }),
      ],
    }),
  });

  const mq = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)");
  const onScheme = () => view.dispatch({ effects: look.reconfigure(themeExt()) });
  if (mq && mq.addEventListener) mq.addEventListener("change", onScheme);

  const content = view.contentDOM;
  // Scripts (browser tests, automation) may treat the content element as a
  // text field: value, selectionStart/End and setSelectionRange act on the
  // editor as a person would (a value set this way is a user edit).
  Object.defineProperties(content, {
    value: {
      configurable: true,
      get: () => view.state.doc.toString(),
      set: (v) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: String(v) }, userEvent: "input.paste" }),
    },
    selectionStart: { configurable: true, get: () => view.state.selection.main.from },
    selectionEnd: { configurable: true, get: () => view.state.selection.main.to },
  });
  content.setSelectionRange = (a, b) => {
    const n = view.state.doc.length;
    const anchor = Math.min(Math.max(a, 0), n), head = Math.min(Math.max(b == null ? a : b, 0), n);
    view.dispatch({ selection: EditorSelection.single(anchor, head), scrollIntoView: true, userEvent: "select" });
  };

  const handle = {
    view,
    getText: () => view.state.doc.toString(),
    // setText replaces the text without reporting it as a change, keeping
    // the cursor where the text around it is unchanged.
    setText(text) {
      const old = view.state.doc.toString();
      if (old === text) return;
      let a = 0;
      const max = Math.min(old.length, text.length);
      while (a < max && old.charCodeAt(a) === text.charCodeAt(a)) a++;
      let b = 0;
      while (b < max - a && old.charCodeAt(old.length - 1 - b) === text.charCodeAt(text.length - 1 - b)) b++;
      view.dispatch({
        changes: { from: a, to: old.length - b, insert: text.slice(a, text.length - b) },
        annotations: [external.of(true)],
      });
    },
    // replaceRange replaces [from, to) (UTF-16 units) with insert when the
    // editor holds oldLength units, as the caller believes; false otherwise
    // (the caller then sends the whole text). Sending only the changed part
    // spares copying the whole code across the Go/JavaScript boundary.
    replaceRange(from, to, insert, oldLength) {
      if (view.state.doc.length !== oldLength) return false;
      if (from !== to || insert !== "") {
        view.dispatch({ changes: { from, to, insert }, annotations: [external.of(true)] });
      }
      return true;
    },
    setLanguage(name) {
      view.dispatch({ effects: lang.reconfigure(languageOf(name)), annotations: [external.of(true)] });
    },
    // setDiagnostics shows [{line, column, from?, to?, severity, message}].
    setDiagnostics(list) {
      const doc = view.state.doc;
      const ds = Array.from(list || [], (d) => ({ ...toRange(doc, d), severity: severityOf(d.severity), message: String(d.message || ""), source: d.source || undefined }));
      view.dispatch(setDiagnostics(view.state, ds));
      // A notice may have shrunk the pane under the caret: keep it in view.
      if (view.hasFocus) view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: "nearest", yMargin: 24 }) });
    },
    // selectRange selects [from, to) and scrolls it into view (the focus
    // stays where it is unless focus is true).
    selectRange(from, to, focus) {
      const n = view.state.doc.length;
      from = Math.min(Math.max(from, 0), n);
      to = Math.min(Math.max(to == null ? from : to, from), n);
      view.dispatch({
        selection: EditorSelection.single(from, to),
        effects: EditorView.scrollIntoView(from, { y: "start", yMargin: 40 }),
        annotations: [external.of(true)],
      });
      if (focus) view.focus();
    },
    revealLine(line) {
      const doc = view.state.doc;
      const ln = doc.line(Math.min(Math.max(line, 1), doc.lines));
      handle.selectRange(ln.from, ln.to);
    },
    focus: () => view.focus(),
    destroy() {
      if (mq && mq.removeEventListener) mq.removeEventListener("change", onScheme);
      view.destroy();
    },
  };
  return handle;
}

// watch calls callback (at most once a frame) after the page changes
// inside the observed nodes, ignoring CodeMirror's own DOM, so the Go side
// hears of re-renders without a call into the WASM per mutation.
function watch(callback) {
  let pending = false, nodes = [];
  const frame = () => { pending = false; callback(); };
  const obs = new MutationObserver((records) => {
    if (pending) return;
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest(".cm-editor")) continue;
      pending = true;
      requestAnimationFrame(frame);
      return;
    }
  });
  return {
    // observe watches exactly these nodes (a node already watched is kept).
    observe(list) {
      list = Array.from(list || []).filter(Boolean);
      if (list.length === nodes.length && list.every((n, i) => n === nodes[i])) return;
      obs.disconnect();
      nodes = list;
      for (const n of nodes) obs.observe(n, { childList: true, subtree: true, characterData: true, attributes: true });
    },
    disconnect() { obs.disconnect(); nodes = []; },
  };
}

// warmUp edits a long document in an editor that is not in the page, so
// that the browser has optimized CodeMirror's update path before the
// user's first edit (the first edits of a 6,000-line document otherwise
// took 35-50 ms in the editor alone, the later ones 3-10 ms). Nothing of
// it stays: the editor is destroyed.
function warmUp(rounds = 20) {
  const lines = ["{"];
  for (let i = 0; i < 150; i++) lines.push(`  "Step ${i}": {"Type": "Pass", "Next": "Step ${i + 1}"},`);
  lines.push("}");
  const host = document.createElement("div");
  const editor = mount(host, { text: lines.join("\n"), language: "json" });
  const view = editor.view;
  for (let i = 0; i < rounds; i++) {
    const doc = view.state.doc;
    const line = doc.line(2 + ((i * 37) % 140));
    view.dispatch({ changes: { from: line.from, to: line.to + 1 } });
    view.dispatch({ changes: { from: line.from, insert: line.text + "\n" } });
  }
  editor.destroy();
}

window.aslEditor = { mount, watch, warmUp, version: 1 };
