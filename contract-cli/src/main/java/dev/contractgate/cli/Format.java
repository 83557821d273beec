package dev.contractgate.cli;

/** Output formats of the commands that print a listing or a result. */
enum Format {
  text,
  json
}
