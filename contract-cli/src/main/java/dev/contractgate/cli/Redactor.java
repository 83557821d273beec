package dev.contractgate.cli;

import dev.contractgate.record.Redaction;
import dev.contractgate.record.Secrets;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import dev.contractgate.report.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The one redaction path of the command: every text it prints or writes passes through here, and every
 * secret value it knows of is replaced by {@value #MASK}, whole, cut short and in its encoded forms
 * ({@link Redaction#maskSecrets}, {@link Secrets#encodings}).
 *
 * <p>One instance per run, built by {@link ContractCli#run} before the command line is parsed and before any
 * input is read ({@link SecretScan}: the token variables the contract trees on the command line name, the
 * user-info of URLs, secret header values given as arguments); every contract tree a command loads adds the
 * values of its namespaces' token variables ({@link #learn}). Standard output and standard error are
 * {@linkplain #writer masking writers}, so nothing a command, picocli or an error handler prints escapes it,
 * and {@link ReportOptions#emit} masks the report itself before any renderer escapes it, then the rendered
 * text. Secrets are only ever added: there is no way for a command to turn masking off.
 */
final class Redactor {
  static final String MASK = "***";

  private final Set<String> known = new LinkedHashSet<>();
  /** {@link #known} with every encoded form, replaced as a whole when a secret is added. */
  private volatile List<String> secrets = List.of();

  /** Adds secret values; null and empty ones are ignored. */
  synchronized void add(Collection<String> values) {
    boolean changed = false;
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        changed |= known.add(v);
      }
    }
    if (changed) {
      secrets = Secrets.withEncodings(known);
    }
  }

  /** The secret values known so far (not their encodings). */
  synchronized List<String> known() {
    return List.copyOf(known);
  }

  /**
   * Learns what a loaded tree names: the value of every namespace's token variable, a {@code tokenEnv} that
   * is not a variable's name (a token pasted where the name belongs), and probe query values under secret
   * names ({@code token}, {@code password}, token headers ...).
   */
  void learn(ContractRegistry registry, Function<String, String> env) {
    Redaction names = Redaction.defaults().forRegistry(registry);
    List<String> values = new java.util.ArrayList<>();
    for (Namespace ns : registry.namespaces()) {
      ns.auth().ifPresent(a -> values.addAll(SecretScan.tokenEnv(a.tokenEnv(), env)));
      for (ContractVersion v : registry.versions(ns.id())) {
        for (Endpoint e : v.endpoints()) {
          for (Map.Entry<String, String> q : e.probe().map(Endpoint.Probe::query).orElse(Map.of()).entrySet()) {
            names.learnQuery(q.getKey(), q.getValue(), values);
          }
        }
      }
    }
    add(values);
  }

  /** A redactor that knows the token values of {@code registry}'s namespaces. */
  static Redactor forTree(ContractRegistry registry, Function<String, String> env) {
    Redactor r = new Redactor();
    r.learn(registry, env);
    return r;
  }

  /** The run's redactor, for any command of the command line. */
  static Redactor of(CommandLine.Model.CommandSpec spec) {
    return root(spec).map(r -> r.redactor).orElseGet(Redactor::new);
  }

  /** The root command, unless a test runs a subcommand on its own command line. */
  static java.util.Optional<RootCommand> root(CommandLine.Model.CommandSpec spec) {
    return spec.root().userObject() instanceof RootCommand r ? java.util.Optional.of(r) : java.util.Optional.empty();
  }

  String apply(String text) {
    List<String> s = secrets;
    String masked = s.isEmpty() || text == null ? text : Redaction.maskSecrets(text, s, MASK);
    return withoutUserInfo(masked);
  }

  /**
   * The user-info of every URL in {@code text} masked ({@code https://user:pw@host} → {@code https://***@host}),
   * whoever wrote it: a secret can come from an input file the scan never saw (a remote {@code $ref} quoted in
   * an error, a server URL in a description), not only from the arguments and token variables learnt above.
   */
  static String withoutUserInfo(String text) {
    return Redaction.maskUrlUserInfo(text, MASK);
  }

  /**
   * Every text of the report masked, before a renderer escapes it (Markdown, HTML and JSON escape characters
   * a token may hold, and the escaped form would no longer match).
   */
  Report apply(Report report) {
    List<Report.Entry> entries = report.entries().stream().map(e -> new Report.Entry(apply(e.group()), apply(e.name()),
        e.status(), apply(e.summary()), e.findings().stream().map(this::apply).toList(), e.millis())).toList();
    Report.Meta m = report.meta();
    return new Report(apply(report.kind()), apply(report.title()), entries,
        report.notes().stream().map(this::apply).toList(),
        new Report.Meta(m.time(), m.tool(), m.contracts().stream().map(this::apply).toList(), m.commit()));
  }

  private Report.Finding apply(Report.Finding f) {
    return new Report.Finding(f.level(), apply(f.rule()), apply(f.where()),
        f.facts().stream().map(x -> new Report.Fact(apply(x.key()), apply(x.value()))).toList(), apply(f.hint()),
        apply(f.oldFragment()), apply(f.newFragment()),
        f.location().isKnown() ? new Report.Location(apply(f.location().file()), f.location().line()) : f.location());
  }

  /**
   * A writer that masks what it passes on to {@code target}: whole lines at each flush, the rest when
   * {@link MaskingWriter#drain drained} (a secret never straddles two writes to the target).
   */
  MaskingWriter writer(Writer target) {
    return new MaskingWriter(target, this);
  }

  /** As {@link #writer}, for a byte stream ({@code System.out}, {@code System.err}: what libraries log). */
  PrintStream stream(PrintStream target) {
    MaskingWriter w = writer(new java.io.OutputStreamWriter(target, StandardCharsets.UTF_8));
    return new PrintStream(new OutputStream() {
      private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) throws IOException {
        bytes.write(b);
        if (b == '\n') {
          flush();
        }
      }

      @Override
      public synchronized void flush() throws IOException {
        // Whole lines only: a UTF-8 sequence or a secret is never cut in two.
        byte[] all = bytes.toByteArray();
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
          end--;
        }
        if (end > 0) {
          w.write(new String(all, 0, end, StandardCharsets.UTF_8));
          bytes.reset();
          bytes.write(all, end, all.length - end);
          w.flush();
        }
      }

      @Override
      public synchronized void close() throws IOException {
        w.write(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        w.drain();
      }
    }, true, StandardCharsets.UTF_8);
  }

  /** Masks on the way out; see {@link Redactor#writer}. */
  static final class MaskingWriter extends Writer {
    private final Writer target;
    private final Redactor redactor;
    private final StringBuilder pending = new StringBuilder();

    MaskingWriter(Writer target, Redactor redactor) {
      this.target = target;
      this.redactor = redactor;
    }

    @Override
    public void write(char[] chars, int off, int len) {
      synchronized (lock) {
        pending.append(chars, off, len);
      }
    }

    @Override
    public void write(String s, int off, int len) {
      synchronized (lock) {
        pending.append(s, off, off + len);
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (lock) {
        int line = pending.lastIndexOf("\n");
        if (line >= 0) {
          target.write(redactor.apply(pending.substring(0, line + 1)));
          pending.delete(0, line + 1);
        }
        target.flush();
      }
    }

    /** Writes what is left, masked, and flushes. */
    void drain() throws IOException {
      synchronized (lock) {
        if (pending.length() > 0) {
          target.write(redactor.apply(pending.toString()));
          pending.setLength(0);
        }
        target.flush();
      }
    }

    @Override
    public void close() throws IOException {
      drain();
    }

    /** A print writer over this one that flushes (whole lines) at every {@code println}. */
    PrintWriter printer() {
      return new PrintWriter(this, true);
    }
  }
}
