package dev.contractgate.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic {@code blog.list} responses of the example contract {@code ivanpin/1.2.0}: posts with Cyrillic
 * titles and excerpts, authors, images, tags, dates. Deterministic for a given target size.
 */
public final class BlogBodies {

  /** The schema the bodies are valid against. */
  public static final String SCHEMA = "ivanpin/1.2.0/schemas/blog-list.schema.json";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String[] WORDS = {
    "Bitrix", "Next.js", "headless", "фронтенд", "бэкенд", "деплой", "контракт", "кэш", "сессия", "API",
    "инфоблок", "релиз", "неймспейс", "заголовок", "ответ", "схема", "клиент", "сервер", "логи", "скорость"
  };
  private static final String[] TAGS = {"headless", "bitrix", "nextjs", "deploy", "architecture", "consulting", "cdn"};

  private BlogBodies() {}

  /** A body whose UTF-8 size is the smallest whole number of posts at or above {@code targetBytes}. */
  public static String ofSize(int targetBytes) {
    Random random = new Random(targetBytes);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("feature_enabled", true);
    ArrayNode items = root.putArray("items");
    ObjectNode pagination = root.putObject("pagination");
    int bytes = 120;
    int n = 0;
    while (bytes < targetBytes) {
      ObjectNode post = post(random, 100_000 - n);
      bytes += MAPPER.writeValueAsString(post).getBytes(StandardCharsets.UTF_8).length + 1;
      items.add(post);
      n++;
    }
    pagination.put("page", 1);
    pagination.put("pageSize", 50);
    pagination.put("total", n);
    pagination.put("totalPages", (n + 49) / 50);
    return MAPPER.writeValueAsString(root);
  }

  /** The UTF-8 size of a body. */
  public static int utf8Bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8).length;
  }

  private static ObjectNode post(Random r, int id) {
    ObjectNode p = MAPPER.createObjectNode();
    String slug = TAGS[r.nextInt(TAGS.length)] + "-" + id + "-" + TAGS[r.nextInt(TAGS.length)];
    String title = sentence(r, 6 + r.nextInt(8));
    String excerpt = sentence(r, 15 + r.nextInt(25));
    p.put("id", id);
    p.put("iblockId", 40);
    p.put("slug", slug);
    p.put("lang", "ru");
    p.put("title", title);
    p.put("previewText", excerpt);
    p.put("publishedAt", String.format("2025-%02d-%02dT%02d:%02d:00+03:00", 1 + r.nextInt(12), 1 + r.nextInt(28),
        r.nextInt(24), r.nextInt(60)));
    p.put("url", "https://ivanpin.com/blog/" + slug + "/");
    ObjectNode author = p.putObject("author");
    author.put("id", 1 + r.nextInt(5));
    author.put("name", "Иван Пин");
    ObjectNode avatar = author.putObject("avatar");
    avatar.put("url", "https://ivanpin.com/upload/main/7a1/ivan-pin-avatar.jpg");
    avatar.put("width", 256);
    avatar.put("height", 256);
    author.put("url", "https://ivanpin.com/about/");
    ObjectNode image = p.putObject("image");
    image.put("url", "https://ivanpin.com/upload/iblock/" + Integer.toHexString(0x100 + r.nextInt(0xeff)) + "/" + slug + ".jpg");
    image.put("width", 1200);
    image.put("height", 630);
    image.put("alt", title);
    p.put("excerpt", excerpt);
    p.put("readingTime", 1 + r.nextInt(20));
    ArrayNode tags = p.putArray("tags");
    for (int i = 0, k = 1 + r.nextInt(3); i < k; i++) {
      tags.add(TAGS[r.nextInt(TAGS.length)]);
    }
    p.put("updatedAt", String.format("2025-%02d-%02dT%02d:%02d:00+03:00", 1 + r.nextInt(12), 1 + r.nextInt(28),
        r.nextInt(24), r.nextInt(60)));
    return p;
  }

  private static String sentence(Random r, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.append('.').toString();
  }
}
