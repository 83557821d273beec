package dev.contractgate.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Path templating: ids at once, slugs when enough siblings look like them, bounded whatever the traffic. */
class InferPathTest {

  static List<String> templates(InferOptions o, String... paths) {
    PathNode root = new PathNode();
    for (String p : paths) {
      PathNode n = root;
      for (String s : p.split("/")) {
        n = n.child(s, o);
      }
      n.endpoint("GET").count++;
    }
    root.templateSlugs(o);
    List<PathNode.Route> routes = new ArrayList<>();
    root.routes(new ArrayList<>(), new ArrayList<>(), routes);
    List<String> out = new ArrayList<>();
    for (PathNode.Route r : routes) {
      List<String> segs = new ArrayList<>();
      for (int i = 0; i < r.segments().size(); i++) {
        segs.add(r.segments().get(i) == null ? "{" + r.kinds().get(i) + "}" : r.segments().get(i));
      }
      out.add(String.join("/", segs) + " -> " + VersionFiles.baseId(r));
    }
    return out;
  }

  static List<String> templates(String... paths) {
    return templates(InferOptions.defaults(), paths);
  }

  @Test
  void should_template_numbers_uuids_and_opaque_ids_at_once() {
    assertThat(templates("users/17", "users/123e4567-e89b-12d3-a456-426614174000/orders",
        "files/5f2b9c0e8a7d4b1c9e3f", "keys/AbCdEf123456GhIjKl7890"))
        .containsExactly("files/{ID} -> files.detail", "keys/{ID} -> keys.detail", "users/{ID} -> users.detail",
            "users/{ID}/orders -> users.orders");
  }

  @Test
  void should_template_slugs_when_enough_siblings_look_like_slugs_and_keep_file_names() {
    assertThat(templates("blog/list.php", "blog/hello-world", "blog/one-bitrix-two-nextjs", "blog/post42"))
        .containsExactly("blog/list.php -> blog.list", "blog/{SLUG} -> blog.detail");
    // two slugs are not enough with the default of three
    assertThat(templates("blog/list.php", "blog/hello-world", "blog/one-bitrix"))
        .containsExactly("blog/hello-world -> blog.hello-world", "blog/list.php -> blog.list",
            "blog/one-bitrix -> blog.one-bitrix");
    // plain words are never slugs
    assertThat(templates("users/active", "users/inactive", "users/banned"))
        .containsExactly("users/active -> users.active", "users/banned -> users.banned",
            "users/inactive -> users.inactive");
  }

  @Test
  void should_merge_ids_and_slugs_at_one_position_into_one_parameter() {
    assertThat(templates("posts/12", "posts/a-b", "posts/c-d", "posts/e-f")).containsExactly("posts/{ID} -> posts.detail");
  }

  @Test
  void should_bound_the_distinct_values_kept_per_position() {
    InferOptions o = InferOptions.defaults().withMaxPathValues(5);
    String[] paths = new String[50];
    for (int i = 0; i < 49; i++) {
      paths[i] = "tags/word" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
    }
    paths[49] = "tags/list.php";
    assertThat(templates(o, paths)).containsExactly("tags/list.php -> tags.list", "tags/{SLUG} -> tags.detail");
  }

  @Test
  void should_give_the_same_tree_whatever_the_split_between_workers() {
    InferOptions o = InferOptions.defaults().withMaxPathValues(3);
    String[] paths = {"a/x1-y", "a/x2-y", "a/list.php", "a/x3-y", "a/x4-y", "b/1/c", "a/x5-y"};
    PathNode left = new PathNode();
    PathNode right = new PathNode();
    for (int i = 0; i < paths.length; i++) {
      PathNode n = i % 2 == 0 ? left : right;
      for (String s : paths[i].split("/")) {
        n = n.child(s, o);
      }
      n.endpoint("GET").count++;
    }
    PathNode merged = new PathNode();
    merged.merge(left, o);
    merged.merge(right, o);
    merged.templateSlugs(o);
    List<PathNode.Route> routes = new ArrayList<>();
    merged.routes(new ArrayList<>(), new ArrayList<>(), routes);
    assertThat(routes.stream().map(r -> String.valueOf(r.segments()) + " " + r.stats().count).toList())
        .containsExactly("[a, list.php] 1", "[a, null] 5", "[b, null, c] 1");
  }

  @Test
  void should_recognise_ids_slugs_and_words() {
    assertThat(Segments.isId("42")).isTrue();
    assertThat(Segments.isId("123e4567-e89b-12d3-a456-426614174000")).isTrue();
    assertThat(Segments.isId("headless-deploy-velocity-2024")).isFalse();
    assertThat(Segments.isSlug("headless-deploy-velocity-2024")).isTrue();
    assertThat(Segments.isSlug("list.php")).isFalse();
    assertThat(Segments.isSlug("catalog")).isFalse();
    assertThat(Segments.isIdLike("17")).isTrue();
    assertThat(Segments.isIdLike("k17")).isFalse();
  }
}
