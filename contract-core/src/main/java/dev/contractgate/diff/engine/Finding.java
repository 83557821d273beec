package dev.contractgate.diff.engine;

import dev.contractgate.registry.SourceLocation;

/** A finding placed at its logical path, with the visit chain for the witness builder. */
final class Finding {
  final Kind kind;
  final String path;
  final String subject;
  final String oldText;
  final String newText;
  final SourceLocation oldLoc;
  final SourceLocation newLoc;
  final Pair.Hint hint;
  final Findings.Visit at;

  Finding(Kind kind, String path, String subject, String oldText, String newText, SourceLocation oldLoc,
      SourceLocation newLoc, Pair.Hint hint, Findings.Visit at) {
    this.kind = kind;
    this.path = path;
    this.subject = subject;
    this.oldText = oldText;
    this.newText = newText;
    this.oldLoc = oldLoc;
    this.newLoc = newLoc;
    this.hint = hint;
    this.at = at;
  }
}
