// editor.js — the main.py editor: CodeMirror 6 with Python highlighting.
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';

export function createEditor(parent, text, { onChange, onRun }) {
  const view = new EditorView({
    doc: text,
    parent,
    extensions: [
      basicSetup,
      python(),
      keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }, indentWithTab]),
      EditorView.updateListener.of((u) => { if (u.docChanged) onChange(view.state.doc.toString()); }),
    ],
  });
  return {
    get: () => view.state.doc.toString(),
    set: (src) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: src } }),
    focus: () => view.focus(),
  };
}
