// Types code into the site's Python editing rules as a learner types it, without a browser:
// CodeMirror's own state and commands (the ones Enter and typing run in the page), with the
// site's `pythonEditing` (overrides/assets/javascripts/python/code-editor.js).
//
// stdin: a JSON list of code strings. stdout: for each, the numbers of the lines where the
// editor offered the wrong indentation (test_typed_solutions.py, and the browser's
// type_into_focused_editor, which it mirrors: Enter ends a line and the editor indents the
// next; each character is typed, so else/except/closing brackets re-indent as they are typed;
// a wrong indentation is corrected before the next line).

import { insertNewlineAndIndent } from "@codemirror/commands";
import { ensureSyntaxTree } from "@codemirror/language";
import { EditorSelection, EditorState } from "@codemirror/state";

import { pythonEditing } from "../../overrides/assets/javascripts/python/code-editor.js";

function typeCode(code) {
  let state = EditorState.create({ doc: "", extensions: [pythonEditing] });
  // Each key waits for the parse of what is typed so far, as in the page, where the parse goes
  // on between keys: a transaction parses for at most 20 ms, which a busy machine can exceed.
  const dispatch = (transaction) => {
    state = transaction.state;
    ensureSyntaxTree(state, state.doc.length, 5_000);
    state = state.update({}).state; // the parse completed above becomes the state's tree
  };
  const wrong = [];
  code.split("\n").forEach((line, index) => {
    if (index > 0) insertNewlineAndIndent({ state, dispatch });
    const text = line.trimStart();
    for (const character of text) {
      const at = state.selection.main.head;
      dispatch(
        state.update({
          changes: { from: at, insert: character },
          selection: EditorSelection.cursor(at + 1),
          userEvent: "input.type",
        }),
      );
    }
    if (!text) return; // a blank line: Enter drops the indentation offered there
    const wanted = line.length - text.length;
    const current = state.doc.lineAt(state.selection.main.head);
    const offered = current.text.length - current.text.trimStart().length;
    if (offered === wanted) return;
    wrong.push(index + 1);
    dispatch(state.update({ changes: { from: current.from, to: current.from + offered, insert: " ".repeat(wanted) } }));
  });
  return { wrong, typed: state.doc.toString() };
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(JSON.stringify(JSON.parse(input).map(typeCode)));
