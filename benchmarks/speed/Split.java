import dev.contractgate.diff.*;
import dev.contractgate.openapi.*;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
/** Times the import, the contract-only diff and the diff with the description's extras apart, twice. */
public class Split {
  public static void main(String[] a) {
    for (int r = 0; r < 2; r++) {
      long t0 = System.nanoTime();
      ImportedVersion o = OpenApiImport.convert(Path.of(a[0]), "api", "1.0.0", Optional.empty());
      ImportedVersion n = OpenApiImport.convert(Path.of(a[1]), "api", "2.0.0", Optional.empty());
      long t1 = System.nanoTime();
      VersionDiff plain = VersionDiffer.compare(o.documents(), o.version(), n.documents(), n.version(), DiffPolicy.defaults(), LocalDate.of(2026,1,1));
      long t2 = System.nanoTime();
      o.diffNotes(); n.diffNotes();
      long t3 = System.nanoTime();
      VersionDiff full = OpenApiImport.compare(o, n, DiffPolicy.defaults(), LocalDate.of(2026,1,1));
      long t4 = System.nanoTime();
      System.out.printf("import %.2f s, contract diff %.2f s (%d), surface read %.2f s, full diff %.2f s (%d)%n",
          (t1-t0)/1e9, (t2-t1)/1e9, plain.changes().size(), (t3-t2)/1e9, (t4-t3)/1e9, full.changes().size());
    }
  }
}
