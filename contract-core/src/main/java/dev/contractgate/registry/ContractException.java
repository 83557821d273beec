package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.report.Facts;
import dev.contractgate.report.Report.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A contract tree, schema or input file that cannot be used as it is.
 *
 * <p>The message always names the file, the line and column or the JSON pointer, what was expected, and a
 * hint, in the shape:
 *
 * <pre>
 * Cannot load contract: ivanpin/1.0.0/endpoints.yaml (line 7, column 5)
 *     expected: one of [GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS] for "method"
 *     but was : "FETCH"
 *     hint    : use an HTTP method name in upper case
 * </pre>
 *
 * <p>Built with {@link #builder(String, String)}:
 *
 * <pre>{@code
 * throw ContractException.builder("Cannot load contract", file)
 *     .at("line 7, column 5").expected("one of [GET, ...]").butWas("\"FETCH\"").hint("use ...").build();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final String where;
  private final String expected;
  private final String actual;
  private final String hint;
  private final List<ContractException> problems;

  private ContractException(Builder b) {
    super(format(b), b.cause);
    this.file = b.file;
    this.where = b.where;
    this.expected = b.expected;
    this.actual = b.actual;
    this.hint = b.hint;
    this.problems = List.of(this);
  }

  private ContractException(String message, List<ContractException> problems) {
    super(message, problems.get(0));
    ContractException first = problems.get(0);
    this.file = first.file;
    this.where = first.where;
    this.expected = first.expected;
    this.actual = first.actual;
    this.hint = first.hint;
    this.problems = List.copyOf(problems);
  }

  /**
   * One exception for every problem found in a tree: the problem itself when there is one (so a tree with one
   * mistake reads exactly as before), otherwise a headline with the count followed by each problem's message.
   * The accessors ({@link #file()}, {@link #where()}, ...) answer for the first problem.
   *
   * @param origin how to name the tree in the headline
   * @param problems at least one problem, each a single one or itself an aggregate
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static ContractException of(String origin, List<ContractException> problems) {
    List<ContractException> all = new ArrayList<>();
    for (ContractException p : problems) {
      all.addAll(p.problems());
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no problem to report");
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    StringBuilder message = new StringBuilder("Cannot load contract: " + all.size() + " problems in " + origin);
    for (int i = 0; i < all.size(); i++) {
      message.append("\n\n").append(i + 1).append(". ").append(all.get(i).getMessage());
    }
    return new ContractException(message.toString(), all);
  }

  /**
   * Every problem this exception stands for, in the order they were found: itself alone, or the problems
   * of an aggregate made by {@link #of}.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public List<ContractException> problems() {
    return problems;
  }

  /**
   * Starts an exception.
   *
   * @param headline what failed, e.g. {@code "Cannot load contract"}
   * @param file the file (tree-relative or as given by the user)
   */
  public static Builder builder(String headline, String file) {
    return new Builder(headline, file);
  }

  /** The file the problem is in. */
  public String file() {
    return file;
  }

  /** The line and column, or the JSON pointer, inside {@link #file()}; empty when the whole file is meant. */
  public String where() {
    return where;
  }

  /** What was expected; may be empty. */
  public String expected() {
    return expected;
  }

  /** What was found; may be empty. */
  public String actual() {
    return actual;
  }

  /** What to do about it; may be empty. */
  public String hint() {
    return hint;
  }

  /** The facts below the headline, in reading order, empty ones left out. */
  public List<Fact> facts() {
    List<Fact> facts = new ArrayList<>(3);
    add(facts, "expected", expected);
    add(facts, "but was", actual);
    add(facts, "hint", hint);
    return List.copyOf(facts);
  }

  private static void add(List<Fact> facts, String key, String value) {
    if (!value.isEmpty()) {
      facts.add(new Fact(key, value));
    }
  }

  private static String format(Builder b) {
    String head = b.headline + ": " + b.file;
    if (!b.where.isEmpty()) {
      head += b.where.startsWith("/") || b.where.startsWith("#") ? " at " + b.where : " (" + b.where + ")";
    }
    List<Fact> facts = new ArrayList<>(3);
    add(facts, "expected", b.expected);
    add(facts, "but was", b.actual);
    add(facts, "hint", b.hint);
    return Facts.render(head, facts);
  }

  /**
   * The parts of a {@link ContractException}; each is optional but the headline and the file.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final String headline;
    private final String file;
    private String where = "";
    private String expected = "";
    private String actual = "";
    private String hint = "";
    private Throwable cause;

    private Builder(String headline, String file) {
      this.headline = Objects.requireNonNull(headline, "headline");
      this.file = Objects.requireNonNull(file, "file");
    }

    /** {@code "line 7, column 5"} or a JSON pointer. */
    public Builder at(String where) {
      this.where = orEmpty(where);
      return this;
    }

    public Builder expected(String expected) {
      this.expected = orEmpty(expected);
      return this;
    }

    /**
     * What was found. The user-info of any URL in it is masked ({@code https://user:pw@host} →
     * {@code https://***@host}): what was found is often quoted from an input file (a remote {@code $ref}),
     * and an exception message must not carry a secret to wherever it is logged.
     */
    public Builder butWas(String actual) {
      this.actual = Refs.maskUserInfo(orEmpty(actual), "***");
      return this;
    }

    public Builder hint(String hint) {
      this.hint = orEmpty(hint);
      return this;
    }

    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    public ContractException build() {
      return new ContractException(this);
    }

    private static String orEmpty(String s) {
      return s == null ? "" : s;
    }
  }
}
