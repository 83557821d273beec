import dev.contractgate.bench.PeerReport;
import dev.contractgate.bench.SyntheticSchemas;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the synthetic OpenAPI pair of about N bytes per side that PeerReport uses: DIR/old.json, DIR/new.json. */
public class Gen {
  public static void main(String[] a) throws Exception {
    SyntheticSchemas.Pair pair = SyntheticSchemas.ofSize(Long.parseLong(a[0]));
    Path dir = Files.createDirectories(Path.of(a[1]));
    Files.writeString(dir.resolve("old.json"), SyntheticSchemas.json(SyntheticSchemas.toOpenApi(pair.oldSchema(), PeerReport.PER_PATH)));
    Files.writeString(dir.resolve("new.json"), SyntheticSchemas.json(SyntheticSchemas.toOpenApi(pair.newSchema(), PeerReport.PER_PATH)));
  }
}
