// CodeMirror 6 for runnable blocks: Python highlighting and indentation, colours taken from
// Material's code palette (CSS variables), so light/dark switches apply live.
// Bundled by esbuild at build time into code-editor.bundle.js (overrides/hooks/bundle_scripts.py).

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  indentService,
  indentUnit,
  syntaxHighlighting,
  syntaxTree,
} from "@codemirror/language";
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

// Python's indentation, as every example on the site is written: 4 spaces a level. Enter keeps
// the level or, after a colon, indents one (lang-python); Backspace in leading whitespace removes
// a level (deleteCharBackward works in indent units); Tab and Shift+Tab indent and dedent the
// line by one (indentWithTab, in the keymap below); else/elif/except/finally and closing
// brackets re-indent as they are typed (indentOnInput, with lang-python's patterns).
//
// Two rules that lang-python leaves out, found by typing the exercises' reference solutions line
// by line (tests/exercises/test_typed_solutions.py), where it keeps the level of the line above:
// - after `return`, `pass`, `raise`, `break` or `continue` the block cannot go on, so the next
//   line is offered one level less (IDLE does the same);
// - after two blank lines, column 0: PEP 8 puts two blank lines around top-level definitions,
//   while one blank line inside a function keeps its level.
// Anywhere else, and wherever the code above is unfinished (an open bracket or string, a colon
// with no block yet), the service answers undefined and lang-python decides.
const ENDS_A_BLOCK = new Set([
  "ReturnStatement",
  "PassStatement",
  "RaiseStatement",
  "BreakStatement",
  "ContinueStatement",
]);
const DEDENTS_AS_TYPED = /^\s*(else:|elif |except[ :]|finally:|[)\]}])/;

const blockEndingIndentation = indentService.of((context, pos) => {
  if (DEDENTS_AS_TYPED.test(context.textAfterPos(pos))) return undefined;
  let blankLines = 0;
  for (const line of linesAbove(context, pos)) {
    if (!/\S/.test(line.text)) {
      blankLines += 1;
      continue;
    }
    const statement = finishedStatementEndingOn(context.state, line);
    if (!statement) return undefined;
    if (blankLines >= 2) return 0;
    if (ENDS_A_BLOCK.has(statement.name)) return Math.max(0, context.lineIndent(statement.from) - context.unit);
    return undefined;
  }
  return undefined;
});

// The lines above the one being indented, nearest first. With Enter, that line is the part of
// the current line after the (simulated) break, and the part before it comes first.
function* linesAbove(context, pos) {
  for (let line = context.lineAt(pos, 1); line.from > 0;) {
    line = context.lineAt(line.from - 1, -1);
    yield line;
  }
}

// The innermost statement whose code ends `line` (a trailing comment aside), if it is complete:
// undefined on a line of comment only, inside an open bracket or string, or after a colon whose
// block has no body yet, where the parser has marked an error.
function finishedStatementEndingOn(state, line) {
  const tree = syntaxTree(state);
  const lineEnd = line.from + line.text.trimEnd().length;
  const last = tree.resolveInner(lineEnd, -1);
  const codeEnd = last.name === "Comment" ? line.from + state.sliceDoc(line.from, last.from).trimEnd().length : lineEnd;
  if (!/\S/.test(state.sliceDoc(line.from, codeEnd))) return undefined;
  let node = tree.resolveInner(codeEnd, -1);
  while (node && !node.type.is("Statement")) node = node.parent;
  if (!node) return undefined;
  let unfinished = false;
  node.cursor().iterate((inner) => {
    unfinished ||= inner.type.isError;
    return !unfinished;
  });
  return unfinished ? undefined : node;
}

/** How Python is edited: indentation in units of 4 spaces, and the rules above. */
export const pythonEditing = [
  indentUnit.of("    "),
  EditorState.tabSize.of(4),
  blockEndingIndentation,
  indentOnInput(),
  python(),
];

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
        bracketMatching(),
        pythonEditing,
        syntaxHighlighting(materialHighlighting),
        materialTheme,
        // Tab indents, as in any Python editor: a learner types a block with it. Keyboard users
        // are not trapped (WCAG 2.1.2): Escape then Tab or Shift+Tab moves focus on (CodeMirror's
        // built-in escape hatch), as the hint beside every editor says; Ctrl+M (Shift+Alt+M on
        // macOS) makes Tab move focus until pressed again, for readers who need more time than
        // the 2 s that Escape gives. Letting Tab move focus until the reader has typed would
        // change what Tab does, unannounced, in the middle of the reader's work.
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
