// CodeMirror 6 for runnable blocks: Python highlighting and indentation, colours taken from
// Material's code palette (CSS variables), so light/dark switches apply live.
// Bundled by esbuild at build time into code-editor.bundle.js (overrides/hooks/bundle_scripts.py).

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";

const materialColor = (name) => `var(--md-code-hl-${name}-color)`;

const materialHighlighting = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
    color: materialColor("keyword"),
  },
  { tag: [tags.string, tags.special(tags.string)], color: materialColor("string") },
  { tag: [tags.number, tags.bool, tags.null], color: materialColor("number") },
  { tag: tags.comment, color: materialColor("comment"), fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: materialColor("function") },
  { tag: [tags.definition(tags.variableName), tags.className], color: materialColor("name") },
  { tag: [tags.operator, tags.compareOperator], color: materialColor("operator") },
  { tag: [tags.punctuation, tags.bracket], color: materialColor("punctuation") },
  { tag: [tags.self, tags.standard(tags.variableName)], color: materialColor("constant") },
]);

const materialTheme = EditorView.theme({
  "&": {
    color: "var(--md-code-fg-color)",
    backgroundColor: "var(--md-code-bg-color)",
    fontSize: "0.85em",
  },
  ".cm-content": { fontFamily: "var(--md-code-font-family)", caretColor: "var(--md-code-fg-color)" },
  ".cm-gutters": {
    backgroundColor: "var(--md-code-bg-color)",
    color: "var(--md-default-fg-color--light)",
    border: "none",
  },
  // The active line is marked in the gutter only: a tinted line would cut the contrast of its code.
  ".cm-activeLine": { backgroundColor: "transparent" },
  ".cm-activeLineGutter": { backgroundColor: "transparent", color: "var(--md-default-fg-color)", fontWeight: "700" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--md-code-hl-color)",
  },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)" },
});

/**
 * Create an editor in `parent`. `onRun` is called for Ctrl/Cmd+Enter and Shift+Enter.
 * Returns {getCode, setCode, focus, destroy}.
 */
export function createEditor({ parent, code, label, describedBy, onRun, onChange }) {
  const runKeys = [
    { key: "Mod-Enter", run: () => (onRun(), true) },
    { key: "Shift-Enter", run: () => (onRun(), true) },
  ];
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        Prec.highest(keymap.of(runKeys)),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        python(),
        syntaxHighlighting(materialHighlighting),
        materialTheme,
        // Tab indents; Escape then Tab moves focus on (CodeMirror's built-in escape hatch).
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        // tabindex: the editor scrolls sideways on long lines, and keyboard users (and axe) must
        // find a focusable element inside the scrolling region.
        EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": describedBy, tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(view.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
