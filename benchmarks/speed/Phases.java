import dev.contractgate.diff.*;
import dev.contractgate.openapi.*;
import java.lang.management.*;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
/** Main-thread CPU and wall time of the import and of the endpoint diff, per round, in one JVM. */
public class Phases {
  public static void main(String[] a) {
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    int rounds = Integer.parseInt(a[2]);
    for (int r = 0; r < rounds; r++) {
      long c0 = tb.getCurrentThreadCpuTime(), w0 = System.nanoTime();
      ImportedVersion o = OpenApiImport.convert(Path.of(a[0]), "api", "1.0.0", Optional.empty());
      ImportedVersion n = OpenApiImport.convert(Path.of(a[1]), "api", "2.0.0", Optional.empty());
      long c1 = tb.getCurrentThreadCpuTime(), w1 = System.nanoTime();
      VersionDiff full = OpenApiImport.compare(o, n, DiffPolicy.defaults(), LocalDate.of(2026,1,1));
      long c2 = tb.getCurrentThreadCpuTime(), w2 = System.nanoTime();
      System.out.printf("round %d: import cpu %.2f s (wall %.2f), diff cpu %.2f s (wall %.2f), %d changes%n",
          r, (c1-c0)/1e9, (w1-w0)/1e9, (c2-c1)/1e9, (w2-w1)/1e9, full.changes().size());
    }
  }
}
