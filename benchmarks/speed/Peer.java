import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/** openapi-diff 2.1.7 as a command: read two files, diff, print whether it is compatible. */
public class Peer {
  public static void main(String[] a) {
    ChangedOpenApi r = OpenApiCompare.fromLocations(a[0], a[1]);
    System.out.println((r.isCompatible() ? "compatible" : "INCOMPATIBLE") + ", " + r.getChangedOperations().size() + " changed operations");
  }
}
