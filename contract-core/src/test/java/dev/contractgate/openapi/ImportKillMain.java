package dev.contractgate.openapi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Run by {@link ImportForceSwapTest} in a child JVM: {@code import --force} of {@code SPEC} as {@code shop/VERSION}
 * into {@code TREE}, and at step {@code STEP} of the swap either {@code halt} (the process dies as by
 * {@code kill -9}: no finally block runs) or {@code wait} (it prints {@code waiting at STEP} and sleeps until it is
 * killed from outside).
 */
public final class ImportKillMain {

  private ImportKillMain() {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    Path tree = Path.of(args[1]);
    String version = args[2];
    String at = args[3];
    boolean halt = args[4].equals("halt");
    ContractWriter.step = step -> {
      if (step.equals(at)) {
        if (halt) {
          Runtime.getRuntime().halt(137);
        }
        System.out.println("waiting at " + step);
        System.out.flush();
        try {
          Thread.sleep(120_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    OpenApiImport.importInto(spec, tree, "shop", version, Optional.empty(), true);
    System.out.println("imported");
  }
}
