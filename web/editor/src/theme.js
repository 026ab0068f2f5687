// The editor's look: the app's own colours (static/app.css variables), so
// light and dark follow the system with the rest of the page.
import { EditorView } from "@codemirror/view";
import { HighlightStyle } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

const base = {
  "&": { height: "100%", flex: "1", minWidth: "0", fontSize: "12.5px", backgroundColor: "var(--panel)", color: "var(--text)" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.55" },
  ".cm-content": { caretColor: "var(--text)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)" },
  ".cm-gutters": { backgroundColor: "var(--panel-2)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent-soft) 45%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--accent-soft)", color: "var(--text)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "color-mix(in srgb, var(--accent) 28%, transparent) !important" },
  ".cm-matchingBracket": { backgroundColor: "var(--accent-soft)", outline: "1px solid var(--accent)" },
  ".cm-lintRange-error": { backgroundColor: "var(--danger-soft)" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", border: "1px solid var(--border)", color: "var(--text)" },
  ".cm-panels": { backgroundColor: "var(--panel-2)", color: "var(--text)" },
  ".cm-searchMatch": { backgroundColor: "color-mix(in srgb, var(--warn) 30%, transparent)" },
};

export const theme = EditorView.theme(base, { dark: false });
export const darkTheme = EditorView.theme(base, { dark: true });

export const darkHighlight = HighlightStyle.define([
  { tag: t.propertyName, color: "#8ab4ff" },
  { tag: [t.string, t.special(t.string)], color: "#9ad48a" },
  { tag: [t.number, t.bool, t.null], color: "#f0b454" },
  { tag: t.keyword, color: "#c792ea" },
  { tag: [t.comment, t.meta], color: "#7f8a9c", fontStyle: "italic" },
  { tag: [t.punctuation, t.separator, t.brace, t.squareBracket], color: "#a9b3c3" },
  { tag: t.typeName, color: "#7fdbca" },
  { tag: t.invalid, color: "#ff6b6b" },
]);
